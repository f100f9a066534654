// IGNORE NULLS / RESPECT NULLS on the window value functions (https://trino.io/docs/current/functions/window.html#value-functions):
// Trino writes the null treatment after the call, DuckDB inside it, so `last_value(x) IGNORE NULLS OVER (…)` (the usual
// forward fill) was a DuckDB parser error. Values and types are Trino 476's answers; on another function Trino fails
// NULL_TREATMENT_NOT_ALLOWED, refused at lint here at the call.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { describeFunctions } from './functions/harness.js';

const gaps = 'FROM (VALUES (1, 10), (2, NULL), (3, 30), (4, NULL), (5, 50)) t(g, n)';
/** The window value of every row, in g order. */
const perRow = (call: string, over = 'OVER (ORDER BY g)') => `array_agg(v ORDER BY g) FROM (SELECT g, ${call} ${over} AS v ${gaps}) u`;

describeFunctions('IGNORE NULLS and RESPECT NULLS', [
  ['lag IGNORE NULLS', perRow('lag(n) IGNORE NULLS'), [null, 10, 10, 30, 30], 'array(integer)'],
  ['lead with a default, IGNORE NULLS', perRow('lead(n, 1, -1) IGNORE NULLS'), [30, 30, 50, 50, -1], 'array(integer)'],
  ['first_value IGNORE NULLS', perRow('first_value(n) IGNORE NULLS', 'OVER (ORDER BY g DESC)'), [50, 50, 50, 50, 50], 'array(integer)'],
  ['last_value IGNORE NULLS (forward fill)', perRow('last_value(n) IGNORE NULLS'), [10, 10, 30, 30, 50], 'array(integer)'],
  ['nth_value IGNORE NULLS', perRow('nth_value(n, 2) IGNORE NULLS'), [null, null, 30, 30, 30], 'array(integer)'],
  ['lag RESPECT NULLS (the default)', perRow('lag(n) RESPECT NULLS'), [null, 10, null, 30, null], 'array(integer)'],
  ['lag with a decimal default keeps the common type', perRow('lag(n, 1, 1.5) IGNORE NULLS'), ['1.5', '10.0', '10.0', '30.0', '30.0'], 'array(decimal(11,1))'],
  [
    'last_value IGNORE NULLS over a whole partition',
    perRow('last_value(n) IGNORE NULLS', 'OVER (PARTITION BY g % 2 ORDER BY g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)'),
    [50, null, 50, null, 50],
    'array(integer)',
  ],
]);

describe('a null treatment on another function', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-nulls-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it('is refused at the call, as Trino refuses it', async () => {
    await expect(engine.execute(`SELECT g,\n  sum(n) IGNORE NULLS OVER (ORDER BY g) ${gaps}`)).rejects.toThrow(
      /<sql>:2:3: error \[unfaithful\/null-treatment\] IGNORE NULLS applies only to lag, lead, first_value, last_value and nth_value/,
    );
  });
});
