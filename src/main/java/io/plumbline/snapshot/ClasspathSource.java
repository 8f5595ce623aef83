package io.plumbline.snapshot;

import java.io.InputStream;

/** A snapshot bundled in the jar under a resource prefix (the demo fixtures). */
public record ClasspathSource(String prefix, String label) implements InputSource {
    public static final ClasspathSource DEMO = new ClasspathSource("/io/plumbline/demo/", "demo:");

    @Override
    public InputStream open(String relativePath) {
        return ClasspathSource.class.getResourceAsStream(prefix + relativePath);
    }

    @Override
    public String displayName(String relativePath) {
        return label + relativePath;
    }
}
