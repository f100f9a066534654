// A table's data contract, declared under `contract:` in the header of the SQL file that creates the table (a model,
// or a ddl file for landing tables), or in a contract file `sql/contracts/*.yaml` mapping table names to contracts
// (keeps contracts out of SQL files others edit; one place per pipeline):
//
//   contract:
//     severity: error                  # default for every check below; `warn` reports without blocking
//     columns: { order_date: date, revenue: double, status: varchar }   # schema: names and Trino types
//     primary_key: [order_date]
//     unique: [order_id, [customer_id, order_date]]
//     not_null: [order_date]
//     accepted_values: { status: [paid, shipped, returned] }
//     relationships: { customer_id: customers.customer_id }
//     row_count: { min: 1, max: 100000 }
//     freshness: { column: ingestion_time, max_age: 2h }
//     completeness: { email: 95 }      # % of rows where the column is not NULL
//     assertions:
//       - name: no_negative_revenue
//         sql: SELECT * FROM daily_revenue WHERE revenue < 0   # rows returned = failures
//
// Every check also takes the object form with its own `severity` (e.g. `not_null: [{ column: email, severity: warn }]`).
// src/pipeline/checks.ts compiles each check into one Athena query.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import type { Diagnostic } from '../dialect/diagnostics.js';
import { ProjectError } from './errors.js';
import { yamlIssues, yamlOffset } from './yaml-issues.js';
import { splitTopLevel } from '../dialect/type-text.js';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)');
const severity = z.enum(['error', 'warn']);
const maxAge = z.string().regex(/^\d+(s|m|h|d)$/, 'must be a duration such as 30m, 2h or 1d');
/** `table.column` or `db.table.column`. */
const columnReference = z.string().regex(/^([A-Za-z_][A-Za-z0-9_]*\.){1,2}[A-Za-z_][A-Za-z0-9_]*$/, 'must be table.column or database.table.column');
const acceptedValue = z.union([z.string(), z.number(), z.boolean()]);

const columnCheck = z.union([identifier, z.object({ column: identifier, severity: severity.optional() }).strict()]);
const keyCheck = z.union([identifier, z.array(identifier).min(1), z.object({ columns: z.array(identifier).min(1), severity: severity.optional() }).strict()]);

export const ContractSchema = z
  .object({
    /** Default severity of every check of this contract. */
    severity: severity.default('error'),
    /** Which table of a ddl file that creates several; default: the file's first table. */
    table: z.string().optional(),
    /** Expected columns with their Trino types (`varchar`, `integer`, `timestamp(3)`, `array(varchar)`); drift fails. */
    columns: z.record(identifier, z.string().min(1)).optional(),
    primary_key: z.union([z.array(identifier).min(1), z.object({ columns: z.array(identifier).min(1), severity: severity.optional() }).strict()]).optional(),
    unique: z.array(keyCheck).optional(),
    not_null: z.array(columnCheck).optional(),
    accepted_values: z
      .record(identifier, z.union([z.array(acceptedValue).min(1), z.object({ values: z.array(acceptedValue).min(1), severity: severity.optional() }).strict()]))
      .optional(),
    relationships: z.record(identifier, z.union([columnReference, z.object({ to: columnReference, severity: severity.optional() }).strict()])).optional(),
    row_count: z
      .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), severity: severity.optional() })
      .strict()
      .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
      .optional(),
    freshness: z.object({ column: identifier, max_age: maxAge, severity: severity.optional() }).strict().optional(),
    completeness: z
      .record(identifier, z.union([z.number().min(0).max(100), z.object({ min_percent: z.number().min(0).max(100), severity: severity.optional() }).strict()]))
      .optional(),
    assertions: z
      .array(z.object({ name: identifier, sql: z.string().min(1), description: z.string().optional(), severity: severity.optional() }).strict())
      .optional(),
  })
  .strict();

export type Contract = z.infer<typeof ContractSchema>;
export type CheckSeverity = z.infer<typeof severity>;

const TYPE_ALIASES: Record<string, string> = {
  string: 'varchar',
  int: 'integer',
  float: 'real',
  binary: 'varbinary',
  timestamp: 'timestamp(3)',
};

/**
 * A type as engines report it for a result column: lower case, Trino names, Hive spellings mapped (`string` → varchar,
 * `int` → integer, `array<int>` → array(integer)), `timestamp` → `timestamp(3)` (Athena's precision for Hive tables).
 */
