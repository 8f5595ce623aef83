package io.plumbline.snapshot;

import io.plumbline.model.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The data files of a snapshot folder (or its {@code zendesk/}) that the layout does not name, such as the
 * second part of an export ({@code zendesk/users-part2.jsonl}): never read, so said, and taken for the
 * file a user meant when a file of the layout is missing. Each folder is listed once, sorted by name.
 */
public final class UnreadFiles {
    private static final Set<String> DATA_EXTENSIONS = Set.of("csv", "tsv", "json", "jsonl", "ndjson", "gz", "zip");

    private UnreadFiles() {}

    /** The folder's unread data files, relative ({@code zendesk/users-part2.jsonl}) and sorted. */
    public static List<String> in(Path folder) {
        List<String> unread = new ArrayList<>();
        for (String sub : List.of("", "zendesk/")) {
            try (var files = Files.list(folder.resolve(sub.isEmpty() ? "." : sub))) {
                files.filter(Files::isRegularFile)
                        .map(f -> sub + f.getFileName())
                        .filter(name -> !SnapshotLayout.FILES.contains(name) && isData(name))
                        .sorted()
                        .forEach(unread::add);
            } catch (IOException e) {
                // a folder that cannot be listed is reported by the read itself
            }
        }
        return unread;
    }

    /**
     * What to do when the layout's {@code file} is missing and {@code unread} (as {@link #in} lists them)
     * holds the file meant, under another name: compressed beside it, in another case, at the folder's top
     * instead of in {@code zendesk/}, or in numbered parts. Empty when none looks meant.
     */
    public static Optional<String> hint(String file, List<String> unread) {
        int slash = file.lastIndexOf('/');
        String dir = file.substring(0, slash + 1);
        String name = file.substring(slash + 1);
        List<String> beside = unread.stream()
                .filter(u -> u.startsWith(dir) && u.indexOf('/', dir.length()) < 0)
                .map(u -> u.substring(dir.length()))
                .toList();
        return compressed(name, beside)
                .or(() -> otherCase(dir, name, beside))
                .or(() -> atTop(dir, name, unread))
                .or(() -> parts(dir, name, beside));
    }

    private static Optional<String> compressed(String name, List<String> beside) {
        for (String b : beside) {
            String lower = b.toLowerCase(Locale.ROOT);
            String inside = b.substring(0, Math.max(0, b.lastIndexOf('.')));
            if (!inside.equalsIgnoreCase(name)) {
                continue;
            }
            String rename = inside.equals(name) ? "" : " and rename it to " + name;
            if (lower.endsWith(".gz")) {
                return Optional.of("found " + b + " beside it: decompress it (gunzip)" + rename);
            }
            if (lower.endsWith(".zip")) {
                return Optional.of("found " + b + " beside it: extract it (unzip)" + rename);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> otherCase(String dir, String name, List<String> beside) {
        return beside.stream()
                .filter(b -> b.equalsIgnoreCase(name))
                .findFirst()
                .map(b -> "found " + dir + b + ": rename it to " + name);
    }

    private static Optional<String> atTop(String dir, String name, List<String> unread) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        return unread.stream()
                .filter(u -> u.equalsIgnoreCase(name))
                .findFirst()
                .map(u -> "found " + u + " in the folder itself: move the " + extension(name) + " files into " + dir);
    }

    /** Numbered parts of one export: the file's name, a separator or digit, a number, and its extension. */
    private static Optional<String> parts(String dir, String name, List<String> beside) {
        String stem = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
        String extension = extension(name);
        List<String> parts = new ArrayList<>();
        for (String b : beside) {
            String lower = b.toLowerCase(Locale.ROOT);
            if (lower.length() > name.length() && lower.startsWith(stem) && lower.endsWith(extension)) {
                String between = lower.substring(stem.length(), lower.length() - extension.length());
                if (!Character.isLetter(between.charAt(0)) && between.chars().anyMatch(Character::isDigit)) {
                    parts.add(dir + b);
                }
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("found " + Texts.listed(parts, ", ", 3) + ": a snapshot holds one " + name
                + (extension.equals(".csv") ? " (join the parts under one header row)" : " (concatenate the parts)"));
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.'));
    }

    private static boolean isData(String name) {
        int dot = name.lastIndexOf('.');
        return !name.substring(name.lastIndexOf('/') + 1).startsWith(".")
                && dot > 0
                && DATA_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
