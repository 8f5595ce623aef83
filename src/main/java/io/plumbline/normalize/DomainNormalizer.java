package io.plumbline.normalize;

import io.plumbline.model.Domain;
import io.plumbline.model.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns raw domain, URL and website text into normalized {@link Domain}s: trims, lowercases, strips
 * scheme, credentials, port, path, query, fragment, a leading {@code www.} and a trailing dot, and
 * converts an internationalized name to punycode by UTS #46, nontransitional ({@link Uts46}). Anything that is not a valid hostname afterwards (a URL slug, a bare word,
 * an email address, an IP address) is rejected with a reason. Never throws on any input, and a domain
 * it returns normalizes to itself. A leading {@code www.} is stripped only while a dotted name remains,
 * so {@code www.com} stays a domain.
 */
public final class DomainNormalizer {
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    /**
     * The user-info of a URL (after {@code scheme://} or a leading {@code //}) up to its password, or,
     * with no scheme, a token that starts {@code user:} (a website field pasted from a browser's saved
     * login); and the password, whatever it holds, up to the token's last {@code @} (a password may hold
     * {@code / ? #} as typed, so more is masked rather than less).
     */
    private static final Pattern PASSWORD = Pattern.compile("((?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#@:\\s]*:)[^\\s,;]*@"
            + "|((?:^|(?<=[\\s,;]))[^/?#@:\\s,;]+:)(?!//)[^\\s,;]*@");

    /**
     * Country second levels under which anyone registers a name: such a suffix alone in an account's domain
     * field is a cut-off name, never one customer's domain. The common ones, not the whole public suffix
     * list; shared hosts and platforms are {@link PersonalDomains#PLATFORMS}, as their own staff's
     * addresses and an account's explicit domains may well be theirs.
     */
    private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of(
            "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "ac.uk", "gov.uk", "net.uk", "com.au", "net.au", "org.au",
            "co.nz", "org.nz", "net.nz", "co.jp", "ne.jp", "or.jp", "co.kr", "or.kr", "com.cn", "net.cn", "org.cn",
            "com.hk", "com.tw", "com.sg", "com.my", "co.in", "net.in", "org.in", "co.id", "co.th", "com.ph", "com.br",
            "com.mx", "com.ar", "com.co", "com.pe", "co.za", "com.tr", "com.ua", "co.il", "com.es", "com.pl", "com.pt",
            "com.ru", "com.sa", "com.eg", "com.ng");

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private DomainNormalizer() {}

    /** Splits a field holding zero or more domains separated by spaces, commas or semicolons. */
    public static List<DomainParse> parseList(String field) {
        List<DomainParse> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        String s = trim(field);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean separator = i == s.length() || isSeparator(s.charAt(i));
            if (separator && start >= 0) {
                out.add(parse(s.substring(start, i)));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /**
     * A character that separates domains in a list: a comma or semicolon (the full-width and ideographic
     * ones too, as East Asian text writes them), or any space ({@link #isSpace}).
     */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || c == '\u3001' || c == '\uFF0C' || c == '\uFF1B' || isSpace(c);
    }

    /** A space of any kind, no-break ones included ({@link Texts#isSpace}). */
    private static boolean isSpace(char c) {
        return Texts.isSpace(c);
    }

    private static String trim(String s) {
        return Texts.stripWithInvisible(s);
    }

    /** Whether a field holds nothing but spaces ({@link #isSpace}, no-break ones included). */
    public static boolean blank(String field) {
        return field == null || trim(field).isEmpty();
    }

    /**
     * Whether a raw entry of an org's {@code domain_names} is {@code domain} (a normalized domain) as
     * the audit compares them: after normalization.
     */
    public static boolean sameDomain(String raw, String domain) {
        DomainParse parse = parse(raw);
        return parse.valid() && parse.domain().value().equalsIgnoreCase(domain);
    }

    /**
     * {@code raw} with the password of any URL in it masked ({@code https://user:***@host}): a website
     * field may carry one, and it is shown in issue rows and traces.
     */
    public static String withoutPassword(String raw) {
        return raw == null ? "" : PASSWORD.matcher(raw).replaceAll("$1$2***@");
    }

    /**
     * Whether {@code domain} is a country's second level alone ({@code co.uk}, {@code com.au}), which names
     * no one customer: what is left of a name cut short in an account's domain field.
     */
    public static boolean countrySecondLevel(Domain domain) {
        return COUNTRY_SECOND_LEVELS.contains(domain.value());
    }

    /** Normalizes one token that should name a host (a bare domain or a URL). */
    public static DomainParse parse(String raw) {
        String s = raw == null ? "" : trim(raw).toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return DomainParse.invalid(raw == null ? "" : raw, "blank");
        }
        boolean hadScheme = false;
        var scheme = s.contains("://") ? SCHEME.matcher(s) : null;
        if (scheme != null && scheme.find()) {
            s = s.substring(scheme.end());
            hadScheme = true;
        } else if (s.startsWith("//")) {
            s = s.substring(2);
            hadScheme = true;
        }
        // a backslash ends the host as a slash does: browsers read http://a.example\@b.example as a.example
        s = cutAt(s, "/?#\\");
        if (s.isEmpty()) {
            return DomainParse.invalid(raw, "no host (looks like a path or URL slug)");
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            if (!hadScheme) {
                return DomainParse.invalid(raw, "an email address, not a domain");
            }
            s = s.substring(at + 1);
        }
        return hostname(raw, stripPort(s));
    }

