// `lake lint` places the refusal of a member or subscript of a json value (docs/issue-15-audit.md "JSON member refusal
// position (session of 2026-12-07 early morning, branch json34)") at the value the member applies to, as Trino 476
// places its TYPE_MISMATCH (shared Trino 476: `SELECT x.j[1] FROM (SELECT json_parse('[1,2]') AS j) x` fails with
// "line 1:8: Cannot use integer for subscript of json", `SELECT CAST(note AS json).k …` with "line 1:8: Expression
// CAST(note AS json) is not of type ROW", `SELECT JSON '{"a":1}'.a` with "line 1:8: Expression JSON '{"a":1}' is not
// of type ROW", `SELECT json_parse(note)['k'] …` with "line 1:8: Cannot use varchar(1) for subscript of json"). It
// was at the statement's start (json33). Where the value is not known to be json without the types, it stays there.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";
const PARSED_VIEW = '/*\nmaterialized: view\n*/\nSELECT id, note, json_parse(note) AS j FROM reviews\n';

const lint = async (files: Record<string, string>) => {
  const io = captureIo(makeProject({ 'sql/ddl/reviews.sql': DDL, 'sql/transforms/parsed.sql': PARSED_VIEW, ...files }));
  const code = await main(['lint', '--no-cache'], io);
  return { code, lines: io.out.split('\n').filter((l) => l.startsWith('sql/')), out: io.out };
};

const REFUSED = 'error \\[bind\\/query\\] TYPE_MISMATCH: a member or subscript of a json value';

describe('lake lint places a json member or subscript refusal at its value', () => {
  it.each<[string, string, number, number]>([
    // A view's json column, qualified, after a qualified varchar column: at `x` of `x.j`, not at `x.note`.
    ['a qualified json column member', 'SELECT\n  x.id,\n  x.note,\n  x.j.foo AS f\nFROM parsed x\nORDER BY 1\n', 4, 3],
    ['a json column subscript', 'SELECT\n  id,\n      j[1] AS first\nFROM parsed\n', 3, 7],
    ['a json column key subscript', "SELECT id,\n  note, upper(note) AS u, j['k'] AS k\nFROM parsed\n", 2, 27],
    ['a quoted json column member', 'SELECT id,\n  "J"."Foo Bar" AS f\nFROM parsed\n', 2, 3],
    // json_parse, CAST(… AS json), JSON '…' of any input; a row field on an earlier line keeps its answer.
    ['a json_parse member', 'SELECT\n  CAST(ROW(1) AS row(a integer)).a AS a,\n  ARRAY[1, 2][1] AS b,\n  json_parse(note).k AS k\nFROM reviews\n', 4, 3],
    ['a json_parse subscript', "SELECT id,\n  coalesce(json_parse(note)['k'], NULL) AS k\nFROM reviews\n", 2, 12],
    ['a CAST to json member', 'SELECT id,\n  CAST(note AS json).k AS k\nFROM reviews\n', 2, 3],
    ['a JSON literal subscript', "SELECT id,\n  JSON '[1, 2]'[1] AS k\nFROM reviews\n", 2, 3],
  ])('%s', async (_name, reader, line, col) => {
    const { code, lines, out } = await lint({ 'sql/transforms/reader.sql': reader });
    expect(code, out).toBe(1);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^sql/transforms/reader\\.sql:${line}:${col}: ${REFUSED}`))]);
  });

  // A json_parse value named by the statement itself, in a subquery or WITH query (shared Trino 476: `WITH w AS (SELECT
  // json_parse(s) AS p …) SELECT w.p.k FROM w` fails with "line 1:75: Expression w.p is not of type ROW", at `w`).
  it.each<[string, string, number, number]>([
    ['a subquery json column', '/*\ntags: [x]\n*/\nSELECT\n  s.p.k AS k\nFROM (SELECT json_parse(note) AS p FROM reviews) s\n', 5, 3],
    ['a WITH query json column', "WITH w AS (SELECT id, json_parse(note) AS p FROM reviews)\nSELECT id,\n  p['k'] AS k\nFROM w\n", 3, 3],
  ])('%s', async (_name, reader, line, col) => {
    const { code, lines } = await lint({ 'sql/transforms/reader.sql': reader });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^sql/transforms/reader\\.sql:${line}:${col}: ${REFUSED}`))]);
  });

  // A json value of another function is not known to be json without the types (shared Trino 476: `SELECT
  // json_extract(s, '$').k …` fails with "line 1:8: Expression json_extract(s, '$') is not of type ROW"): the refusal
  // stays at the statement's start.
  it('a member of json_extract(…) stays at the statement start', async () => {
    const { code, lines } = await lint({
      'sql/transforms/reader.sql': "/*\ntags: [x]\n*/\nSELECT\n  json_extract(note, '$').k AS k\nFROM reviews\n",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^sql/transforms/reader\\.sql:4:1: ${REFUSED}`))]);
  });
});
