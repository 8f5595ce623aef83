package io.plumbline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.Membership;
import io.plumbline.model.MembershipId;
import io.plumbline.model.MembershipTable;
import io.plumbline.model.ZendeskOrgId;
import io.plumbline.model.ZendeskUserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MembershipIndexTest {
    private static Membership m(long id, long user, long org, boolean isDefault) {
        return new Membership(new MembershipId(id), new ZendeskUserId(user), new ZendeskOrgId(org), isDefault);
    }

    @Test
    void table_holdsEqualRecordsInOrder_andSelectsRows() {
        List<Membership> records = List.of(m(5, 2, 30, true), m(3, 1, 10, false), m(9, 2, 20, false));
        MembershipTable table = MembershipTable.of(records);

        assertThat(table).containsExactlyElementsOf(records);
        assertThat(table.select(new int[] {2, 0})).containsExactly(records.get(2), records.get(0));
        assertThat(table.userId(1)).isEqualTo(1);
        assertThat(table.id(1)).isEqualTo(3);
    }

    @Test
    void membershipIdAndDefaultOrg_answerAsTheRecordsDo() {
        Random random = new Random(7);
        List<Membership> records = new ArrayList<>();
        for (int id = 1; id <= 400; id++) {
            records.add(m(id, 1 + random.nextInt(60), 100 + random.nextInt(8), random.nextInt(4) == 0));
        }
        MembershipIndex index = MembershipIndex.of(records);

        for (long user = 1; user <= 61; user++) {
            ZendeskUserId u = new ZendeskUserId(user);
            List<Membership> mine = index.of(u);
            long marked = mine.stream()
                    .filter(Membership::isDefault)
                    .mapToLong(x -> x.organizationId().value())
                    .findFirst()
                    .orElse(-1);
            assertThat(index.defaultOrg(u)).as("user %d", user).isEqualTo(marked);
            for (long org = 100; org <= 108; org++) {
                ZendeskOrgId o = new ZendeskOrgId(org);
                long expected = mine.stream()
                        .filter(x -> x.organizationId().equals(o))
                        .mapToLong(x -> x.id().value())
                        .findFirst()
                        .orElse(-1);
                assertThat(index.membershipId(u, o))
                        .as("user %d org %d", user, org)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void table_refusesIdsTheRecordWouldRefuse() {
        assertThatThrownBy(() -> new MembershipTable.Builder().add(1, 0, 10, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user 0");
    }

    @Test
    void index_givesEachUsersMembershipsInIdOrder_emptyForOthers() {
        MembershipIndex index = MembershipIndex.of(MembershipTable.of(List.of(
                m(9, 2, 20, false), m(3, 1, 10, false), m(5, 2, 30, true), m(7, 4, 10, true), m(4, 2, 40, false))));

        assertThat(index.of(new ZendeskUserId(2)))
                .containsExactly(m(4, 2, 40, false), m(5, 2, 30, true), m(9, 2, 20, false));
        assertThat(index.of(new ZendeskUserId(1))).containsExactly(m(3, 1, 10, false));
        assertThat(index.of(new ZendeskUserId(4))).containsExactly(m(7, 4, 10, true));
        assertThat(index.of(new ZendeskUserId(3))).isEmpty();
        assertThat(index.of(new ZendeskUserId(5))).isEmpty();
    }

    @Test
    void index_randomTables_sameAsSortingTheRecords() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            boolean repeatIds = round % 4 == 0;
            List<Membership> records = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                long id = repeatIds ? 1 + random.nextInt(Math.max(1, n / 2)) : (long) i * 7 + random.nextInt(7) + 1;
                records.add(
                        m(id, 1 + random.nextInt(40) * 1_000_000_007L, 1 + random.nextInt(5), random.nextBoolean()));
            }
            Collections.shuffle(records, random);
            MembershipIndex index = MembershipIndex.of(MembershipTable.of(records));
            for (long user = 0; user <= 41; user++) {
                long u = 1 + user * 1_000_000_007L;
                List<Membership> expected = records.stream()
                        .filter(r -> r.userId().value() == u)
                        .sorted(Comparator.comparingLong(r -> r.id().value()))
                        .toList();
                assertThat(index.of(new ZendeskUserId(u)))
                        .as("round %d user %d", round, u)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void index_ofPlainList_sameAsOfTable() {
        List<Membership> records = List.of(m(2, 8, 1, true), m(1, 8, 2, false));
        assertThat(MembershipIndex.of(records).of(new ZendeskUserId(8)))
                .containsExactly(records.get(1), records.get(0));
    }
}
