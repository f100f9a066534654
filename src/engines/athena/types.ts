// Athena result metadata and VarChar cells → Trino type names and SqlValue shapes, matching what the local engine
// reports (src/engines/duckdb/types.ts) so callers cannot tell the engines apart.
//
// Athena returns every cell as text and names only the top-level type of a column: an array column is `array`, not
// `array(integer)`. Complex values arrive as Trino's display text (`[1, 2]`, `{a=1, b=x}`), which has no quoting, so
// their leaves are typed by look: integers become numbers, `true`/`false` booleans, `null` null, anything else stays
// a string (decimals and doubles included: `1.50` and `1.5` cannot be told apart there). A varchar element that looks
// like a number, or contains `, ` `=` or brackets, is therefore ambiguous; SQL that needs exact nested values should
// `CAST(x AS JSON)` and parse the JSON text.
import type { ColumnInfo } from '@aws-sdk/client-athena';
import type { Column, SqlValue } from '../engine.js';
import { baseType, INTEGER_TEXT as INTEGER, normalizeTimeFraction, parseInteger, scalarName, trinoTypeName as sharedTypeName } from '../trino-types.js';

/**
 * Trino type name for an Athena result column. Athena names only the top-level type (`array`, not `array(integer)`);
 * a full signature, should it send one, is kept as written.
 */
export function trinoTypeName(column: Pick<ColumnInfo, 'Type' | 'Precision' | 'Scale'>): string {
  const raw = (column.Type ?? 'unknown').trim().toLowerCase();
  if (raw.includes('(')) return raw;
  const name = scalarName(raw);
  const params = name === 'decimal' ? [column.Precision ?? 38, column.Scale ?? 0] : name === 'char' && column.Precision ? [column.Precision] : undefined;
  return sharedTypeName({ kind: 'scalar', name, params });
}

export function toColumns(columnInfo: ColumnInfo[]): Column[] {
  return columnInfo.map((column) => ({ name: column.Name ?? column.Label ?? '', type: trinoTypeName(column) }));
}

/** Converts one Athena cell (`undefined` is SQL NULL) to the shape the Engine contract promises for `type`. */
export function parseAthenaValue(text: string | undefined, type: string): SqlValue {
  if (text === undefined) return null;
  const base = baseType(type);
  switch (base) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return INTEGER.test(text) ? parseInteger(text) : text;
    case 'real':
    case 'double':
      // Number() reads Java's `1.0E10`, `NaN`, `Infinity` and `-Infinity` as Trino prints them.
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'timestamp':
    case 'time':
      return normalizeTimeFraction(text);
    case 'varbinary':
      // Athena shows bytes as space-separated hex pairs; the local engine as one hex string.
      return text.replace(/\s+/g, '');
    case 'array':
    case 'map':
    case 'row':
      return parseComplexValue(text);
    default:
      // varchar, char, decimal, date, json, uuid, intervals, zoned timestamps: already in their contract shape,
      // except the sub-millisecond digits of zoned timestamps.
      return base.startsWith('timestamp') || base.startsWith('time') ? normalizeTimeFraction(text) : text;
  }
}

function parseLeaf(text: string): SqlValue {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (INTEGER.test(text)) return parseInteger(text);
  return text;
}

/**
 * Parses Trino's display text of an array, map or row. Returns the text itself when it is not well formed, so a
 * value is never silently truncated.
 */
export function parseComplexValue(text: string): SqlValue {
  try {
    const parser = new DisplayTextParser(text);
    const value = parser.value([]);
    return parser.atEnd() ? value : text;
  } catch (error) {
    if (error instanceof MalformedDisplayText) return text;
    throw error;
  }
}

class MalformedDisplayText extends Error {}

/** Recursive descent over `[a, b]` and `{k=v, k2=v2}`; items are separated by `, ` at the current depth. */
class DisplayTextParser {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position === this.text.length;
  }

  /** Reads one value that ends before a `, ` or before one of `closers` (the brackets that may close its parent). */
  value(closers: string[]): SqlValue {
    const opening = this.text[this.position];
    if (opening === '[') return this.array();
    if (opening === '{') return this.object();
    return parseLeaf(this.leaf(closers, false));
  }

  private array(): SqlValue[] {
    this.position++; // [
    const items: SqlValue[] = [];
    if (this.consume(']')) return items;
    do items.push(this.value([']']));
    while (this.consume(', '));
    this.expect(']');
    return items;
  }

  private object(): { [key: string]: SqlValue } {
    this.position++; // {
    const entries: { [key: string]: SqlValue } = {};
    if (this.consume('}')) return entries;
    do {
      const key = this.leaf(['}'], true);
      this.expect('=');
      entries[key] = this.value(['}']);
    } while (this.consume(', '));
    this.expect('}');
    return entries;
  }

  /** Text up to the next separator at this depth: `, `, a closer, or (for a key) `=`. */
  private leaf(closers: string[], isKey: boolean): string {
    const start = this.position;
    while (this.position < this.text.length) {
      const rest = this.text.slice(this.position);
      if (rest.startsWith(', ') || closers.includes(rest[0]) || (isKey && rest[0] === '=')) break;
      this.position++;
    }
    return this.text.slice(start, this.position);
  }

  private consume(token: string): boolean {
    if (!this.text.startsWith(token, this.position)) return false;
    this.position += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.consume(token)) throw new MalformedDisplayText(`expected '${token}' at ${this.position}`);
  }
}
