package io.plumbline.bench;

import java.nio.file.Path;

/**
 * Command-line entry of the generator: {@code Generate DIR ACCOUNTS|large [FACTOR] [SEED]} writes a
 * snapshot folder with {@code expected_counts.json} and prints what it holds.
 */
public final class Generate {
    private Generate() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Generate DIR ACCOUNTS|large [FACTOR] [SEED]");
            System.exit(2);
        }
        long seed =
                args.length > 3 ? Long.parseLong(args[3]) : TenantShape.large().seed();
        TenantShape shape = args[1].equals("large")
                ? TenantShape.large()
                : TenantShape.proportional(Integer.parseInt(args[1]), seed);
        if (args.length > 2) {
            shape = shape.times(Integer.parseInt(args[2]));
        }
        long started = System.nanoTime();
        ExpectedCounts counts = TenantGenerator.generate(shape, Path.of(args[0]));
        System.out.printf(
                "generated %s in %.1f s: inputs %s, %d issues%n",
                args[0], (System.nanoTime() - started) / 1e9, counts.inputs(), counts.total());
    }
}
