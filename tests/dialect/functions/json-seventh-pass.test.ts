// JSON, seventh pass (docs/issue-15-audit.md): values and errors of Trino 476, asked on the shared Trino.
// - Trino plans CAST(json_parse(s) AS array | map | row) as one cast of the text s, also after its optimizer inlines a
//   projection: `CAST(j AS map(…)) FROM (SELECT json_parse(s) j …)` and through a CTE fail on a repeated key where
//   json_parse's value keeps the last one. Where Trino keeps the projection (j read twice, a DISTINCT or GROUP BY
//   select, TRY_CAST, a cast inside try()), it reads json_parse's value, {a: 2} (src/dialect/translate/inlined-json-parse.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { describeFunctions } from './harness.js';

const TWICE = `(VALUES ('{"a":1,"a":2}')) t(s)`;

describeFunctions(
  'CAST of json_parse read through a projection',
  [
    [
      'j read twice: not inlined',
      `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}) SELECT CAST(j AS map(varchar, integer)), j FROM w`,
      { a: 2 },
      'map(varchar, integer)',
    ],
    ['a DISTINCT select', `CAST(j AS map(varchar, integer)) FROM (SELECT DISTINCT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    ['a GROUP BY select', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE} GROUP BY 1)`, { a: 2 }, 'map(varchar, integer)'],
    ['TRY_CAST', `TRY_CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    ['a cast inside try()', `try(CAST(j AS map(varchar, integer))) FROM (SELECT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    [
      'a filter reading j',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE}) WHERE j IS NOT NULL`,
      { a: 2 },
      'map(varchar, integer)',
    ],
    [
      'no repeated key',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM (VALUES ('{"b":1,"a":2}')) t(s))`,
      { a: 2, b: 1 },
      'map(varchar, integer)',
    ],
    ['an array of json', `CAST(j AS array(json)) FROM (SELECT json_parse(s) j FROM (VALUES ('[{"a":1,"a":2}]')) t(s))`, ['{"a":2}'], 'array(json)'],
    ['json_parse of a literal in VALUES', `CAST(j AS map(varchar, integer)) FROM (VALUES json_parse('{"a":1,"a":2}')) t(j)`, { a: 2 }, 'map(varchar, integer)'],
  ],
  [
    [
      'a subquery',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`,
      /Cannot cast to map\(varchar, integer\)\. Duplicate map keys are not allowed/,
    ],
    ['a qualified column, AS', `CAST(u.j AS map(varchar, json)) FROM (SELECT json_parse(s) AS j FROM ${TWICE}) u`, /Duplicate map keys are not allowed/],
    ['a row', `CAST(j AS row(a integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`, /Cannot cast to row\(a integer\)\. Duplicate field: a/],
    ['inside an array', `CAST(j AS array(map(varchar, integer))) FROM (SELECT json_parse(s) j FROM (VALUES ('[{"a":1,"a":2}]')) t(s))`, /Duplicate map keys/],
    ['a LIMIT between', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE} LIMIT 1)`, /Duplicate map keys/],
    ['a join beside', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE}) u CROSS JOIN (VALUES 1) v(x)`, /Duplicate map keys/],
  ],
);

describe('CAST of json_parse read through a CTE', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());
  it('fails on a repeated key as Trino 476 does (INVALID_CAST_ARGUMENT)', async () => {
    const sql = `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}) SELECT CAST(j AS map(varchar, integer)) FROM w`;
    await expect(engine.execute(sql)).rejects.toThrow(/Cannot cast to map\(varchar, integer\)\. Duplicate map keys are not allowed/);
  });
  it('fails through a CTE that passes the column on', async () => {
    const sql = `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}), v AS (SELECT j FROM w) SELECT CAST(j AS row(a integer)) FROM v`;
    await expect(engine.execute(sql)).rejects.toThrow(/Cannot cast to row\(a integer\)\. Duplicate field: a/);
  });
});
