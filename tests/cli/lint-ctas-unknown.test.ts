// `lake lint` binds a table model as `CREATE TABLE … AS SELECT * FROM (<model>) AS "__lake_model"`: a column of type
// unknown (`NULL AS c`, `CASE … THEN NULL END AS c`) fails Athena's CTAS (COLUMN_TYPE_UNKNOWN "Column type is unknown:
// c", asked of the shared Trino 476), and is now a lint error at the column's name. Before, the refusal under the
// wrapping star was not seen, and then the failed CTAS fell back to a view, which bound: no error.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

const lint = async (files: Record<string, string>) => {
  const io = captureIo(makeProject({ 'sql/ddl/reviews.sql': DDL, ...files }));
  const code = await main(['lint', '--no-cache'], io);
  return { code, lines: io.out.split('\n').filter((l) => l.startsWith('sql/')), out: io.out };
};

describe('lake lint and a CTAS column of type unknown', () => {
  it('refuses CASE … THEN NULL END AS c in a table model at the name', async () => {
    const { code, lines } = await lint({
      'sql/transforms/flags.sql': '/*\nmaterialized: table\n*/\nSELECT id,\n  CASE WHEN rating > 3 THEN NULL END AS c\nFROM reviews\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^sql\/transforms\/flags\.sql:5:41: error \[bind\/query\].*Column type is unknown: c/)]);
  });

  it('refuses a bare NULL AS c too', async () => {
    const { code, lines } = await lint({ 'sql/transforms/flags.sql': '/*\nmaterialized: table\n*/\nSELECT id, NULL AS c FROM reviews\n' });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^sql\/transforms\/flags\.sql:4:20: error \[bind\/query\].*Column type is unknown: c/)]);
  });

  it('passes a typed NULL', async () => {
    const { code, out } = await lint({
      'sql/transforms/flags.sql': '/*\nmaterialized: table\n*/\nSELECT id, CASE WHEN rating > 3 THEN CAST(NULL AS varchar) END AS c FROM reviews\n',
    });
    expect(code, out).toBe(0);
  });
});
