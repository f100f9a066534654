// `lake lint` binds every model over empty inputs: values of types Athena does not coerce to one (Trino 476:
// TYPE_MISMATCH "All COALESCE operands must be the same type or coercible to a common type. Cannot find common type
// between integer and varchar(4)") are an error at the construct's file:line:col, before any run.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

const lint = async (files: Record<string, string>) => {
  const io = captureIo(makeProject({ 'sql/ddl/reviews.sql': DDL, ...files }));
  const code = await main(['lint', '--no-cache'], io);
  return { code, lines: io.out.split('\n').filter((l) => l.startsWith('sql/')), out: io.out };
};

describe('lake lint: values of types Athena does not coerce to one', () => {
  it('coalesce(integer column, varchar) at the call, CASE of a varchar and an integer column at CASE; exit 1', async () => {
    const { code, lines } = await lint({
      'sql/transforms/labels.sql': "SELECT\n  id,\n  coalesce(rating, 'none') AS label\nFROM reviews\n",
      'sql/transforms/picks.sql': 'SELECT\n  id,\n  CASE WHEN id > 0 THEN note ELSE rating END AS pick\nFROM reviews\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^sql\/transforms\/labels\.sql:3:3: error \[bind\/query\] TYPE_MISMATCH: All COALESCE operands must be the same type/),
      expect.stringMatching(/^sql\/transforms\/picks\.sql:3:3: error \[bind\/query\] TYPE_MISMATCH: All CASE results must be the same type/),
    ]);
  });

  it('a UNION of an integer column and a varchar column, at UNION', async () => {
    const { code, lines } = await lint({
      'sql/transforms/both.sql': 'SELECT id AS v FROM reviews\nUNION ALL\nSELECT note FROM reviews\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^sql\/transforms\/both\.sql:2:1: error \[bind\/query\] TYPE_MISMATCH: column 1 in UNION query has incompatible types: number, varchar/,
      ),
    ]);
  });

  it('values Athena coerces to one (a varchar column and a string, numbers) bind cleanly', async () => {
    const { code, out } = await lint({
      'sql/transforms/labels.sql': "SELECT\n  id,\n  coalesce(note, 'none') AS label,\n  coalesce(rating, 2.5) AS score\nFROM reviews\n",
    });
    expect(out).toBe('2 files checked: 0 errors, 0 warnings\n');
    expect(code).toBe(0);
  });
});
