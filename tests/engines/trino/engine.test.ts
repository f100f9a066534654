// TrinoEngine over the client protocol, against a fake coordinator (fake-trino.ts); the real Trino runs in
// `npm run test:trino`. Protocol: https://trino.io/docs/current/develop/client-protocol.html
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engines/engine.js';
import { TrinoEngine } from '../../../src/engines/trino/index.js';
import { page, startFakeTrino, type FakeStep, type FakeTrino } from './fake-trino.js';

let fake: FakeTrino;
beforeAll(async () => (fake = await startFakeTrino()));
afterAll(() => fake.close());

const noWait = { sleep: async () => undefined };
const engine = () => new TrinoEngine({ url: fake.url, database: 'sales' }, noWait);

/** The pages of one query: a queued answer to the POST, then `bodies` (the last one without nextUri). */
function query(bodies: (string | FakeStep)[]): FakeStep[] {
  const steps: FakeStep[] = [{ json: page('${id}', '', true, fake.url, 0) }];
  bodies.forEach((body, i) => steps.push(typeof body === 'string' ? { json: page('${id}', body, i < bodies.length - 1, fake.url, i + 1) } : body));
  return steps;
}

const scalar = (rawType: string, ...longs: number[]) => ({ rawType, arguments: longs.map((value) => ({ kind: 'LONG', value })) });
const column = (name: string, type: string, typeSignature: object) => ({ name, type, typeSignature });

