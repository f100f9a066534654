// NaN (double and real) in Trino 476, asked of the differential oracle: comparisons follow IEEE 754 (`nan() = nan()`
// false, `nan() <> nan()` true, `nan() > 1` and `nan() < 1` false; https://trino.io/docs/current/functions/math.html
// "nan(): Returns the constant representing not-a-number", compared as Java compares doubles), where DuckDB orders NaN
// above +Infinity and equal to itself (https://duckdb.org/docs/stable/sql/data_types/numeric#nan-and-infinity).
// Every value and type below is Trino 476's answer to the same SQL.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { registerShims } from '../../../src/dialect/shims/index.js';
import { translateStatement } from '../../../src/dialect/translate/index.js';
import { describeFunctions } from './harness.js';

const NAN = 'FROM (VALUES (nan(), nan())) t(x, y)';

describeFunctions('NaN in comparisons', [
  ['= of NaNs', 'nan() = nan()', false, 'boolean'],
  ['<> of NaNs', 'nan() <> nan()', true, 'boolean'],
  ['!= of NaNs', 'nan() != nan()', true, 'boolean'],
  ['NaN > 1', 'nan() > 1', false, 'boolean'],
  ['NaN >= NaN', 'nan() >= nan()', false, 'boolean'],
  ['-Infinity < NaN', '-infinity() < nan()', false, 'boolean'],
  ['Infinity < NaN', 'infinity() < nan()', false, 'boolean'],
  ['real NaNs', 'CAST(nan() AS real) = CAST(nan() AS real)', false, 'boolean'],
  ['real NaN > 1', "REAL 'NaN' > REAL '1'", false, 'boolean'],
  ['NaN > NULL', 'nan() > CAST(NULL AS double)', null, 'boolean'],
  ['NaN = NULL', 'nan() = CAST(NULL AS double)', null, 'boolean'],
  ['NaN <> NULL', 'nan() <> CAST(NULL AS double)', null, 'boolean'],
  ['NOT (column > 1)', 'NOT (x > 1) FROM (VALUES nan()) t(x)', true, 'boolean'],
  ['column > 1', 'x > 1 FROM (VALUES nan()) t(x)', false, 'boolean'],
  ['two columns =', `x = y ${NAN}`, false, 'boolean'],
  ['two columns <>', `x <> y ${NAN}`, true, 'boolean'],
  ['a quotient > 0', 'x / y > 0 FROM (VALUES (0e0, 0e0)) t(x, y)', false, 'boolean'],
  ['0/0 = 0/0', '0e0 / 0e0 = 0e0 / 0e0', false, 'boolean'],
  ['sqrt(-1) < 0', 'sqrt(-1) < 0', false, 'boolean'],
  ['Infinity - Infinity = NaN', 'infinity() - infinity() = nan()', false, 'boolean'],
  ["CAST('NaN' AS double) =", "CAST('NaN' AS double) = CAST('NaN' AS double)", false, 'boolean'],
  ['WHERE x > 0 drops NaN', 'count(*) FROM (VALUES nan(), 1e0, 2e0) t(x) WHERE x > 0', 2, 'bigint'],
  ['WHERE NOT (x < 1.5) keeps NaN', 'count(*) FROM (VALUES nan(), 1e0, 2e0) t(x) WHERE NOT (x < 1.5)', 2, 'bigint'],
  ['WHERE x = nan()', 'count(*) FROM (VALUES nan(), 1e0) t(x) WHERE x = nan()', 0, 'bigint'],
  ['IF(x = x, …)', "if(x = x, 'equal', 'not') FROM (VALUES nan()) t(x)", 'not', 'varchar'],
  ['a lambda body', 'filter(ARRAY[nan(), 2e0, 0e0], e -> e > 1)', [2], 'array(double)'],
  ['IS DISTINCT FROM keeps NaN equal to NaN', 'nan() IS DISTINCT FROM nan()', false, 'boolean'],
  ['integers still compare', 'x > 1 FROM (VALUES 2) t(x)', true, 'boolean'],
]);

