// Splits a SQL file into its header (YAML inside the block comment that opens the file) and its SQL body, and
// validates the header against its kind's schema (HEADER_SCHEMAS). Every error points at the file line of the offending YAML key or value.
import { parseDocument, type Document } from 'yaml';
import * as z from 'zod';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { positionAt } from './errors.js';
import {
  AlertSectionSchema,
  HEADER_KEYS,
  HEADER_SCHEMAS,
  MATERIALIZATIONS,
  RENAMED_KEYS,
  whereKeyBelongs,
  type Header,
  type Materialization,
} from './header.js';
import type { NodeKind } from './model.js';
import { closestNames } from './suggest.js';
import { readPlainHeader } from './plain-header.js';
import { yamlIssues, yamlOffset } from './yaml-issues.js';

export interface ParsedSqlFile {
  header: Header;
  sql: string;
  bodyLine: number;
  /** 1-based line of the header's opening `/*`, when there is a header. */
  headerLine?: number;
  diagnostics: Diagnostic[];
}

interface HeaderBlock {
  /** Text between `/*` and `*\/`. */
  yaml: string;
  /** Offset of `yaml` in the file. */
  yamlOffset: number;
  /** Offset just after `*\/`. */
  end: number;
}

function findHeader(text: string): HeaderBlock | undefined {
  const start = /^\ufeff?\s*/.exec(text)![0].length;
  if (!text.startsWith('/*', start)) return undefined;
  const close = text.indexOf('*/', start + 2);
  if (close < 0) return undefined; // the tokenizer reports the unterminated comment as a syntax error
  return { yaml: text.slice(start + 2, close), yamlOffset: start + 2, end: close + 2 };
}

/** Offset just after the header's closing `*\/`, or 0 when the file has no header. */
export const headerBlockEnd = (text: string): number => findHeader(text)?.end ?? 0;

/** The body after the header; when the header's closing line has nothing else on it, the body starts on the next line. */
function bodyAfter(text: string, end: number): { sql: string; bodyLine: number } {
  const lineEnd = text.indexOf('\n', end);
  const restOfLine = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
  const { line, col } = positionAt(text, end);
  if (restOfLine.trim() === '') return lineEnd < 0 ? { sql: '', bodyLine: line } : { sql: text.slice(lineEnd + 1), bodyLine: line + 1 };
  // SQL on the header's closing line: pad so columns in `sql` still match the file.
  return { sql: ' '.repeat(col - 1) + text.slice(end), bodyLine: line };
}

const closest = (word: string, candidates: readonly string[]): string | undefined => closestNames(word, candidates)[0];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema a file's header is checked against, and the keys it takes (for "did you mean"). */
function schemaFor(kind: NodeKind, raw: Record<string, unknown>): { schema: z.ZodType<Partial<Header>>; keys: readonly string[] } {
  if (kind !== 'model') return { schema: HEADER_SCHEMAS[kind], keys: HEADER_KEYS[kind] };
  const materialized = (raw.materialized ?? 'table') as Materialization;
  if (!MATERIALIZATIONS.includes(materialized)) {
    // Only the bad value is reported: which keys apply depends on it.
    return { schema: z.object({ materialized: z.enum(MATERIALIZATIONS) }).loose(), keys: [] };
  }
  return { schema: HEADER_SCHEMAS.model[materialized], keys: HEADER_KEYS.model[materialized] };
}

function unknownKeyHint(key: string, known: readonly string[], parent: readonly (string | number)[]): string {
  if (parent.length > 0) {
    const suggestion = parent[0] === 'alert' ? closest(key, Object.keys(AlertSectionSchema.shape)) : undefined;
    return suggestion ? `did you mean '${suggestion}'?` : `known keys: ${Object.keys(AlertSectionSchema.shape).join(', ')}`;
  }
  const suggestion = RENAMED_KEYS[key] ?? closest(key, known);
  if (suggestion) return `did you mean '${suggestion}'?`;
  const elsewhere = whereKeyBelongs(key);
  return elsewhere ? `${elsewhere}; this file takes: ${known.join(', ')}` : `known keys: ${known.join(', ')}`;
}

function headerDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  known: readonly string[],
  at: (yamlOffset: number | undefined) => { line: number; col: number },
  file: string,
): Diagnostic[] {
  return yamlIssues(issues, doc).map((issue): Diagnostic => {
    if (issue.kind === 'unknown-key') {
      const dotted = [...issue.parent, issue.key].join('.');
      return {
        severity: 'error',
        rule: 'header/unknown-key',
        message: `unknown header key '${dotted}'`,
        hint: unknownKeyHint(issue.key, known, issue.parent),
        file,
        ...at(issue.offset),
      };
    }
    const dotted = issue.path.join('.');
    const hint =
      dotted === 'format' && doc.get('format') === 'iceberg' ? "Iceberg is a table type, not a file format: did you mean 'table_type: iceberg'?" : undefined;
    return { severity: 'error', rule: 'header/schema', message: `header '${dotted}': ${issue.message}${issue.got}`, hint, file, ...at(issue.offset) };
  });
}

/** Parses a SQL file's header and body. `kind` supplies defaults (models: table; dashboards: view) and alert rules. */
export function parseSqlFile(text: string, file: string, kind: NodeKind): ParsedSqlFile {
  const block = findHeader(text);
  const diagnostics: Diagnostic[] = [];
  let raw: unknown = {};
  let parsedDoc: Document | undefined;
  // The YAML document, parsed when a header is not plain lines, or when a problem needs a key's position.
  const doc = () => (parsedDoc ??= parseDocument(block?.yaml ?? '', { prettyErrors: false, uniqueKeys: true }));
  const at = (yamlOffset: number | undefined) =>
    positionAt(text, block && yamlOffset !== undefined ? block.yamlOffset + yamlOffset : (block?.yamlOffset ?? 2) - 2);
  const plain = block ? readPlainHeader(block.yaml) : undefined;
  if (plain) raw = plain;
  else if (block) {
    const document = doc();
    const { errors } = document;
    for (const error of errors) {
      diagnostics.push({
        severity: 'error',
        rule: 'header/yaml',
        message: `header is not valid YAML: ${error.message.split('\n')[0]}`,
        hint: 'the block comment opening a SQL file is its YAML header; quote values that start with * or contain ": "',
        file,
        ...at(error.pos[0]),
      });
    }
    if (errors.length === 0) {
      raw = document.toJS() ?? {};
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        diagnostics.push({
          severity: 'error',
          rule: 'header/yaml',
          message: 'header must be YAML `key: value` lines',
          hint: 'the block comment opening a SQL file is its header; put prose in `description:` or in -- comments',
          file,
          ...at(undefined),
        });
        raw = {};
      }
    } else raw = {};
  }
  const input = isRecord(raw) ? raw : {};
  const { schema, keys } = schemaFor(kind, input);
  const parsed = schema.safeParse(input);
  const defaults: Header = { tags: [], partitioned_by: [] };
  if (kind === 'model') defaults.materialized = 'table';
  if (kind === 'dashboard') defaults.materialized = 'view';
  let header: Header;
  if (parsed.success) header = { ...defaults, ...parsed.data };
  else {
    diagnostics.push(...headerDiagnostics(parsed.error.issues, doc(), keys, at, file));
    header = defaults;
  }
  if (kind === 'alert' && parsed.success) {
    for (const key of ['schedule', 'alert'] as const) {
      if (header[key] === undefined) {
        diagnostics.push({
          severity: 'error',
          rule: 'header/alert',
          message: `alert files need a '${key}' in their header`,
          hint: 'e.g. schedule: rate(1 hour) and alert: { condition: "count > 10", message: "…" }',
          file,
          ...at(undefined),
        });
      }
    }
  }
  if (header.serve) {
    // The rows a run serves are its period's partitions, so a served model with a period needs a partition column.
    // (Only model headers take `serve`.)
    const problem =
      header.period && header.partitioned_by.length === 0
        ? "a served model with a 'period' needs 'partitioned_by' (its first column picks the period's rows)"
        : undefined;
    if (problem) {
      diagnostics.push({
        severity: 'error',
        rule: 'header/serve',
        message: `header 'serve': ${problem}`,
        hint: 'e.g. serve: { table: CategoryKPIs, key: [category, order_date] } on a model partitioned by order_date',
        file,
        ...at(block ? yamlOffset(doc(), ['serve']) : undefined),
      });
    }
  }
  const body = block ? bodyAfter(text, block.end) : { sql: text, bodyLine: 1 };
  return { header, ...body, headerLine: block ? positionAt(text, block.yamlOffset - 2).line : undefined, diagnostics };
}
