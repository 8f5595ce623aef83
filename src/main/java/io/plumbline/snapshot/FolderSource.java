package io.plumbline.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A snapshot folder on disk. */
public record FolderSource(Path root) implements InputSource {
    @Override
    public InputStream open(String relativePath) throws IOException {
        Path p = root.resolve(relativePath);
        return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
    }

    @Override
    public String displayName(String relativePath) {
        return root.resolve(relativePath).toString();
    }
}
