package io.plumbline.testing;

import io.plumbline.snapshot.SnapshotLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BinaryOperator;

/** The demo fixtures bundled in the jar, copied out as a snapshot folder for tests that need files. */
public final class DemoFolder {
    private DemoFolder() {}

    /**
     * Copies the demo's data into {@code to} as a snapshot folder of real inputs: its manifest does not say
     * {@code "source": "demo fixtures"} (which makes every plan from the folder a demo plan, as for the copy
     * {@code init --demo} writes), so its plans can be applied to an emulator. Returns {@code to}.
     */
    public static Path copy(Path to) throws IOException {
        return copy(to, (name, text) -> text);
    }

    /** {@link #copy(Path)}, each file's text passed through {@code edit(name, text)}. */
    public static Path copy(Path to, BinaryOperator<String> edit) throws IOException {
        return copyAsIs(
                to,
                (name, text) -> edit.apply(
                        name,
                        name.equals(SnapshotLayout.MANIFEST)
                                ? text.replace("\"" + SnapshotLayout.DEMO_SOURCE + "\"", "\"files\"")
                                : text));
    }

    /** Copies the demo fixtures into {@code to} exactly, marked as the demo as {@code init --demo} writes them. */
    public static Path copyAsIs(Path to, BinaryOperator<String> edit) throws IOException {
        for (String name : SnapshotLayout.FILES) {
            String text;
            try (InputStream in = DemoFolder.class.getResourceAsStream("/io/plumbline/demo/" + name)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(to.resolve(name).getParent());
            Files.writeString(to.resolve(name), edit.apply(name, text));
        }
        return to;
    }
}
