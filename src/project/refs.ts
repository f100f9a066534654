// Table references in Athena SQL, read from the lossless token stream: what a statement reads (FROM, JOIN, MERGE
// USING), writes (INSERT INTO, MERGE INTO, UPDATE, DELETE FROM, ALTER TABLE, MSCK REPAIR TABLE) and creates
// (CREATE [EXTERNAL] TABLE/VIEW, CTAS). CTE names, subquery aliases, table functions, UNNEST and lambda parameters
// are not tables. A token scan (not a full parse) keeps loading 1,000 files fast and also covers Hive DDL.
import { identifierName, isTrivia, keyword, tokenize, type Token } from '../dialect/tokens.js';

export type RefAccess = 'read' | 'write' | 'create';

export interface TableRef {
  /** Name parts as written, case-folded and unquoted: `['db', 'table']`, `['table']`. */
  parts: string[];
  access: RefAccess;
  /** 1-based position of the name's first token in the scanned text. */
  line: number;
  col: number;
}

export interface RefOptions {
  /** Value of a `${name}` used as a name part (e.g. `${database}.orders`); unresolved ones stay as `${name}`. */
  resolveVariable?: (name: string) => string | undefined;
}

// Words that end a relation: never taken as a table alias.
const NOT_ALIAS = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'WINDOW',
  'ON',
  'USING',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'OUTER',
  'CROSS',
  'NATURAL',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'TABLESAMPLE',
  'FOR',
  'WHEN',
  'SET',
  'VALUES',
  'SELECT',
  'WITH',
  'AS',
  'MATCH_RECOGNIZE',
  'LATERAL',
  'UNNEST',
  'THEN',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
]);
const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

class StatementScanner {
  readonly refs: TableRef[] = [];
  private readonly cteNames = new Set<string>();
  private readonly match: number[];

  constructor(
    private readonly ts: Token[],
    private readonly options: RefOptions,
  ) {
    // Index of the matching parenthesis for every '(' and ')'; unbalanced ones match the statement's end.
    this.match = new Array<number>(ts.length).fill(-1);
    const open: number[] = [];
    ts.forEach((t, i) => {
      if (t.text === '(' && t.kind === 'punct') open.push(i);
      else if (t.text === ')' && t.kind === 'punct') {
        const o = open.pop();
        if (o !== undefined) {
          this.match[o] = i;
          this.match[i] = o;
        }
      }
    });
    for (const o of open) this.match[o] = ts.length;
    this.collectCteNames();
  }

  private kw = (i: number): string => keyword(this.ts[i]);
  private is = (i: number, text: string): boolean => this.ts[i]?.kind === 'punct' && this.ts[i].text === text;
  private isName = (i: number): boolean => {
    const t = this.ts[i];
    return t !== undefined && (t.kind === 'word' || t.kind === 'quoted' || t.kind === 'variable');
  };

  /** `WITH [RECURSIVE] a [(cols)] AS (…), b AS (…)`: CTE names, wherever a WITH clause appears. */
  private collectCteNames(): void {
    for (let w = 0; w < this.ts.length; w++) {
      if (this.kw(w) !== 'WITH') continue;
      let i = w + 1;
      if (this.kw(i) === 'RECURSIVE') i++;
      for (;;) {
        if (!this.isName(i)) break;
        let j = i + 1;
        if (this.is(j, '(')) j = this.match[j] + 1;
        if (this.kw(j) !== 'AS') break;
        j++;
        if (this.kw(j) === 'NOT') j++;
        if (this.kw(j) === 'MATERIALIZED') j++;
        if (!this.is(j, '(')) break; // `WITH ORDINALITY AS t(…)`, `WITH TIME ZONE`: not a CTE
        this.cteNames.add(identifierName(this.ts[i]));
        j = this.match[j] + 1;
        if (!this.is(j, ',')) break;
        i = j + 1;
      }
    }
  }

  /** Reads a dotted name at `i`; returns its end index, or `i` when there is no name. */
  private qualifiedName(i: number): { parts: string[]; end: number } {
    const parts: string[] = [];
    let j = i;
    while (this.isName(j)) {
      const t = this.ts[j];
      if (t.kind === 'variable') {
        const name = t.text.slice(2, -1).trim();
        parts.push(this.options.resolveVariable?.(name)?.toLowerCase() ?? t.text);
      } else parts.push(identifierName(t));
      j++;
      if (!this.is(j, '.') || !this.isName(j + 1)) break;
      j++;
    }
    return { parts, end: j };
  }

  private record(i: number, parts: string[], access: RefAccess): void {
    if (parts.length === 0) return;
    if (access === 'read' && parts.length === 1 && this.cteNames.has(parts[0])) return;
    this.refs.push({ parts, access, line: this.ts[i].line, col: this.ts[i].col });
  }

  /** A write target: `name` at i; returns the index after it. */
  target(i: number, access: RefAccess): number {
    const { parts, end } = this.qualifiedName(i);
    this.record(i, parts, access);
    return end;
  }

  /** Scans tokens [a, b) for relations; parentheses recurse. */
  scan(a: number, b: number): void {
    let sawSelect = false;
    for (let i = a; i < b; ) {
      if (this.is(i, '(')) {
        const close = Math.min(this.match[i], b);
        this.scan(i + 1, close);
        i = close + 1;
        continue;
      }
      const k = this.kw(i);
      if (k === 'SELECT') sawSelect = true;
      // FROM only opens relations at a level that has a SELECT: not `extract(year FROM ts)`, `trim(x FROM s)`,
      // nor `a IS DISTINCT FROM b`.
      if (k === 'FROM' && sawSelect && this.kw(i - 1) !== 'DISTINCT') {
        i = this.relationList(i + 1, b);
        continue;
      }
      if (k === 'JOIN') {
        i = this.relationList(i + 1, b, false);
        continue;
      }
      i++;
    }
  }

