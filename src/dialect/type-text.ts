// Type texts (Trino's `map(varchar, array(integer))`, Hive's `struct<a:int,b:int>`, DuckDB's typeof()
// `STRUCT("a b" INTEGER[], c MAP(VARCHAR, INTEGER))`) split into their parts.

/**
 * The top-level pieces of a type's text split at commas, trimmed: commas inside parentheses, brackets, angle brackets
 * or double-quoted names do not split.
 */
export function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '>') depth--;
    else if (c === ',' && depth === 0) {
      pieces.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  pieces.push(text.slice(start).trim());
  return pieces;
}
