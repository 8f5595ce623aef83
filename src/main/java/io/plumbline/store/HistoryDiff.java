package io.plumbline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the issues of one run compare with the run before: new, resolved, and still open (by stable key). */
public record HistoryDiff(List<IssueKey> added, List<IssueKey> resolved, List<IssueKey> stillOpen) {
    public HistoryDiff {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
        stillOpen = List.copyOf(stillOpen);
    }

    public static HistoryDiff of(Map<String, IssueKey> previous, Map<String, IssueKey> current) {
        List<IssueKey> added = new ArrayList<>();
        List<IssueKey> open = new ArrayList<>();
        current.forEach((k, v) -> (previous.containsKey(k) ? open : added).add(v));
        List<IssueKey> resolved = previous.entrySet().stream()
                .filter(e -> !current.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        return new HistoryDiff(added, resolved, open);
    }
}
