package io.plumbline.store;

/** An issue as history tracks it across runs: its stable key, with the code, account and status. */
public record IssueKey(String key, String code, String accountId, String status) {}
