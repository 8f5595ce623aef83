package io.plumbline.store;

import java.util.List;

/**
 * The store's schema, as ordered migrations: version N is reached by running the first N scripts.
 * Never edit a released script; append a new one.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("""
            CREATE TABLE runs (
              run_id TEXT PRIMARY KEY,
              started_at TEXT NOT NULL,
              finished_at TEXT NOT NULL,
              input_kind TEXT NOT NULL,
              plan_hash TEXT NOT NULL,
              total_issues INTEGER NOT NULL,
              prepared INTEGER NOT NULL,
              blocked INTEGER NOT NULL,
              duration_ms INTEGER NOT NULL,
              requests_used INTEGER NOT NULL,
              counts_by_code TEXT NOT NULL
            );
            CREATE TABLE run_issues (
              run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
              issue_key TEXT NOT NULL,
              issue_code TEXT NOT NULL,
              sf_account_id TEXT NOT NULL,
              status TEXT NOT NULL,
              PRIMARY KEY (run_id, issue_key)
            );
            """, """
            CREATE TABLE cursors (
              name TEXT PRIMARY KEY,
              value TEXT NOT NULL,
              updated_at TEXT NOT NULL
            );
            """, """
            CREATE TABLE zendesk_pulls (
              source TEXT PRIMARY KEY,
              run_id TEXT NOT NULL,
              snapshot_dir TEXT NOT NULL,
              fingerprints TEXT NOT NULL,
              captured_at TEXT NOT NULL,
              tickets_since TEXT NOT NULL,
              full_pull_at TEXT NOT NULL
            );
            """, """
            ALTER TABLE runs ADD COLUMN series TEXT;
            """, """
            CREATE TABLE run_ids (
              run_id TEXT PRIMARY KEY,
              run_folder TEXT NOT NULL,
              claimed_at TEXT NOT NULL
            );
            INSERT INTO run_ids SELECT run_id, '', started_at FROM runs;
            """, """
            ALTER TABLE runs ADD COLUMN as_of TEXT;
            ALTER TABLE runs ADD COLUMN output_root TEXT;
            """);

    private Migrations() {}
}
