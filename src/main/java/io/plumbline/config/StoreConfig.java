package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.plumbline.errors.ConfigException;

/** The {@code store:} section: where the local history database lives (default: in the output root). */
public record StoreConfig(@JsonProperty("path") String path) {
    public static final String DEFAULT_FILE = "plumbline.db";

    public StoreConfig {
        if (path != null && path.isBlank()) {
            throw ConfigException.atKey(
                    "store.path",
                    "store.path is empty; name the database file (e.g. ./plumbline.db), or remove the key");
        }
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null);
    }
}
