// Athena DML → local engine actions: INSERT INTO (Hive tables get new files, Iceberg tables rows), and the row-level
// UPDATE / DELETE / MERGE that Athena allows on Iceberg tables only.
import type { LakeAction } from '../lake-actions.js';
import { TokenCursor } from '../parse-cursor.js';
import { keyword } from '../tokens.js';
import type { TranslateContext } from './index.js';
import { assignedHashOrderedColumns, queryHashOrderedOutputs } from './hash-orders.js';
import { resolveTableName } from './names.js';
import { translateQuery } from './query.js';
import { splitCallArgs } from './tree.js';

const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

export function translateInsert(sql: string, ctx: TranslateContext): LakeAction {
  const c = new TokenCursor(sql);
  c.expectKeyword('INSERT', 'INTO');
  const target = resolveTableName(c.qualifiedName(), ctx.database);
  let columns: string[] | undefined;
  // `(a, b) SELECT …` is a column list; `(SELECT …)` is the query.
  if (c.isPunct('(') && !QUERY_STARTS.has(keyword(c.peek(1)))) {
    c.expectPunct('(');
    columns = [];
    do columns.push(c.identifier('a column name'));
    while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  const at = c.peek();
  const query = c.textFrom();
  if (!query) throw c.error('expected SELECT … or VALUES … after the table name');
  const sourceSql = translateQuery(query, ctx, { at });
  const hashOrdered = queryHashOrderedOutputs(query, splitCallArgs, ctx.hashOrderedColumns);
  return {
    type: 'insert',
    target,
    ...(columns ? { columns } : {}),
    sourceSql,
    ...(hashOrdered ? (hashOrdered.positions ? { hashOrderedPositions: hashOrdered.positions } : { hashOrderedColumns: hashOrdered.names }) : {}),
  };
}

const isClauseWord = (word: string) => ['WHEN', 'ON', 'USING', 'SET', 'WHERE'].includes(word);

/** UPDATE t SET … [WHERE …] and DELETE FROM t [WHERE …]. */
export function translateUpdateOrDelete(sql: string, ctx: TranslateContext): LakeAction {
  const c = new TokenCursor(sql);
  let verb: 'UPDATE' | 'DELETE' = 'UPDATE';
  if (!c.acceptKeyword('UPDATE')) {
    c.expectKeyword('DELETE', 'FROM');
    verb = 'DELETE';
  }
  const target = resolveTableName(c.qualifiedName(), ctx.database);
  // A DELETE of every row leaves no value of a hash order behind (a WHERE written anywhere, even in a quoted name, keeps them).
  const emptied = verb === 'DELETE' && !/\bWHERE\b/i.test(sql) ? { hashOrderReplaced: 'all' as const } : {};
  return { type: 'modifyRows', verb, target, sql: translateQuery(sql, ctx), ...(verb === 'UPDATE' ? assignedHashOrdered(sql, ctx) : emptied) };
}

/** The columns an UPDATE's or MERGE's assignments write from hash-ordered maps (hash-orders.ts assignedHashOrderedColumns). */
function assignedHashOrdered(
  sql: string,
  ctx: TranslateContext,
): { hashOrderedColumns?: string[]; hashOrderedPositions?: number[]; hashOrderReplaced?: string[] } {
  const assigned = assignedHashOrderedColumns(sql, splitCallArgs, ctx.hashOrderedColumns);
  if (!assigned) return {};
  return {
    ...(assigned.names.length > 0 ? { hashOrderedColumns: assigned.names } : {}),
    ...(assigned.positions.length > 0 ? { hashOrderedPositions: assigned.positions } : {}),
    ...(assigned.replaced.length > 0 ? { hashOrderReplaced: assigned.replaced } : {}),
  };
}

/**
 * MERGE INTO target [AS] t USING source [AS] s ON cond WHEN …. Trino fails when one target row is matched by several
 * source rows; DuckDB would silently apply one of them, so a pre-check query looks for such rows first.
 */
export function translateMerge(sql: string, ctx: TranslateContext): LakeAction {
  const c = new TokenCursor(sql);
  c.expectKeyword('MERGE', 'INTO');
  const name = c.qualifiedName();
  const target = resolveTableName(name, ctx.database);
  const targetText = c.textFrom(0, c.pos).replace(/^\s*MERGE\s+INTO\s+/i, '');
  c.acceptKeyword('AS');
  const targetAlias = c.peek() && !isClauseWord(keyword(c.peek())) ? c.identifier('an alias') : name.parts[name.parts.length - 1];
  c.expectKeyword('USING');
  let sourceText: string;
  if (c.isPunct('(')) {
    const at = c.peek(1);
    sourceText = `(${translateQuery(c.parenthesized(), ctx, { at })})`;
  } else {
    const start = c.pos;
    c.qualifiedName('a source table');
    sourceText = c.textFrom(start, c.pos);
  }
  c.acceptKeyword('AS');
  const sourceAlias = c.peek() && !isClauseWord(keyword(c.peek())) ? c.identifier('an alias') : undefined;
  // `USING (VALUES 2, 4) s(k)`: the alias's column list (Trino 476 takes it; replay34, TestMergeNotMatchedBySource).
  let sourceColumns = '';
  if (sourceAlias !== undefined && c.isPunct('(')) {
    const start = c.pos;
    c.expectPunct('(');
    do c.identifier('a column name');
    while (c.acceptPunct(','));
    c.expectPunct(')');
    sourceColumns = c.textFrom(start, c.pos);
  }
  c.expectKeyword('ON');
  const onStart = c.pos;
  const onEnd = c.findTopLevel((t) => keyword(t) === 'WHEN');
  const condition = translateQuery(c.textFrom(onStart, onEnd), ctx, { at: c.tokenAt(onStart) });
  c.pos = onEnd;
  // `WHEN NOT MATCHED BY SOURCE|TARGET` is newer than Trino 476: Athena's syntax error at BY ("mismatched input 'BY'.
  // Expecting: 'AND', 'THEN'"), where DuckDB ran it (replay34, Trino's TestMergeNotMatchedBySource).
  const by = c.findTopLevel((t, i) => keyword(t) === 'BY' && keyword(c.tokenAt(i - 1)) === 'MATCHED' && keyword(c.tokenAt(i - 2)) === 'NOT');
  if (by < c.tokenCount) throw c.error("expected AND or THEN after WHEN NOT MATCHED (Athena's syntax error)", c.tokenAt(by));
  const hasMatched = c.findTopLevel((t, i) => keyword(t) === 'WHEN' && keyword(c.tokenAt(i + 1)) === 'MATCHED') < c.tokenCount;
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const check = hasMatched
    ? `SELECT 1 FROM ${targetText} AS ${q(targetAlias)} JOIN ${sourceText}${sourceAlias ? ` AS ${q(sourceAlias)}${sourceColumns}` : ''} ON ${condition} GROUP BY ${q(targetAlias)}.rowid HAVING count(*) > 1 LIMIT 1`
    : undefined;
  return {
    type: 'modifyRows',
    verb: 'MERGE',
    target,
    sql: translateQuery(sql, ctx),
    ...(check ? { multipleMatchCheck: check } : {}),
    ...assignedHashOrdered(sql, ctx),
  };
}
