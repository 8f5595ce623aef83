package io.plumbline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replace_createsTheFileAndItsFolder_leavingNoPartial() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFiles.replace(target, f -> Files.writeString(f, "new"));
        assertThat(target).hasContent("new");
        assertThat(listing(target.getParent())).containsExactly("out.txt");
    }

    @Test
    void replace_overAnOldFile_swapsItWhole() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        AtomicFiles.replaceDurably(target, f -> Files.writeString(f, "new"));
        assertThat(target).hasContent("new");
        assertThat(listing(dir)).containsExactly("out.txt");
    }

    @Test
    void replace_contentFailsHalfway_keepsTheOldFile_andRemovesThePartial() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.replace(target, f -> {
                    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                        w.write("half");
                        w.flush();
                        assertThat(f).hasContent("half");
                        throw new IOException("disk full");
                    }
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(listing(dir)).containsExactly("out.txt");
    }

    @Test
    void replace_uncheckedFailure_isRethrownAsIs_andRemovesThePartial() {
        Path target = dir.resolve("out.txt");
        UncheckedIOException failure = new UncheckedIOException(new IOException("boom"));
        assertThatThrownBy(() -> AtomicFiles.replace(target, f -> {
                    Files.writeString(f, "half");
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(target).doesNotExist();
        assertThat(AtomicFiles.partial(target)).doesNotExist();
    }

    @Test
    void partial_isAHiddenSibling() {
        assertThat(AtomicFiles.partial(dir.resolve("users.jsonl"))).isEqualTo(dir.resolve(".users.jsonl.partial"));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
