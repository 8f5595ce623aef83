package io.plumbline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNormalizerTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            acme.example                               | acme.example
            '  Acme.Example  '                         | acme.example
            ACME.EXAMPLE                               | acme.example
            https://acme.example                       | acme.example
            http://www.acme.example/store              | acme.example
            HTTPS://WWW.ACME.EXAMPLE/                  | acme.example
            //acme.example/path                        | acme.example
            ftp://files.acme.example                   | files.acme.example
            https://user:secret@acme.example/x         | acme.example
            https://acme.example:8443                  | acme.example
            acme.example:8080                          | acme.example
            https://acme.example/path?q=1#frag         | acme.example
            http://acme.example\\@evil.example          | acme.example
            'https://acme.example\\path'                | acme.example
            acme.example?ref=crm                       | acme.example
            acme.example#top                           | acme.example
            '\ufeffacme.example\u200b'                 | acme.example
            www.acme.example                           | acme.example
            acme.example.                              | acme.example
            www.acme.example.                          | acme.example
            www.www.acme.example                       | acme.example
            sub.www.acme.example                       | sub.www.acme.example
            www.com                                    | www.com
            bücher.example                             | xn--bcher-kva.example
            BÜCHER.Example                             | xn--bcher-kva.example
            https://www.bücher.example/katalog         | xn--bcher-kva.example
            xn--bcher-kva.example                      | xn--bcher-kva.example
            münchen.de                                 | xn--mnchen-3ya.de
            ｗｗｗ．ａｃｍｅ．example                      | acme.example
            acme.example。                             | acme.example
            a-b.co.uk                                  | a-b.co.uk
            123.example                                | 123.example
            """)
    void parse_validHost_normalizes(String raw, String expected) {
        DomainParse parse = DomainNormalizer.parse(raw);

        assertThat(parse.problem()).isNull();
        assertThat(parse.domain().value()).isEqualTo(expected);
        assertThat(parse.raw()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /accounts/northshore-medical-network       | no host (looks like a path or URL slug)
            northshore                                 | a bare word, not a domain (no dot)
            northshore-medical-network                 | a bare word, not a domain (no dot)
            jane@acme.example                          | an email address, not a domain
            mailto:jane@acme.example                   | an email address, not a domain
            192.168.0.1                                | not a valid hostname (top-level label '1')
            https://10.0.0.1:8080/                     | not a valid hostname (top-level label '1')
            acme..example                              | not a valid hostname (bad label '')
            acme.example..                             | not a valid hostname (bad label '')
            -acme.example                              | not a valid hostname (bad label '-acme')
            acme_corp.example                          | not a valid hostname (bad label 'acme_corp')
            acme.c                                     | not a valid hostname (top-level label 'c')
            http://                                    | no host (looks like a path or URL slug)
            https://jane@                              | no host
            ''                                         | blank
            '   '                                      | blank
            """)
    void parse_notAHost_isRejectedWithReason(String raw, String problem) {
        DomainParse parse = DomainNormalizer.parse(raw);

        assertThat(parse.valid()).isFalse();
        assertThat(parse.domain()).isNull();
        assertThat(parse.problem()).isEqualTo(problem);
        assertThat(parse.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "http://[2001:db8::1]/", "acme example.com", "ex\u0000ample.com", "\u00a0.\u00a0"})
    void parse_otherGarbage_isRejected(String raw) {
        assertThat(DomainNormalizer.parse(raw).valid()).isFalse();
    }

    @Test
    void parse_null_isRejectedAsBlank() {
        assertThat(DomainNormalizer.parse(null).problem()).isEqualTo("blank");
    }

    @Test
    void parse_labelLongerThan63_isRejected() {
        assertThat(DomainNormalizer.parse("a".repeat(64) + ".example").problem())
                .isEqualTo("not a valid hostname (label longer than 63 characters)");
        assertThat(DomainNormalizer.parse("a".repeat(63) + ".example").valid()).isTrue();
    }

    @Test
    void parse_unicodeLabelTooLongForPunycode_isRejected() {
        assertThat(DomainNormalizer.parse("ü".repeat(70) + ".example").problem())
                .isEqualTo("not a valid hostname (label longer than 63 characters)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            straße.example                   | xn--strae-oqa.example
            FAß.de                           | xn--fa-hia.de
            https://www.straße.example/a     | xn--strae-oqa.example
            ςοφία.example                    | xn--kxae4blv.example
            ｗｗｗ．bücher．example             | xn--bcher-kva.example
            """)
    void parse_deviationCharacters_keepTheirOwnNameAsUts46Nontransitional(String raw, String expected) {
        DomainParse p = DomainNormalizer.parse(raw);

        assertThat(p.valid()).as(p.problem()).isTrue();
        assertThat(p.domain().value()).isEqualTo(expected);
        assertThat(DomainNormalizer.parse(expected).domain().value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u200db.example", "\u05e9\u05dc\u05d5\u05dd1a.example", "\u0301abc.example"})
    void parse_nameUts46Refuses_isRejectedAsInternationalized(String raw) {
        assertThat(DomainNormalizer.parse(raw).problem()).isEqualTo("not a valid internationalized domain name");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u201cacme.example\u201d",
                "acme.example\u2019",
                "acme\u2013corp.example",
                "\u2022acme.example",
                "\u00abacme.example\u00bb",
                "acme.example\u2713",
                "\ud83d\ude00.example",
                "acme\u2122.example",
                "ab\u00b2c.example",
                "acme\u2460.example",
                "xn--acme-996a.example",
                "acme.xn--com-to0a"
            })
    void parse_symbolOrPunctuation_isRejectedNotEncoded(String raw) {
        DomainParse p = DomainNormalizer.parse(raw);

        assertThat(p.valid()).as(raw + " -> " + p.domain()).isFalse();
        assertThat(p.problem())
                .startsWith("not a valid internationalized domain name (U+")
                .endsWith(" is no letter, digit or hyphen)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "acme.example\u200bacme.io",
                "acme.ex\u00adample",
                "ac\u2060me.example",
                "acme.com\ufe0fbeta.com",
                "ac\u034fme.example"
            })
    void parse_invisibleCharacterInside_isRejectedNotDropped(String raw) {
        assertThat(DomainNormalizer.parse(raw).problem())
                .matches("not a valid internationalized domain name \\(U\\+[0-9A-F]{4} is invisible\\)");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            col\u00b7legi.cat                     | xn--collegi-xma.cat
            \u30b8\u30e7\u30f3\u30fb\u30b9\u30df\u30b9.jp        | xn--yckca5mnb7duc.jp
            \u3007\u3007.jp                      | xn--w6ja.jp
            \uff41\uff43\uff4d\uff45\uff0d\uff43\uff4f\uff52\uff50\uff0e\uff4a\uff50 | acme-corp.jp
            """)
    void parse_namesIdna2008AllowsInContextOrFullWidth_areKept(String raw, String expected) {
        DomainParse p = DomainNormalizer.parse(raw);

        assertThat(p.valid()).as(p.problem()).isTrue();
        assertThat(p.domain().value()).isEqualTo(expected);
    }

    @Test
    void parse_catalanMiddleDotOutOfContext_isRejected() {
        assertThat(DomainNormalizer.parse("acme.example\u00b7acme.io").valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--zz.example", "xn--a.de"})
    void parse_punycodeThatIsInvalidOrDecodesToSymbols_isRejected(String raw) {
        assertThat(DomainNormalizer.parse(raw).problem()).isEqualTo("not a valid internationalized domain name");
    }

    @Test
    void countrySecondLevel_aloneOnly() {
        assertThat(DomainNormalizer.countrySecondLevel(
                        DomainNormalizer.parse("https://www.CO.UK/").domain()))
                .isTrue();
        assertThat(DomainNormalizer.countrySecondLevel(
                        DomainNormalizer.parse("acme.co.uk").domain()))
                .isFalse();
        // a host or platform is someone's domain too (its own staff's addresses): a valid domain here
        assertThat(DomainNormalizer.parse("github.io").valid()).isTrue();
        assertThat(DomainNormalizer.countrySecondLevel(
                        DomainNormalizer.parse("github.io").domain()))
                .isFalse();
    }

    @Test
    void parseList_fullWidthAndIdeographicCommasAndSemicolons_separate() {
        assertThat(DomainNormalizer.parseList("a.example\u3001b.example\uff0cc.example\uff1bd.example"))
                .extracting(p -> p.domain().value())
                .containsExactly("a.example", "b.example", "c.example", "d.example");
    }

    @Test
    void parse_nameLongerThan253_isRejected() {
        String name = ("a".repeat(61) + ".").repeat(4) + "example";

        assertThat(name).hasSizeGreaterThan(253);
        assertThat(DomainNormalizer.parse(name).problem()).isEqualTo("longer than 253 characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "www.www.acme.example",
                "ｗｗｗ．ａｃｍｅ．example",
                "acme.example。",
                "https://WWW.Bücher.example:443/",
                "www.com",
                "www.www.com"
            })
    void parse_result_normalizesToItself(String raw) {
        DomainParse first = DomainNormalizer.parse(raw);
        DomainParse again = DomainNormalizer.parse(first.domain().value());

        assertThat(again.domain()).isEqualTo(first.domain());
    }

    @Test
    void parseList_spacesCommasAndSemicolons_allSeparate() {
        assertThat(DomainNormalizer.parseList(" a.example b.example,c.example;d.example ;, e.example\tf.example\n"))
                .extracting(p -> p.domain().value())
                .containsExactly("a.example", "b.example", "c.example", "d.example", "e.example", "f.example");
    }

    @Test
    void parseList_noBreakAndIdeographicSpaces_separateAndTrim() {
        assertThat(DomainNormalizer.parseList("a.example\u00a0b.example\u3000c.example\u202f"))
                .extracting(p -> p.domain().value())
                .containsExactly("a.example", "b.example", "c.example");
    }

    @Test
    void withoutPassword_urlsWithUserInfo_maskOnlyThePassword() {
        assertThat(DomainNormalizer.withoutPassword("https://admin:hunter2@bad_host/x"))
                .isEqualTo("https://admin:***@bad_host/x");
        assertThat(DomainNormalizer.withoutPassword("//u:p@acme.example")).isEqualTo("//u:***@acme.example");
        assertThat(DomainNormalizer.withoutPassword("see http://a:b@x.example and ftp://c:d@y.example"))
                .isEqualTo("see http://a:***@x.example and ftp://c:***@y.example");
        assertThat(DomainNormalizer.withoutPassword("https://user@acme.example"))
                .isEqualTo("https://user@acme.example");
        assertThat(DomainNormalizer.withoutPassword("sales@acme.example")).isEqualTo("sales@acme.example");
        assertThat(DomainNormalizer.withoutPassword(null)).isEmpty();
        assertThat(DomainNormalizer.withoutPassword("https://u:p@ss@bad_host/")).isEqualTo("https://u:***@bad_host/");
    }

    @Test
    void withoutPassword_userInfoWithNoScheme_masksThePasswordToo() {
        assertThat(DomainNormalizer.withoutPassword("admin:Sup3rS3cret@w1portal.example"))
                .isEqualTo("admin:***@w1portal.example");
        assertThat(DomainNormalizer.withoutPassword("a.example; admin:pw@x.example,b.example"))
                .isEqualTo("a.example; admin:***@x.example,b.example");
        assertThat(DomainNormalizer.withoutPassword("admin:p@ss@portal.example/login"))
                .isEqualTo("admin:***@portal.example/login");
        assertThat(DomainNormalizer.withoutPassword("admin:S3cr#t@portal.example"))
                .isEqualTo("admin:***@portal.example");
        assertThat(DomainNormalizer.withoutPassword("admin:a/b?c@portal.example"))
                .isEqualTo("admin:***@portal.example");
        assertThat(DomainNormalizer.withoutPassword("https://u:p#w/d?@portal.example/x"))
                .isEqualTo("https://u:***@portal.example/x");
        assertThat(DomainNormalizer.withoutPassword("acme.example:8443/path")).isEqualTo("acme.example:8443/path");
        assertThat(DomainNormalizer.withoutPassword("sales@acme.example")).isEqualTo("sales@acme.example");
    }

    @Test
    void blank_noBreakSpacesOnly_isBlank() {
        assertThat(DomainNormalizer.blank("\u00a0 \u202f")).isTrue();
        assertThat(DomainNormalizer.blank(null)).isTrue();
        assertThat(DomainNormalizer.blank("\u00a0a.example")).isFalse();
    }

    @Test
    void parse_noBreakSpaceAround_isTrimmed() {
        assertThat(DomainNormalizer.parse("\u00a0https://acme.example/\u00a0")
                        .domain()
                        .value())
                .isEqualTo("acme.example");
    }

    @Test
    void parseList_mixedTokens_keepsEachTokenWithItsOutcome() {
        List<DomainParse> parses = DomainNormalizer.parseList("acme.example; /accounts/northshore-medical-network");

        assertThat(parses)
                .extracting(DomainParse::raw)
                .containsExactly("acme.example", "/accounts/northshore-medical-network");
        assertThat(parses).extracting(DomainParse::valid).containsExactly(true, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " ,; ", ";;"})
    void parseList_noTokens_isEmpty(String field) {
        assertThat(DomainNormalizer.parseList(field)).isEmpty();
    }

    @Test
    void parseList_null_isEmpty() {
        assertThat(DomainNormalizer.parseList(null)).isEmpty();
    }
}
