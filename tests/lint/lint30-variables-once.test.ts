// `lake lint` translates a query model with `${…}` variables once (issue 18, branch lint30): the statement its bind
// runs holds the values (schemaVariables), the rules check the SQL as written. When the translation with the values
// has no finding the rules report none; otherwise they run checkFaithful on the SQL as written. Either way the rules'
// findings must be checkFaithful's, byte for byte, and the bind must read the translation it is handed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { checkFaithful, checkFaithfulEnclosed } from '../../src/dialect/lint/index.js';
import type { QueryTranslation } from '../../src/dialect/translate/query.js';
import { bindInShards, bindShard, resultBoard, shardOwners } from '../../src/lint/bind-shards.js';
import { analyzeProject } from '../../src/project/loader.js';
import type { Project, ProjectNode } from '../../src/project/model.js';
import { dateVariable, identifierVariable, timestampVariable, type Variables } from '../../src/project/variables.js';
import { modelStatement, schemaVariables } from '../../src/testing/schemas.js';
import { makeProject } from '../project/project-helpers.js';
import { modelOf } from './query-model.js';

const at = timestampVariable(new Date(Date.UTC(2000, 0, 1)));
/** One variable of every kind of value, and strings that mean something where they stand (a unit, a zone, a pattern…). */
const VARS: Variables = {
  now: at,
  d: dateVariable('2000-01-01'),
  s: 'abc',
  unit: 'day',
  zone: 'UTC',
  path: '$.a',
  fmt: '%Y',
  pat: 'yyyy',
  re: 'a+',
  n: 3,
  f: 0.5,
  neg: -1,
  big: 100000,
  b: true,
  id: identifierVariable('x'),
};

/** Expressions with one `${V}`, V each variable above; the templates hold each in place of `<e>`. */
const WITH_ANY = [
  '${V}',
  '${V} + 1',
  '${V} / 2',
  '${V} % 2',
  'round(${V}, 1)',
  "${V} || 'a'",
  "'a' || ${V}",
  "concat(${V}, 'a')",
  '${V} = NULL',
  '${V} IN (a)',
  '${V} IN (1, 2)',
  'coalesce(${V}, a)',
  'coalesce(a, ${V})',
  'CAST(${V} AS integer)',
  'CAST(${V} AS varchar)',
  'CAST(${V} AS date)',
  'CAST(${V} AS timestamp)',
  'CAST(CAST(${V} AS DATE) AS VARCHAR)',
  'TRY_CAST(${V} AS integer)',
  'length(${V})',
  "${V} LIKE 'a%'",
  'a LIKE ${V}',
  'sum(${V})',
  'avg(${V})',
  'max(${V})',
  'array_agg(${V})',
  'ARRAY[${V}, a]',
  'ARRAY[${V}]',
  'contains(ARRAY[a], ${V})',
  '${V} BETWEEN a AND 1',
  "CASE ${V} WHEN 1 THEN 'x' END",
  'CASE WHEN a > 1 THEN ${V} ELSE a END',
  'if(a > 1, ${V})',
  'greatest(${V}, a)',
  'least(a, ${V})',
  '${V} > a',
  'a - ${V}',
  '-${V}',
  'NOT ${V}',
  '${V} AND a',
  "date_add('day', 1, ${V})",
  "date_add('day', ${V}, a)",
  "date_format(${V}, '%Y')",
  'regexp_like(a, ${V})',
  "split(${V}, ',')",
  "json_extract(${V}, '$.a')",
  'row_number() OVER (ORDER BY ${V})',
  '${V} IS DISTINCT FROM a',
  'nullif(${V}, a)',
  'abs(${V})',
  '${V} * 1.5',
  'map(ARRAY[${V}], ARRAY[1])',
  'element_at(ARRAY[1, 2], ${V})',
  'ROW(${V}, 1)',
  '${V}[1]',
  'cardinality(${V})',
  "${V} AT TIME ZONE 'UTC'",
  'EXTRACT(YEAR FROM ${V})',
  "date_trunc('day', ${V})",
  'approx_set(${V})',
  'count(DISTINCT ${V})',
  '${V} || ARRAY[1]',
];
/** Expressions where a variable stands for a literal the function reads (a unit, a zone, a count…). */
const WITH_NAMED = [
  'date_add(${unit}, 1, ts)',
  'date_trunc(${unit}, ts)',
  'date_diff(${unit}, ts, ts)',
  'format_datetime(ts, ${pat})',
  'date_format(ts, ${fmt})',
  'date_parse(a, ${fmt})',
  'at_timezone(ts, ${zone})',
  'ts AT TIME ZONE ${zone}',
  'json_extract(a, ${path})',
  'json_extract_scalar(a, ${path})',
  'regexp_extract(a, ${re})',
  "regexp_replace(a, ${re}, 'b')",
  'round(a, ${n})',
  'approx_percentile(a, ${f})',
  'ntile(${n}) OVER (ORDER BY a)',
  'lag(a, ${n}) OVER (ORDER BY a)',
  'lead(a, ${n}, 0) OVER (ORDER BY a)',
  'truncate(a, ${n})',
  "split_part(a, ',', ${n})",
  'substr(a, ${n})',
  "lpad(a, ${n}, ' ')",
  'sequence(1, ${n})',
  '${n} * ${f}',
  '${big} * ${big} * ${big}',
  '${neg} * a',
  'from_unixtime(${n})',
  'from_unixtime(a, ${zone})',
  'with_timezone(ts, ${zone})',
  "${d} + INTERVAL '1' DAY",
  "date_add('day', ${n}, ${d})",
  '${b} OR a',
  '${now} > ${d}',
  'a.${id}',
  'parse_datetime(a, ${pat})',
  'transform(ARRAY[1], x -> x + ${n})',
  'filter(ARRAY[1], x -> x > ${n})',
  'max_by(a, ${n})',
  '${f} = 0.5',
  'CAST(${f} AS real)',
  '${n} / 0',
  '1 / ${n}',
  'histogram(${n})',
  'approx_set(${n})',
];
const TEMPLATES = [
  'SELECT <e> AS t FROM x',
  'SELECT a FROM x WHERE (<e>) IS NOT NULL',
  'SELECT a, count(*) AS c FROM x GROUP BY a HAVING max(<e>) IS NOT NULL',
  'SELECT <e> AS t FROM x\nUNION ALL\nSELECT a FROM y',
  '-- a comment\nSELECT a\nFROM x\nORDER BY <e>\nLIMIT ${n}',
];

