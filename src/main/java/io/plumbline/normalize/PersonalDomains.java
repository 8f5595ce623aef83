package io.plumbline.normalize;

import io.plumbline.model.Domain;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set of personal email domains that never identify an account: a built-in list plus any extra
 * domains from the configuration.
 */
public final class PersonalDomains {
    /**
     * The built-in personal email providers: the big webmail brands with their country domains, and the
     * consumer mailboxes of large internet providers.
     */
    public static final Set<String> BUILT_IN = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "outlook.fr",
            "outlook.de",
            "outlook.es",
            "outlook.it",
            "hotmail.com",
            "hotmail.co.uk",
            "hotmail.fr",
            "hotmail.de",
            "hotmail.es",
            "hotmail.it",
            "live.com",
            "live.co.uk",
            "live.fr",
            "live.de",
            "live.nl",
            "live.ca",
            "msn.com",
            "passport.com",
            "yahoo.com",
            "yahoo.co.uk",
            "yahoo.fr",
            "yahoo.de",
            "yahoo.es",
            "yahoo.it",
            "yahoo.ca",
            "yahoo.co.in",
            "yahoo.co.jp",
            "yahoo.com.au",
            "yahoo.com.br",
            "ymail.com",
            "rocketmail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "aim.com",
            "protonmail.com",
            "protonmail.ch",
            "proton.me",
            "pm.me",
            "gmx.com",
            "gmx.de",
            "gmx.net",
            "gmx.at",
            "gmx.ch",
            "web.de",
            "t-online.de",
            "freenet.de",
            "mail.com",
            "email.com",
            "zoho.com",
            "zohomail.com",
            "yandex.com",
            "yandex.ru",
            "mail.ru",
            "rambler.ru",
            "qq.com",
            "163.com",
            "126.com",
            "sina.com",
            "naver.com",
            "daum.net",
            "hanmail.net",
            "fastmail.com",
            "hey.com",
            "tutanota.com",
            "tuta.io",
            "comcast.net",
            "verizon.net",
            "att.net",
            "sbcglobal.net",
            "bellsouth.net",
            "charter.net",
            "cox.net",
            "earthlink.net",
            "optonline.net",
            "btinternet.com",
            "sky.com",
            "virginmedia.com",
            "orange.fr",
            "wanadoo.fr",
            "free.fr",
            "sfr.fr",
            "laposte.net",
            "libero.it",
            "virgilio.it",
            "shaw.ca",
            "rogers.com",
            "sympatico.ca",
            "bigpond.com",
            "optusnet.com.au",
            "uol.com.br",
            "bol.com.br",
            "rediffmail.com",
            "yahoo.com.mx",
            "yahoo.in",
            "hotmail.nl",
            "hotmail.co.jp",
            "outlook.jp",
            "gmx.fr",
            "inbox.ru",
            "bk.ru",
            "list.ru",
            "foxmail.com",
            "yeah.net",
            "seznam.cz",
            "wp.pl",
            "o2.pl");

    /**
     * The built-in shared platforms: social networks, site builders and hosts, code hosts and link
     * services. An account's website there (a company page at linkedin.com/company/acme) names the
     * platform, not the customer, so as a website it never identifies an account either.
     */
    public static final Set<String> PLATFORMS = Set.of(
            "linkedin.com",
            "facebook.com",
            "fb.com",
            "instagram.com",
            "twitter.com",
            "x.com",
            "youtube.com",
            "youtu.be",
            "tiktok.com",
            "pinterest.com",
            "threads.net",
            "medium.com",
            "substack.com",
            "github.com",
            "github.io",
            "gitlab.com",
            "gitlab.io",
            "bitbucket.org",
            "google.com",
            "blogspot.com",
            "wordpress.com",
            "wixsite.com",
            "wix.com",
            "squarespace.com",
            "weebly.com",
            "webflow.io",
            "godaddysites.com",
            "myshopify.com",
            "netlify.app",
            "vercel.app",
            "herokuapp.com",
            "crunchbase.com",
            "wikipedia.org",
            "yelp.com",
            "glassdoor.com",
            "angel.co",
            "wellfound.com",
            "linktr.ee",
            "bit.ly");

    private final Set<String> personal;
    private final Set<String> platforms;

    private PersonalDomains(Set<String> personal, Set<String> platforms) {
        this.personal = Set.copyOf(personal);
        this.platforms = Set.copyOf(platforms);
    }

    /** The built-in lists plus {@code extra} (raw text, normalized; invalid entries are rejected). */
    public static PersonalDomains withExtra(Collection<String> extra) {
        return with(extra, List.of());
    }

    /**
     * The built-in lists plus {@code extra}, less {@code removed} (a built-in personal domain that is a
     * customer's own, for a tenant whose customer it is); raw text, normalized. An invalid entry, a
     * removed domain the built-in list does not hold, or one both added and removed is rejected.
     */
    public static PersonalDomains with(Collection<String> extra, Collection<String> removed) {
        Set<String> all = new TreeSet<>(BUILT_IN);
        List<String> added = normalized("personal_domains_extra", extra);
        all.addAll(added);
        for (String raw : removed) {
            String d = domain("personal_domains_removed", raw);
            if (added.contains(d)) {
                throw new IllegalArgumentException(
                        "personal_domains_removed: '" + raw + "' is in personal_domains_extra too; keep one");
            }
            if (!BUILT_IN.contains(d)) {
                throw new IllegalArgumentException("personal_domains_removed: '" + raw + "' is not on the built-in"
                        + " list of personal email domains, so there is nothing to remove");
            }
            all.remove(d);
        }
        return new PersonalDomains(all, PLATFORMS);
    }

    /**
     * The domains {@code raw} names as {@link #with} uses them: normalized, each once, sorted; so two
     * settings that list the same domains in other spellings, orders or repeats read the same. {@code key}
     * names the setting in the message of an invalid entry.
     */
    public static List<String> normalized(String key, Collection<String> raw) {
        Set<String> domains = new TreeSet<>();
        raw.forEach(r -> domains.add(domain(key, r)));
        return List.copyOf(domains);
    }

    private static String domain(String key, String raw) {
        DomainParse parse = DomainNormalizer.parse(raw);
        if (!parse.valid()) {
            throw new IllegalArgumentException(key + ": '" + raw + "' is " + parse.problem());
        }
        if (DomainNormalizer.countrySecondLevel(parse.domain())) {
            // every name under it would count as personal: every customer of that country's domains
            throw new IllegalArgumentException(key + ": '" + raw + "' is a country's second level, under which"
                    + " anyone registers a name; list the personal email domain itself");
        }
        return parse.domain().value();
    }

    public static PersonalDomains builtIn() {
        return withExtra(Set.of());
    }

    /** Whether {@code domain} never identifies an account: it is, or is under, a personal email domain. */
    public boolean contains(Domain domain) {
        return kind(domain, false) != null;
    }

    /**
     * Why {@code domain} never identifies an account, as words for evidence ("a personal email domain",
     * "a shared platform's domain"), or null when it may. Shared platforms count only for an account's
     * {@code website} (a company page at linkedin.com/company/acme): their own staff's email and an
     * account's explicit domains may well be theirs. A subdomain counts as its listed parent
     * ({@code mail.yahoo.com}, {@code uk.linkedin.com}).
     */
    public String kind(Domain domain, boolean website) {
        String d = domain.value();
        while (true) {
            if (personal.contains(d)) {
                return "a personal email domain";
            }
            if (website && platforms.contains(d)) {
                return "a shared platform's domain (a social network, site builder or code host)";
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return null;
            }
            d = d.substring(dot + 1);
        }
    }
}
