// A cast to double, real or decimal whose operand is a heavy call binds it once (issue 18; translate/nested-casts.ts
// heavyOperand): trino_to_double mentions its operand 26 times, so `CAST(total - failing AS DOUBLE) / total` over
// columns the translator cannot type (the p3_contract_violations alert's WHERE: a guarded subtraction of ~9,600
// characters) made DuckDB bind ~250,000 characters per mention of the cast, three times over inside its condition's
// checks (the alert's statement: 6.5M characters expanded, ~0.55 s of binding). The answers are Trino 476's (values and
// types, and the overflow's message), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { expandedSize } from '../../src/dialect/shims/macro-weights.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const duckdbSql = (sql: string) =>
  translateStatement(sql, { lakeRoot: '/tmp/lake', database: 'default' })
    .steps.map((s) => (s.kind === 'sql' ? s.sql : ''))
    .join(';');

// The alert's shape: counts of a UNION ALL of WITH queries, a share of them in a CASE condition.
const ALERT_SHAPE =
  "WITH c AS (SELECT 'a' AS k, count(*) AS failing, count(*) + 9 AS total FROM (VALUES 1) AS t(x) " +
  "UNION ALL SELECT 'b', 0, 0 UNION ALL SELECT 'c', 2, 400 UNION ALL SELECT 'd', 1, NULL) " +
  'SELECT k, failing, total, CAST(total - failing AS DOUBLE) / total AS share FROM c ' +
  "WHERE CASE WHEN k IN ('a', 'd') THEN total > 0 AND CAST(total - failing AS DOUBLE) / total < 0.995 ELSE failing > 0 END ORDER BY k";

describe('a cast of a heavy operand binds it once', () => {
  it('answers as Trino 476', async () => {
    expect(await namedResult(engine, ALERT_SHAPE)).toEqual({
      columns: ['k varchar', 'failing bigint', 'total bigint', 'share double'],
      rows: [
        ['a', 1, 10, 0.9],
        ['c', 2, 400, 0.995],
      ],
    });
  });

  it('fails as Trino 476 when the operand fails (NUMERIC_VALUE_OUT_OF_RANGE)', async () => {
    const sql =
      "WITH c AS (SELECT 'a' AS k, count(*) AS failing, -9223372036854775807 - count(*) AS total FROM (VALUES 1) AS t(x) " +
      "UNION ALL SELECT 'b', 0, 0) SELECT k, CAST(total - failing AS DOUBLE) / total AS share FROM c ORDER BY k";
    await expect(engine.execute(sql)).rejects.toThrow('bigint subtraction overflow: -9223372036854775808 - 1');
  });

  it('writes the heavy cast in its _once form, and the statement binds a tenth of the SQL it did', () => {
    const sql = duckdbSql(ALERT_SHAPE);
    expect(sql).toContain("trino_to_double_once({'trino_v': coalesce(trino_minus(");
    expect(sql).not.toContain('trino_to_double(');
    // 6.4M characters with the plain cast (trino_to_double's 26 mentions of the guarded subtraction, inside CASE's checks).
    expect(expandedSize(sql)).toBeLessThan(1_500_000);
  });

  it('keeps the plain cast of a column and of a call whose expansion is small (a per-row lambda costs more)', () => {
    const sql = duckdbSql('SELECT CAST(x AS DOUBLE) AS a, CAST(abs(x) AS REAL) AS b, CAST(abs(x) AS DECIMAL(10, 2)) AS c FROM (VALUES 1) AS t(x)');
    expect(sql).toContain('trino_to_double(x) AS a');
    expect(sql).toContain('trino_to_float(abs(x)) AS b');
    expect(sql).not.toContain('_once(');
  });
});
