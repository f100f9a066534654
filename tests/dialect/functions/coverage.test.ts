// Coverage of the function table against what Athena engine v3 offers. Athena's functions are Trino's
// (https://docs.aws.amazon.com/athena/latest/ug/functions-env3.html: "Functions in Athena engine version 3 are based
// on Trino"), so the reference is SHOW FUNCTIONS on Trino 476 (tests/fixtures/trino-476-functions.tsv, which
// tests/trino/show-functions.trino.ts compares with a live Trino), plus the plugin families Athena adds (geospatial,
// machine learning, Teradata: https://trino.io/docs/current/functions/list.html) and Athena's own invoker_principal().
// Every name must be in the table, faithful or refused, and a refused name is an error at its line and column.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { FUNCTION_TABLE, lookupFunction } from '../../../src/dialect/functions/index.js';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { openLake } from '../lake-helpers.js';

const SHOW_FUNCTIONS = readFileSync(new URL('../../fixtures/trino-476-functions.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t')[0]);

/** Functions SHOW FUNCTIONS lists that are written without parentheses: the translator reads them as keywords. */
const KEYWORD_FORMS = ['current_date'];

/** Plugin functions of Trino's documented list that Athena v3 offers and the engine refuses. */
const PLUGIN_FUNCTIONS = [
  'st_point',
  'st_distance',
  'st_contains',
  'bing_tile_at',
  'bing_tiles_around',
  'bing_tile_coordinates',
  'convex_hull_agg',
  'geometry_union_agg',
  'line_locate_point',
  'to_geojson_geometry',
  'great_circle_distance',
  'learn_classifier',
  'classify',
  'evaluate_classifier_predictions',
  'to_char',
  'to_date',
  'char2hexint',
  'invoker_principal',
];

describe('the function table covers Athena engine v3', () => {
  it('lists every function of Trino 476 SHOW FUNCTIONS, faithful or refused', () => {
    expect(SHOW_FUNCTIONS.length).toBeGreaterThan(300);
    const missing = SHOW_FUNCTIONS.filter((name) => !lookupFunction(name) && !KEYWORD_FORMS.includes(name));
    expect(missing, 'functions Athena has that src/dialect/functions/ does not list').toEqual([]);
  });

  it('refuses the plugin families, each with a reason and what to write instead', () => {
    for (const name of PLUGIN_FUNCTIONS) expect(lookupFunction(name)?.run, name).toMatchObject({ kind: 'refused', reason: expect.any(String) });
  });

  it('refuses every refused name at lint time, at the call', () => {
    const refused = [...FUNCTION_TABLE].filter(([, entry]) => entry.run.kind === 'refused').map(([name]) => name);
    for (const name of refused) {
      expect(checkFaithful(`SELECT 1,\n  ${name}(1) AS v`, { file: 'sql/transforms/m.sql' }), name).toEqual([
        expect.objectContaining({ file: 'sql/transforms/m.sql', line: 2, col: 3, rule: 'unfaithful/refused-function' }),
      ]);
    }
  });
});

describe('session functions written without parentheses', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
  });
  afterAll(async () => engine.close());

  it('current_date is the session date (UTC) and current_catalog is Athena’s catalog', async () => {
    const result = await engine.execute(
      "SELECT current_date = CAST(current_timestamp AS date), current_catalog, typeof_catalog FROM (VALUES 'x') t(typeof_catalog)",
    );
    expect(result.rows).toEqual([[true, 'awsdatacatalog', 'x']]);
    expect(result.columns.map((c) => c.type)).toEqual(['boolean', 'varchar', 'varchar']);
  });

  // DuckDB answered its own session user ('duckdb') and schema ('main'); Athena answers the query's principal and
  // database, which the local session does not have.
  // Trino 476: `current_timestamp()` is SYNTAX_ERROR "mismatched input ')'. Expecting: <integer>".
  it.each([
    ['current_user', 'unfaithful/session-function', /current_user is the Athena principal/],
    ['current_schema', 'unfaithful/session-function', /current_schema is the query's Athena database/],
    ['current_timestamp()', 'unfaithful/syntax', /current_timestamp\(\) with empty parentheses is a syntax error/],
  ])('%s is refused at lint time', async (word, rule, message) => {
    const sql = `SELECT 1,\n  ${word} AS v`;
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line: 2, col: 3, rule, message: expect.stringMatching(message) }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });
});
