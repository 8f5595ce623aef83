package io.plumbline.cli;

import io.plumbline.apply.SnapshotZendesk;
import io.plumbline.apply.ZendeskApiWrites;
import io.plumbline.apply.ZendeskWrites;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.SnapshotReader;
import io.plumbline.zendesk.ZendeskClient;
import io.plumbline.zendesk.ZendeskConnector;
import io.plumbline.zendesk.ZendeskSettings;

/**
 * Opens the Zendesk that apply and undo re-read and write: the bundled demo state for demo plans (dry
 * run only; the plan gate refuses a live demo apply before this is reached), otherwise the live API
 * named by the config, with the credentials, timeouts and retries a live audit uses.
 */
final class ZendeskConnections {
    private ZendeskConnections() {}

    static ZendeskWrites open(boolean demo, PlumblineConfig config, Context ctx) {
        if (demo) {
            return new SnapshotZendesk(SnapshotReader.read(ClasspathSource.DEMO, null));
        }
        return new ZendeskApiWrites(new ZendeskClient(ZendeskConnector.connect(
                config.zendesk(), ZendeskSettings.from(config.zendesk(), ctx.clock()), ctx.env(), ctx.err()::println)));
    }
}
