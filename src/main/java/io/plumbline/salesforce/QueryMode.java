package io.plumbline.salesforce;

/** Which API read a query's rows: the REST query endpoint, or a Bulk API 2.0 query job. */
public enum QueryMode {
    REST,
    BULK
}
