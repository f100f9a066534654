// `lake render MODEL`: the SQL with its variables filled, as Athena receives it or after translation to DuckDB.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE } from '../project/project-helpers.js';

describe('lake render', () => {
  it('--engine athena (default): the query with the period, stage variables and nothing else changed', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['render', 'interactions_hourly', '--from', '2025-03-10T10:00', '--to', '2025-03-10T12:00'], io)).toBe(0);
    expect(io.out).toBe(`WITH base AS (
  SELECT customer_id, channel, rating, date_trunc('hour', "timestamp") AS hr
  FROM crm_data
  WHERE "timestamp" >= TIMESTAMP '2025-03-10 10:00:00.000' AND "timestamp" < TIMESTAMP '2025-03-10 12:00:00.000'
)
SELECT b.hr, b.channel, count(*) AS interactions, count_if(b.rating <= 2) AS negative
FROM base AS b
GROUP BY 1, 2
`);
    expect(io.err).toBe('-- sql/transforms/p1/interactions_hourly.sql (model, period hour) for stage local, athena\n');
  });

  it('--engine local: the DuckDB SQL the local engine runs', async () => {
    const io = captureIo(FIXTURE);
    expect(await main(['render', 'sql/transforms/p1/interactions_hourly.sql', '--engine', 'local', '--from', '2025-03-10T10:00', '--to', '2025-03-10T12:00'], io)).toBe(0);
    expect(io.out).toContain("trino_date_trunc('hour', \"timestamp\") AS hr");
    expect(io.out).toContain("count(CASE WHEN b.rating <= 2 THEN 1 END) AS negative");
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
