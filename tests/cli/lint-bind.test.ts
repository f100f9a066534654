// `lake lint` binds: every model, dashboard view and alert runs over empty inputs with the tables' real types, so
// unknown columns, type errors, partitioned_by columns not returned and alert conditions naming missing columns are
// lint errors at file:line:col, without data.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordDuckDBStatements } from '../helpers/duckdb-statements.js';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

const lint = async (files: Record<string, string>) => {
  const io = captureIo(makeProject({ 'sql/ddl/reviews.sql': DDL, ...files }));
  const code = await main(['lint', '--no-cache'], io);
  return { code, lines: io.out.split('\n').filter((l) => l.startsWith('sql/')), out: io.out };
};

describe('lake lint binds every query over empty typed inputs', () => {
  it('binding costs no USE and no catalog rewrite per model: statements per model do not depend on the catalog size', async () => {
    const statements = async (models: number) => {
      const files: Record<string, string> = {};
      for (let i = 0; i < models; i++)
        files[`sql/transforms/m${i}.sql`] = `SELECT id, rating + ${i} AS rating, channel, note FROM ${i === 0 ? 'reviews' : `m${i - 1}`}\n`;
      const { sent, restore } = recordDuckDBStatements();
      try {
        const { code, out } = await lint(files);
        expect(code, out).toBe(0);
      } finally {
        restore();
      }
      return sent;
    };
    const [few, many] = [await statements(2), await statements(8)];
    const uses = (sent: string[]) => sent.filter((sql) => sql.startsWith('USE ')).length;
    // The session moves to the models' database once, whatever their number.
    expect(uses(many)).toBe(uses(few));
    // A new table's description is inserted once, not replaced (the snapshot knows it is new). Lint's scratch engine
    // writes new tables and their descriptions in batches, before a statement that may read them (lint40): the source
    // table and m0…m6 are read by the next model; m7, read by nothing, is never written.
    const all = many.join('\n');
    expect(all).not.toContain('INSERT OR REPLACE INTO "awsdatacatalog"."__lake"');
    const inserted = [...all.matchAll(/INSERT INTO "awsdatacatalog"\."__lake"\."tables" VALUES \('analytics', '(\w+)'/g)].map((m) => m[1]);
    expect(inserted.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'reviews']);
  });

  it('a model selecting an unknown column on line 6: <file>:6 and the name, exit 1', async () => {
    const { code, lines, out } = await lint({
      'sql/transforms/ratings.sql': '/*\ntags: [x]\n*/\nSELECT\n  channel,\n  max(ratng) AS top_rating\nFROM reviews\nGROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^sql\/transforms\/ratings\.sql:6:7: error \[bind\/query\] Binder Error: Referenced column "ratng" not found/),
    ]);
    expect(out).toContain('hint: columns there: "rating"');
  });

  it('an unknown column inside avg() (a typed-overload shim locally) is reported by name at <file>:6, not as a macro overload error', async () => {
    const { code, lines } = await lint({
      'sql/transforms/ratings.sql': '/*\ntags: [x]\n*/\nSELECT\n  channel,\n  avg(ratng) AS mean_rating\nFROM reviews\nGROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^sql\/transforms\/ratings\.sql:6:7: error \[bind\/query\] Binder Error: Referenced column "ratng" not found/),
    ]);
  });

  // Trino 476: COLUMN_NOT_FOUND "Column 'ratng' cannot be resolved". Two columns compared, and a subscript, run through
  // typed-overload shims (trino_cmp_column, trino_map_key), whose error for an unknown column was "Macro … has multiple
  // overloads that match the supplied arguments" (engines/local/ambiguous-macros.ts).
  it.each([
    ['two columns compared', 'SELECT\n  channel\nFROM reviews\nWHERE rating = ratng\n', 4, 16],
    ['a subscript', 'SELECT\n  channel,\n  ARRAY[1, 2][ratng] AS picked\nFROM reviews\n', 3, 15],
  ])('an unknown column in %s is reported by name at its place, not as a macro overload error', async (_what, sql, line, col) => {
    const { code, lines, out } = await lint({ 'sql/transforms/ratings.sql': sql });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^sql/transforms/ratings\\.sql:${line}:${col}: error \\[bind/query\\] Binder Error: Referenced column "ratng" not found`),
      ),
    ]);
    expect(out).not.toContain('overloads');
  });

  it('a type error, and only the first of a chain (its downstream is not reported again)', async () => {
    const { code, lines } = await lint({
      'sql/transforms/typed.sql': 'SELECT\n  channel,\n  rating + note AS bad\nFROM reviews\n',
      'sql/transforms/after_typed.sql': 'SELECT bad FROM typed\n',
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sql\/transforms\/typed\.sql:3:\d+: error \[bind\/query\] .*(Cannot|No function matches)/);
  });

  // Trino 476: FUNCTION_NOT_FOUND "Unexpected parameters (varchar, integer) for function concat"
  // (https://trino.io/docs/current/functions/string.html#concat: concat and || take varchar, varbinary or arrays).
  it('a varchar column || an integer column, and concat() of them, at the operator; varchar || varchar binds', async () => {
    const operator = await lint({ 'sql/transforms/labels.sql': 'SELECT\n  id,\n  channel || rating AS label\nFROM reviews\n' });
    expect(operator.code).toBe(1);
    expect(operator.lines).toEqual([
      "sql/transforms/labels.sql:3:11: error [bind/query] Unexpected parameters (varchar, integer) for function concat (bound over empty inputs with the tables' types)",
    ]);
    const call = await lint({ 'sql/transforms/labels.sql': 'SELECT\n  id,\n  concat(note, id) AS label\nFROM reviews\n' });
    expect(call.lines).toEqual([
      "sql/transforms/labels.sql:3:3: error [bind/query] Unexpected parameters (varchar, integer) for function concat (bound over empty inputs with the tables' types)",
    ]);
    const clean = await lint({
      'sql/transforms/labels.sql': "SELECT\n  id,\n  channel || ': ' || note AS label,\n  concat(channel, note) AS both\nFROM reviews\n",
    });
    expect(clean.out).toBe('2 files checked: 0 errors, 0 warnings\n');
  });

  // Trino 476: FUNCTION_NOT_FOUND "line 3:3: Unexpected parameters (varchar, integer) for function split" (the shared
  // Trino's answer); DuckDB's binder named its string_split and lint put it at the statement's first line.
  it("a built-in called over arguments of no overload, at the call and in Athena's words (split of an integer delimiter)", async () => {
    const { code, lines } = await lint({ 'sql/transforms/parts.sql': 'SELECT\n  r.id,\n  split(r.note, r.rating) AS parts\nFROM reviews r\n' });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "sql/transforms/parts.sql:3:3: error [bind/query] Unexpected parameters (varchar, integer) for function split (bound over empty inputs with the tables' types)",
    ]);
  });

  it('a partitioned_by column the query does not return, at the header line', async () => {
    const { code, lines } = await lint({
      'sql/transforms/parts.sql': '/*\nmaterialized: table\npartitioned_by: [dt]\n*/\nSELECT channel, count(*) AS n FROM reviews GROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual(["sql/transforms/parts.sql:3:1: error [bind/partitioned-by] partitioned_by column 'dt' is not returned by the query"]);
  });

  it('an alert condition, message field or key naming a column the query does not return', async () => {
    const { code, lines } = await lint({
      'sql/alerts/negatives.sql':
        '/*\nschedule: rate(1 hour)\nalert:\n  condition: negatives > 10\n  message: "{negative} negative reviews on {channel}"\n  key: chanel\n*/\nSELECT channel, count_if(rating <= 2) AS negative FROM reviews GROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "sql/alerts/negatives.sql:4:1: error [bind/alert-condition] alert condition 'negatives > 10' names 'negatives', which the query does not return",
      "sql/alerts/negatives.sql:6:1: error [bind/alert-key] alert key 'chanel' is not a column the query returns",
    ]);
  });

  it('a dashboard view and an alert query are bound too; a clean project binds without findings', async () => {
    const { lines } = await lint({
      'sql/dashboards/by_channel.sql': 'SELECT channel, count(*) AS n\nFROM reviews\nWHERE ratin > 0\nGROUP BY channel\n',
      'sql/alerts/any.sql': '/*\nschedule: rate(1 hour)\nalert:\n  condition: rows > 0\n  message: "{id}"\n*/\nSELECT id, notes FROM reviews\n',
    });
    expect(lines.map((l) => l.split(' [')[0])).toEqual(['sql/alerts/any.sql:7:12: error', 'sql/dashboards/by_channel.sql:3:7: error']);
    const clean = await lint({ 'sql/transforms/ok.sql': '/*\npartitioned_by: [channel]\nmaterialized: table\n*/\nSELECT rating, channel FROM reviews\n' });
    expect(clean.out).toBe('2 files checked: 0 errors, 0 warnings\n');
    expect(clean.code).toBe(0);
  });
});

// Trino 476: a view keeps json_parse's json type, so a model reading it may CAST it to map/array/row or call json
// functions on it; a table cannot hold json ("NOT_SUPPORTED: Type not supported for Iceberg: json"). Lint's stand-in
// for an upstream model was an empty table, whose json column became varchar: `CAST(j AS map(varchar, varchar))`
// downstream failed ("map_entries(VARCHAR)"), a false error, and a table model of json linted clean.
describe('lake lint and json columns of upstream models', () => {
  const PARSED_VIEW = '/*\nmaterialized: view\n*/\nSELECT id, json_parse(note) AS j FROM reviews\n';
  const READER =
    "SELECT\n  id,\n  CAST(j AS map(varchar, varchar)) AS m,\n  CAST(j AS array(varchar)) AS a,\n  CAST(j AS row(k varchar)) AS r,\n  json_extract_scalar(j, '$.k') AS k,\n  json_array_length(j) AS n\nFROM parsed\n";

  it("a model casting an upstream view's json column to map, array and row lints clean", async () => {
    const { code, out } = await lint({ 'sql/transforms/parsed.sql': PARSED_VIEW, 'sql/transforms/reader.sql': READER });
    expect(out).toContain('3 files checked: 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('a real error in that model is still reported at its file:line:col', async () => {
    const { code, lines } = await lint({
      'sql/transforms/parsed.sql': PARSED_VIEW,
      'sql/transforms/reader.sql': READER.replace("json_extract_scalar(j, '$.k')", "json_extract_scalar(jj, '$.k')"),
    });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^sql\/transforms\/reader\.sql:6:23: error \[bind\/query\] Binder Error: Referenced column "jj" not found/)]);
  });

  it('a table model returning json is refused at its file as Athena refuses its CTAS; its reader is not reported again', async () => {
    const { code, lines } = await lint({
      'sql/transforms/parsed.sql': 'SELECT id, json_parse(note) AS j FROM reviews\n',
      'sql/transforms/reader.sql': READER,
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^sql\/transforms\/parsed\.sql:1:1: error \[bind\/query\] NOT_SUPPORTED: .*Unsupported Hive type: json\b.*\(column 'j'\)/),
    ]);
  });

  // The local engine's CTAS refuses these as Athena's Hive tables do (hive-types.ts); lint stood a view in for the
  // model and reported nothing. A view model of them stays clean.
  it.each([
    ['time(3)', "TIME '01:02:03.456'", 'time'],
    ['uuid', 'uuid()', 'uuid'],
    ['timestamp(3) with time zone', "TIMESTAMP '2020-01-01 00:00:00 UTC'", 'timestamp\\(3\\) with time zone'],
  ])('a table model returning %s is refused at its file as its run is; a view model of it lints clean', async (_type, value, named) => {
    const table = await lint({ 'sql/transforms/typed.sql': `SELECT id, ${value} AS v FROM reviews\n` });
    expect(table.code).toBe(1);
    expect(table.lines).toEqual([
      expect.stringMatching(new RegExp(`^sql/transforms/typed\\.sql:1:1: error \\[bind/query\\] NOT_SUPPORTED: .*Unsupported Hive type: ${named}\\b.*'v'`)),
    ]);
    const view = await lint({
      'sql/transforms/typed.sql': `/*\nmaterialized: view\n*/\nSELECT id, ${value} AS v FROM reviews\n`,
      'sql/dashboards/reader.sql': 'SELECT id, v FROM typed\n',
    });
    expect(view.out).toContain('0 errors');
    expect(view.code).toBe(0);
  });
});

describe('lake lint binds a large project in worker threads (src/lint/bind-pool.ts)', () => {
  it('finds the same bind errors at the same file:line:col as one engine', { timeout: 600_000 }, async () => {
    // 220 models (above the threshold): chains over the source, each model reading the one before.
    const files: Record<string, string> = { 'sql/ddl/reviews.sql': DDL };
    for (let i = 0; i < 220; i++)
      files[`sql/transforms/m${i}.sql`] = `SELECT id, rating + ${i} AS rating, channel, note\nFROM ${i % 20 === 0 ? 'reviews' : `m${i - 1}`}\n`;
    files['sql/transforms/m50.sql'] = 'SELECT id,\n  ratng AS rating, channel, note\nFROM m49\n';
    files['sql/transforms/m121.sql'] = 'SELECT id, rating + note AS rating, channel, note\nFROM m120\n';
    files['sql/transforms/m219.sql'] = '/*\nmaterialized: table\npartitioned_by: [dt]\n*/\nSELECT id, rating FROM m218\n';
    files['sql/alerts/low.sql'] = '/*\nschedule: rate(1 hour)\nalert:\n  condition: lowest < 1\n  message: "{low}"\n*/\nSELECT min(rating) AS low FROM m199\n';
    const root = makeProject(files);
    const cli = spawnSync(process.execPath, [join(process.cwd(), 'bin/lake.js'), 'lint', '--no-cache', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(1);
    const { lintProject } = await import('../../src/lint/lint.js');
    const oneEngine = await lintProject(root, { cache: false });
    const found = JSON.parse(cli.stdout).diagnostics as Array<{ file: string; line: number; col: number; rule: string; message: string }>;
    expect(found).toEqual(JSON.parse(JSON.stringify(oneEngine.diagnostics)));
    expect(found.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`)).toEqual([
      'sql/alerts/low.sql:4:1 bind/alert-condition',
      'sql/transforms/m121.sql:1:19 bind/query',
      'sql/transforms/m219.sql:3:1 bind/partitioned-by',
      'sql/transforms/m50.sql:2:3 bind/query',
    ]);
  });
});

