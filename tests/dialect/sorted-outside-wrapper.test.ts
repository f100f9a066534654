import { describe, expect, it } from 'vitest';
import { sortedOutsideQuery, translateStatement } from '../../src/dialect/translate/index.js';

const ctx = { lakeRoot: '/tmp/lake', database: 'lake' };
const resultSql = (sql: string): string => {
  const step = translateStatement(sql, ctx).steps.find((s) => s.result);
  if (step?.kind !== 'sql') throw new Error(`no result SQL for ${sql}`);
  return step.sql;
};

describe('the sorted-outside wrapper (written and read by the translator only)', () => {
  it.each([
    ['ordinals over a star', 'SELECT * FROM (VALUES (1, 2)) t(k, s) ORDER BY 2, 1'],
    ['a set operation', 'SELECT 1 AS a UNION ALL SELECT 2 ORDER BY 1'],
    ['a DISTINCT query', 'SELECT DISTINCT k FROM (VALUES 1, 2) t(k) ORDER BY k'],
  ])('gives back the wrapped query of %s, which plans alone', (_name, sql) => {
    const wrapped = resultSql(sql);
    const inner = sortedOutsideQuery(wrapped);
    expect(inner).toBeDefined();
    expect(wrapped.startsWith(`SELECT * FROM (${inner})`)).toBe(true);
    expect(inner).not.toMatch(/trino_sorted\b/);
  });

  it('gives nothing for a query not sorted outside', () => {
    expect(sortedOutsideQuery(resultSql('SELECT k FROM (VALUES 1) t(k) ORDER BY k'))).toBeUndefined();
    expect(sortedOutsideQuery('SELECT * FROM (SELECT 1) AS x ORDER BY 1')).toBeUndefined();
  });
});
