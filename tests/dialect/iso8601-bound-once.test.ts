// from_iso8601_timestamp(s) reads its argument once per row (src/dialect/shims/macros.ts binds the text and its zone
// suffix once): the macro used the text ~40 times through the nested zone macros, and DuckDB expands a macro argument
// at every use, so a volatile argument was drawn ~40 times per row (a wall clock of one draw with the zone of another
// failed, or was a value Trino never gives), and a costly one (trim, in P3's staging models) was planned and evaluated
// that often (issue 18: most of `lake test`'s planning of those models). Trino evaluates a function's argument once per
// row (https://trino.io/docs/current/functions/datetime.html#from_iso8601_timestamp); the answer below is Trino 476's
// (the oracle, `lake sql --engine trino`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-iso8601-once-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

describe('from_iso8601_timestamp of a volatile argument', () => {
  it('gives, on every row, the value of one draw of its argument', async () => {
    const result = await engine.execute(
      `SELECT count(*) AS n, count(DISTINCT CAST(t AS varchar)) AS d, min(CAST(t AS varchar)) AS a, max(CAST(t AS varchar)) AS b
       FROM (SELECT from_iso8601_timestamp(CASE WHEN random() < 0.5 THEN '2025-01-01T00:00:00Z' ELSE '2025-06-01T12:00:00+02:00' END) AS t
             FROM UNNEST(sequence(1, 200)) AS r(i))`,
    );
    expect(result.rows).toEqual([[200, 2, '2025-01-01 00:00:00.000 UTC', '2025-06-01 12:00:00.000 +02:00']]);
  });
});
