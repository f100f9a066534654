// EXPLAIN before a set operation (docs/issue-15-audit.md "Small failures, eighth pass"): Trino 476 answers its plan;
// locally the set operation's rewrite took `EXPLAIN SELECT …` for its first branch, a DuckDB parser error. The plan
// text is each engine's own; what is checked is that a plan comes back and that the query's positions still hold.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

describe('EXPLAIN of a set operation', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-explain-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([
    // DuckDB plans INTERSECT as a SEMI join.
    ['UNION', 'EXPLAIN SELECT x FROM (VALUES 1) t(x) UNION SELECT 2', 'UNION'],
    ['INTERSECT over two lines', 'EXPLAIN\n  SELECT x FROM (VALUES 1) t(x) INTERSECT SELECT 2', 'SEMI'],
    ['a WITH query', 'EXPLAIN WITH a AS (SELECT 1 x) SELECT x FROM a UNION SELECT 2', 'UNION'],
    ['EXPLAIN ANALYZE', 'EXPLAIN ANALYZE SELECT x FROM (VALUES 1) t(x) EXCEPT SELECT 2', 'EXCEPT'],
  ])('%s: %s', async (_construct, sql, operator) => {
    const result = await engine.execute(sql);
    expect(result.rows.map((row) => String(row.at(-1))).join('\n')).toContain(operator);
  });

  it("keeps the query's positions in a diagnostic", async () => {
    await expect(engine.execute('EXPLAIN SELECT x FROM (VALUES 1) t(x) UNION SELECT nosuch(2)')).rejects.toThrow(/1:52/);
  });
});
