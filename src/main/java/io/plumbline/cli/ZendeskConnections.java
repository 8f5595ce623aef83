package io.plumbline.cli;

import io.plumbline.apply.SnapshotZendesk;
import io.plumbline.apply.ZendeskWrites;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.errors.ConfigException;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;

/**
 * Opens the Zendesk that apply and undo re-read and write: the bundled demo state for demo plans (dry
 * run only), otherwise the live API named by the config.
 */
final class ZendeskConnections {
    private ZendeskConnections() {}

    static ZendeskWrites open(boolean demo, PlumblineConfig config, Context ctx) {
        if (demo) {
            return new SnapshotZendesk(SnapshotReader.read(ClasspathSource.DEMO, null));
        }
        throw new ConfigException("applying to a live Zendesk needs the Zendesk API client, which this build does not "
                + "include yet; only demo plans can be dry-run");
    }
}
