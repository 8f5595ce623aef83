package io.plumbline.normalize;

import io.plumbline.model.Domain;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set of personal email domains that never identify an account: a built-in list plus any extra
 * domains from the configuration.
 */
public final class PersonalDomains {
    /** The built-in personal email providers. */
    public static final Set<String> BUILT_IN = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "hotmail.co.uk",
            "live.com",
            "msn.com",
            "yahoo.com",
            "yahoo.co.uk",
            "ymail.com",
            "rocketmail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "protonmail.com",
            "protonmail.ch",
            "proton.me",
            "pm.me",
            "gmx.com",
            "gmx.de",
            "gmx.net",
            "web.de",
            "mail.com",
            "zoho.com",
            "yandex.com",
            "yandex.ru",
            "qq.com",
            "163.com",
            "126.com",
            "fastmail.com",
            "hey.com",
            "tutanota.com",
            "mail.ru");

    private final Set<Domain> domains;

    private PersonalDomains(Set<Domain> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The built-in list plus {@code extra} (raw text, normalized; invalid entries are rejected). */
    public static PersonalDomains withExtra(Collection<String> extra) {
        Set<Domain> all = new TreeSet<>();
        for (String d : BUILT_IN) {
            all.add(new Domain(d));
        }
        for (String raw : extra) {
            DomainParse parse = DomainNormalizer.parse(raw);
            if (!parse.valid()) {
                throw new IllegalArgumentException("personal_domains_extra: '" + raw + "' is " + parse.problem());
            }
            all.add(parse.domain());
        }
        return new PersonalDomains(all);
    }

    public static PersonalDomains builtIn() {
        return withExtra(Set.of());
    }

    public boolean contains(Domain domain) {
        return domains.contains(domain);
    }

    public Set<Domain> all() {
        return new TreeSet<>(domains);
    }
}
