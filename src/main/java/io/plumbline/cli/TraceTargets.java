package io.plumbline.cli;

import io.plumbline.model.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads what a person pastes to name a record for {@code trace}: an id with stray spaces, or the
 * address of the record's page (a Zendesk agent or API address, a Salesforce Lightning or Classic
 * record page), an email as a mail client copies it ({@code Ana <ana@acme.example>}, {@code mailto:}).
 */
final class TraceTargets {
    /** {@code /organizations/123}, {@code /users/123} or {@code /tickets/123} in a Zendesk address. */
    private static final Pattern ZENDESK_RECORD = Pattern.compile("/(organizations|users|tickets)/([0-9]+)(?![0-9])");

    /** An 18- or 15-character record id as a path segment of a Salesforce address. */
    private static final Pattern SALESFORCE_RECORD = Pattern.compile("/([a-zA-Z0-9]{18}|[a-zA-Z0-9]{15})(?=[/?#]|$)");

    private TraceTargets() {}

    /** --zendesk-org-id. */
    static final class OrgId implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return zendeskId(value, "organizations");
        }
    }

    /** --zendesk-user-id. */
    static final class UserId implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return zendeskId(value, "users");
        }
    }

    /** --zendesk-ticket-id. */
    static final class TicketId implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return zendeskId(value, "tickets");
        }
    }

    static long zendeskId(String value, String kind) {
        String v = Texts.strip(value);
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9') && v.length() <= 18) {
            return Long.parseLong(v);
        }
        if (isAddress(v)) {
            Matcher m = ZENDESK_RECORD.matcher(v);
            if (m.find() && m.group(2).length() <= 18) {
                if (!m.group(1).equals(kind)) {
                    throw new TypeConversionException("'" + v + "' is the address of a Zendesk "
                            + singular(m.group(1)) + " (" + m.group(2) + "), not of " + article(singular(kind))
                            + "; trace it with --zendesk-" + option(m.group(1)) + "-id " + m.group(2));
                }
                return Long.parseLong(m.group(2));
            }
        }
        throw new TypeConversionException("'" + v + "' is not a Zendesk " + singular(kind) + " id: give the number "
                + "(9001), or the address of its page (https://acme.zendesk.com/agent/" + kind + "/9001)");
    }

    /**
     * The Salesforce account id in a pasted value: the id of a Lightning or Classic record page's address,
     * else the value itself, stripped (an id, or the key an accounts export uses).
     */
    static String accountId(String value) {
        String v = Texts.strip(value);
        if (!isAddress(v)) {
            return v;
        }
        String path = v.replaceFirst("^[a-zA-Z]+://[^/]*", "");
        Matcher m = SALESFORCE_RECORD.matcher(path);
        while (m.find()) {
            if (m.group(1).regionMatches(true, 0, "001", 0, 3)) {
                return m.group(1);
            }
        }
        throw new TypeConversionException("'" + v + "' is not the address of a Salesforce account's page (whose "
                + "path holds the account id, 001...): give the id itself");
    }

    /** The address in a pasted email: inside {@code <...>}, without {@code mailto:}, stripped. */
    static String email(String value) {
        String v = Texts.strip(value);
        int open = v.lastIndexOf('<');
        int close = v.lastIndexOf('>');
        if (open >= 0 && close > open) {
            v = Texts.strip(v.substring(open + 1, close));
        }
        if (v.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            v = Texts.strip(v.substring("mailto:".length()));
            int query = v.indexOf('?');
            v = query >= 0 ? v.substring(0, query) : v;
        }
        return v;
    }

    private static boolean isAddress(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String option(String kind) {
        return switch (kind) {
            case "organizations" -> "org";
            case "users" -> "user";
            default -> "ticket";
        };
    }

    private static String article(String noun) {
        return (noun.startsWith("o") ? "an " : "a ") + noun;
    }

    private static String singular(String kind) {
        return switch (kind) {
            case "organizations" -> "organization";
            case "users" -> "user";
            default -> "ticket";
        };
    }
}
