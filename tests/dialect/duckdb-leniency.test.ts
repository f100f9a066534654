// SQL that DuckDB answers and Athena (Trino 476) rejects: refused by `lake lint` at its position and by the local
// engine before DuckDB sees it, or failing locally as it fails on Athena — never answered. Each expectation was read
// from the shared Trino 476 oracle (`lake sql --engine trino`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => {
  await engine.close();
});

const lint = async (sql: string) => {
  const { syntax = [], rules } = await checkFile({ sql, file: 'sql/q.sql', parse: true });
  return [...syntax, ...rules];
};

const ROWS = '(VALUES (1, 10), (2, 5), (3, 7)) t(id, v)';

// https://trino.io/docs/current/sql/match-recognize.html and
// https://trino.io/docs/current/sql/pattern-recognition-in-window.html: in Athena's grammar; DuckDB has no row pattern
// matching (its parser error, or "prev() is not a function", named neither the clause nor what to do).
describe('row pattern recognition', () => {
  const matchRecognize = `SELECT * FROM ${ROWS}\n  MATCH_RECOGNIZE (ORDER BY id MEASURES LAST(B.v) AS low PATTERN (A B+) DEFINE B AS B.v < PREV(B.v))`;
  const inWindow = `SELECT id, low OVER w FROM ${ROWS}\nWINDOW w AS (ORDER BY id MEASURES last(B.v) AS low ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.v < PREV(B.v))`;

  it('MATCH_RECOGNIZE is refused at lint time at the clause, with nothing else reported', async () => {
    expect(await lint(matchRecognize)).toEqual([
      expect.objectContaining({ rule: 'unfaithful/row-pattern', file: 'sql/q.sql', line: 2, col: 3, message: expect.stringContaining('MATCH_RECOGNIZE') }),
    ]);
  });

  it('pattern recognition in a window is refused at lint time at MEASURES', async () => {
    expect(await lint(inWindow)).toEqual([
      expect.objectContaining({ rule: 'unfaithful/row-pattern', line: 2, col: 26, message: expect.stringContaining('MEASURES … PATTERN … DEFINE') }),
    ]);
  });

  it('the engine refuses both before DuckDB parses them', async () => {
    await expect(engine.execute(matchRecognize)).rejects.toThrow(/row-pattern.*MATCH_RECOGNIZE/);
    await expect(engine.execute(inWindow)).rejects.toThrow(/row-pattern.*in a window/);
  });

  it('a column named pattern or measures is not a clause', async () => {
    const result = await engine.execute('SELECT pattern, measures, define FROM (VALUES (1, 2, 3)) t(pattern, measures, define) ORDER BY pattern');
    expect(result.rows).toEqual([[1, 2, 3]]);
  });
});
