// TrinoEngine.swapTable at the protocol boundary (fake-trino.ts): the `table` model's swap is one
// `CREATE OR REPLACE TABLE … AS SELECT * FROM <scratch>` carrying the scratch table's properties but not its location.
// Trino's Iceberg connector: "The connector supports replacing an existing table, as an atomic operation. Atomic table
// replacement creates a new snapshot with the new table definition" (trino.io/docs/current/connector/iceberg.html,
// "Replace tables"). The real Trino runs it in `npm run test:trino` (tests/trino/example-run.trino.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engines/engine.js';
import { TrinoEngine } from '../../../src/engines/trino/index.js';
import { tablePropertiesOf } from '../../../src/engines/trino/table-swap.js';
import { page, startFakeTrino, type FakeTrino } from './fake-trino.js';

let fake: FakeTrino;
beforeAll(async () => (fake = await startFakeTrino()));
afterAll(() => fake.close());

const engine = () => new TrinoEngine({ url: fake.url, database: 'other' }, { sleep: async () => undefined });
const varchar = { rawType: 'varchar', arguments: [] };

/** What Trino 476 prints for `SHOW CREATE TABLE` of an Iceberg table. */
const SCRATCH_DEFINITION = [
  'CREATE TABLE iceberg.mart.dim__r2 (',
  '   n integer,',
  '   dt date',
  ')',
  'WITH (',
  "   format = 'PARQUET',",
  '   format_version = 2,',
  "   location = 'local:///mart/dim__r2-972ed944ccff45d0ba9e25d7f5dca66d',",
  "   partitioning = ARRAY['dt','n']",
  ')',
].join('\n');

const answer = (fields: string) => [{ json: page('${id}', fields, false, fake.url, 0) }];

describe('TrinoEngine.swapTable', () => {
  it('replaces the target with the scratch table’s rows and properties in one statement, in the target’s schema', async () => {
    const show = 'SHOW CREATE TABLE "mart"."dim__r2"';
    const replace = `CREATE OR REPLACE TABLE "mart"."dim" WITH (format = 'PARQUET', format_version = 2, partitioning = ARRAY['dt','n']) AS SELECT * FROM "mart"."dim__r2"`;
    fake.script(
      show,
      answer(
        `"columns":[{"name":"Create Table","type":"varchar","typeSignature":${JSON.stringify(varchar)}}],"data":[${JSON.stringify([SCRATCH_DEFINITION])}]`,
      ),
    );
    fake.script(replace, answer('"updateType":"CREATE TABLE","updateCount":4'));
    const before = fake.requests.length;
    await engine().swapTable({ database: 'mart', name: 'dim__r2' }, { database: 'mart', name: 'dim' }, { classification: 'parquet' });
    const posts = fake.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([show, replace]);
    expect(posts.map((r) => r.headers['x-trino-schema'])).toEqual(['mart', 'mart']);
  });

  it('fails as an EngineError naming Trino’s error when the connector cannot replace tables', async () => {
    const show = 'SHOW CREATE TABLE "raw"."t__r1"';
    fake.script(
      show,
      answer(
        `"columns":[{"name":"Create Table","type":"varchar","typeSignature":${JSON.stringify(varchar)}}],"data":[["CREATE TABLE hive.raw.t__r1 (\\n   n integer\\n)"]]`,
      ),
    );
    fake.script(
      'CREATE OR REPLACE TABLE "raw"."t" AS SELECT * FROM "raw"."t__r1"',
      answer('"error":{"message":"This connector does not support replacing tables","errorName":"NOT_SUPPORTED","errorType":"USER_ERROR"}'),
    );
    const failure = await engine()
      .swapTable({ database: 'raw', name: 't__r1' }, { database: 'raw', name: 't' }, {})
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).message).toBe('NOT_SUPPORTED: This connector does not support replacing tables');
  });

  it('reads the properties of a definition, one per line, without the location; none without a WITH clause', () => {
    expect(tablePropertiesOf(SCRATCH_DEFINITION)).toEqual(["format = 'PARQUET'", 'format_version = 2', "partitioning = ARRAY['dt','n']"]);
    expect(tablePropertiesOf('CREATE TABLE memory.default.t (\n   n integer\n)')).toEqual([]);
  });
});
