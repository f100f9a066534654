// One value of each DuckDB type the translator's comparison guards meet (an ENUM `e`, the zoned struct and NULL
// included), and a scratch DuckDB connection with the shims to evaluate a guard over them: a guard that stands for
// another (a shorter or typed form, bound faster) is tested to give the same answer or the same refusal over all.
import { DuckDBInstance } from '@duckdb/node-api';
import { registerShims } from '../../src/dialect/shims/index.js';

export const DUCKDB_TYPE_SAMPLES: Readonly<Record<string, string>> = {
  ti: '1::TINYINT',
  i: '1',
  bi: '1::BIGINT',
  hi: '1::HUGEINT',
  ub: '1::UBIGINT',
  f: '1.5::FLOAT',
  d: '1.5::DOUBLE',
  dc: '1.5::DECIMAL(10,2)',
  v: "'a'::VARCHAR",
  j: "'1'::JSON",
  en: "'x'::e",
  u: 'uuid()',
  bl: "'a'::BLOB",
  b: 'true',
  dt: "DATE '2025-01-01'",
  ts: "TIMESTAMP '2025-01-01'",
  tsz: "TIMESTAMPTZ '2025-01-01'",
  tm: "TIME '01:02:03'",
  iv: 'INTERVAL 1 DAY',
  l: '[1]',
  lv: "['a']",
  st: "{'a': 1}",
  sv: "{'a': 'x'}",
  m: 'MAP {1: 2}',
  n: 'NULL',
  bit: "'101'::BIT",
  zoned: "{'trino_instant': TIMESTAMPTZ '2025-01-01', 'trino_zone': 'UTC'}",
};

/** The answer of one statement as JSON rows, or `error: ` and the first line of its error. */
export type Outcome = (sql: string) => Promise<string>;

/**
 * Runs `body` on a fresh one-thread DuckDB with the named shims defined and the samples' ENUM created; `from` is the
 * FROM clause whose one row holds each sample under its name.
 */
export async function withSamples(
  samples: Readonly<Record<string, string>>,
  shims: string,
  body: (outcome: Outcome, from: string) => Promise<void>,
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const macros = registerShims(connection);
    await connection.run("CREATE TYPE e AS ENUM ('x')");
    await macros.defineFor(connection, [shims]);
    const from = `FROM (SELECT ${Object.entries(samples)
      .map(([name, value]) => `${value} AS ${name}`)
      .join(', ')})`;
    const outcome: Outcome = async (sql) => {
      try {
        return JSON.stringify((await connection.runAndReadAll(sql)).getRowsJson());
      } catch (error) {
        return `error: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
      }
    };
    await body(outcome, from);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
