// `lake lint` tokenizes each text once (issue 18, lint32): while a lint run shares token arrays (shareTokens), the
// loader, the syntax check, the Trino subset check, the variables and the translator read one frozen array per text
// instead of tokenizing the model again. What they find must not change: every reader, run after the others on the
// shared arrays, gives the answer it gives on arrays of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { checkFaithful, checkFaithfulEnclosed } from '../../src/dialect/lint/index.js';
import { shareTokens, tokenize } from '../../src/dialect/tokens.js';
import { checkSyntaxWithoutGrammars } from '../../src/lint/syntax.js';
import { analyzeProject } from '../../src/project/loader.js';
import { modelStatement, schemaVariables } from '../../src/testing/schemas.js';
import { makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

/** Models with findings of the rules, the syntax check and the variables, and the forms that mark tokens. */
const MODELS: Record<string, string> = {
  'sql/transforms/refused.sql': '/*\ntags: [x]\n*/\nSELECT\n  channel,\n  approx_set(rating) AS s\nFROM reviews\nGROUP BY channel\n',
  'sql/transforms/indented.sql': '  /* why */ SELECT approx_set(rating) AS s, id FROM reviews -- trailing\n-- after\n',
  'sql/transforms/position.sql': '-- a comment line\n\n   SELECT x FROM (VALUES 2, 1) t(x) ORDER BY -1\n',
  'sql/transforms/distinct.sql': 'SELECT DISTINCT id FROM reviews ORDER BY rating\n',
  'sql/transforms/rows.sql': "SELECT CAST(ROW(1, 'a') AS JSON) AS j, ROW(1, 2) AS r, CAST(ARRAY[ROW(1, 'a')] AS JSON) AS k\n",
  'sql/transforms/aliases.sql': 'WITH w (a, b) AS (SELECT * FROM reviews) SELECT a, b FROM w, (SELECT * FROM reviews) AS t (p, q, r, s)\n',
  'sql/transforms/numbers.sql': 'SELECT 0x10.5 AS bad, 2abc AS c FROM reviews\n',
  'sql/transforms/syntax.sql': 'SELECT FROM WHERE\n',
  'sql/transforms/semicolon.sql': 'SELECT DISTINCT id FROM reviews ORDER BY id;\n',
  'sql/transforms/twice.sql': 'SELECT 1 AS a; SELECT 2 AS b\n',
  'sql/transforms/vars.sql':
    "/*\nmaterialized: incremental\n*/\nSELECT date_format(current_timestamp, ${period_start}) AS f, CAST(${period_start} AS DATE) AS d, ${period_start} || 'x' AS s FROM reviews WHERE CAST(${period_end} AS DATE) > DATE '2024-01-01'\n",
};

/** Every reader's answer for every model, as JSON: the syntax check, the rules as written, the rules of the CTAS. */
async function findings(roots: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    const { project, diagnostics } = await analyzeProject(root);
    out.push(JSON.stringify(diagnostics));
    const vars = schemaVariables(project);
    for (const node of project.nodes) {
      const options = { file: node.file, lineOffset: node.bodyLine - 1 };
      const statement = modelStatement(node, vars);
      out.push(
        JSON.stringify([
          node.file,
          checkSyntaxWithoutGrammars(node.sql, options),
          checkFaithful(node.sql, options),
          statement && checkFaithfulEnclosed(node.sql, statement, options),
        ]),
      );
    }
  }
  return out;
}

describe('shared token arrays (lake lint)', () => {
  it('give one frozen array per text while shared, and fresh arrays otherwise', () => {
    const text = 'SELECT a, b FROM t';
    expect(tokenize(text)).not.toBe(tokenize(text));
    const release = shareTokens();
    const inner = shareTokens();
    try {
      const tokens = tokenize(text);
      expect(tokenize(text)).toBe(tokens);
      expect(tokenize(`${text} `)).not.toBe(tokens);
      expect(Object.isFrozen(tokens)).toBe(true);
      expect(() => tokens.push(tokens[0])).toThrow(TypeError);
      inner();
      inner(); // a second call releases nothing more
      expect(tokenize(text)).toBe(tokens);
    } finally {
      release();
    }
    expect(Object.isFrozen(tokenize(text))).toBe(false);
    // A text the tokenizer cannot read fails each time, shared or not.
    const again = shareTokens();
    try {
      expect(() => tokenize("SELECT 'a")).toThrow(/unterminated string literal/);
      expect(() => tokenize("SELECT 'a")).toThrow(/unterminated string literal/);
    } finally {
      again();
    }
  });

  it('leave every reader’s findings as they are on arrays of its own', { timeout: 180_000 }, async () => {
    const bench = mkdtempSync(join(tmpdir(), 'lake-tokens-once-'));
    writeModelsProject(bench, 120);
    const roots = [makeProject({ 'sql/ddl/reviews.sql': DDL, ...MODELS }), process.cwd(), bench];
    const alone = await findings(roots);
    const release = shareTokens();
    let shared: string[];
    let again: string[];
    try {
      shared = await findings(roots);
      // Read a second time, every array was read by every reader before.
      again = await findings(roots);
    } finally {
      release();
    }
    expect(alone.length).toBeGreaterThan(150);
    // Not vacuous: the made-up models have findings of each kind.
    for (const rule of ['refused-function', 'syntax', 'order-by-position', 'distinct-order-by', 'dynamic-format'])
      expect(alone.join('\n'), rule).toContain(rule);
    expect(shared.filter((f, k) => f !== alone[k])).toEqual([]);
    expect(again.filter((f, k) => f !== alone[k])).toEqual([]);
  });
});
