// Trino query/expression SQL → DuckDB SQL with Trino's semantics (function shims, operator and literal rewrites).
import type { TranslateContext } from './index.js';

export function translateQuery(sql: string, _ctx: TranslateContext): string {
  return sql;
}
