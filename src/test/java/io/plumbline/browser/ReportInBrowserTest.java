package io.plumbline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plumbline.artifacts.RunFolderWriter;
import io.plumbline.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real browser: headless Chromium loads the demo's report.html from disk, the test
 * uses the filters and expands an account, and checks what is shown. A screenshot is saved to
 * {@code target/browser/report.png}. Skipped where Chromium is missing, except under CI, where
 * {@code .ci/run} installs it and a missing browser is a failure.
 */
class ReportInBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void report_demoInChromium_filtersAndExpandsAccounts() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(chromium)
                    .as("CI must have Chromium (.ci/run installs it)")
                    .isPresent();
        }
        assumeTrue(chromium.isPresent(), "Chromium is not installed");
        assertThat(Cli.run("audit", "--demo", "--out", tmp.toString(), "--run-id", "r", "--quiet")
                        .exitCode())
                .isZero();
        Path report = tmp.resolve("r/report.html");
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target/browser")), "profile-");
        try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), profile)) {
            browser.navigate(report.toUri().toString());
            assertThat(browser.eval("document.querySelector('#card-total-issues b').textContent")
                            .asText())
                    .isEqualTo("25");
            assertThat(browser.eval("document.querySelectorAll('#rows tr.account').length")
                            .asInt())
                    .isEqualTo(10);
            assertThat(browser.eval("document.querySelectorAll('#chart-by-code rect').length")
                            .asInt())
                    .isEqualTo(17);

            browser.eval("var s=document.getElementById('filter-code'); s.value='ticket_org_mismatch';"
                    + "s.dispatchEvent(new Event('change'))");
            assertThat(browser.eval(
                                    "Array.from(document.querySelectorAll('#rows tr.account')).map(r=>r.dataset.account).join(',')")
                            .asText())
                    .isEqualTo("001ACME006");
            assertThat(browser.eval("document.getElementById('shown-count').textContent")
                            .asText())
                    .isEqualTo("1 of 9 accounts");
            browser.eval("var s=document.getElementById('filter-code'); s.value='org_orphaned';"
                    + "s.dispatchEvent(new Event('change'))");
            assertThat(browser.eval("document.getElementById('shown-count').textContent")
                            .asText())
                    .as("the row of orgs without an account is not counted as an account")
                    .isEqualTo("0 of 9 accounts, and the orgs without an account");
            browser.eval("var s=document.getElementById('filter-code'); s.value='ticket_org_mismatch';"
                    + "s.dispatchEvent(new Event('change'))");

            browser.eval("document.querySelector('#rows tr.account').click()");
            String detail = browser.eval("document.querySelector('#rows tr.detail').innerText")
                    .asText();
            assertThat(detail)
                    .contains("ticket_org_mismatch")
                    .contains("move_user_to_org")
                    .doesNotContain("account_domain_shared");

            browser.eval(
                    "var s=document.getElementById('filter-code'); s.value=''; s.dispatchEvent(new Event('change'));"
                            + "var st=document.getElementById('filter-status'); st.value='blocked'; st.dispatchEvent(new Event('change'));"
                            + "var q=document.getElementById('filter-account'); q.value='acme lab'; q.dispatchEvent(new Event('input'))");
            assertThat(browser.eval(
                                    "Array.from(document.querySelectorAll('#rows tr.account')).map(r=>r.dataset.account).join(',')")
                            .asText())
                    .isEqualTo("001ACME002");

            browser.eval(
                    "var q=document.getElementById('filter-account'); q.value=''; q.dispatchEvent(new Event('input'));"
                            + "var st=document.getElementById('filter-status'); st.value=''; st.dispatchEvent(new Event('change'));"
                            + "document.querySelector('th[data-key=total]').click()");
            assertThat(browser.eval("document.querySelector('#rows tr.account').dataset.account")
                            .asText())
                    .isEqualTo("001Dn00000BvHsAIAV");
            browser.eval("document.querySelector('#rows tr.account').click()");
            Path shot = Path.of("target/browser/report.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        } finally {
            RunFolderWriter.deleteQuietly(profile);
        }
    }
}
