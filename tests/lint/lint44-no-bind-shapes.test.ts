// `lake lint --no-bind` reads the rules' findings from the translation of each model's CTAS, shared between queries of
// one shape, as the full lint does (issue 18: checkFaithful on each file translated all 1,000 bench models, and the
// lint without a bind took more CPU than the full one). Its findings must be the ones checkFaithful gives each file.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import type { Diagnostic } from '../../src/dialect/diagnostics.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { lintProject } from '../../src/lint/lint.js';
import { ShapeTranslations } from '../../src/lint/shape-translations.js';
import { sortDiagnostics } from '../../src/project/errors.js';
import { analyzeProject } from '../../src/project/loader.js';

/** Plants rule findings (and a syntax error) in some of the bench's models, where their text allows. */
function plant(root: string): number {
  const dir = join(root, 'sql', 'transforms');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const kinds = [
    (s: string) => s.replace('b.id,', 'b.id,\n  date_format(CAST(b.dt AS date), CAST(b.id AS varchar)) AS f,'),
    (s: string) => s.replace('b.id,', "b.id,\n  date_format(CAST(b.dt AS date), '%Y-%m-%d' || CAST(b.id AS varchar)) AS f,"),
    (s: string) => s.replace('\nGROUP BY b.id, b.dt', '\nWHERE b.id IN (SELECT nosuch FROM base)\nGROUP BY b.id, b.dt'),
    (s: string) => s.replace('\nLEFT JOIN', '\nWHERE b.dt = 1\nLEFT JOIN'),
  ];
  let planted = 0;
  files.forEach((f, i) => {
    if (i % 6 !== 4) return;
    const before = readFileSync(join(dir, f), 'utf8');
    const after = kinds[planted % kinds.length](before);
    if (after !== before) writeFileSync(join(dir, f), after);
    if (after !== before) planted++;
  });
  return planted;
}

describe('lake lint --no-bind', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('translates each query shape once and finds what checking each file finds, byte for byte', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-lint44-'));
    writeModelsProject(root, 80);
    expect(plant(root)).toBeGreaterThan(8);
    // The run's ShapeTranslations (one per lint run in this thread): how many translations it made and shared.
    const runs = new Set<ShapeTranslations>();
    const forTables = ShapeTranslations.prototype.forTables;
    vi.spyOn(ShapeTranslations.prototype, 'forTables').mockImplementation(function (this: ShapeTranslations, tables) {
      runs.add(this);
      return forTables.call(this, tables);
    });
    const unboundLint = await lintProject(root, { cache: false, bind: false });
    expect(runs.size).toBe(1);
    const [shapes] = runs;
    expect(shapes.shared).toBeGreaterThan(35);
    expect(shapes.made).toBeLessThan(40);
    // Without the sharing: checkFile on each file as written (syntax, then checkFaithful), as before.
    const { project } = await analyzeProject(root);
    const own: Diagnostic[] = [];
    for (const n of project.nodes) {
      const { syntax = [], rules } = await checkFile({ sql: n.sql, file: n.file, lineOffset: n.bodyLine - 1, parse: true });
      own.push(...syntax, ...rules);
    }
    expect(own.filter((d) => d.rule.startsWith('unfaithful/')).length).toBeGreaterThan(4);
    expect(own.filter((d) => d.rule === 'syntax').length).toBeGreaterThan(1);
    expect(JSON.stringify(unboundLint.diagnostics)).toBe(JSON.stringify(sortDiagnostics(own)));
  });
});
