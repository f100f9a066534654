// A JSON landing table's row type, taken from its DDL (the one definition the table's reader also uses), and the check
// of one JSON record against it exactly as the JSON SerDe reader will read it: keys matched whatever their case (the
// openx JsonSerDe is case-insensitive, and so is the local reader, src/engines/local/readers.ts), each value cast to
// its declared type. A record that passes can be read; one that would fail (or be read as something else) is refused.
import { parseHiveType, type HiveType } from '../../dialect/hive-types.js';
import { parseCreateTable } from '../../dialect/ddl-parse.js';
import { splitStatements } from '../../dialect/statements.js';
import type { Project } from '../../project/model.js';

export interface DeclaredColumn {
  /** Lower case, as the DDL parser gives it. */
  name: string;
  /** Hive type text, e.g. `DECIMAL(12, 2)`. */
  type: string;
}

export type RowProblem = { reason: string; error: string };

/** The columns of `table` (unqualified) as the project's DDL declares them; undefined when no DDL creates it. */
export function declaredColumns(project: Project, table: string): DeclaredColumn[] | undefined {
  for (const node of project.nodes) {
    if (node.kind !== 'ddl' || !node.produces.some((p) => p === table || p.endsWith(`.${table}`))) continue;
    for (const statement of splitStatements(node.sql)) {
      if (!/^\s*CREATE\b/i.test(statement.text)) continue;
      const parsed = parseCreateTable(statement.text);
      if (parsed.kind === 'createTable' && parsed.name.parts[parsed.name.parts.length - 1].toLowerCase() === table) {
        return parsed.columns.map((c) => ({ name: c.name, type: c.type }));
      }
    }
  }
  return undefined;
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  tinyint: [-(2 ** 7), 2 ** 7 - 1],
  smallint: [-(2 ** 15), 2 ** 15 - 1],
  int: [-(2 ** 31), 2 ** 31 - 1],
  integer: [-(2 ** 31), 2 ** 31 - 1],
  // A JSON number beyond 2^53 has already lost digits when JavaScript parses it.
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Why `value` cannot be read as the declared type, or undefined. Stricter than the reader where JSON is ambiguous. */
export function valueProblem(column: DeclaredColumn, value: unknown): RowProblem | undefined {
  const type = parseHiveType(column.type);
  const shown = (JSON.stringify(value) ?? String(value)).slice(0, 80);
  const bad = (what: string): RowProblem => ({ reason: 'bad_type', error: `${column.name} ${shown} is not ${what}` });
  if (type.kind !== 'primitive') return typeof value === 'object' ? undefined : bad(`a ${type.kind} (${column.type})`);
  const name = type.name;
  if (name === 'string' || name === 'varchar' || name === 'char') return typeof value === 'string' ? undefined : bad('a string');
  if (name === 'boolean') return typeof value === 'boolean' ? undefined : bad('a boolean');
  if (name in INTEGER_RANGES) {
    if (typeof value !== 'number' || !Number.isInteger(value)) return bad(`an integer (${column.type})`);
    const [min, max] = INTEGER_RANGES[name];
    return value >= min && value <= max ? undefined : { reason: 'out_of_range', error: `${column.name} ${shown} does not fit ${column.type}` };
  }
  if (name === 'double' || name === 'float' || name === 'real')
    return typeof value === 'number' && Number.isFinite(value) ? undefined : bad(`a number (${column.type})`);
  if (name === 'decimal') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return bad(`a number (${column.type})`);
    return decimalFits(value, type)
      ? undefined
      : { reason: 'out_of_range', error: `${column.name} ${shown} does not fit ${column.type} (rounded to its scale)` };
  }
  throw new Error(`${column.name}: the ingest check does not know the type ${column.type}; add it to src/ingest/cli-ingest/row-type.ts`);
}

/**
 * DECIMAL(p, s) holds |x| rounded to s digits below 10^(p−s). The reader casts the JSON number's text and rounds half
 * up, so 9999999999.995 overflows DECIMAL(12,2); the parsed double is compared with the first text that rounds over
 * the limit (parsing is monotonic, so every such text parses to a double at or above it).
 */
function decimalFits(value: number, type: Extract<HiveType, { kind: 'primitive' }>): boolean {
  const [precision = 10, scale = 0] = type.params ?? [];
  const integerDigits = precision - scale;
  const firstOverflow = Number(`${'9'.repeat(Math.max(integerDigits, 1))}.${'9'.repeat(scale)}5`);
  return integerDigits > 0 ? Math.abs(value) < firstOverflow : Math.abs(value) < Number(`0.${'9'.repeat(scale)}5`);
}

/**
 * The record's declared fields as the reader sees them (keys folded to lower case), or why it cannot be read: not an
 * object, two keys that fold to one column, or a value that does not fit its column.
 */
export function readRow(record: unknown, columns: readonly DeclaredColumn[]): { ok: true; row: Record<string, unknown> } | { ok: false; problem: RowProblem } {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { ok: false, problem: { reason: 'not_an_object', error: 'record is not a JSON object' } };
  const declared = new Set(columns.map((c) => c.name));
  const row: Record<string, unknown> = {};
  const keyOf: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = key.toLowerCase();
    if (!declared.has(name)) continue;
    if (name in keyOf) {
      return {
        ok: false,
        problem: {
          reason: 'ambiguous_key',
          error: `keys ${JSON.stringify(keyOf[name])} and ${JSON.stringify(key)} are one column (${name}): the JSON reader matches keys whatever their case`,
        },
      };
    }
    keyOf[name] = key;
    row[name] = value;
  }
  for (const column of columns) {
    const value = row[column.name];
    if (value === undefined || value === null) continue;
    const problem = valueProblem(column, value);
    if (problem)
      return {
        ok: false,
        problem: keyOf[column.name] === column.name ? problem : { ...problem, error: `${problem.error} (key ${JSON.stringify(keyOf[column.name])})` },
      };
  }
  return { ok: true, row };
}
