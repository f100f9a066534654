// A view whose query gives a NULL column of no type (issue 15): Trino 476 fails the CREATE VIEW (COLUMN_TYPE_UNKNOWN
// "Column type is unknown: n", as it fails such a CTAS), where the local view made the column an integer, so that
// `SELECT abs(n / 0) FROM v` answered NULL. Refused at the NULL, as the CTAS is (select-names.ts ctasUnknownColumns).
// Every expectation is Trino 476's, asked of the shared Trino (CREATE VIEW memory.default.… of the same queries).
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('CREATE VIEW of a NULL column of no type', () => {
  // Trino 476: COLUMN_TYPE_UNKNOWN "Column type is unknown: <name>".
  it.each<[string, string, string, string]>([
    ['NULL AS n', 'CREATE VIEW v1 AS SELECT NULL AS n', 'NULL AS n', 'n'],
    ['NULL n', 'CREATE VIEW v2 AS SELECT NULL n', 'NULL n', 'n'],
    ['a CASE of NULL alone', 'CREATE VIEW v3 AS SELECT CASE WHEN false THEN NULL END AS n', 'CASE', 'n'],
    ['beside a typed NULL', 'CREATE VIEW v4 AS SELECT CAST(NULL AS integer) AS n, NULL AS m FROM (VALUES 1) t(a)', 'NULL AS m', 'm'],
    ['through SELECT * of a subquery', 'CREATE VIEW v5 AS SELECT * FROM (SELECT NULL AS n) s', 'NULL AS n', 'n'],
  ])('%s is refused', async (_name, sql, at, name) => {
    await expect(engine.execute(sql)).rejects.toThrow(
      refusedAt('column-type-unknown', sql, at, `Column type is unknown: ${name}: Athena fails the CREATE VIEW`),
    );
  });

  it('a NULL typed by the other branch of a UNION ALL is a view of integers (Trino 476: integer rows 1, NULL)', async () => {
    await engine.execute('CREATE VIEW u1 AS SELECT NULL AS n UNION ALL SELECT 1');
    expect(await rowsAndTypes(engine, 'SELECT n FROM u1 ORDER BY n NULLS LAST')).toEqual({ rows: [[1], [null]], types: ['integer'] });
  });

  it('a typed NULL is a view (Trino 476: one row, integer NULL)', async () => {
    await engine.execute('CREATE VIEW u2 AS SELECT CAST(NULL AS integer) AS n');
    expect(await rowsAndTypes(engine, 'SELECT abs(n / 1) AS x FROM u2')).toEqual({ rows: [[null]], types: ['integer'] });
  });
});
