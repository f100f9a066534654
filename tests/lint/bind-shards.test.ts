// `lake lint` binds a large project in several scratch engines at once (src/lint/bind-shards.ts; worker threads in
// the CLI, engines of one thread here): each engine binds its share of the nodes, and an upstream table another engine
// typed is created from the columns found there. The findings and every table's columns must be those of one engine.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindInShards } from '../../src/lint/bind-shards.js';
import { lintProject } from '../../src/lint/lint.js';
import { analyzeProject } from '../../src/project/loader.js';
import { TableSchemas, type NodeSchemas } from '../../src/testing/schemas.js';
import { makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

/** Every kind of column a table can hold, read downstream by field, element and key, and a view's zoned timestamp. */
const TYPED = {
  'sql/ddl/reviews.sql': DDL,
  'sql/transforms/typed.sql':
    "SELECT id, CAST(rating AS decimal(10, 2)) AS amount, REAL '1.5' AS re, CAST(id AS tinyint) AS ti, CAST(id AS smallint) AS si, CAST(id AS bigint) AS big,\n" +
    "  DATE '2020-01-01' AS d, TIMESTAMP '2020-01-01 00:00:00.123' AS ts, X'00' AS bin, true AS flag, 1e0 AS dbl, ARRAY[channel] AS arr,\n" +
    '  MAP(ARRAY[channel], ARRAY[rating]) AS m, CAST(ROW(id, note) AS ROW(a integer, b varchar)) AS r, ARRAY[CAST(ROW(1) AS ROW(x bigint))] AS rows_, note AS "Mixed"\n' +
    'FROM reviews\n',
  'sql/transforms/typed_next.sql':
    "SELECT id, amount * 2 AS amount2, re + re AS re2, d + INTERVAL '1' DAY AS d2, arr[1] AS first, element_at(m, 'x') AS mx, r.a AS ra, r.b AS rb, rows_[1].x AS x, mixed\nFROM typed\n",
  'sql/dashboards/zoned.sql': 'SELECT id, TIMESTAMP \'2020-01-01 00:00:00 UTC\' AS at, note AS "Note" FROM reviews\n',
  // A view too: no table holds a zoned timestamp (Athena's CTAS refuses it; lint reports a table model's).
  'sql/transforms/after_view.sql': '/*\nmaterialized: view\n*/\nSELECT id, at, note FROM zoned\n',
  // A view model's json column stays json downstream (Athena views keep it; no table holds one).
  'sql/transforms/parsed.sql': '/*\nmaterialized: view\n*/\nSELECT id, json_parse(note) AS j FROM reviews\n',
  'sql/transforms/after_json.sql':
    "SELECT id, CAST(j AS map(varchar, varchar)) AS m, CAST(j AS array(varchar)) AS a, CAST(j AS row(k varchar)) AS r, json_extract_scalar(j, '$.k') AS k FROM parsed\n",
  // A field name the local type names do not quote: the table is made from its own SQL instead.
  'sql/transforms/spaced.sql': 'SELECT id, CAST(ROW(id, note) AS ROW(a integer, "b c" varchar)) AS r FROM reviews\n',
  'sql/transforms/after_spaced.sql': 'SELECT id, r."b c" AS bc FROM spaced\n',
};

/** Findings of every kind, including failures downstream of failures and alerts over both. */
const BROKEN = {
  'sql/ddl/reviews.sql': DDL,
  'sql/transforms/base.sql': 'SELECT id, rating, channel FROM reviews\n',
  'sql/transforms/typed_error.sql': 'SELECT\n  channel,\n  rating + note AS bad\nFROM reviews\n',
  'sql/transforms/after_error.sql': 'SELECT bad FROM typed_error\n',
  'sql/transforms/unknown.sql': 'SELECT\n  channel,\n  max(ratng) AS top\nFROM base\nGROUP BY channel\n',
  'sql/transforms/parts.sql': '/*\nmaterialized: table\npartitioned_by: [dt]\n*/\nSELECT channel, count(*) AS n FROM base GROUP BY channel\n',
  'sql/transforms/chain.sql': 'SELECT b.id, b.rating, p.n FROM base AS b JOIN parts AS p ON p.channel = b.channel\n',
  'sql/transforms/chain_bad.sql': 'SELECT id, n || rating AS label FROM chain\n',
  'sql/alerts/negatives.sql':
    '/*\nschedule: rate(1 hour)\nalert:\n  condition: negatives > 10\n  message: "{negative} on {channel}"\n  key: chanel\n*/\nSELECT b.channel, count_if(c.rating <= 2) AS negative FROM chain AS c JOIN base AS b ON b.id = c.id GROUP BY b.channel\n',
  'sql/alerts/after_error.sql': '/*\nschedule: rate(1 hour)\nalert:\n  condition: rows > 0\n  message: "{bad}"\n*/\nSELECT bad FROM after_error\n',
  'sql/dashboards/by_channel.sql': 'SELECT channel, count(*) AS n\nFROM chain\nWHERE ratin > 0\nGROUP BY channel\n',
};

const schemasOf = (found: Map<string, { schemas?: NodeSchemas }>) => new Map([...found].flatMap(([id, r]) => (r.schemas ? [[id, r.schemas] as const] : [])));

describe('binding in several engines', () => {
  it.each([2, 3])('types every table as one engine does, from upstream tables another engine typed (%i engines)', async (shards) => {
    const { project } = await analyzeProject(makeProject(TYPED));
    const one = (await TableSchemas.discover(project)).stored();
    expect(one.failures).toEqual([]);
    expect(one.columns.find(([table]) => table.endsWith('.after_view'))?.[1].map((c) => c.type)).toContain('timestamp(3) with time zone');
    expect(one.columns.find(([table]) => table.endsWith('.after_json'))?.[1].map((c) => c.type)).toEqual([
      'integer',
      'map(varchar, varchar)',
      'array(varchar)',
      'row(k varchar)',
      'varchar',
    ]);
    const sharded = TableSchemas.assemble(project, schemasOf(await bindInShards(project, shards))).stored();
    expect(sharded).toEqual(one);
  });

  it.each([2, 3])('reports the same findings at the same file:line:col as one engine (%i engines)', async (shards) => {
    const root = makeProject(BROKEN);
    const one = await lintProject(root, { cache: false });
    expect(one.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`)).toEqual([
      'sql/alerts/negatives.sql:4:1 bind/alert-condition',
      'sql/alerts/negatives.sql:6:1 bind/alert-key',
      'sql/dashboards/by_channel.sql:3:7 bind/query',
      'sql/transforms/chain_bad.sql:1:14 bind/query',
      'sql/transforms/parts.sql:3:1 bind/partitioned-by',
      'sql/transforms/typed_error.sql:3:10 bind/query',
      'sql/transforms/unknown.sql:3:7 bind/query',
    ]);
    expect(await lintProject(root, { cache: false, bindShards: shards })).toEqual(one);
  });

  it('reports the same findings on the example project', { timeout: 600_000 }, async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const one = await lintProject(root, { cache: false });
    expect(await lintProject(root, { cache: false, bindShards: 3 })).toEqual(one);
  });
});
