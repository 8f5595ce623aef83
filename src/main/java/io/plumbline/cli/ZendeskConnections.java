package io.plumbline.cli;

import io.plumbline.apply.SnapshotZendesk;
import io.plumbline.apply.ZendeskApiWrites;
import io.plumbline.apply.ZendeskWrites;
import io.plumbline.config.PlumblineConfig;
import io.plumbline.config.ZendeskConfig;
import io.plumbline.snapshot.ClasspathSource;
import io.plumbline.snapshot.FolderSource;
import io.plumbline.snapshot.SnapshotReader;
import io.plumbline.zendesk.TokenLifetime;
import io.plumbline.zendesk.ZendeskClient;
import io.plumbline.zendesk.ZendeskConnector;
import io.plumbline.zendesk.ZendeskHttp;
import io.plumbline.zendesk.ZendeskSettings;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens the Zendesk that apply and undo re-read and write: the bundled demo state for demo plans (dry
 * run only; the plan gate refuses a live demo apply before this is reached), otherwise the live API
 * named by the config, with the credentials, timeouts and retries a live audit uses.
 */
final class ZendeskConnections {
    private ZendeskConnections() {}

    /**
     * Where the waits before Zendesk is tried again are said ({@link ZendeskHttp#onRetry}): the error stream,
     * or nowhere with {@code quiet} (errors are still said).
     */
    static Consumer<String> retryNotes(Context ctx, boolean quiet) {
        return quiet ? notice -> {} : notice -> ctx.err().println("zendesk: " + notice);
    }

    /**
     * With {@code quiet}, the waits before Zendesk is tried again are not said (errors still are). A dry run
     * ({@code live} false) asks for read scopes only, as an audit does: it writes nothing, so it needs no
     * token that could.
     */
    static ZendeskWrites open(boolean demo, boolean live, PlumblineConfig config, Context ctx, boolean quiet) {
        return open(demo, null, live, config, ctx, quiet);
    }

    /**
     * As {@link #open(boolean, boolean, PlumblineConfig, Context, boolean)}, where a demo plan audited from a
     * folder of the demo fixtures ({@code demoFolder}, perhaps edited: a scenario tried out) is dry-run
     * against that folder rather than the bundled fixtures.
     */
    static ZendeskWrites open(
            boolean demo, Path demoFolder, boolean live, PlumblineConfig config, Context ctx, boolean quiet) {
        if (demo) {
            return new SnapshotZendesk(SnapshotReader.read(
                    demoFolder != null ? new FolderSource(demoFolder) : ClasspathSource.DEMO, null));
        }
        ZendeskConfig zendesk = live ? config.zendesk() : config.zendesk().readOnly();
        ZendeskHttp http = ZendeskConnector.connect(
                zendesk, ZendeskSettings.from(zendesk, ctx.clock()), ctx.env(), ctx.err()::println);
        http.onRetry(retryNotes(ctx, quiet));
        if (live) {
            TokenLifetime.warning(http).ifPresent(w -> ctx.err().println("warning: " + w));
        }
        return new ZendeskApiWrites(new ZendeskClient(http));
    }
}
