// Splits a SQL file into its header (YAML inside the block comment that opens the file) and its SQL body, and
// validates the header against HeaderSchema. Every error points at the file line of the offending YAML key or value.
import { isMap, isNode, isPair, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { positionAt } from './errors.js';
import { AlertSectionSchema, HeaderSchema, type Header } from './header.js';
import type { NodeKind } from './model.js';
import { closestNames } from './suggest.js';

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

const HEADER_KEYS = Object.keys(HeaderSchema.shape);
const ALERT_KEYS = Object.keys(AlertSectionSchema.shape);

const closest = (word: string, candidates: string[]): string | undefined => closestNames(word, candidates)[0];

/** The file offset of the YAML node at `path` (or of `key` in the map at `path`), falling back to the nearest parent. */
function offsetOf(doc: Document, path: readonly PropertyKey[], key?: string): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as Array<string | number>, true);
    if (depth === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    if (isNode(node) && node.range) {
      if (depth < path.length && isMap(node)) {
        // Point at the key whose value is wrong rather than at the start of the whole map.
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[depth]);
        if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
      }
      return node.range[0];
    }
  }
  return undefined;
}

function issueDiagnostics(issue: z.core.$ZodIssue, doc: Document, at: (yamlOffset: number | undefined) => { line: number; col: number }, file: string): Diagnostic[] {
  const dotted = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? HEADER_KEYS : issue.path[0] === 'alert' ? ALERT_KEYS : [];
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        severity: 'error',
        rule: 'header/unknown-key',
        message: `unknown header key '${dotted ? `${dotted}.` : ''}${key}'`,
        hint: suggestion ? `did you mean '${suggestion}'?` : `known keys: ${known.join(', ')}`,
        file,
        ...at(offsetOf(doc, issue.path, key)),
      };
    });
  }
  const value = issue.path.length > 0 ? doc.getIn(issue.path as Array<string | number>) : undefined;
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  return [{ severity: 'error', rule: 'header/schema', message: `header '${dotted}': ${issue.message}${got}`, file, ...at(offsetOf(doc, issue.path)) }];
}

/** Parses a SQL file's header and body. `kind` supplies defaults (models: table; dashboards: view) and alert rules. */
export function parseSqlFile(text: string, file: string, kind: NodeKind): ParsedSqlFile {
  const block = findHeader(text);
  const diagnostics: Diagnostic[] = [];
  let raw: unknown = {};
  let doc: Document | undefined;
  const at = (yamlOffset: number | undefined) => positionAt(text, block && yamlOffset !== undefined ? block.yamlOffset + yamlOffset : (block?.yamlOffset ?? 2) - 2);
  if (block) {
    doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      diagnostics.push({
        severity: 'error',
        rule: 'header/yaml',
        message: `header is not valid YAML: ${error.message.split('\n')[0]}`,
        hint: 'the block comment opening a SQL file is its YAML header; quote values that start with * or contain ": "',
        file,
        ...at(error.pos[0]),
      });
    }
    if (doc.errors.length === 0) {
      raw = doc.toJS() ?? {};
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
  const parsed = HeaderSchema.safeParse(raw);
  let header: Header;
  if (parsed.success) header = parsed.data;
  else {
    for (const issue of parsed.error.issues) diagnostics.push(...issueDiagnostics(issue, doc!, at, file));
    header = HeaderSchema.parse({});
  }
  if (kind === 'model') header.materialized ??= 'table';
  if (kind === 'dashboard') header.materialized ??= 'view';
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
    const problem =
      kind !== 'model'
        ? `only models can be served (this is a${kind === 'alert' ? 'n' : ''} ${kind} file)`
        : header.period && header.partitioned_by.length === 0
          ? "a served model with a 'period' needs 'partitioned_by' (its first column picks the period's rows)"
          : undefined;
    if (problem) {
      diagnostics.push({
        severity: 'error',
        rule: 'header/serve',
        message: `header 'serve': ${problem}`,
        hint: 'e.g. serve: { table: CategoryKPIs, key: [category, order_date] } on a model partitioned by order_date',
        file,
        ...at(doc ? offsetOf(doc, [], 'serve') : undefined),
      });
    }
  }
  if (header.slo && kind !== 'model') {
    diagnostics.push({
      severity: 'error',
      rule: 'header/slo',
      message: `header 'slo': only models have service level objectives (this is a${kind === 'alert' ? 'n' : ''} ${kind} file)`,
      hint: 'an slo measures the runs of a model: put it in the header of the model that builds the table',
      file,
      ...at(doc ? offsetOf(doc, [], 'slo') : undefined),
    });
  }
  const body = block ? bodyAfter(text, block.end) : { sql: text, bodyLine: 1 };
  return { header, ...body, headerLine: block ? positionAt(text, block.yamlOffset - 2).line : undefined, diagnostics };
}
