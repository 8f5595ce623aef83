package io.plumbline.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class IoFailuresTest {
    @Test
    void why_namesTheCauseTheJdkLeavesToTheExceptionsClass() {
        assertThat(IoFailures.why(new AccessDeniedException("/srv/out/.r.partial")))
                .isEqualTo("permission denied: /srv/out/.r.partial");
        assertThat(IoFailures.why(new FileAlreadyExistsException("/srv/out")))
                .isEqualTo("a file stands where a folder is needed: /srv/out");
        assertThat(IoFailures.why(new FileSystemException("/srv/out", null, "No space left on device")))
                .isEqualTo("FileSystemException: /srv/out: No space left on device");
        assertThat(IoFailures.why(new IOException())).isEqualTo("IOException");
    }
}
