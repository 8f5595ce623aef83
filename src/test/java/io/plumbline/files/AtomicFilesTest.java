package io.plumbline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void replace_twoWritersOfOneFileAtOnce_eachMovesInAWholeFileOfItsOwn() throws Exception {
        Path target = dir.resolve("report.html");
        String a = "a".repeat(1 << 16);
        String b = "b".repeat(1 << 16);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String text : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        AtomicFiles.replace(target, f -> {
                            try (Writer w = Files.newBufferedWriter(f)) {
                                for (int k = 0; k < text.length(); k += 4096) {
                                    w.write(text, k, 4096);
                                    w.flush();
                                }
                            }
                        });
                        String now = Files.readString(target);
                        assertThat(now.equals(a) || now.equals(b))
                                .as("a whole file of one writer")
                                .isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partial_isAHiddenSibling() {
        assertThat(AtomicFiles.partial(dir.resolve("users.jsonl")).getFileName().toString())
                .startsWith(".users.jsonl." + ProcessHandle.current().pid() + "-")
                .endsWith(".partial");
        assertThat(AtomicFiles.partial(dir.resolve("users.jsonl")).getParent()).isEqualTo(dir);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
