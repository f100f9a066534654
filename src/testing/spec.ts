// SQL unit-test files: YAML under tests/sql/ (any *.yaml / *.yml) or beside the models as `<name>.test.yaml`.
//
//   model: daily_orders                # default model of the tests below (a name, table or alert:<name>)
//   tests:
//     - name: returned orders are not revenue
//       vars: { now: "2025-03-10 12:00:00" }      # optional; period_start, window_start, stage variables…
//       given:                                     # fixture rows per input table, only the columns that matter
//         orders:
//           - { order_id: o1, order_date: 2025-03-01, total_amount: 10.5, status: paid }
//         customers:
//           columns: { segment: varchar }          # optional: types for columns no DDL or model declares
//           rows: [{ customer_id: 1, segment: vip }]
//       expect:
//         ordered: false                           # default; true compares row by row in order
//         tolerance: 1e-9                          # absolute tolerance for DOUBLE/REAL cells
//         rows:
//           - { order_date: 2025-03-01, revenue: 10.5 }
//
// Only the columns named in `expect.rows` are compared. An input table with no `given` entry is empty.
import { LakeError } from '../errors.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type CodeStampedCache, inputsHash } from '../storage/code-stamped-cache.js';
import { isNode, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { Diagnostic } from '../dialect/diagnostics.js';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)');
const row = z.record(z.string(), z.unknown());
const fixture = z.union([z.array(row), z.object({ columns: z.record(identifier, z.string().min(1)).optional(), rows: z.array(row).default([]) }).strict()]);
const variableValue = z.union([z.string(), z.number(), z.boolean()]);

const TestSchema = z
  .object({
    name: z.string().min(1),
    model: z.string().min(1).optional(),
    description: z.string().optional(),
    vars: z.record(identifier, variableValue).default({}),
    given: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, 'must be table or database.table'), fixture).default({}),
    expect: z
      .object({
        rows: z.array(row),
        ordered: z.boolean().default(false),
        tolerance: z.number().min(0).default(1e-9),
      })
      .strict(),
  })
  .strict();

const TestFileSchema = z.object({ model: z.string().min(1).optional(), tests: z.array(TestSchema).min(1) }).strict();

export interface FixtureTable {
  /** As written in the test (`orders` or `shop.orders`). */
  table: string;
  rows: Array<Record<string, unknown>>;
  /** Declared types for columns the project does not type. */
  columns: Record<string, string>;
  line: number;
}

export interface UnitTest {
  name: string;
  /** Model selector as written: a name, table or node id. */
  model: string;
  file: string;
  line: number;
  vars: Record<string, string | number | boolean>;
  given: FixtureTable[];
  expect: { rows: Array<Record<string, unknown>>; ordered: boolean; tolerance: number; line: number };
}

export class TestDefinitionError extends LakeError {
  override readonly name: string = 'TestDefinitionError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'));
  }
}

/** Parses one test file; throws TestDefinitionError naming file:line for every problem. */
export function parseTestFile(text: string, file: string): UnitTest[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (line: number, message: string): Diagnostic => ({ severity: 'error', rule: 'test/definition', message, file, line, col: 1 });
  if (doc.errors.length > 0)
    throw new TestDefinitionError(doc.errors.map((e) => fail(lineCounter.linePos(e.pos[0]).line, `not valid YAML: ${e.message.split('\n')[0]}`)));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const found = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as Array<string | number>, true);
      if (isNode(found) && found.range) return lineCounter.linePos(found.range[0]).line;
    }
    return 1;
  };
  const parsed = TestFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    throw new TestDefinitionError(
      parsed.error.issues.map((issue) => {
        const at = issue.path.map(String).join('.');
        const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
        return fail(lineOf(issue.path), `${at || '(file)'}: ${issue.message}${keys}`);
      }),
    );
  }
  const problems: Diagnostic[] = [];
  const tests = parsed.data.tests.map((test, i): UnitTest => {
    const model = test.model ?? parsed.data.model;
    if (!model) problems.push(fail(lineOf(['tests', i]), `test '${test.name}' names no model (give model: in the test or at the top of the file)`));
    return {
      name: test.name,
      model: model ?? '',
      file,
      line: lineOf(['tests', i]),
      vars: test.vars,
      given: Object.entries(test.given).map(([table, f]) => ({
        table,
        rows: Array.isArray(f) ? f : f.rows,
        columns: Array.isArray(f) ? {} : (f.columns ?? {}),
        line: lineOf(['tests', i, 'given', table]),
      })),
      expect: { ...test.expect, line: lineOf(['tests', i, 'expect']) },
    };
  });
  const names = new Set<string>();
  for (const t of tests) {
    if (names.has(t.name)) problems.push(fail(t.line, `two tests are named '${t.name}'`));
    names.add(t.name);
  }
  if (problems.length > 0) throw new TestDefinitionError(problems);
  return tests;
}

/** Unit-test files of the project: `tests/sql/**\/*.y(a)ml` and `<sql folder>/**\/*.test.y(a)ml`, sorted. */
export async function findTestFiles(root: string, sqlFolder: string): Promise<string[]> {
  const list = async (folder: string, accept: (name: string) => boolean): Promise<string[]> => {
    let entries: string[];
    try {
      entries = await readdir(join(root, folder), { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return entries
      .map((e) => e.replaceAll('\\', '/'))
      .filter(accept)
      .map((e) => `${folder}/${e}`.replace(/^\.\//, ''));
  };
  const files = [...(await list('tests/sql', (name) => /\.ya?ml$/.test(name))), ...(await list(sqlFolder, (name) => /\.test\.ya?ml$/.test(name)))];
  return [...new Set(files)].sort();
}

function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // a bigint
  }
}

/**
 * Every unit test of the project; all definition problems are thrown together. With `cache` (lake test: the lake
 * folder's test-files cache), a file read before with the same text is not parsed again (parsing YAML was ~130 ms of
 * CPU of each `lake test` of the example's 45 tests). A file whose tests JSON does not carry as they are (a NaN, a
 * date) is parsed each time.
 */
export async function loadUnitTests(root: string, sqlFolder: string, cache?: CodeStampedCache): Promise<UnitTest[]> {
  const files = await findTestFiles(root, sqlFolder);
  const tests: UnitTest[] = [];
  const problems: Diagnostic[] = [];
  const parse = (text: string, file: string): UnitTest[] => {
    if (!cache) return parseTestFile(text, file);
    const hash = inputsHash([file, text]);
    const known = cache.get(hash);
    if (known !== undefined) return JSON.parse(known) as UnitTest[];
    const parsed = parseTestFile(text, file);
    const json = jsonOf(parsed);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), parsed)) cache.set(hash, json);
    return parsed;
  };
  for (const file of files) {
    try {
      tests.push(...parse(await readFile(join(root, file), 'utf8'), file));
    } catch (error) {
      if (!(error instanceof TestDefinitionError)) throw error;
      problems.push(...error.diagnostics);
    }
  }
  if (problems.length > 0) throw new TestDefinitionError(problems);
  return tests;
}
