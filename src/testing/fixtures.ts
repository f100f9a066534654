// Fixture tables: the rows a unit test gives for an input table, created under the table's own qualified name with the
// table's real column types, so the model's unchanged SQL reads them. Each fixture is an Iceberg table (a native table
// in the in-memory catalog: no files) created from the column list, then filled by one INSERT naming only the columns
// the test gives: every other column is NULL of its declared type.
import { LakeError } from '../errors.js';
import type { Column } from '../engines/engine.js';
import { hiveTypeOf } from '../pipeline/materialize/sql.js';
import { canonicalType } from '../project/contract.js';

export class FixtureError extends LakeError {
  override readonly name: string = 'FixtureError';
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const ddlName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;
const stringLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The statements creating `table` (qualified) with `columns` and filling it with `rows`. */
export function fixtureStatements(table: string, columns: Column[], rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const [database, name] = table.split('.');
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const used: Column[] = [];
  for (const [i, row] of rows.entries()) {
    for (const key of Object.keys(row)) {
      const column = byName.get(key.toLowerCase());
      if (!column) throw new FixtureError(`row ${i + 1} of ${table}: no column '${key}' (columns: ${columns.map((c) => c.name).join(', ')})`);
      if (!used.includes(column)) used.push(column);
    }
  }
  const statements = [
    `CREATE DATABASE IF NOT EXISTS ${ddlName(database)}`,
    `CREATE TABLE ${ddlName(database)}.${ddlName(name)} (${columns.map((c) => `${ddlName(c.name)} ${hiveTypeOf(c.type)}`).join(', ')}) ` +
      `LOCATION 's3://lake-test-fixtures/${database}/${name}/' TBLPROPERTIES ('table_type' = 'ICEBERG')`,
  ];
  if (rows.length > 0 && used.length > 0) {
    // With several rows, a number column's values are written as text and cast once in the SELECT: a CAST per value
    // left each VALUES column's type unwritten, so the translation checked its values' type families beside it (every
    // value written twice more) and bound a cast per value; binding that was most of a fixture's cost (issue 18).
    const valueOf = (row: Record<string, unknown>, column: Column) => {
      const key = Object.keys(row).find((k) => k.toLowerCase() === column.name.toLowerCase());
      return key === undefined ? null : row[key];
    };
    // Arrays and rows are written as JSON text, cast once per column in the SELECT, when every value has a JSON form
    // (jsonText): as literals, ARRAY[CAST(ROW(…) AS row(…)), …] had each element's type family checked beside the
    // others, per level and again across the VALUES rows, so the translated text grew with the product of the levels
    // (86 KB, 5 s of binding for the example's three dead-letter rows of two records; issue 18).
    const form = used.map((column): 'json' | 'text' | 'literal' => {
      if (rows.every((row) => jsonText(valueOf(row, column), column.type) !== undefined)) return 'json';
      return rows.length > 1 && castsFromText(column.type) ? 'text' : 'literal';
    });
    const values = rows.map((row, i) => {
      const cells = used.map((column, c) => {
        const value = valueOf(row, column);
        try {
          if (form[c] === 'json') return value === null || value === undefined ? 'NULL' : stringLiteral(jsonText(value, column.type)!);
          return form[c] === 'text' ? textLiteral(value, column.type) : sqlLiteral(value, column.type);
        } catch (error) {
          throw new FixtureError(`row ${i + 1} of ${table}, column ${column.name} (${column.type}): ${(error as Error).message}`);
        }
      });
      return `(${cells.join(', ')})`;
    });
    const target = `INSERT INTO ${quote(database)}.${quote(name)} (${used.map((c) => quote(c.name)).join(', ')})`;
    const selected = (c: Column, k: number) =>
      form[k] === 'json'
        ? `CAST(json_parse(${quote(c.name)}) AS ${canonicalType(c.type)})`
        : form[k] === 'text'
          ? `CAST(${quote(c.name)} AS ${canonicalType(c.type)})`
          : quote(c.name);
    statements.push(
      form.some((f) => f !== 'literal')
        ? `${target} SELECT ${used.map(selected).join(', ')} FROM (VALUES ${values.join(', ')}) AS "fixture" (${used.map((c) => quote(c.name)).join(', ')})`
        : `${target} VALUES ${values.join(', ')}`,
    );
  }
  return statements;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;

/** A fixture or variable value as Athena's TIMESTAMP text (`YYYY-MM-DD HH:MM:SS.fff`); zoned ISO text is converted to UTC. */
export function timestampText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').slice(0, 23);
  if (typeof value !== 'string') throw new Error(`expected a timestamp such as 2025-03-10 12:00:00, got ${JSON.stringify(value)}`);
  const text = value.trim();
  if (DATE.test(text)) return `${text} 00:00:00.000`;
  const local = LOCAL_TIMESTAMP.exec(text);
  if (local) {
    const [hms, fraction = ''] = local[2].split('.');
    const full = hms.length === 5 ? `${hms}:00` : hms;
    return `${local[1]} ${full}.${fraction.padEnd(3, '0').slice(0, 3)}`;
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) throw new Error(`'${text}' is not a timestamp (YYYY-MM-DD HH:MM:SS[.fff], or ISO 8601 with a zone)`);
  return parsed.toISOString().replace('T', ' ').slice(0, 23);
}

/** The value as a SQL literal of Trino type `type`. */
export function sqlLiteral(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'NULL';
  const t = canonicalType(type);
  const array = /^array\((.*)\)$/.exec(t);
  if (array) {
    if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
    return `ARRAY[${value.map((v) => sqlLiteral(v, array[1])).join(', ')}]`;
  }
  const map = /^map\(([^,]+), (.*)\)$/.exec(t);
  if (map) {
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected a mapping, got ${JSON.stringify(value)}`);
    const entries = Object.entries(value as Record<string, unknown>);
    return `MAP(ARRAY[${entries.map(([k]) => sqlLiteral(k, map[1])).join(', ')}], ARRAY[${entries.map(([, v]) => sqlLiteral(v, map[2])).join(', ')}])`;
  }
  const row = /^row\((.*)\)$/.exec(t);
  if (row) {
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`expected a mapping of field values, got ${JSON.stringify(value)}`);
    const fields = rowFields(row[1]);
    const given = value as Record<string, unknown>;
    const unknown = Object.keys(given).filter((k) => !fields.some((f) => f.name === k.toLowerCase()));
    if (unknown.length > 0) throw new Error(`no field ${unknown.join(', ')} in ${t}`);
    const cells = fields.map((f) => sqlLiteral(Object.entries(given).find(([k]) => k.toLowerCase() === f.name)?.[1] ?? null, f.type));
    return `CAST(ROW(${cells.join(', ')}) AS ${t})`;
  }
  if (typeof value === 'object') throw new Error(`a ${Array.isArray(value) ? 'list' : 'mapping'} does not fit a ${t} column`);
  if (t === 'boolean') {
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (value === 'true' || value === 'false') return value.toUpperCase();
    throw new Error(`expected true or false, got ${JSON.stringify(value)}`);
  }
  if (t === 'date') {
    if (typeof value !== 'string' || !DATE.test(value)) throw new Error(`expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return `DATE ${stringLiteral(value)}`;
  }
  if (t.startsWith('timestamp') && !t.includes('with time zone')) return `TIMESTAMP ${stringLiteral(timestampText(value))}`;
  if (t.startsWith('varchar') || t.startsWith('char')) return stringLiteral(String(value));
  return `CAST(${textLiteral(value, t)} AS ${t})`;
}

/** Trino's integer types and their ranges: a JSON number casts to them exactly when it is an integer in range. */
const INTEGER_RANGES: Record<string, bigint> = { tinyint: 2n ** 7n, smallint: 2n ** 15n, integer: 2n ** 31n, bigint: 2n ** 63n };

/**
 * The JSON text whose CAST to `type` (an array or a row, of arrays, rows, varchar, boolean and integers) gives the value
 * sqlLiteral writes, with every field of a row named in order; undefined for any other type or value (NULL: the JSON
 * null), so that the column is written as literals, and fails there if it must.
 */
function jsonText(value: unknown, type: string): string | undefined {
  const t = canonicalType(type);
  if (!/^(array|row)\(/.test(t)) return undefined;
  const json = (v: unknown, leaf: string): unknown => {
    if (v === null || v === undefined) return null;
    const array = /^array\((.*)\)$/.exec(leaf);
    if (array) return Array.isArray(v) ? v.map((e) => json(e, array[1])) : undefined;
    const row = /^row\((.*)\)$/.exec(leaf);
    if (row) {
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      const given = Object.entries(v as Record<string, unknown>);
      const fields = rowFields(row[1]);
      if (given.some(([k]) => !fields.some((f) => f.name === k.toLowerCase()))) return undefined;
      return Object.fromEntries(fields.map((f) => [f.name, json(given.find(([k]) => k.toLowerCase() === f.name)?.[1] ?? null, f.type)]));
    }
    if (typeof v === 'object') return undefined;
    if (leaf === 'varchar') return String(v);
    if (leaf === 'boolean') return typeof v === 'boolean' ? v : undefined;
    const limit = INTEGER_RANGES[leaf];
    if (limit === undefined || !/^-?\d{1,19}$/.test(String(v).trim())) return undefined;
    const n = BigInt(String(v).trim());
    return n >= -limit && n < limit && Number.isSafeInteger(Number(n)) ? Number(n) : undefined;
  };
  let unfit = false;
  const text = JSON.stringify(json(value, t), (_k, v: unknown) => {
    if (v === undefined) unfit = true;
    return v;
  });
  return unfit ? undefined : text;
}

const isNumberType = (t: string): boolean => /^(tinyint|smallint|integer|bigint|double|real)$/.test(t) || t.startsWith('decimal');

/** Whether sqlLiteral writes a value of this type as a CAST of its text (numbers, and types with no literal of their own). */
function castsFromText(type: string): boolean {
  const t = canonicalType(type);
  if (/^(array|map|row)\(/.test(t) || t === 'boolean' || t === 'date' || t.startsWith('varchar') || t.startsWith('char')) return false;
  return !(t.startsWith('timestamp') && !t.includes('with time zone'));
}

/** A value of a type castsFromText accepts, as the string literal of the text sqlLiteral casts (NULL stays NULL). */
function textLiteral(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'NULL';
  const t = canonicalType(type);
  if (typeof value === 'object') throw new Error(`a ${Array.isArray(value) ? 'list' : 'mapping'} does not fit a ${t} column`);
  const text = isNumberType(t) ? String(value).trim() : String(value);
  if (isNumberType(t) && (text === '' || Number.isNaN(Number(text)))) throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return stringLiteral(text);
}

/** A type for a column no DDL, model or test declares, from the values the test gives. */
export function inferType(values: unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'varchar';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'bigint' : 'double';
  if (present.every((v) => typeof v === 'string' && DATE.test(v))) return 'date';
  if (present.every((v) => typeof v === 'string' && LOCAL_TIMESTAMP.test(v))) return 'timestamp(3)';
  if (present.every((v) => Array.isArray(v))) return `array(${inferType(present.flatMap((v) => v as unknown[]))})`;
  return 'varchar';
}

/** `a integer, b array(varchar)` → fields; commas inside nested types do not split. */
function rowFields(text: string): Array<{ name: string; type: string }> {
  const fields: Array<{ name: string; type: string }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' && depth === 0) || i === text.length) {
      const field = text.slice(start, i).trim();
      const space = field.indexOf(' ');
      fields.push({ name: field.slice(0, space).replace(/^"|"$/g, '').toLowerCase(), type: field.slice(space + 1) });
      start = i + 1;
    }
  }
  return fields;
}