describeFunctions('NaN in IN, BETWEEN and CASE', [
  ['NaN IN (NaN, 1)', 'nan() IN (nan(), 1e0)', false, 'boolean'],
  ['NaN NOT IN (NaN, 1)', 'nan() NOT IN (nan(), 1e0)', true, 'boolean'],
  ['column IN (column, 1)', `x IN (y, 1e0) ${NAN}`, false, 'boolean'],
  ['column IN (column, NULL)', `x IN (y, NULL) ${NAN}`, null, 'boolean'],
  ['column NOT IN (column, 2)', `x NOT IN (y, 2e0) ${NAN}`, true, 'boolean'],
  ['1 IN (NaN, 2)', '1e0 IN (x, 2e0) FROM (VALUES nan()) t(x)', false, 'boolean'],
  ['NaN IN (1, NULL)', 'x IN (1e0, NULL) FROM (VALUES nan()) t(x)', null, 'boolean'],
  ['NaN BETWEEN 0 AND Infinity', 'nan() BETWEEN 0 AND infinity()', false, 'boolean'],
  ['NaN BETWEEN NaN AND NaN', 'nan() BETWEEN nan() AND nan()', false, 'boolean'],
  ['NaN NOT BETWEEN 0 AND 1', 'x NOT BETWEEN 0 AND 1 FROM (VALUES nan()) t(x)', true, 'boolean'],
  ['1 BETWEEN 0 AND NaN', '1 BETWEEN 0 AND x FROM (VALUES nan()) t(x)', false, 'boolean'],
  ['CASE NaN WHEN NaN', "CASE nan() WHEN nan() THEN 'same' ELSE 'different' END", 'different', 'varchar'],
  ['CASE column WHEN column', `CASE x WHEN y THEN 'same' ELSE 'different' END ${NAN}`, 'different', 'varchar'],
]);

describeFunctions('NaN join keys', [
  ['an inner join', 'count(*) FROM (VALUES nan(), 1e0) a(x) JOIN (VALUES nan(), 1e0) b(y) ON a.x = b.y', 1, 'bigint'],
  ['a left join', 'count(b.y) FROM (VALUES nan(), 1e0) a(x) LEFT JOIN (VALUES nan(), 1e0) b(y) ON a.x = b.y', 1, 'bigint'],
  ['ON NOT (a = b)', 'count(*) FROM (VALUES nan(), 1e0) a(x) LEFT JOIN (VALUES nan(), 1e0) b(y) ON NOT (a.x = b.y)', 3, 'bigint'],
  ['a range join', 'count(b.y) FROM (VALUES nan(), 1e0) a(x) LEFT JOIN (VALUES nan(), 2e0) b(y) ON a.x < b.y', 1, 'bigint'],
  ['a correlated EXISTS', 'count(*) FROM (VALUES nan(), 1e0) a(x) WHERE EXISTS (SELECT 1 FROM (VALUES nan()) u(y) WHERE u.y = a.x)', 0, 'bigint'],
]);

/** The plan DuckDB makes of the translated statement over integer, double and varchar tables a and b. */
async function planOf(sql: string): Promise<string> {
  const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'main' }).steps;
  if (step.kind !== 'sql') throw new Error('expected a SQL step');
  const duck = await DuckDBInstance.create(':memory:');
  const c = await duck.connect();
  await registerShims(c).defineFor(c, [step.sql]);
  await c.run('CREATE TABLE a AS SELECT range::INTEGER AS k, range::VARCHAR AS s FROM range(100); CREATE TABLE b AS SELECT * FROM a');
  const plan = await c.runAndReadAll(`EXPLAIN ${step.sql}`);
  c.closeSync();
  return JSON.stringify(plan.getRows());
}

describe('the NaN guards cost integer and text comparisons nothing', () => {
  it('a filter on an integer column still pushes down into the scan', async () => {
    const plan = await planOf('SELECT k FROM a WHERE k > 5 AND k BETWEEN 1 AND 9');
    expect(plan).toContain('Filters:');
    expect(plan).toMatch(/k>5/);
    expect(plan).not.toContain('isnan');
  });

  it('integer and text join keys still plan a hash join, inner and left', async () => {
    expect(await planOf('SELECT a.k FROM a LEFT JOIN b ON a.k = b.k')).toContain('HASH_JOIN');
    expect(await planOf('SELECT a.k FROM a JOIN b ON a.s = b.s AND a.k > 3')).toContain('HASH_JOIN');
  });
});
