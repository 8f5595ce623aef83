package io.plumbline.salesforce;

import io.plumbline.config.SalesforceFieldsConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.model.Account;
import io.plumbline.normalize.SalesforceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The validated {@code salesforce.fields} mapping: which Account fields to select and how one
 * selected row becomes an {@link Account}. Every name is checked to be a plain SOQL identifier, so the
 * mapping can add fields to the SELECT list and nothing else. Blank optional fields are not read.
 */
record AccountFields(List<String> domains, String website, String zendeskOrgId, String parent, String domainOverride) {
    AccountFields {
        domains = List.copyOf(domains);
    }

    static AccountFields from(SalesforceFieldsConfig config) {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < config.domains().size(); i++) {
            domains.add(check(
                    "salesforce.fields.domains[" + i + "]", config.domains().get(i)));
        }
        return new AccountFields(
                domains,
                optional("salesforce.fields.website", config.website()),
                optional("salesforce.fields.zendesk_org_id", config.zendeskOrgId()),
                optional("salesforce.fields.parent", config.parent()),
                optional("salesforce.fields.domain_override", config.domainOverride()));
    }

    /** Id and Name, then the mapped fields, in a stable order. */
    List<String> selectList() {
        List<String> out = new ArrayList<>(List.of("Id", "Name"));
        out.addAll(domains);
        for (String f : new String[] {website, zendeskOrgId, parent, domainOverride}) {
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    Account toAccount(SfRow row) {
        return new Account(
                SalesforceIds.canonical(row.get("Id").strip()),
                row.get("Name"),
                domains.stream()
                        .map(f -> row.get(f).strip())
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.joining(" ")),
                read(row, website),
                read(row, domainOverride),
                read(row, zendeskOrgId),
                read(row, parent),
                0);
    }

    private static String read(SfRow row, String field) {
        return field.isEmpty() ? "" : row.get(field).strip();
    }

    private static String optional(String key, String name) {
        return name == null || name.isBlank() ? "" : check(key, name);
    }

    private static String check(String key, String name) {
        String problem = SoqlNames.fieldProblem(name);
        if (problem != null) {
            throw new ConfigException(key + ": '" + name + "' is not a Salesforce field name: " + problem);
        }
        return name;
    }
}
