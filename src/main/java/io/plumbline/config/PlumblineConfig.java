package io.plumbline.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The whole {@code plumbline.yaml}. Secrets are never values here: only the names of environment
 * variables that hold them. {@code baseDir} is the folder relative paths are resolved against.
 */
public record PlumblineConfig(
        @JsonProperty("salesforce") SalesforceConfig salesforce,
        @JsonProperty("zendesk") ZendeskConfig zendesk,
        @JsonProperty("audit") AuditConfig audit,
        @JsonProperty("output") OutputConfig output,
        @JsonProperty("store") StoreConfig store,
        @JsonIgnore Path baseDir) {
    /** The one component the loader sets, never the file. */
    static final String BASE_DIR = "baseDir";

    public PlumblineConfig {
        salesforce = salesforce == null ? SalesforceConfig.defaults() : salesforce;
        zendesk = zendesk == null ? ZendeskConfig.defaults() : zendesk;
        audit = audit == null ? AuditConfig.defaults() : audit;
        output = output == null ? OutputConfig.defaults() : output;
        store = store == null ? StoreConfig.defaults() : store;
        baseDir = baseDir == null ? Path.of(".") : baseDir;
    }

    /** The configuration used when no file exists (demo and snapshot audits need none). */
    public static PlumblineConfig defaults() {
        return new PlumblineConfig(null, null, null, null, null, Path.of("."));
    }

    public PlumblineConfig withBaseDir(Path dir) {
        return new PlumblineConfig(salesforce, zendesk, audit, output, store, dir);
    }

    /** The history database: {@code store.path} when set, else {@code plumbline.db} in the output root. */
    public Path storePath(Path outRoot) {
        return store.path() != null ? resolve(store.path()) : outRoot.resolve(StoreConfig.DEFAULT_FILE);
    }

    /** Resolves a path from the file against the config's folder. */
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }
}