describe('lake lint checks *.dashboard.yaml', () => {
  it('unknown fields, views no SQL file defines, and columns a view does not have, at the file line', async () => {
    const dashboard = [
      'title: Reviews',
      'visuals:',
      '  - { id: count, type: kpi, title: Reviews, view: by_channel, y: n }',
      '  - id: trend',
      '    type: bar',
      '    title: By channel',
      '    view: by_channel',
      '    x: chanel',
      '    y: n',
      '  - { id: other, type: kpi, title: Other, view: by_chanel, y: n }',
      'filtres: []',
      '',
    ].join('\n');
    const root = makeProject({
      'sql/ddl/reviews.sql': DDL,
      'sql/dashboards/by_channel.sql': 'SELECT channel, count(*) AS n FROM reviews GROUP BY channel\n',
      'sql/dashboards/reviews.dashboard.yaml': dashboard,
    });
    const io = captureIo(root);
    expect(await main(['lint', '--no-cache'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      "sql/dashboards/reviews.dashboard.yaml:11:1: error [dashboard/schema] unknown field 'filtres' in the dashboard",
    ]);
    // With the schema fixed, the views and their columns are checked.
    writeFileSync(join(root, 'sql/dashboards/reviews.dashboard.yaml'), dashboard.replace('filtres: []', 'filters: []'));
    const second = captureIo(root);
    expect(await main(['lint', '--no-cache'], second)).toBe(1);
    expect(second.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      "sql/dashboards/reviews.dashboard.yaml:10:43: error [dashboard/view] 'visuals.2.view': no SQL file defines the view analytics.by_chanel",
    ]);
    expect(second.out).toContain("hint: did you mean 'by_channel'?");
    writeFileSync(
      join(root, 'sql/dashboards/reviews.dashboard.yaml'),
      dashboard.replace('filtres: []', 'filters: []').replace('view: by_chanel', 'view: by_channel'),
    );
    const third = captureIo(root);
    expect(await main(['lint', '--no-cache'], third)).toBe(1);
    expect(third.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      "sql/dashboards/reviews.dashboard.yaml:8:5: error [dashboard/view] 'visuals.1.x': view 'by_channel' has no column 'chanel'",
    ]);
    expect(third.out).toContain('3 files checked: 1 error, 0 warnings');
  });
});
