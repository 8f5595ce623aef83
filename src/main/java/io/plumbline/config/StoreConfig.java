package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code store:} section: where the local history database lives (default: in the output root). */
public record StoreConfig(@JsonProperty("path") String path) {
    public static final String DEFAULT_FILE = "plumbline.db";

    public static StoreConfig defaults() {
        return new StoreConfig(null);
    }
}
