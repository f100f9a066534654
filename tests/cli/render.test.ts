// `lake render MODEL`: the SQL with its variables filled, as Athena receives it or after translation to DuckDB.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE } from '../project/project-helpers.js';

describe('lake render', () => {
  it('--engine athena (default): every statement an incremental run sends, the query with its period and stage variables filled', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['render', 'interactions_hourly', '--from', '2025-03-10T10:00', '--to', '2025-03-10T12:00', '--at', '2025-03-10 12:05'], io)).toBe(0);
    const stage = '"analytics"."interactions_hourly__stage_20250310120500000"';
    expect(io.out).toBe(`SHOW TABLES IN \`analytics\` 'interactions_hourly';

CREATE TABLE ${stage}
WITH (format = 'PARQUET', external_location = 's3://tiny-local/curated/analytics/_staging/interactions_hourly/20250310120500000/')
AS
WITH base AS (
  SELECT customer_id, channel, rating, date_trunc('hour', "timestamp") AS hr
  FROM crm_data
  WHERE "timestamp" >= TIMESTAMP '2025-03-10 10:00:00.000' AND "timestamp" < TIMESTAMP '2025-03-10 12:00:00.000'
)
SELECT b.hr, b.channel, count(*) AS interactions, count_if(b.rating <= 2) AS negative
FROM base AS b
GROUP BY 1, 2;

SELECT DISTINCT "hr" FROM ${stage};

INSERT INTO "analytics"."interactions_hourly"
SELECT * FROM ${stage};

DROP TABLE IF EXISTS \`analytics\`.\`interactions_hourly__stage_20250310120500000\`;
`);
    expect(io.err).toBe(
      '-- sql/transforms/p1/interactions_hourly.sql (model, period hour) for stage local, athena\n' +
        '-- assuming the table exists (a later run; --first-run shows the first)\n' +
        "-- assuming the new data's partitions fit one statement (at most 100); their folders are emptied through S3 first\n",
    );
    const first = captureIo(FIXTURE);
    expect(
      await main(['render', 'interactions_hourly', '--first-run', '--from', '2025-03-10T10:00', '--to', '2025-03-10T12:00', '--at', '2025-03-10 12:05'], first),
    ).toBe(0);
    expect(first.out).toContain(`CREATE TABLE "analytics"."interactions_hourly"
WITH (format = 'PARQUET', external_location = 's3://tiny-local/curated/analytics/interactions_hourly/', partitioned_by = ARRAY['hr'])
AS
WITH base AS (`);
    expect(first.out).toContain('GROUP BY 1, 2\nWITH NO DATA;');
  });

  it('--engine athena: a table model is the CTAS into a fresh folder, then the table swapped to it in one Glue call (never dropped); a view is CREATE OR REPLACE VIEW', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['render', 'daily_revenue', '--at', '2025-03-11 00:30'], io)).toBe(0);
    const scratch = 'daily_revenue__20250311003000000';
    expect(io.out).toBe(`CREATE TABLE "analytics"."${scratch}"
WITH (format = 'PARQUET', external_location = 's3://tiny-local/curated/analytics/daily_revenue/20250311003000000/')
AS
SELECT o.order_date, sum(o.total_amount) AS revenue, count(DISTINCT c.email) AS customers
FROM orders o
JOIN dim_customer c ON c.customer_id = o.customer_id AND c.is_current
WHERE o.status <> 'returned'
GROUP BY o.order_date;

SELECT * FROM "analytics"."${scratch}" LIMIT 0;

-- Glue UpdateTable, one call: "analytics"."daily_revenue" takes the definition of "analytics"."${scratch}" with properties ('classification' = 'parquet');

DROP TABLE \`analytics\`.\`${scratch}\`;
`);
    expect(io.err).toContain('-- assuming the table exists (a later run; --first-run shows the first)\n');
    const view = captureIo(FIXTURE);
    expect(await main(['render', 'support_overview'], view)).toBe(0);
    expect(view.out).toBe(`CREATE OR REPLACE VIEW "analytics"."support_overview" AS
SELECT hr, channel, interactions, negative, CAST(negative AS DOUBLE) / interactions AS negative_share
FROM interactions_hourly;
`);
  });

  it('--engine local: the DuckDB SQL the local engine runs', async () => {
    const io = captureIo(FIXTURE);
    expect(
      await main(['render', 'sql/transforms/p1/interactions_hourly.sql', '--engine', 'local', '--from', '2025-03-10T10:00', '--to', '2025-03-10T12:00'], io),
    ).toBe(0);
    expect(io.out).toContain('trino_date_trunc(\'hour\', "timestamp") AS hr');
    // count_if is rewritten; a column compared with a number literal carries Trino's type check (bool_col = 1 fails).
    expect(io.out).toMatch(
      /count\(CASE WHEN trino_condition\(\(b\.rating <= 2 AND \{'trino_v': true\}\[.*'trino_refused:type-compare'.*\]\), 'count_if'\) THEN 1 END\) AS negative/,
    );
    expect(io.out.trimEnd().endsWith(';')).toBe(true);
  });

  it('an alert gets its evaluation window; an unknown name suggests the closest', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['render', 'negative_interactions', '--at', '2025-03-10 11:00'], io)).toBe(0);
    expect(io.out).toContain("WHERE hr >= TIMESTAMP '2025-03-10 10:00:00.000'");
    const typo = captureIo(FIXTURE);
    expect(await main(['render', 'interactions_hourl'], typo)).toBe(1);
    expect(typo.err).toContain("did you mean 'interactions_hourly'?");
    const many = captureIo(FIXTURE);
    expect(await main(['render', 'tag:p2'], many)).toBe(2);
    expect(many.err).toBe("error: 'tag:p2' names 3 nodes (analytics.orders, analytics.dim_customer, analytics.daily_revenue); give one\n");
  });
});