  /** `rel [alias] (, rel [alias])*`; returns the index after the list. */
  relationList(i: number, b: number, commas = true): number {
    for (;;) {
      i = this.skipAlias(this.relation(i, b), b);
      if (!commas || !this.is(i, ',') || i >= b) return i;
      i++;
    }
  }

  relation(i: number, b: number): number {
    if (i >= b) return i;
    if (this.is(i, '(')) {
      const close = Math.min(this.match[i], b);
      if (QUERY_START.has(this.kw(i + 1)) || this.is(i + 1, '(')) this.scan(i + 1, close);
      else this.scan(this.relationList(i + 1, close), close); // parenthesised join: `(a JOIN b ON …)`
      return close + 1;
    }
    const k = this.kw(i);
    if ((k === 'LATERAL' || k === 'UNNEST' || k === 'TABLE') && this.is(i + 1, '(')) {
      const close = Math.min(this.match[i + 1], b);
      this.scan(i + 2, close);
      return close + 1;
    }
    const { parts, end } = this.qualifiedName(i);
    if (parts.length === 0) return i;
    if (this.is(end, '(')) {
      // A table function: `FROM my_function(…)`.
      const close = Math.min(this.match[end], b);
      this.scan(end + 1, close);
      return close + 1;
    }
    this.record(i, parts, 'read');
    return end;
  }

  private skipAlias(i: number, b: number): number {
    if (i >= b) return i;
    if (this.kw(i) === 'AS') i++;
    const t = this.ts[i];
    if (t && (t.kind === 'quoted' || (t.kind === 'word' && !NOT_ALIAS.has(keyword(t))))) {
      i++;
      if (this.is(i, '(')) i = Math.min(this.match[i], b) + 1; // column aliases `t(a, b)`
    }
    return i;
  }

  /** Classifies the statement by its leading keywords and scans it. */
  run(): void {
    const n = this.ts.length;
    let i = 0;
    const k = this.kw(0);
    if (k === 'EXPLAIN') {
      i = 1;
      while (this.is(i, '(')) i = this.match[i] + 1;
      if (this.kw(i) === 'ANALYZE') i++;
    }
    const lead = this.kw(i);
    switch (lead) {
      case 'CREATE': {
        let j = i + 1;
        if (this.kw(j) === 'OR' && this.kw(j + 1) === 'REPLACE') j += 2;
        while (['EXTERNAL', 'TEMPORARY', 'TEMP', 'MATERIALIZED'].includes(this.kw(j))) j++;
        if (this.kw(j) !== 'TABLE' && this.kw(j) !== 'VIEW') return; // DATABASE, SCHEMA, FUNCTION: no table
        j++;
        if (this.kw(j) === 'IF' && this.kw(j + 1) === 'NOT' && this.kw(j + 2) === 'EXISTS') j += 3;
        this.scan(this.target(j, 'create'), n);
        return;
      }
      case 'INSERT': {
        let j = i + 1;
        if (this.kw(j) === 'INTO' || this.kw(j) === 'OVERWRITE') j++;
        if (this.kw(j) === 'TABLE') j++;
        this.scan(this.target(j, 'write'), n);
        return;
      }
      case 'MERGE': {
        let j = i + 1;
        if (this.kw(j) === 'INTO') j++;
        j = this.target(j, 'write');
        while (j < n && this.kw(j) !== 'USING') j++;
        if (j < n) j = this.skipAlias(this.relation(j + 1, n), n);
        this.scan(j, n);
        return;
      }
      case 'UPDATE':
        this.scan(this.target(i + 1, 'write'), n);
        return;
      case 'DELETE':
        this.scan(this.target(this.kw(i + 1) === 'FROM' ? i + 2 : i + 1, 'write'), n);
        return;
      case 'ALTER':
        if (this.kw(i + 1) === 'TABLE') this.target(i + 2, 'write');
        return;
      case 'MSCK':
        if (this.kw(i + 1) === 'REPAIR' && this.kw(i + 2) === 'TABLE') this.target(i + 3, 'write');
        return;
      case 'DROP':
      case 'SHOW':
      case 'DESCRIBE':
      case 'USE':
      case 'SET':
      case 'RESET':
        return;
      default:
        this.scan(i, n);
    }
  }
}

/** Every table reference in `sql` (one or more `;`-separated statements), in text order per statement. */
export function tableReferences(sql: string, options: RefOptions = {}): TableRef[] {
  return tableReferencesOf(tokenize(sql), options);
}

/** Same as tableReferences, over tokens from `tokenize` (so callers can tokenize once). */
export function tableReferencesOf(tokens: readonly Token[], options: RefOptions = {}): TableRef[] {
  const refs: TableRef[] = [];
  let statement: Token[] = [];
  const flush = () => {
    if (statement.length > 0) {
      const scanner = new StatementScanner(statement, options);
      scanner.run();
      refs.push(...scanner.refs);
    }
    statement = [];
  };
  for (const t of tokens) {
    if (isTrivia(t)) continue;
    if (t.kind === 'punct' && t.text === ';') flush();
    else statement.push(t);
  }
  flush();
  return refs;
}

/**
 * The qualified `database.table` a reference names: unqualified names take `database`; Athena's default catalog
 * prefix `awsdatacatalog.` is dropped; other catalogs stay (`catalog.db.table`).
 */
export function qualifyTable(parts: readonly string[], database: string): string {
  const rest = parts.length === 3 && parts[0] === 'awsdatacatalog' ? parts.slice(1) : parts;
  return rest.length === 1 ? `${database.toLowerCase()}.${rest[0]}` : rest.join('.');
}