const shapes = (): string[] => {
  const expressions = [...WITH_ANY.flatMap((e) => Object.keys(VARS).map((v) => e.replaceAll('${V}', `\${${v}}`))), ...WITH_NAMED];
  return TEMPLATES.flatMap((t) => expressions.map((e) => t.replace('<e>', e)));
};

/** The rules' findings read through the single translation (undefined where it declines) and checkFaithful's. */
function bothFindings(node: ProjectNode, vars: Variables) {
  const statement = modelStatement(node, vars);
  const options = { file: node.file, lineOffset: node.bodyLine - 1 };
  const once = statement && checkFaithfulEnclosed(node.sql, statement, options);
  // A CTAS column of type unknown is the enclosing CREATE TABLE's finding (see translate-once.test.ts).
  const diagnostics = once?.diagnostics.filter((d) => d.rule !== 'unfaithful/column-type-unknown');
  return {
    file: node.file,
    sql: node.sql,
    statement,
    rules: JSON.stringify(checkFaithful(node.sql, options)),
    once: diagnostics && JSON.stringify(diagnostics),
  };
}

describe('the rules of a model with variables, translated once with the values, are checkFaithful’s', () => {
  it('on ~4,800 uses of variables of every kind, in the select list, WHERE, HAVING, a UNION and ORDER BY', { timeout: 300_000 }, () => {
    const found = shapes().map((sql) => bothFindings(modelOf(sql), VARS));
    expect(found.length).toBeGreaterThan(4500);
    const compared = found.filter((f) => f.once !== undefined);
    // A variable standing for a format pattern is not refused when the values are patterns the local engine reads
    // (branch loud32: the statement that runs holds them): there the rules' findings are checkFaithful's without those.
    const formatVariable = /(?:format_datetime|parse_datetime|date_format|date_parse)\([^,]*, \$\{(?:pat|fmt)\}\)/;
    const withoutFormatVariables = (f: (typeof found)[number]) =>
      formatVariable.test(f.sql) ? JSON.stringify((JSON.parse(f.rules) as { rule: string }[]).filter((d) => d.rule !== 'unfaithful/dynamic-format')) : f.rules;
    expect(compared.filter((f) => f.once !== withoutFormatVariables(f)).map((f) => ({ sql: f.sql, once: f.once, rules: f.rules }))).toEqual([]);
    // Not vacuous: most are read once (a value that cannot stand where it is, `EXTRACT(YEAR FROM ${s})`, leaves no
    // statement: the loader reports it), many have findings (and so run checkFaithful), most have none.
    expect(found.every((f) => f.statement === undefined || f.statement.substituted !== undefined)).toBe(true);
    expect(compared.length).toBeGreaterThan(found.length * 0.9);
    expect(compared.filter((f) => f.once !== '[]').length).toBeGreaterThan(150);
    expect(compared.filter((f) => f.once === '[]').length).toBeGreaterThan(3000);
    // A variable standing for a format pattern is read with its value (branch loud32; it was refused as written).
    const format = found.find((f) => f.sql === 'SELECT date_format(ts, ${fmt}) AS t FROM x');
    expect(format?.rules).toMatch(/unfaithful\/dynamic-format/);
    expect(format?.once).toBe('[]');
  });

  it('declines a `;` after the query and the word PARTITIONED, in the SQL or a value', () => {
    const declined = (sql: string, vars: Variables = VARS) => bothFindings(modelOf(sql), vars).once === undefined;
    expect(declined('SELECT DISTINCT a FROM x WHERE ts > ${now} ORDER BY a;\n')).toBe(true);
    expect(declined('SELECT a FROM x WHERE ts > ${now} -- ;\n')).toBe(true);
    expect(declined('SELECT a AS partitioned FROM x WHERE ts > ${now}\n')).toBe(true);
    expect(declined('SELECT a FROM x WHERE s = ${s}\n', { ...VARS, s: 'partitioned' })).toBe(true);
    expect(declined('SELECT a FROM x WHERE s = ${s}\n', { ...VARS, s: ';' })).toBe(false);
    expect(declined('SELECT a FROM x WHERE s = ${s}\n')).toBe(false);
  });

  it('on the example project and on generated models', { timeout: 120_000 }, async () => {
    const bench = mkdtempSync(join(tmpdir(), 'lake-lint30-'));
    writeModelsProject(bench, 150);
    const found = [];
    for (const root of [process.cwd(), bench]) {
      const { project } = await analyzeProject(root);
      const vars = schemaVariables(project);
      found.push(...project.nodes.filter((n) => n.sql.includes('${')).map((n) => bothFindings(n, vars)));
    }
    const compared = found.filter((f) => f.once !== undefined);
    expect(compared.length).toBeGreaterThan(70);
    expect(compared.filter((f) => f.once !== f.rules).map((f) => f.file)).toEqual([]);
  });
});

