package io.plumbline.artifacts;

/** One earlier run as the report's trend shows it. */
public record TrendPoint(String runId, String startedAt, int totalIssues, int prepared, int blocked) {}
