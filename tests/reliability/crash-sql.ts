// The statements the crash tests run in a child process and again in the test after the kill.
import type { MaterializeRequest } from '../../src/pipeline/materialize/index.js';

/** 250 partitions (three INSERT batches of at most 100) of 40 rows: 10,000 rows, ids 1…10,000. */
export const incrementalRequest: MaterializeRequest = {
  database: 'mart',
  name: 'events',
  selectSql: `SELECT id, concat('payload-', CAST(id AS varchar)) AS payload, lpad(CAST(id % 250 AS varchar), 3, '0') AS dt
FROM (SELECT (a.x - 1) * 1000 + b.y AS id FROM UNNEST(sequence(1, 10)) AS a (x) CROSS JOIN UNNEST(sequence(1, 1000)) AS b (y))`,
  partitionedBy: ['dt'],
  location: 's3://warehouse/mart/events/',
};
export const INCREMENTAL_ROWS = 10_000;
export const INCREMENTAL_PARTITIONS = 250;

export const DIM_ROWS = 400_000;
const ids = `SELECT (a.x - 1) * 1000 + b.y AS id FROM UNNEST(sequence(1, 400)) AS a (x) CROSS JOIN UNNEST(sequence(1, 1000)) AS b (y)`;

export const SETUP_DIM = [
  'CREATE DATABASE IF NOT EXISTS mart',
  "CREATE TABLE mart.dim (id bigint, version int, note varchar) LOCATION 's3://warehouse/mart/dim/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
  `INSERT INTO mart.dim SELECT id, 0, 'v0' FROM (${ids})`,
];

/** Every row's version goes up by one, in one statement: after any crash all rows must share one version. */
export const BIG_MERGE = `MERGE INTO mart.dim AS t USING (${ids}) AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET version = t.version + 1, note = concat('v', CAST(t.version + 1 AS varchar))
WHEN NOT MATCHED THEN INSERT (id, version, note) VALUES (s.id, 0, 'v0')`;
