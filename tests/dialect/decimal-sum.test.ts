// sum() and avg() of decimals at the 38-digit edge. Trino's sum(decimal(p,s)) is decimal(38,s) and avg(decimal(p,s))
// is decimal(p,s) (https://trino.io/docs/current/functions/aggregate.html#sum, #avg); a sum whose total passes 38
// digits fails with NUMERIC_VALUE_OUT_OF_RANGE "Decimal overflow" (https://trino.io/docs/current/language/types.html#decimal:
// precision up to 38), while an average of such a total answers. Every value, type and error below is Trino 476's, read
// on the differential oracle. DuckDB sums into a HUGEINT and wrote a 39-digit total into the decimal(38,s) unchecked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { describeFunctions } from './functions/harness.js';
import { openLake } from './lake-helpers.js';

const N38 = "DECIMAL '99999999999999999999999999999999999999'";
const PAST_38 = `FROM (VALUES ${N38}, DECIMAL '1') t(x)`;

describeFunctions(
  'sum and avg of decimals',
  [
    ['sum of decimal(3,2) is decimal(38,2)', "sum(x) FROM (VALUES DECIMAL '1.5', DECIMAL '2.25') t(x)", '3.75', 'decimal(38,2)'],
    ['avg of decimal(3,2) keeps decimal(3,2), rounded half up', "avg(x) FROM (VALUES DECIMAL '1.5', DECIMAL '2.25') t(x)", '1.88', 'decimal(3,2)'],
    [
      'sum of 38 digits at the edge',
      "sum(x) FROM (VALUES DECIMAL '-99999999999999999999999999999999999.99', DECIMAL '-0.01') t(x)",
      '-100000000000000000000000000000000000.00',
      'decimal(38,2)',
    ],
    // The total (10^38) does not fit, the average does.
    ['avg of a total past 38 digits', `avg(x) ${PAST_38}`, '50000000000000000000000000000000000000', 'decimal(38,0)'],
    [
      'avg over a window of a total past 38 digits',
      `avg(x) OVER (ORDER BY x DESC) ${PAST_38} ORDER BY x`,
      '50000000000000000000000000000000000000',
      'decimal(38,0)',
    ],
  ],
  [
    ['sum past 38 digits', `sum(x) ${PAST_38}`, /^Decimal overflow$/],
    ['sum past 38 digits with a scale', "sum(x) FROM (VALUES DECIMAL '-999999999999999999999999999999999999.99', DECIMAL '-0.01') t(x)", /^Decimal overflow$/],
    ['sum over a window past 38 digits', `sum(x) OVER (ORDER BY x DESC) ${PAST_38}`, /^Decimal overflow$/],
    ['sum with GROUP BY past 38 digits', `k, sum(x) FROM (VALUES (1, ${N38}), (1, DECIMAL '1'), (2, DECIMAL '1')) t(k, x) GROUP BY k`, /^Decimal overflow$/],
    ['sum(DISTINCT) past 38 digits', `sum(DISTINCT x) FROM (VALUES ${N38}, ${N38}, DECIMAL '1') t(x)`, /^Decimal overflow$/],
    ['sum with FILTER past 38 digits', `sum(x) FILTER (WHERE x > 0) FROM (VALUES ${N38}, DECIMAL '1', DECIMAL '-5') t(x)`, /^Decimal overflow$/],
    [
      'sum of an aggregate over a window past 38 digits',
      `sum(max(x)) OVER () FROM (VALUES (1, ${N38}), (2, DECIMAL '1')) t(k, x) GROUP BY k`,
      /^Decimal overflow$/,
    ],
    // Trino 476 answers 9…9 (38 nines) for N + N - N and for avg(N, N, N): it adds in 128 bits with a count of
    // overflows. DuckDB's HUGEINT running total overflows first: refused in words that say so.
    [
      'sum whose running total passes 39 digits',
      `sum(x) FROM (VALUES ${N38}, ${N38}, -${N38}) t(x)`,
      /^Decimal overflow: a running total of decimals passed 39 digits locally/,
    ],
    [
      'avg whose running total passes 39 digits',
      `avg(x) FROM (VALUES ${N38}, ${N38}, ${N38}) t(x)`,
      /^Decimal overflow: a running total of decimals passed 39 digits locally/,
    ],
  ],
);

describe('sum and avg of a decimal(38,2) table column', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute('CREATE DATABASE d');
    await engine.execute(
      `CREATE TABLE d.sums AS SELECT * FROM (VALUES (1, CAST('999999999999999999999999999999999999.99' AS decimal(38,2))),
        (1, CAST('0.01' AS decimal(38,2))), (2, CAST('1.5' AS decimal(38,2)))) t(k, x)`,
    );
  });
  afterAll(() => engine.close());

  it('sums a group within 38 digits as decimal(38,2)', async () => {
    const r = await engine.execute('SELECT k, sum(x) FROM d.sums WHERE k = 2 GROUP BY k');
    expect({ rows: r.rows, type: r.columns[1].type }).toEqual({ rows: [[2, '1.50']], type: 'decimal(38,2)' });
  });
  it('fails a group whose total passes 38 digits', async () => {
    await expect(engine.execute('SELECT k, sum(x) FROM d.sums GROUP BY k')).rejects.toThrow(/Decimal overflow$/);
  });
  it('averages the column whose total passes 38 digits', async () => {
    const r = await engine.execute('SELECT avg(x) FROM d.sums');
    expect({ rows: r.rows, type: r.columns[0].type }).toEqual({ rows: [['333333333333333333333333333333333333.83']], type: 'decimal(38,2)' });
  });
});
