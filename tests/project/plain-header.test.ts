import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { SeededRandom } from '../../src/ingest/random.js';
import { parseSqlFile } from '../../src/project/header-block.js';
import type { NodeKind } from '../../src/project/model.js';
import { readPlainHeader } from '../../src/project/plain-header.js';

/** What the YAML library reads from a header: its value when the document has no errors. */
function yamlValue(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length === 0 ? { value: doc.toJS() ?? {} } : undefined;
}

/** The plain reader's value equals the YAML library's, key order included, whenever the plain reader answers. */
function expectSameAsYaml(text: string): boolean {
  const plain = readPlainHeader(text);
  if (plain === undefined) return false;
  const yaml = yamlValue(text);
  expect(yaml, text).toBeDefined();
  expect(isDeepStrictEqual(plain, yaml?.value), text).toBe(true);
  expect(JSON.stringify(plain), text).toBe(JSON.stringify(yaml?.value));
  return true;
}

const KEYS = [
  'name',
  'description',
  'owner',
  'tags',
  'materialized',
  'partitioned_by',
  'schedule',
  'period',
  'retries',
  'contract',
  'serve',
  'slo',
  'alert',
  'condition',
  'message',
  'key',
  'min',
  'primary_key',
  'not_null',
  'row_count',
  'format',
  'table_type',
  'unique_key',
  'external_location',
];
const ODD_KEYS = ['_', 'x1', 'null', 'Null', 'true', 'False', 'yes', 'on', '__proto__', 'constructor'];
const SCALARS = [
  'table',
  'incremental',
  'hour',
  'rate(1 hour)',
  'cron(0 * * * ? *)',
  'count > 10',
  'Bench model 75 (layer 0) - daily totals per id from src_0014.',
  '3',
  '10',
  'true',
  '1h',
  '"quoted: {x} [y], z"',
];
const TRICKY_SCALARS = [
  '1h',
  '30m',
  '99%',
  '99.5%',
  '0',
  '3',
  '10',
  '007',
  '123456789012345',
  '12345678901234567890',
  '1e3',
  '1.5',
  '.5',
  '5.',
  '-1',
  '+1',
  '0x1F',
  '0o7',
  '1_000',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  '.inf',
  '-.Inf',
  '.NaN',
  'rate(1 hour)',
  'cron(0 * * * ? *)',
  'count > 10',
  'negative_share >= 0.2',
  's3://${lake_bucket}/curated/x/',
  '${var}',
  'a: b',
  'a:',
  'a:b',
  'a :b',
  '"quoted"',
  "'single'",
  "it's",
  '"quoted: {x} [y], z"',
  '""',
  '" padded "',
  '"esc\\n"',
  '"a" b',
  "'it''s'",
  '\'single "x"\'',
  'say "hi"',
  '*alias',
  '&anchor x',
  '!tag x',
  '!!str 1',
  '|',
  '>-',
  '- item',
  '-x',
  '?x',
  ':x',
  '@x',
  '`x',
  '%x',
  'a, b',
  'a [b]',
  'a {b} c',
  'x # comment',
  'x#y',
  'Bench model 75 (layer 0) - daily totals per id from src_0014.',
  'émoji ✓ ü',
  'a  b',
  'back\\slash',
  'Alert: {count} negative interactions',
  '---',
  '...',
  '<<',
  '=',
];
const FLOWS = ['[a, b]', '[bench, layer0]', '[]', '{ table: CategoryKPIs, key: [category, order_date] }'];
const TRICKY_FLOWS = [
  '[ ]',
  '{}',
  '{ min: 1 }',
  '{min: 1, max: 2}',
  '{ table: CategoryKPIs, key: [category, order_date] }',
  '[a,b]',
  '[a, ]',
  '[ a , b ]',
  '[a b, c]',
  '[[a], b]',
  '[{a: b}]',
  '{a: [x, y], b: {c: d}}',
  '{a:1}',
  '{ a: b, a: c }',
  '{ a: }',
  '{ a: b c }',
  '[a, b] x',
  '[a, b',
  '[1, 2, true, null, ~, 1.5]',
  '[1h, 0x1, "q"]',
  '{ null: 1 }',
  '{ __proto__: 1 }',
  '[a: b]',
  '[a:b]',
  '[-a]',
  '[a-b, c.d, e/f]',
];