export function canonicalType(type: string): string {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  const hive = /^(array|map|struct)<(.*)>$/.exec(t);
  if (hive) {
    const args = splitTopLevel(hive[2]);
    if (hive[1] === 'array') return `array(${canonicalType(args[0])})`;
    if (hive[1] === 'map') return `map(${canonicalType(args[0])}, ${canonicalType(args[1])})`;
    return `row(${args.map((f) => f.replace(/^([^:]+):(.*)$/, (_, n: string, ft: string) => `${n.trim()} ${canonicalType(ft)}`)).join(', ')})`;
  }
  const trino = /^(array|map|row)\((.*)\)$/.exec(t);
  if (trino) {
    const args = splitTopLevel(trino[2]);
    if (trino[1] === 'row') return `row(${args.map((f) => f.replace(/^(\S+) (.*)$/, (_, n: string, ft: string) => `${n} ${canonicalType(ft)}`)).join(', ')})`;
    return `${trino[1]}(${args.map(canonicalType).join(', ')})`;
  }
  if (/^decimal\s*\(/.test(t)) return t.replace(/\s/g, '');
  if (/^varchar\(\d+\)$/.test(t)) return t;
  return TYPE_ALIASES[t] ?? t;
}

/** A contract declared in a contract file (`<sql>/contracts/*.yaml`: table name → contract). */
export interface FileContract {
  /** Qualified, lower case. */
  table: string;
  contract: Contract;
  file: string;
  /** Line of `<table>[.<key>[.<item>]]` in the file. */
  line: (key?: string, item?: string | number) => number;
}

/** A contract for a table no SQL file of the project creates, at the contract's line (lint and the run report the same). */
export function contractsWithoutTable(contracts: readonly FileContract[], produced: ReadonlySet<string>): Diagnostic[] {
  return contracts
    .filter((c) => !produced.has(c.table))
    .map((c) => ({
      severity: 'error',
      rule: 'contract/unknown-table',
      message: `no SQL file creates ${c.table}`,
      hint: 'name a table a ddl file or model creates',
      file: c.file,
      line: c.line(),
      col: 1,
    }));
}

/** The contract files of a project, parsed and validated; every problem names file and line. */
export function loadContractFiles(root: string, sqlFolder: string, database: string): FileContract[] {
  const folder = join(root, sqlFolder, 'contracts');
  if (!existsSync(folder)) return [];
  const files = (readdirSync(folder, { recursive: true }) as string[])
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const contracts: FileContract[] = [];
  const problems: Diagnostic[] = [];
  for (const name of files) {
    const file = `${sqlFolder}/contracts/${name}`.replace(/^\.\//, '');
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(join(folder, name), 'utf8'), { lineCounter, uniqueKeys: true, prettyErrors: false });
    const fail = (line: number, message: string) => problems.push({ severity: 'error', rule: 'contract/schema', message, file, line, col: 1 });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) fail(lineCounter.linePos(e.pos[0]).line, `not valid YAML: ${e.message.split('\n')[0]}`);
      continue;
    }
    const lineOf = (path: Array<string | number>): number => {
      const offset = yamlOffset(doc, path);
      return offset === undefined ? 1 : lineCounter.linePos(offset).line;
    };
    const raw: unknown = doc.toJS() ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(1, 'a contract file maps table names to contracts (`orders: { primary_key: [order_id] }`)');
      continue;
    }
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(key)) {
        fail(lineOf([key]), `'${key}' is not a table name (table or database.table)`);
        continue;
      }
      const parsed = ContractSchema.safeParse(value ?? {});
      if (!parsed.success) {
        for (const issue of yamlIssues(parsed.error.issues, doc, [key])) {
          const line = issue.offset === undefined ? 1 : lineCounter.linePos(issue.offset).line;
          if (issue.kind === 'unknown-key') fail(line, `${issue.parent.join('.')}: unknown key '${issue.key}'`);
          else fail(line, `${issue.path.join('.')}: ${issue.message}`);
        }
        continue;
      }
      contracts.push({
        table: (key.includes('.') ? key : `${database}.${key}`).toLowerCase(),
        contract: parsed.data,
        file,
        line: (k, item) => lineOf(k === undefined ? [key] : item === undefined ? [key, k] : [key, k, item]),
      });
    }
  }
  if (problems.length > 0) throw new ProjectError(problems);
  return contracts;
}