describe('the bind reads the translation of a model with variables it is handed', () => {
  const files = {
    'sql/ddl/reviews.sql': "CREATE EXTERNAL TABLE reviews (id INT, rating INT, ts TIMESTAMP)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'",
    'sql/transforms/ratings.sql': 'SELECT id, rating + 1 AS rating, ts FROM reviews WHERE ts >= ${period_start} AND ts < ${period_end}\n',
    'sql/transforms/stamped.sql': "SELECT id, ${now} AS at, CAST(CAST(${period_start} AS DATE) AS VARCHAR) AS day, '${stage}' AS s FROM ratings\n",
    'sql/transforms/typed.sql': "SELECT id, ${now} || 'x' AS r FROM ratings\n",
    'sql/transforms/bad.sql': 'SELECT id, rating + ${now} AS r FROM ratings\n',
    'sql/transforms/reader.sql': 'SELECT id, r FROM typed\n',
  };

  async function bindHanded(project: Project, handed: (id: string, made: QueryTranslation[]) => QueryTranslation[]) {
    const board = resultBoard();
    const vars = schemaVariables(project);
    const translations = (id: string) => {
      const node = project.node(id);
      const statement = node && modelStatement(node, vars);
      const once = node && statement && checkFaithfulEnclosed(node.sql, statement, { file: node.file, lineOffset: node.bodyLine - 1 });
      return once ? Promise.resolve(handed(id, once.translations)) : undefined;
    };
    await bindShard(project, 0, shardOwners(project, 1), { ...board, translations });
    return board.results;
  }
  const idOf = (project: Project, file: string) => project.nodes.find((n) => n.file === file)?.id ?? file;

  it('the same tables and errors as a bind that translates every model itself', { timeout: 60_000 }, async () => {
    const { project } = await analyzeProject(makeProject(files));
    const handed = await bindHanded(project, (_id, made) => made);
    const itself = await bindInShards(project, 1);
    expect([...handed.keys()].sort()).toEqual([...itself.keys()].sort());
    for (const [id, result] of itself) expect(handed.get(id), id).toEqual(result);
    expect(itself.get(idOf(project, 'sql/transforms/typed.sql'))?.schemas?.failure).toMatch(/concat-types/);
    expect(itself.get(idOf(project, 'sql/transforms/bad.sql'))?.schemas?.failure).toMatch(/^Cannot apply operator/);
  });

  it('a handed translation is what the bind runs (so the model is not translated again)', { timeout: 60_000 }, async () => {
    const { project } = await analyzeProject(makeProject(files));
    const planted = (made: QueryTranslation[]) => made.map((t) => ({ ...t, translation: { sql: 'SELECT 42 AS planted', diagnostics: [] } }));
    const ratings = idOf(project, 'sql/transforms/ratings.sql');
    const results = await bindHanded(project, (id, made) => (id === ratings ? planted(made) : made));
    expect(results.get(ratings)?.schemas?.columns).toEqual([['analytics.ratings', [{ name: 'planted', type: 'integer' }]]]);
  });
});
