package io.plumbline.bench;

import io.plumbline.normalize.SalesforceIds;
import java.util.SplittableRandom;

/** Deterministic names for generated records: account ids, company names and domains, people. */
final class Names {
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String[] WORDS = {
        "acme", "north", "blue", "summit", "river", "apex", "cedar", "harbor", "pioneer", "vertex", "lumen", "atlas",
        "orbit", "granite", "willow", "falcon", "copper", "meadow", "beacon", "quantum"
    };
    private static final String[] FIRST = {
        "anna", "ben", "chloé", "david", "eva", "farid", "grace", "hiro", "ines", "jonas", "kira", "liam", "maría",
        "noah", "olga", "pavel", "quinn", "rosa", "sven", "tariq", "zoë"
    };
    private static final String[] LAST = {
        "smith", "müller", "garcía", "chen", "kowalski", "o'brien", "nakamura", "silva", "dubois", "novak"
    };
    static final String[] PERSONAL = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com"};

    private Names() {}

    /** The 15-character Account Id of account number {@code n}. */
    static String accountId15(long n) {
        // n * C mod 62^10 is a bijection (C is coprime with 62), so ids never collide.
        long mod = 839_299_365_868_340_224L;
        long v = Math.floorMod(n * 2_654_435_761L + 1_000_003L, mod);
        char[] digits = new char[10];
        for (int i = 9; i >= 0; i--) {
            digits[i] = ALNUM.charAt((int) (v % 62));
            v /= 62;
        }
        return "0015e" + new String(digits);
    }

    /** The canonical 18-character Account Id of account number {@code n}. */
    static String accountId(long n) {
        return SalesforceIds.to18(accountId15(n));
    }

    static String company(long n) {
        return capitalize(WORDS[(int) (n % WORDS.length)]) + " " + capitalize(WORDS[(int) (n / 7 % WORDS.length)]) + " "
                + Long.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
    }

    /** The {@code k}-th domain of company number {@code n} (k in 0..3): unique per (n, k). */
    static String domain(long n, int k) {
        String stem = WORDS[(int) (n % WORDS.length)] + "-" + Long.toString(n, 36);
        return switch (k) {
            case 0 -> stem + ".com";
            case 1 -> stem + ".io";
            case 2 -> stem + "-group.co.uk";
            default -> "mail." + stem + ".net";
        };
    }

    static String person(SplittableRandom rng) {
        return capitalize(FIRST[rng.nextInt(FIRST.length)]) + " " + capitalize(LAST[rng.nextInt(LAST.length)]);
    }

    static String localPart(String person, long userNumber) {
        String first = person.substring(0, person.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char c : first.toCharArray()) {
            sb.append(c < 128 ? c : 'x');
        }
        return sb.append('.').append(userNumber).toString();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
