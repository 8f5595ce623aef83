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

    /** Copies the demo into {@code to}; returns {@code to}. */
    public static Path copy(Path to) throws IOException {
        return copy(to, (name, text) -> text);
    }

    /** Copies the demo into {@code to}, each file's text passed through {@code edit(name, text)}. */
    public static Path copy(Path to, BinaryOperator<String> edit) throws IOException {
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
