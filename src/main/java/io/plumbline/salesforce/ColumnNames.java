package io.plumbline.salesforce;

import io.plumbline.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a header column's name relates to a column a CSV reads: the same name in other case or with other
 * separators ({@code Zendesk Org Id}), the name Salesforce gives the field ({@code
 * Zendesk__Zendesk_Organization_Id__c}), or a close misspelling of it ({@code zendesk_org},
 * {@code zd_org_id}). Read as an unknown column, any of these would leave the column it stands for blank
 * on every row, so the reader refuses or names it instead of ignoring it. A misspelling is at most two
 * letters away from the name, once case, separators and the usual abbreviations ({@code zd} for
 * Zendesk) are set aside.
 */
final class ColumnNames {
    /**
     * Other names a column read here goes by in Salesforce (squashed as {@link #squashed} squashes them): an
     * export by field API name (Data Loader, a report) heads the Zendesk managed package's org id
     * {@code Zendesk__Zendesk_Organization_Id__c}.
     */
    private static final Map<String, String> SALESFORCE_NAMES = Map.of(
            "zendeskzendeskorganizationidc", "zendesk_org_id",
            "zendeskorganizationidc", "zendesk_org_id",
            "zendeskorganizationid", "zendesk_org_id");

    /** Words a header may shorten or spell out, each with the word the columns read use. */
    private static final Map<String, String> ABBREVIATIONS = Map.of("zd", "zendesk", "salesforce", "sf");

    private static final int MAX_EDITS = 2;

    private ColumnNames() {}

    /** A column name with case and everything but letters and digits set aside. */
    static String squashed(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Whether {@code column} is {@code known} with other case or separators. */
    static boolean spelledOtherwise(String column, String known) {
        return squashed(column).equals(squashed(known));
    }

    /** Whether {@code column} is Salesforce's name for the field read as {@code known}. */
    static boolean salesforceName(String column, String known) {
        return known.equals(SALESFORCE_NAMES.get(squashed(column)));
    }

    /**
     * Whether {@code column} is a close misspelling of {@code known}: at most two letters away from it,
     * abbreviations spelled out ({@code zendesk_org_ids}, {@code zd_org_id}). A longer name that holds it
     * whole ({@code Website_URL__c}, {@code Ultimate_Parent_Account_Id__c}) is often another field, and is
     * only named among the columns not used.
     */
    static boolean misspells(String column, String known) {
        return withinEdits(expanded(column), squashed(known));
    }

    /**
     * Whether {@code column} is at most two letters away from {@code known}, abbreviations spelled out: a
     * name that only holds {@code known} is not counted, as a longer name that holds a short one
     * ({@code HasOptedOutOfEmail}) is often another field.
     */
    static boolean near(String column, String known) {
        return withinEdits(expanded(column), squashed(known));
    }

    private static boolean withinEdits(String name, String wanted) {
        // the distance is at least the difference in length: most names are not compared letter by letter
        return Math.abs(name.length() - wanted.length()) <= MAX_EDITS && Texts.edits(name, wanted) <= MAX_EDITS;
    }

    /** The name squashed, each of its words that is an abbreviation replaced by the word it stands for. */
    private static String expanded(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        name.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        words.add(word.toString());
        StringBuilder out = new StringBuilder(name.length());
        words.forEach(w -> out.append(ABBREVIATIONS.getOrDefault(w, w)));
        return squashed(out.toString());
    }
}
