package io.plumbline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.audit.AuditResult;
import io.plumbline.audit.Auditor;
import io.plumbline.detect.Issue;
import io.plumbline.detect.IssueCode;
import io.plumbline.model.Snapshot;
import io.plumbline.resolve.ResolutionSettings;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large-tenant generator, checked on a small tenant: the audit finds exactly what it injected. */
class TenantGeneratorTest {
    private static final TenantShape SMALL = new TenantShape(2_000, 1_600, 16_000, 20_000, 24_000L, 7);

    @TempDir
    static Path dir;

    private static ExpectedCounts expected;

    @BeforeAll
    static void generate() throws IOException {
        expected = TenantGenerator.generate(SMALL, dir);
    }

    @Test
    void generate_smallTenant_auditFindsExactlyTheInjectedCounts() throws IOException {
        AuditResult result = audit(dir);

        assertThat(countByCode(result.issues())).isEqualTo(expected.issues());
        assertThat(expected.issues().values()).allMatch(n -> n > 0);
        assertThat(Files.readString(dir.resolve("expected_counts.json"))).contains("\"ticket_org_mismatch\": ");
    }

    @Test
    void generate_smallTenant_hasTheRequestedShape() {
        Snapshot s = SnapshotReader.read(new FolderSource(dir), null);

        assertThat(s.accounts()).hasSize(SMALL.accounts());
        assertThat(s.organizations()).hasSize(SMALL.orgs());
        assertThat(s.users()).hasSize(SMALL.users());
        assertThat(s.memberships()).hasSize(SMALL.memberships());
        assertThat(s.tickets()).hasSize((int) SMALL.tickets());
        assertThat(s.asOf()).isEqualTo(TenantGenerator.AS_OF);
        assertThat(expected.inputs()).containsEntry("users", (long) SMALL.users());
        assertThat(s.contacts()).isNotEmpty();
        assertThat(s.organizations()).anyMatch(o -> o.deleted());
        assertThat(s.users())
                .anyMatch(u -> u.suspended())
                .anyMatch(u -> u.role().equals("agent"));
    }

    @Test
    void generate_sameSeed_writesIdenticalFiles(@TempDir Path twice) throws IOException {
        TenantShape tiny = new TenantShape(300, 240, 2_400, 3_000, 3_000L, 11);
        TenantGenerator.generate(tiny, twice.resolve("a"));
        TenantGenerator.generate(tiny, twice.resolve("b"));

        for (String f : List.of("salesforce_accounts.csv", "zendesk/users.jsonl", "zendesk/tickets.jsonl")) {
            assertThat(Files.mismatch(
                            twice.resolve("a").resolve(f), twice.resolve("b").resolve(f)))
                    .as(f)
                    .isEqualTo(-1L);
        }
    }

    private static AuditResult audit(Path dir) {
        Snapshot snapshot = SnapshotReader.read(new FolderSource(dir), null);
        return new Auditor(ResolutionSettings.defaults(), List.of())
                .audit(snapshot, false, "test", TenantGenerator.AS_OF);
    }

    private static Map<IssueCode, Long> countByCode(List<Issue> issues) {
        Map<IssueCode, Long> out = new EnumMap<>(IssueCode.class);
        for (IssueCode c : IssueCode.values()) {
            out.put(c, 0L);
        }
        issues.forEach(i -> out.merge(i.code(), 1L, Long::sum));
        return out;
    }
}