/** A header as written in files, with now and then a form the plain reader must leave to the YAML library. */
function generateHeader(random: SeededRandom): string {
  const lines: string[] = [];
  const base = random.weighted([
    [0, 8],
    [1, 1],
    [2, 1],
  ] as const);
  const value = () =>
    random.weighted([
      [() => random.pick(SCALARS), 6],
      [() => random.pick(TRICKY_SCALARS), 2],
      [() => random.pick(FLOWS), 2],
      [() => random.pick(TRICKY_FLOWS), 1],
    ] as const)();
  const section = (indent: number, depth: number) => {
    const used: string[] = [];
    const entries = random.int(1, 5);
    for (let e = 0; e < entries; e++) {
      const key = random.chance(0.03) && used.length > 0 ? random.pick(used) : random.pick(random.chance(0.05) ? ODD_KEYS : KEYS);
      used.push(key);
      const pad = ' '.repeat(indent);
      const colon = random.chance(0.03) ? ' :' : random.chance(0.03) ? ':' : ':';
      if (depth < 2 && random.chance(0.25)) {
        lines.push(`${pad}${key}${colon}${random.chance(0.1) ? '   ' : ''}`);
        section(indent + random.pick([1, 2, 2, 4]), depth + 1);
        continue;
      }
      const space = random.chance(0.05) ? '' : random.chance(0.1) ? '   ' : ' ';
      lines.push(`${pad}${key}${colon}${space}${value()}${random.chance(0.1) ? '  ' : ''}`);
      if (random.chance(0.03)) lines.push(`${pad}  continued text`);
      if (random.chance(0.03)) lines.push(`${pad}- item`);
      if (random.chance(0.02)) lines.push(`${' '.repeat(Math.max(0, indent - 1))}odd: indent`);
      if (random.chance(0.05)) lines.push(`${' '.repeat(random.int(0, 4))}# a comment: [x]`);
      if (random.chance(0.05)) lines.push('');
    }
  };
  section(base, 0);
  const eol = random.chance(0.03) ? '\r\n' : '\n';
  return `${random.chance(0.8) ? '\n' : ' '}${lines.join(eol)}${random.chance(0.8) ? '\n' : ' '}`;
}

describe('plain headers read without the YAML library', () => {
  it('read as the YAML library reads them, over 4,000 generated headers', () => {
    const random = new SeededRandom(20261206);
    let plain = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) if (expectSameAsYaml(generateHeader(random))) plain++;
    // Enough of them are plain that the comparison says something (the rest go to the YAML library).
    expect(plain).toBeGreaterThan(total / 8);
    expect(plain).toBeLessThan(total);
  });

  it('reads the bench project headers and the example project headers it answers the same as YAML', () => {
    const root = mkdtempSync(join(tmpdir(), 'plain-header-'));
    try {
      writeModelsProject(root, 120);
      const files = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : [],
        );
      const headerOf = (text: string) => /^\s*\/\*([\s\S]*?)\*\//.exec(text)?.[1];
      const bench = files(join(root, 'sql')).flatMap((f) => headerOf(readFileSync(f, 'utf8')) ?? []);
      expect(bench.length).toBeGreaterThan(100);
      // Every bench header is plain: the lint of 1,000 models never needs the YAML library.
      for (const header of bench) expect(expectSameAsYaml(header), header).toBe(true);
      const example = files('sql').flatMap((f) => headerOf(readFileSync(f, 'utf8')) ?? []);
      const read = example.filter((header) => expectSameAsYaml(header));
      expect(read.length).toBeGreaterThan(example.length / 4);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves every form it does not read to the YAML library', () => {
    for (const text of [
      'a: x # note',
      'a: "x" # note',
      'a: "x\\ty"',
      "a: 'x''y'",
      'a:\n  - x',
      'a: &x y\nb: *x',
      'a: !!str 1',
      'a: |\n  x',
      'a: x\n  y',
      'a: x\na: y',
      'a: 1.5',
      'a: 0x10',
      'a: null',
      'a: ~',
      'a:',
      'a:\nb: 1',
      'null: 1',
      'a :x',
      'a:x',
      'a:\r\n  b: c',
      'a:\tb',
      '---\na: b',
      '- a',
      'a: [x, "y"]',
      'a: { b: c, b: d }',
      'a: [x\n  , y]',
      'a:\n    b: c\n  d: e',
      ' a: b\nc: d',
      '__proto__: x',
    ])
      expect(readPlainHeader(text), text).toBeUndefined();
  });

  it('give the same header and the same findings at the same places as the YAML path, for every file kind', () => {
    const random = new SeededRandom(7);
    const kinds: NodeKind[] = ['model', 'ddl', 'alert', 'dashboard'];
    let compared = 0;
    for (let i = 0; i < 1500; i++) {
      const yaml = generateHeader(random);
      if (readPlainHeader(yaml) === undefined) continue;
      compared++;
      const kind = random.pick(kinds);
      const file = `sql/x/f${i}.sql`;
      const text = `/*${yaml}*/\nSELECT 1\n`;
      // A comment after a tab at the header's end sends it through the YAML library (the plain reader gives up on
      // tabs) without moving anything before it.
      const viaYaml = `/*${yaml}\n\t# parsed as YAML\n*/\nSELECT 1\n`;
      expect(readPlainHeader(`${yaml}\n\t# parsed as YAML\n`)).toBeUndefined();
      const a = parseSqlFile(text, file, kind);
      const b = parseSqlFile(viaYaml, file, kind);
      expect(a.header, yaml).toStrictEqual(b.header);
      expect(a.diagnostics, yaml).toStrictEqual(b.diagnostics);
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('keeps the line and column of a problem in a plain header', () => {
    const parsed = parseSqlFile('/*\ndescription: x\ncontract:\n  row_count: { min: 1 }\nmaterialized: tabel\n*/\nSELECT 1', 'sql/t/x.sql', 'model');
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ rule: 'header/schema', line: 5, col: 1 })]);
    const nested = parseSqlFile('/*\nalert:\n  condition: count > 1\n  message: hi\n  colour: red\n*/\nSELECT 1', 'sql/alerts/a.sql', 'alert');
    expect(nested.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'header/unknown-key', line: 5, col: 3, message: "unknown header key 'alert.colour'" }),
    );
  });
});
