// `lake lint` consults the function table (src/dialect/functions): a DuckDB-only or refused call is reported at its
// position in the file before anything runs.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

describe('lake lint and the function table', () => {
  it('reports DuckDB-only and refused functions at file:line:col with what to write instead, and exits 1', async () => {
    const root = makeProject({
      'sql/ddl/raw.sql': "CREATE EXTERNAL TABLE raw.events (\n  name varchar(20),\n  amount decimal(10, 2)\n)\nLOCATION 's3://${lake_bucket}/e/'",
      'sql/transforms/m.sql': "/*\ntags: [x]\n*/\nSELECT\n  levenshtein(name, 'x') AS d,\n  approx_set(name) AS s\nFROM raw.events\nGROUP BY 1",
    });
    const io = captureIo(root);
    expect(await main(['lint', '--no-cache'], io)).toBe(1);
    const lines = io.out.split('\n').filter((l) => l.startsWith('sql/'));
    expect(lines).toEqual([
      'sql/transforms/m.sql:5:3: error [unfaithful/duckdb-only-function] levenshtein() is a DuckDB function that Athena does not have',
      expect.stringMatching(/^sql\/transforms\/m\.sql:6:3: error \[unfaithful\/refused-function\] approx_set\(\) is refused locally: HyperLogLog/),
    ]);
    expect(io.out).toContain('hint: write levenshtein_distance(a, b)');
    expect(io.out).toContain('hint: write approx_distinct(x)');
  });
});
