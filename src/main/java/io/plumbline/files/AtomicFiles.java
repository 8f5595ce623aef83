package io.plumbline.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: the content goes to a hidden sibling ({@code .NAME.partial}),
 * which is then moved over the target, atomically where the file system can. A failure removes the
 * sibling and leaves the target as it was.
 */
public final class AtomicFiles {
    /** Writes the whole content to the file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces (or creates) {@code target} with {@code content}, creating its folder when missing. */
    public static void replace(Path target, Content content) throws IOException {
        replace(target, content, false);
    }

    /**
     * As {@link #replace}, and durable once it returns: the content is forced to the disk before the
     * move, and the folder after it, so a crash leaves either the old file or the new one.
     */
    public static void replaceDurably(Path target, Content content) throws IOException {
        replace(target, content, true);
    }

    /**
     * The hidden sibling {@code target}'s content is written to before it is moved into place: of this
     * process and thread, as two runs may write one file at once (two reports of one run folder), and with
     * one name for both, one would move into place the file the other is still writing.
     */
    public static Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".partial");
    }

    private static void replace(Path target, Content content, boolean durable) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = partial(target);
        try {
            content.writeTo(partial);
            if (durable) {
                try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            move(partial, target);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (durable) {
            forceFolder(folder);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the move itself durable; where a folder cannot be opened (Windows), the move must do. */
    private static void forceFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform: the file itself was forced before the move
        }
    }
}
