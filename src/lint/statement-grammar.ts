// Which grammar an Athena statement is written in. Athena runs DDL (CREATE TABLE without a query, ALTER, MSCK,
// DROP TABLE, databases, SHOW PARTITIONS/TBLPROPERTIES/DATABASES) on Hive and everything else (queries, CTAS, views,
// DML) on Trino; a few statements (OPTIMIZE, VACUUM, UNLOAD, Iceberg's ALTER TABLE … DROP COLUMN) are Athena's own.
import { isTrivia, keyword, tokenize, type Token } from '../dialect/tokens.js';

export type Grammar = 'trino' | 'hive' | 'athena';

const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

function significant(text: string): Token[] {
  return tokenize(text).filter((t) => !isTrivia(t));
}

/** A CREATE TABLE whose body is a query (`… AS SELECT`), found at parenthesis depth 0. */
function isCtas(ts: Token[]): boolean {
  let depth = 0;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && keyword(t) === 'AS') {
      const next = ts[i + 1];
      if (next && (QUERY_START.has(keyword(next)) || (next.kind === 'punct' && next.text === '('))) return true;
    }
  }
  return false;
}

export function statementGrammar(text: string): Grammar {
  const ts = significant(text);
  const words = ts.slice(0, 6).map(keyword);
  const [first, second] = words;
  if (first === 'OPTIMIZE' || first === 'VACUUM' || first === 'UNLOAD') return 'athena';
  if (first === 'ALTER' && ts.some((t, i) => keyword(t) === 'DROP' && keyword(ts[i + 1]) === 'COLUMN')) return 'athena';
  if (first === 'MSCK' || first === 'ALTER' || first === 'DESCRIBE') return 'hive';
  if (first === 'SHOW' && ['PARTITIONS', 'TBLPROPERTIES', 'DATABASES', 'SCHEMAS', 'VIEWS'].includes(second)) return 'hive';
  if (first === 'DROP') return second === 'VIEW' ? 'trino' : 'hive';
  if (first === 'CREATE') {
    if (words.includes('VIEW') || words.includes('FUNCTION')) return 'trino';
    if (words.includes('DATABASE') || words.includes('SCHEMA')) return 'hive';
    if (words.includes('TABLE')) return isCtas(ts) ? 'trino' : 'hive';
  }
  return 'trino';
}

/** An Iceberg CREATE TABLE with partition transforms (`day(ts)`, `bucket(16, id)`): valid Athena, valid in no grammar we have. */
export const hasPartitionTransforms = (text: string): boolean => /\bPARTITIONED\s+BY\s*\([^)]*\w\s*\(/i.test(text);
