package io.plumbline.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** Why a file operation failed, in words: the JDK's exceptions for a path carry only the path as message. */
public final class IoFailures {
    private IoFailures() {}

    /** {@code permission denied: /srv/out}, {@code a file stands where a folder is needed: ...}, else the exception. */
    public static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file stands where a folder is needed: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
