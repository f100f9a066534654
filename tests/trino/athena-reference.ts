// Queries whose answer is the Athena session's, not Trino's: the oracle's Trino names its catalog `iceberg`, while the
// local engine answers what Athena answers (`current_catalog` is `awsdatacatalog`, the catalog of every Athena query:
// https://docs.aws.amazon.com/athena/latest/ug/data-sources-glue.html, "AwsDataCatalog"). Their expectations stay
// hand-written in the dialect tests (tests/dialect/functions/coverage.test.ts); the replay counts them, never compares.
const ATHENA_SESSION = /\bcurrent_catalog\b/i;

/** True when the query's answer depends on the Athena session rather than on Trino's semantics. */
export function athenaIsTheReference(sql: string): boolean {
  return ATHENA_SESSION.test(sql);
}
