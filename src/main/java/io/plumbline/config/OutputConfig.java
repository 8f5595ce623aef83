package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code output:} section: where run folders go. */
public record OutputConfig(@JsonProperty("root") String root) {
    public static final String DEFAULT_ROOT = "./artifacts/plumbline";

    public OutputConfig {
        root = root == null ? DEFAULT_ROOT : root;
    }

    public static OutputConfig defaults() {
        return new OutputConfig(null);
    }
}
