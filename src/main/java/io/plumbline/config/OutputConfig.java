package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;

/** The {@code output:} section: where run folders go. */
public record OutputConfig(@JsonProperty("root") String root) {
    public static final String DEFAULT_ROOT = "./artifacts/plumbline";

    public OutputConfig {
        if (root != null && root.isBlank()) {
            // a blank path would put run folders in the config's own folder, or in one named by spaces
            throw ConfigException.atKey(
                    "output.root",
                    "output.root is blank; give the folder run folders go in (e.g. " + DEFAULT_ROOT
                            + "), or leave the key out for that default");
        }
        root = root == null ? DEFAULT_ROOT : root;
    }

    public static OutputConfig defaults() {
        return new OutputConfig(null);
    }
}
