package io.plumbline.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
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
    private static final IDNA NONTRANSITIONAL = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO);
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

    /** What {@link #notLabelCharacter} returns for a name whose xn-- labels are not all valid punycode. */
    static final int NOT_PUNYCODE = -2;

    /**
     * The first invisible character of {@code host} (a default-ignorable code point: a zero-width space, a
     * soft hyphen, a word joiner, a variation selector, a byte order mark), which UTS #46 would drop
     * without a word, or -1; the joiners some scripts need inside a word (U+200C, U+200D) are not counted,
     * as {@link #toAscii} checks their context.
     */
    static int invisible(String host) {
        return host.codePoints()
                .filter(c -> c != 0x200C
                        && c != 0x200D
                        && UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT))
                .findFirst()
                .orElse(-1);
    }

    /**
     * The first character of {@code host}, as written, that is neither ASCII (the hostname rules judge it)
     * nor a label character ({@link #labelCharacter}), nor a full-width form of an ASCII character or a dot
     * (as an East Asian keyboard types a name); or -1. UTS #46 would map such a character to letters that
     * make another name ({@code acme™.com} is {@code acmetm.com}, {@code acme².com} is {@code acme2.com}).
     */
    static int symbolAsWritten(String host) {
        return host.codePoints()
                .filter(c ->
                        c >= 0x80 && !labelCharacter(c) && !(c >= 0xFF01 && c <= 0xFF5E) && c != 0x3002 && c != 0xFF61)
                .findFirst()
                .orElse(-1);
    }

    /**
     * The first character that no domain label is made of in the Unicode form of {@code ascii} (a name
     * {@link #toAscii} accepted, or written in ASCII with xn-- labels), -1 when there is none, or {@link
     * #NOT_PUNYCODE}. A label is made of letters, marks, digits and hyphens, and the few other characters
     * IDNA2008 allows in context (the Catalan middle dot of l·l, the Greek keraia, the Hebrew geresh and
     * gershayim, the katakana middle dot), whose context is checked here: UTS #46 would also let symbols and
     * punctuation through.
     */
    static int notLabelCharacter(String ascii) {
        StringBuilder unicode = new StringBuilder(ascii.length());
        IDNA.Info info = new IDNA.Info();
        NONTRANSITIONAL.nameToUnicode(ascii, unicode, info);
        for (IDNA.Error e : info.getErrors()) {
            if (!LEFT_TO_THE_HOSTNAME_CHECK.contains(e)) {
                return NOT_PUNYCODE;
            }
        }
        return unicode.codePoints().filter(c -> !labelCharacter(c)).findFirst().orElse(-1);
    }

    private static boolean labelCharacter(int c) {
        if (c == '-'
                || c == '.'
                || c == 0x200C
                || c == 0x200D
                || c == 0x00B7
                || c == 0x0375
                || c == 0x05F3
                || c == 0x05F4
                || c == 0x30FB) {
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
                    UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                    UCharacterCategory.LETTER_NUMBER -> true;
            default -> false;
        };
    }
}
