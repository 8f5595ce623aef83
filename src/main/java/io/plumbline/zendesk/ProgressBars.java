package io.plumbline.zendesk;

import java.io.PrintStream;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as a terminal bar per resource: records (of the expected total, with ETA), requests, waits;
 * each bar on its own line, as resources are pulled side by side.
 */
public final class ProgressBars implements Progress {
    private final PrintStream err;

    public ProgressBars(PrintStream err) {
        this.err = err;
    }

    @Override
    public void note(String line) {
        err.println("zendesk: " + line);
    }

    @Override
    public Task start(String resource) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(resource)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" records", 1)
                .setConsumer(new InteractiveConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(250)
                .build();
        return new Task() {
            @Override
            public void expect(long total) {
                bar.maxHint(total);
            }

            @Override
            public void update(long records, long requests, long rateLimitWaits) {
                bar.stepTo(records);
                bar.setExtraMessage(requests + " req, " + rateLimitWaits + " waits");
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
