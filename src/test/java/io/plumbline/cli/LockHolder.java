package io.plumbline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process for lock tests: {@code hold FILE} takes the lock of FILE, says {@code locked} and keeps
 * it till its input ends (or it is killed); {@code try FILE} says whether the lock is {@code free} or
 * {@code held}, and lets it go.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (args[0].equals("try")) {
                System.out.println(lock == null ? "held" : "free");
                return;
            }
            System.out.println(lock == null ? "held" : "locked");
            System.out.flush();
            System.in.read(); // until the test lets go, or kills this process
        }
    }

    /** Starts {@code mode FILE} in a JVM of its own; its first line of output is read by the caller. */
    static Process start(String mode, Path file) throws IOException {
        Path classes;
        try {
            classes = Path.of(LockHolder.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes.toString(),
                LockHolder.class.getName(),
                mode,
                file.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The first line a started holder says. */
    static String firstLine(Process p) throws IOException {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }

    /** Whether another process finds {@code file}'s lock held. */
    static boolean heldElsewhere(Path file) throws IOException, InterruptedException {
        Process p = start("try", file);
        String said = firstLine(p);
        p.waitFor();
        return said.equals("held");
    }
}
