// A RANGE frame whose offset is a number over a date, time or timestamp ORDER BY key: Trino 476 (the shared oracle)
// fails with TYPE_MISMATCH "Window frame RANGE value type (integer) not compatible with sort item type (date)"; DuckDB
// measured days and answered. Found by replaying Trino's window tests; an INTERVAL offset and a number key still run.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const DATES = "(VALUES DATE '2020-01-01', DATE '2020-01-02', DATE '2020-01-04') t(k)";

describe('RANGE frame offsets and the ORDER BY key type', () => {
  it.each([
    ['a date key', `SELECT k, count(k) OVER (ORDER BY k RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM ${DATES}`, 'date'],
    [
      'a timestamp key, descending, one bound',
      "SELECT count(*) OVER (ORDER BY k DESC RANGE 2 PRECEDING) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.000') t(k)",
      'timestamp',
    ],
  ])('a number offset over %s fails as in Trino', async (_name, sql, type) => {
    await expect(namedResult(engine, sql)).rejects.toThrow(
      `TYPE_MISMATCH: Window frame RANGE value type (a number) not compatible with sort item type (${type}`,
    );
  });

  it('an INTERVAL offset over a date key runs (Trino 476: 1, 2, 1)', async () => {
    expect(
      await namedResult(engine, `SELECT count(*) OVER (ORDER BY k RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) AS n FROM ${DATES} ORDER BY k`),
    ).toEqual({ columns: ['n bigint'], rows: [[1], [2], [1]] });
  });

  it('a number offset over a number key runs (Trino 476: 1, 5, 5, 4)', async () => {
    expect(
      await namedResult(engine, 'SELECT sum(k) OVER (ORDER BY k RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM (VALUES 1, 2, 2, 4) t(k) ORDER BY k'),
    ).toEqual({ columns: ['s bigint'], rows: [[1], [5], [5], [4]] });
  });
});

// DuckDB's frame exclusion: Trino 476 fails with SYNTAX_ERROR "line 1:85: mismatched input 'EXCLUDE'"; DuckDB answered
// (sum over the following rows: 2, NULL).
describe('a window frame with EXCLUDE', () => {
  it('is refused at lint time at the EXCLUDE', () => {
    const sql = 'SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM (VALUES 1, 2) t(x)';
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([expect.objectContaining({ line: 1, col: 85, rule: 'unfaithful/window-exclude' })]);
  });
});
