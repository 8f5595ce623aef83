package io.plumbline.normalize;

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
}
