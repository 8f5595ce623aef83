package io.plumbline.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The answers of Zendesk's search (orgs holding a domain, orgs with an external_id) that one batch's
 * re-checks have had, by lowercased value, so that the batch can search first and read its orgs again
 * afterwards, just before its job, without searching twice. Lives for one batch only.
 */
final class Searches {
    private final Map<String, List<OrgState>> byDomain = new HashMap<>();
    private final Map<String, List<OrgState>> byExternalId = new HashMap<>();

    List<OrgState> domain(String domain, Supplier<List<OrgState>> search) {
        return remembered(byDomain, domain, search);
    }

    List<OrgState> externalId(String externalId, Supplier<List<OrgState>> search) {
        return remembered(byExternalId, externalId, search);
    }

    private static List<OrgState> remembered(
            Map<String, List<OrgState>> answers, String value, Supplier<List<OrgState>> search) {
        String key = value.toLowerCase(Locale.ROOT);
        List<OrgState> known = answers.get(key);
        if (known == null) {
            known = List.copyOf(search.get());
            answers.put(key, known);
        }
        return known;
    }
}
