// The benchmark's own project, generated into a temp folder: P1 as it would run over the Firehose landing layout.
// A JSON landing table over gzip NDJSON hourly partitions → the curated `crm_data` (incremental Parquet, hourly
// partitions) → the example's hourly KPI model and P1 alert → the example's customer-support dashboard views. The KPI,
// alert and dashboard SQL are the example project's files, copied unchanged (example-sql.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_FILES } from './example-sql.js';

/** The repository root (this file sits in bench/, the bundle in dist/: one level down either way). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BENCH_BUCKET = 'bench-lake';
export const BENCH_DATABASE = 'lakehouse';
/** Where the Firehose writes the landing files, inside the bucket. */
export const LANDING_PREFIX = 'raw/interactions/';
/** Where the curated model writes (the example's crm_data location). */
export const CURATED_PREFIX = 'processed/';

const LANDING_DDL = `/*
description: P1 interactions as the Firehose delivers them - gzip NDJSON, partitioned by the hour of "timestamp".
tags: [p1, bench]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS p1_interactions_landing (
  customer_id INT,
  interaction_type STRING,
  \`timestamp\` STRING,
  channel STRING,
  rating INT,
  message_excerpt STRING
)
PARTITIONED BY (year STRING, month STRING, day STRING, hour STRING)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://\${lake_bucket}/${LANDING_PREFIX}'
`;

const CURATED_MODEL = `/*
description: P1 interactions curated from the landing zone - typed timestamps, Parquet, partitioned by hour.
tags: [p1, bench]
materialized: incremental
period: hour
partitioned_by: [year, month, day, hour]
external_location: s3://\${lake_bucket}/${CURATED_PREFIX}
*/
SELECT
  customer_id,
  interaction_type,
  ts AS "timestamp",
  channel,
  rating,
  message_excerpt,
  \${now} AS ingestion_time,
  year(ts) AS year,
  month(ts) AS month,
  day(ts) AS day,
  hour(ts) AS hour
FROM (
  SELECT *, CAST(from_iso8601_timestamp("timestamp") AS TIMESTAMP) AS ts
  FROM p1_interactions_landing
  -- Landing partitions are the hour of "timestamp" as text: read only the hours of the period.
  WHERE concat(year, month, day, hour) BETWEEN date_format(\${period_start}, '%Y%m%d%H') AND date_format(\${period_end}, '%Y%m%d%H')
)
WHERE ts >= \${period_start} AND ts < \${period_end}
`;

const CONFIG = `name: lake-bench
database: ${BENCH_DATABASE}
lake: .lake
sql: sql
default_stage: local
stages:
  local:
    variables:
      lake_bucket: ${BENCH_BUCKET}
`;

/** Writes the bench project to `root` (which must not hold another project). */
export function writeBenchProject(root: string): void {
  for (const folder of ['ddl', 'transforms', 'alerts', 'dashboards']) mkdirSync(join(root, 'sql', folder), { recursive: true });
  writeFileSync(join(root, 'lakehouse.yaml'), CONFIG);
  writeFileSync(join(root, 'sql/ddl/p1_interactions_landing.sql'), LANDING_DDL);
  writeFileSync(join(root, 'sql/transforms/crm_data.sql'), CURATED_MODEL);
  for (const [file, text] of Object.entries(EXAMPLE_FILES)) writeFileSync(join(root, file), text);
}
