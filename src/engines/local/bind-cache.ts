// The bound columns of `CREATE TABLE … AS <query> WITH NO DATA`, shared between queries of one shape (issue 18):
// `lake lint` and schema discovery create one empty table per model in a scratch engine, and binding a translated
// model costs DuckDB ~5–8 ms (the shims' guards), while most of a project's models differ only in the tables they
// read. Two translated queries have the same shape when their tokens are equal once every name of a table this cache
// saw created (by CREATE TABLE, with its columns) is replaced by a placeholder, and the tables at each placeholder have
// the same columns (names renamed alike) and DuckDB types. Binding is blind to a relation's name, so such queries bind
// to the same columns, or fail alike. Only successes are kept: a query that fails is bound itself, so its error names
// its own text, file:line:col. Opt-in (LocalEngineOptions.bindCache), for engines whose tables are created once and
// never replaced; anything else that changes relations empties the cache (clear()).
import type { DuckDBConnection } from '@duckdb/node-api';
import { identifierName, isTrivia, tokenize, type Token } from '../../dialect/tokens.js';

/** A bound column as the CTAS paths read it (lake-writes.ts StagedRows). */
export interface BoundColumn {
  name: string;
  duckType: string;
  trinoType: string;
}

/** A query's shape: the key, and the lower-case table names its placeholders stand for. */
export interface QueryShape {
  key: string;
  tables: readonly string[];
}

/** A name written bare in any of its spellings is never a keyword (DuckDB's parser reads it as an identifier). */
const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

export class BindCache {
  /** `database.table` → its columns (lower-case name and DuckDB type), for tables created here with CREATE TABLE. */
  private readonly tables = new Map<string, ReadonlyArray<readonly [string, string]>>();
  private readonly bound = new Map<string, readonly BoundColumn[]>();
  /** A table's column definitions (`"id" BIGINT, …`) → its columns read back: a function of the definitions alone. */
  private readonly readBack = new Map<string, readonly BoundColumn[]>();
  /** Column definitions a CREATE TABLE succeeded with (wasCreated): a function of the definitions alone too. */
  private readonly created = new Set<string>();

  private constructor(private readonly keywords: ReadonlySet<string>) {}

  static async open(connection: DuckDBConnection): Promise<BindCache> {
    const reader = await connection.runAndReadAll('SELECT lower(keyword_name) FROM duckdb_keywords()');
    return new BindCache(new Set(reader.getRows().map((row) => String(row[0]))));
  }

  /**
   * A table just created by CREATE TABLE with these columns. Only a name that reads the same bare or quoted is
   * replaced in a shape: a keyword (`date`, `select`) as a table name could parse differently from another name.
   */
  tableCreated(database: string, name: string, columns: ReadonlyArray<{ name: string; duckType: string }>): void {
    const table = name.toLowerCase();
    if (!PLAIN_NAME.test(table) || this.keywords.has(table)) return;
    this.tables.set(
      `${database.toLowerCase()}.${table}`,
      columns.map((c) => [c.name.toLowerCase(), c.duckType] as const),
    );
  }

  /** Relations changed in another way (dropped, replaced, altered): nothing known holds any more. */
  clear(): void {
    this.tables.clear();
    this.bound.clear();
  }

  /**
   * The shape of a translated query run in `database`, or undefined when it cannot have one: a table's name written
   * after a `.` (a qualified name or a field of a row, whose meaning the placeholder would hide) or before `(` (a
   * function's name).
   */
  shape(database: string, sql: string): QueryShape | undefined {
    let tokens: Token[];
    try {
      tokens = tokenize(sql).filter((t) => !isTrivia(t));
    } catch {
      return undefined;
    }
    const prefix = `${database.toLowerCase()}.`;
    const placeholders = new Map<string, number>();
    const parts: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const name = token.kind === 'word' || token.kind === 'quoted' ? identifierName(token) : undefined;
      if (name === undefined || !this.tables.has(prefix + name)) {
        parts.push(token.text);
        continue;
      }
      if (tokens[i - 1]?.text === '.' || tokens[i + 1]?.text === '(') return undefined;
      let index = placeholders.get(name);
      if (index === undefined) {
        index = placeholders.size;
        placeholders.set(name, index);
      }
      // The quoting stays in the key: a quoted name keeps its case in a column's name.
      parts.push(`\u0000${token.kind}${index}`);
    }
    const renamed = (column: string) => (placeholders.has(column) ? `\u0000${placeholders.get(column)}` : column);
    const columns = [...placeholders.keys()].map((table) =>
      this.tables
        .get(prefix + table)!
        .map(([column, type]) => `${renamed(column)} ${type}`)
        .join(', '),
    );
    return { key: [prefix, parts.join(' '), ...columns].join('\u0001'), tables: [...placeholders.keys()] };
  }

  /**
   * Whether a CREATE TABLE of these column definitions succeeded here before: another of them, under a free name in a
   * database that exists, cannot fail, so its creation may wait (LakeCatalog.addNewTable).
   */
  wasCreated(definitions: string): boolean {
    return this.created.has(definitions);
  }

  definitionsCreated(definitions: string): void {
    this.created.add(definitions);
  }

  /** The columns a table created with these definitions reads back as, once one such table was read. */
  async columnsOf(definitions: string, read: () => Promise<readonly BoundColumn[]>): Promise<readonly BoundColumn[]> {
    const known = this.readBack.get(definitions);
    if (known) return known;
    const columns = await read();
    this.readBack.set(definitions, columns);
    return columns;
  }

  get(shape: QueryShape): readonly BoundColumn[] | undefined {
    return this.bound.get(shape.key);
  }

  /**
   * Keeps a successful bind. Not when a column's name holds a replaced table's name (`SELECT m1.id + 1` is named
   * `(m1.id + 1)` by DuckDB): another query of the shape would name it after its own table.
   */
  put(shape: QueryShape, columns: readonly BoundColumn[]): void {
    if (columns.some((c) => shape.tables.some((table) => c.name.toLowerCase().includes(table)))) return;
    this.bound.set(shape.key, columns);
  }
}
