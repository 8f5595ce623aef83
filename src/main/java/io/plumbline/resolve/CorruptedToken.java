package io.plumbline.resolve;

/** A token in a Salesforce domain field that is not a domain, with the field it came from. */
public record CorruptedToken(String field, String token, String problem) {}
