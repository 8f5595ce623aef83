package io.plumbline.cli;

import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ConfigException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Fills the Zendesk half of a live audit's snapshot folder: {@code zendesk/*.jsonl} and {@code
 * snapshot.json} with {@code captured_at}, tickets covering the lookback window that ends at {@code
 * asOf}. Passed in through {@link Context}, so tests can stand in for Zendesk.
 */
@FunctionalInterface
public interface ZendeskSnapshotSource {
    /** What a build without a live Zendesk client does: explain and point at the offline inputs. */
    ZendeskSnapshotSource NOT_AVAILABLE = (config, dir, asOf, lookbackDays) -> {
        throw new ConfigException("live audits read Zendesk through its API, which this build cannot reach yet; "
                + "pass --demo, or --snapshot DIR with a snapshot folder");
    };

    void pull(PlumblineConfig config, Path snapshotDir, Instant asOf, int lookbackDays);
}