describe('TrinoEngine: the client protocol', () => {
  it('follows nextUri through a busy coordinator, collects every page and sends the session headers', async () => {
    const columns = JSON.stringify([column('n', 'bigint', scalar('bigint'))]);
    fake.script('SELECT n FROM t', query([{ status: 503 }, `"columns":${columns},"data":[[1],[2]]`, `"columns":${columns},"data":[[9007199254740993]]`]));
    const result = await engine().execute('SELECT n FROM t;');
    expect(result.columns).toEqual([{ name: 'n', type: 'bigint' }]);
    // The last value is 2^53 + 1: a plain JSON.parse would read it as 9007199254740992.
    expect(result.rows).toEqual([[1], [2], [9007199254740993n]]);
    expect(result.stats.queryId).toMatch(/^q\d+$/);
    const post = fake.requests.find((r) => r.method === 'POST' && r.body === 'SELECT n FROM t')!;
    expect(post.headers).toMatchObject({ 'x-trino-user': 'lake', 'x-trino-catalog': 'iceberg', 'x-trino-schema': 'sales', 'x-trino-time-zone': 'UTC' });
  });

  it('uses the database of the call as the schema', async () => {
    fake.script('SELECT 2', query(['"columns":[],"data":[]']));
    await engine().execute('SELECT 2', { database: 'other' });
    expect(fake.requests.filter((r) => r.body === 'SELECT 2')[0].headers['x-trino-schema']).toBe('other');
  });

  it('reports a failed query as an EngineError with Trino’s error name, message and query id, not retryable', async () => {
    const error =
      '"error":{"message":"line 1:8: Column \'nope\' cannot be resolved","errorCode":47,"errorName":"COLUMN_NOT_FOUND","errorType":"USER_ERROR","errorLocation":{"lineNumber":1,"columnNumber":8}}';
    fake.script('SELECT nope', query([error]));
    const failure = await engine()
      .execute('SELECT nope')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).message).toBe("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved");
    expect((failure as EngineError).details).toMatchObject({ code: 'COLUMN_NOT_FOUND', retryable: false, queryId: expect.stringMatching(/^q\d+$/) });
  });

  it('names the HTTP status of an answer outside the protocol', async () => {
    fake.script('SELECT 3', [{ status: 500, body: 'boom' }]);
    await expect(engine().execute('SELECT 3')).rejects.toThrow(/answered POST .*\/v1\/statement with HTTP 500: boom/);
  });

  it('reports an unreachable coordinator as retryable, naming its URL', async () => {
    const closed = await startFakeTrino();
    await closed.close();
    const failure = await new TrinoEngine({ url: closed.url }).execute('SELECT 1').catch((e: unknown) => e);
    expect((failure as EngineError).message).toContain(`cannot reach Trino at ${closed.url}`);
    expect((failure as EngineError).details.retryable).toBe(true);
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => new TrinoEngine({ url: 'localhost:8080' })).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => new TrinoEngine({ url: 'not a url' })).toThrow(/is not a URL/);
  });

  it('cancels the running query on Trino when the caller aborts', async () => {
    const controller = new AbortController();
    fake.script('SELECT slow', query([{ json: '' }]));
    // The POST answer is queued; abort before the first poll so the engine must DELETE its nextUri.
    const running = engine().execute('SELECT slow', { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow();
    await expect.poll(() => fake.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('answers a write with no columns and the number of rows written, as Athena does', async () => {
    fake.script(
      'INSERT INTO t VALUES (1)',
      query([`"updateType":"INSERT","updateCount":1,"columns":${JSON.stringify([column('rows', 'bigint', scalar('bigint'))])},"data":[[1]]`]),
    );
    const result = await engine().execute('INSERT INTO t VALUES (1)');
    expect(result).toMatchObject({ columns: [], rows: [], stats: { rowsWritten: 1 } });
  });
});

describe('TrinoEngine: Trino JSON values → the contract’s names and shapes', () => {
  const named = (name: string | undefined, typeSignature: object) => ({
    kind: 'NAMED_TYPE',
    value: { ...(name ? { fieldName: { name } } : {}), typeSignature },
  });
  const typeArg = (value: object) => ({ kind: 'TYPE', value });
  const cases: [string, object, string, string, unknown][] = [
    ['varchar(3)', scalar('varchar', 3), '"abc"', 'varchar', 'abc'],
    ['decimal(10, 2)', scalar('decimal', 10, 2), '"1.50"', 'decimal(10,2)', '1.50'],
    ['double NaN', scalar('double'), '"NaN"', 'double', Number.NaN],
    ['double -Infinity', scalar('double'), '"-Infinity"', 'double', Number.NEGATIVE_INFINITY],
    ['real', scalar('real'), '1.5', 'real', 1.5],
    ['varbinary (base64 on the wire)', scalar('varbinary'), '"Cv8="', 'varbinary', '0aff'],
    ['timestamp(6)', scalar('timestamp', 6), '"2020-01-01 01:02:03.123456"', 'timestamp(3)', '2020-01-01 01:02:03.123'],
    [
      'timestamp(0) with time zone',
      scalar('timestamp with time zone', 0),
      '"2020-01-01 01:02:03 Europe/Paris"',
      'timestamp(3) with time zone',
      '2020-01-01 01:02:03.000 Europe/Paris',
    ],
    ['date', scalar('date'), '"2020-01-02"', 'date', '2020-01-02'],
    ['array(integer)', { rawType: 'array', arguments: [typeArg(scalar('integer'))] }, '[1,null,3]', 'array(integer)', [1, null, 3]],
    [
      'map(varchar, bigint)',
      { rawType: 'map', arguments: [typeArg(scalar('varchar', 1)), typeArg(scalar('bigint'))] },
      '{"a":1,"b":null}',
      'map(varchar, bigint)',
      { a: 1, b: null },
    ],
    [
      'anonymous row',
      { rawType: 'row', arguments: [named(undefined, scalar('integer')), named(undefined, scalar('varchar', 1))] },
      '[1,"x"]',
      'row(integer, varchar)',
      { field0: 1, field1: 'x' },
    ],
    [
      'named row in an array',
      { rawType: 'array', arguments: [typeArg({ rawType: 'row', arguments: [named('x', scalar('integer'))] })] },
      '[[5],null]',
      'array(row(x integer))',
      [{ x: 5 }, null],
    ],
    ['NULL literal', scalar('unknown'), 'null', 'unknown', null],
  ];
  it.each(cases)('%s', async (label, typeSignature, json, typeName, value) => {
    const sql = `SELECT value -- ${label}`;
    fake.script(sql, query([`"columns":${JSON.stringify([column('v', 'ignored', typeSignature)])},"data":[[${json}]]`]));
    const result = await engine().execute(sql);
    expect(result.columns).toEqual([{ name: 'v', type: typeName }]);
    expect(result.rows).toEqual([[value]]);
  });
});