    private static DomainParse hostname(String raw, String host) {
        boolean ascii7 = isAscii(host);
        // UTS #46 silently drops invisible characters (a zero-width space between two domains joins them
        // into one, a soft hyphen vanishes): one written into a name is refused, not removed
        int invisible = ascii7 ? -1 : Uts46.invisible(host);
        if (invisible >= 0) {
            return DomainParse.invalid(
                    raw, "not a valid internationalized domain name (" + codePoint(invisible) + " is invisible)");
        }
        // nor may a symbol UTS #46 maps to letters (acme™.com would be acmetm.com, another name)
        int written = ascii7 ? -1 : Uts46.symbolAsWritten(host);
        if (written >= 0) {
            return DomainParse.invalid(
                    raw,
                    "not a valid internationalized domain name (" + codePoint(written)
                            + " is no letter, digit or hyphen)");
        }
        String ascii = ascii7 ? host : Uts46.toAscii(host);
        if (ascii == null) {
            return DomainParse.invalid(raw, "not a valid internationalized domain name");
        }
        // Stripped only now: IDN mapping can itself produce "www." or a trailing dot (from full-width or
        // ideographic characters), and a result must normalize to itself.
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        while (ascii.startsWith("www.") && ascii.indexOf('.', 4) > 0) {
            ascii = ascii.substring(4);
        }
        String problem = hostnameProblem(ascii);
        if (problem == null && ascii.contains("xn--")) {
            // UTS #46 also lets symbols and punctuation through (the curly quotes, dashes and bullets of text
            // pasted out of a document become labels like xn--acme-996a), and an xn-- label written out may
            // be no punycode at all (xn--zz): each is checked as the Unicode it decodes to
            int symbol = Uts46.notLabelCharacter(ascii);
            if (symbol == Uts46.NOT_PUNYCODE) {
                problem = "not a valid internationalized domain name";
            } else if (symbol >= 0) {
                problem = "not a valid internationalized domain name (" + codePoint(symbol)
                        + " is no letter, digit or hyphen)";
            }
        }
        return problem == null ? DomainParse.ok(raw, new Domain(ascii)) : DomainParse.invalid(raw, problem);
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String hostnameProblem(String s) {
        if (s.isEmpty()) {
            return "no host";
        }
        if (s.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int lastDot = s.lastIndexOf('.');
        if (lastDot < 0) {
            return "a bare word, not a domain (no dot)";
        }
        // label by label, in place: this runs for every domain of millions of records
        for (int from = 0; from <= lastDot; from = s.indexOf('.', from) + 1) {
            int to = s.indexOf('.', from);
            if (to - from > MAX_LABEL_LENGTH) {
                return "not a valid hostname (label longer than " + MAX_LABEL_LENGTH + " characters)";
            }
            if (!isLabel(s, from, to)) {
                return "not a valid hostname (bad label '" + s.substring(from, to) + "')";
            }
        }
        int from = lastDot + 1;
        if (s.length() - from > MAX_LABEL_LENGTH) {
            return "not a valid hostname (label longer than " + MAX_LABEL_LENGTH + " characters)";
        }
        if (!isLabel(s, from, s.length())) {
            return "not a valid hostname (bad label '" + s.substring(from) + "')";
        }
        if (!isTopLevelLabel(s.substring(from))) {
            return "not a valid hostname (top-level label '" + s.substring(from) + "')";
        }
        return null;
    }

    /**
     * Whether {@code s[from, to)} is a hostname label of at most 63 characters: lowercase letters,
     * digits and hyphens, starting and ending with a letter or digit.
     */
    private static boolean isLabel(String s, int from, int to) {
        int n = to - from;
        if (n == 0 || n > MAX_LABEL_LENGTH || !letterOrDigit(s.charAt(from)) || !letterOrDigit(s.charAt(to - 1))) {
            return false;
        }
        return lettersDigitsHyphens(s, from + 1, to - 1);
    }

    /** A top-level label: 2 to 63 lowercase letters, or an IDN label ({@code xn--} and 1 to 59 more). */
    private static boolean isTopLevelLabel(String label) {
        int n = label.length();
        if (label.startsWith("xn--")) {
            return n >= 5 && n <= MAX_LABEL_LENGTH && lettersDigitsHyphens(label, 4, n);
        }
        if (n < 2 || n > MAX_LABEL_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean lettersDigitsHyphens(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!letterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static String stripPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon >= 0 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return s.substring(0, colon);
        }
        return s;
    }

    private static String cutAt(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
