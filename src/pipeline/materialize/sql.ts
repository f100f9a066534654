// Small Athena SQL builders the strategies share.
import type { Engine, SqlValue } from '../../engines/engine.js';
import { MaterializeError, type MaterializeOutcome, type MaterializeRequest } from './types.js';

export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const target = (r: MaterializeRequest, name = r.name): string => `${quote(r.database)}.${quote(name)}`;
/** Athena's Hive DDL (CREATE EXTERNAL TABLE, DROP TABLE, MSCK) quotes names with backticks, not double quotes. */
export const ddlName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;
export const ddlTarget = (r: MaterializeRequest, name = r.name): string => `${ddlName(r.database)}.${ddlName(name)}`;

/** Runs statements in order, recording them and the rows they wrote. */
export class StatementLog {
  readonly outcome: MaterializeOutcome = { statements: [], rowsWritten: 0 };
  constructor(
    private readonly engine: Engine,
    private readonly database: string,
  ) {}

  async run(sql: string) {
    this.outcome.statements.push(sql);
    const result = await this.engine.execute(sql, { database: this.database });
    this.outcome.rowsWritten += result.stats.rowsWritten ?? 0;
    return result;
  }
}

export async function tableExists(engine: Engine, database: string, name: string): Promise<boolean> {
  const result = await engine.execute(`SHOW TABLES IN ${ddlName(database)} ${literal(name)}`, { database });
  return result.rows.some((row) => String(row[0]).toLowerCase() === name.toLowerCase());
}

export function requireLocation(r: MaterializeRequest, kind: string): string {
  if (!r.location) throw new MaterializeError(`${kind} model ${r.database}.${r.name} needs a location (an s3:// prefix for its data)`);
  return r.location.endsWith('/') ? r.location : `${r.location}/`;
}

/** A SQL literal for a value the engine returned for a column of Trino type `type`. */
export function typedLiteral(value: SqlValue, type: string): string {
  if (value === null) return 'NULL';
  if (type === 'date') return `DATE ${literal(String(value))}`;
  if (type.startsWith('timestamp')) return `TIMESTAMP ${literal(String(value))}`;
  if (type.startsWith('decimal')) return `DECIMAL ${literal(String(value))}`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return literal(String(value));
}

/** Trino type name (as engines report it) → Hive type for DDL: `array(row(a integer))` → `array<struct<a:int>>`. */
export function hiveTypeOf(trino: string): string {
  const t = trino.trim();
  const args = (prefix: string) => splitArgs(t.slice(prefix.length, -1));
  if (t.startsWith('array(')) return `array<${hiveTypeOf(args('array(')[0])}>`;
  if (t.startsWith('map(')) {
    const [k, v] = args('map(');
    return `map<${hiveTypeOf(k)},${hiveTypeOf(v)}>`;
  }
  if (t.startsWith('row(')) {
    return `struct<${args('row(')
      .map((f) => {
        const m = /^("(?:[^"]|"")+"|\S+)\s+(.+)$/s.exec(f);
        if (!m) throw new MaterializeError(`cannot read row field '${f}' of type ${trino}`);
        return `${m[1].replace(/^"|"$/g, '')}:${hiveTypeOf(m[2])}`;
      })
      .join(',')}>`;
  }
  if (t.startsWith('decimal')) return t.replace(/\s/g, '');
  if (t.startsWith('varchar') || t.startsWith('char')) return 'string';
  if (t.startsWith('timestamp') && !t.includes('zone')) return 'timestamp';
  const simple: Record<string, string> = {
    integer: 'int',
    bigint: 'bigint',
    smallint: 'smallint',
    tinyint: 'tinyint',
    double: 'double',
    real: 'float',
    boolean: 'boolean',
    date: 'date',
    varbinary: 'binary',
  };
  if (t in simple) return simple[t];
  throw new MaterializeError(`type ${trino} cannot be stored in a Hive table: cast the column to a supported type`);
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

export const defaultRunId = (at = new Date()): string =>
  at
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17);
