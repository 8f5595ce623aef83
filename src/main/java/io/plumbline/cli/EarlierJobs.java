package io.plumbline.cli;

import io.plumbline.apply.ZendeskWrites;
import io.plumbline.errors.ApplyRefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Background jobs an earlier live apply sent and left open (still queued or working when it stopped
 * polling them): such a job may yet write whole {@code domain_names} lists built from what it read then,
 * over whatever a later run writes to the same orgs. Before a live apply or undo writes, each is asked
 * about once; one Zendesk still runs refuses the run (exit 5), and a dry run says so.
 */
final class EarlierJobs {
    private EarlierJobs() {}

    /**
     * Refuses a live run ({@code live}) while a job that the receipts beside {@code receipt} left open is
     * still queued or working in Zendesk; a dry run is warned on {@code err} instead.
     */
    static void check(ZendeskWrites zendesk, Path receipt, boolean live, PrintWriter err) {
        for (Map.Entry<String, Path> job : ReceiptArchive.openJobs(receipt).entrySet()) {
            Optional<String> status = zendesk.jobStatus(job.getKey());
            if (status.isEmpty()
                    || !(status.get().equals("queued") || status.get().equals("working"))) {
                continue; // over, or expired: what it wrote is in Zendesk's records, which every check reads
            }
            String why = "job " + job.getKey() + " of an earlier apply (" + job.getValue() + ") is still "
                    + status.get() + " in Zendesk, and may yet write the orgs it holds over what this run writes";
            if (live) {
                throw new ApplyRefusedException(why + ". Wait until it has finished (a re-run then re-checks "
                        + "every action against what it wrote), then run this again.");
            }
            err.println("warning: " + why + "; a live run is refused until it has finished");
        }
    }
}
