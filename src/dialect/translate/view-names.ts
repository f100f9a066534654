// Trino resolves a view's unqualified table names when the view is created, in the schema of the session that
// creates it (https://trino.io/docs/current/sql/create-view.html: the view stores its query; names are bound at
// creation). DuckDB would bind them later, in the view's own schema. The view's query is therefore stored with the
// creating session's database written out: `FROM t` in a session of db2 reads db2.t, wherever the view lives.
import { tableReferences } from '../../project/refs.js';
import { tokenize } from '../tokens.js';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function qualifyViewReads(query: string, database: string): string {
  const unqualified = tableReferences(query).filter((r) => r.access === 'read' && r.parts.length === 1);
  if (unqualified.length === 0) return query;
  const at = new Set(unqualified.map((r) => `${r.line}:${r.col}`));
  return tokenize(query)
    .map((t) => ((t.kind === 'word' || t.kind === 'quoted') && at.has(`${t.line}:${t.col}`) ? `${quoteIdentifier(database)}.${t.text}` : t.text))
    .join('');
}
