package io.plumbline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.SalesforceAccountId;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resolution's two views of its accounts, by order and by id, always hold the same entries. */
class ResolutionTest {
    private final Resolution demo = new IdentityResolver(ResolutionSettings.defaults())
            .resolve(SnapshotReader.read(ClasspathSource.DEMO, null));

    @Test
    void account_everyAccount_foundById() {
        demo.accounts().forEach((id, r) -> assertThat(demo.account(id)).isSameAs(r));
        assertThat(demo.account(new SalesforceAccountId("001NOTANACCOUNT"))).isNull();
    }

    @Test
    void constructor_byIdMissingOrDifferentEntry_refused() {
        List<SalesforceAccountId> ids = List.copyOf(demo.accounts().keySet());
        Map<SalesforceAccountId, AccountResolution> missing = new HashMap<>(demo.accounts());
        missing.remove(ids.get(0));
        Map<SalesforceAccountId, AccountResolution> swapped = new HashMap<>(demo.accounts());
        swapped.put(ids.get(0), demo.accounts().get(ids.get(1)));

        for (Map<SalesforceAccountId, AccountResolution> byId : List.of(missing, swapped)) {
            assertThatThrownBy(() -> withById(byId))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("same entries");
        }
    }

    private Resolution withById(Map<SalesforceAccountId, AccountResolution> byId) {
        return new Resolution(
                demo.snapshot(),
                demo.settings(),
                demo.orgs(),
                demo.accounts(),
                byId,
                demo.users(),
                demo.accountsByDomain(),
                demo.membershipsByUser(),
                demo.ticketWindowStart(),
                demo.warnings());
    }
}
