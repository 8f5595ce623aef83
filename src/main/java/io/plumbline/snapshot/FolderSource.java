package io.plumbline.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** A snapshot folder on disk. */
public record FolderSource(Path root) implements InputSource {
    @Override
    public InputStream open(String relativePath) throws IOException {
        Path p = root.resolve(relativePath);
        if (Files.isRegularFile(p)) {
            return Files.newInputStream(p);
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        // there, but not a file to read: never taken for an optional file that is simply absent
        throw new IOException(
                Files.isDirectory(p)
                        ? "a folder, not a file"
                        : Files.isSymbolicLink(p)
                                ? "a symbolic link to " + Files.readSymbolicLink(p) + ", which is not a file"
                                : "not a regular file");
    }

    @Override
    public String displayName(String relativePath) {
        return root.resolve(relativePath).toString();
    }

    @Override
    public List<String> unread() {
        return UnreadFiles.in(root);
    }
}
