// Hive's type names are DDL only on Athena: a query's CAST takes Trino's types, and Trino 476 fails
// `CAST(1 AS STRING)` with TYPE_MISMATCH "Unknown type: STRING" (also FLOAT and BINARY). DuckDB knows all three, so
// the cast ran locally; it is refused at lint time, while the DDL keeps them
// (https://docs.aws.amazon.com/athena/latest/ug/data-types.html: string, float and binary are DDL types).
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe("Hive's type names in a query", () => {
  it.each([
    ['SELECT 1,\n  CAST(x AS STRING) FROM (VALUES 1) t(x)', /STRING is Hive's type name .* write varchar/s],
    ['SELECT 1,\n  try_cast(x AS FLOAT) FROM (VALUES 1) t(x)', /FLOAT is Hive's type name .* write real/s],
    ["SELECT 1,\n  CAST(ARRAY['a'] AS ARRAY(BINARY))", /BINARY is Hive's type name .* write varbinary/s],
  ])('%s is refused at the cast', async (sql, message) => {
    const [diagnostic] = checkFaithful(sql, { file: 'sql/transforms/m.sql' });
    expect(diagnostic).toMatchObject({ file: 'sql/transforms/m.sql', line: 2, col: 3, rule: 'unfaithful/type' });
    expect(`${diagnostic.message} ${diagnostic.hint}`).toMatch(message);
    await expect(engine.execute(sql)).rejects.toThrow(/is Hive's type name/);
  });

  it('stay the DDL types of a table', async () => {
    await engine.execute("CREATE EXTERNAL TABLE h (s string, f float, b binary) LOCATION 's3://b/h/'");
    const columns = await engine.execute('SELECT * FROM h');
    expect(columns.columns.map((c) => c.type)).toEqual(['varchar', 'real', 'varbinary']);
  });
});
