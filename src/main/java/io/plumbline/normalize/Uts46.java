package io.plumbline.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Set;

/**
 * Internationalized domain names to their ASCII (punycode) form by UTS #46 with nontransitional
 * processing, as browsers and registries treat them today: {@code straße.example} stays its own name,
 * {@code xn--strae-oqa.example}, rather than becoming {@code strasse.example} as the JDK's IDNA2003
 * ({@link java.net.IDN}) would make it, which is a different domain with possibly another owner.
 */
final class Uts46 {
    private static final IDNA NONTRANSITIONAL =
            IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
    /**
     * Errors that the hostname check after this one reports with its own, more telling reason (label
     * and name length, hyphens, empty labels); every other error makes the name invalid here.
     */
    private static final Set<IDNA.Error> LEFT_TO_THE_HOSTNAME_CHECK = EnumSet.of(
            IDNA.Error.EMPTY_LABEL,
            IDNA.Error.LABEL_TOO_LONG,
            IDNA.Error.DOMAIN_NAME_TOO_LONG,
            IDNA.Error.LEADING_HYPHEN,
            IDNA.Error.TRAILING_HYPHEN,
            IDNA.Error.HYPHEN_3_4);

    private Uts46() {}

    /** The lowercase ASCII form of {@code host}, or null when it is not a valid internationalized name. */
    static String toAscii(String host) {
        StringBuilder out = new StringBuilder(host.length() + 16);
        IDNA.Info info = new IDNA.Info();
        NONTRANSITIONAL.nameToASCII(host, out, info);
        for (IDNA.Error e : info.getErrors()) {
            if (!LEFT_TO_THE_HOSTNAME_CHECK.contains(e)) {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * Whether every character of {@code host} is one a domain label is made of, or a dot: a letter, a
     * mark, a decimal digit, a hyphen, the joiners some scripts need (their context checked by {@link
     * #toAscii}), or a full-width or ideographic full stop. Close to IDNA2008's valid code points, which
     * UTS #46 widens to symbols and punctuation and to characters it silently removes.
     */
    static boolean labelCharacters(String host) {
        return host.codePoints().allMatch(Uts46::labelCharacter);
    }

    static boolean labelCharacter(int c) {
        if (c == '-' || c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61 || c == 0x200C || c == 0x200D) {
            return true;
        }
        return switch (UCharacter.getType(c)) {
            case UCharacterCategory.UPPERCASE_LETTER,
                    UCharacterCategory.LOWERCASE_LETTER,
                    UCharacterCategory.TITLECASE_LETTER,
                    UCharacterCategory.MODIFIER_LETTER,
                    UCharacterCategory.OTHER_LETTER,
                    UCharacterCategory.NON_SPACING_MARK,
                    UCharacterCategory.COMBINING_SPACING_MARK,
                    UCharacterCategory.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code ascii}, a name {@link #toAscii} accepted, holds only valid punycode labels that
     * decode to {@link #labelCharacters}: an {@code xn--} label written out is checked as its Unicode.
     */
    static boolean decodesToLabelCharacters(String ascii) {
        if (!ascii.contains("xn--")) {
            return true;
        }
        StringBuilder unicode = new StringBuilder(ascii.length());
        IDNA.Info info = new IDNA.Info();
        NONTRANSITIONAL.nameToUnicode(ascii, unicode, info);
        for (IDNA.Error e : info.getErrors()) {
            if (!LEFT_TO_THE_HOSTNAME_CHECK.contains(e)) {
                return false;
            }
        }
        return labelCharacters(unicode.toString());
    }
}
