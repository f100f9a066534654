// Trino's JSON path for json_extract, json_extract_scalar and json_size (Trino 476's JsonPathTokenizer): `$`, then
// any number of `.key` (letters, digits, `_` and `:`), `[key]` (letters, digits, `_`) or `["quoted key"]` (only `\"`
// and `\\` escaped). Anything else fails on Athena with "Invalid JSON path" ('$.a[*]', '$..b', '$[-1]', 'a.b', '$.a-b';
// checked on Trino 476), where DuckDB's own path language answered.

/** The path's keys and indexes, or undefined when Trino rejects the path. */
export function trinoJsonPathTokens(path: string): string[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const tokens: string[] = [];
  let i = 1;
  const run = (ok: RegExp) => {
    const start = i;
    while (i < path.length && ok.test(path[i])) i++;
    return path.slice(start, i);
  };
  while (i < path.length) {
    const ch = path[i++];
    if (ch === '.') {
      const key = run(/[\p{L}\p{Nd}_:]/u);
      if (key === '') return undefined;
      tokens.push(key);
    } else if (ch === '[') {
      let key = '';
      if (path[i] === '"') {
        i++;
        for (; i < path.length && path[i] !== '"'; i++) {
          if (path[i] === '\\') {
            if (path[i + 1] !== '"' && path[i + 1] !== '\\') return undefined;
            i++;
          }
          key += path[i];
        }
        if (path[i++] !== '"') return undefined;
      } else {
        key = run(/[\p{L}\p{Nd}_]/u);
        if (key === '') return undefined;
      }
      if (path[i++] !== ']') return undefined;
      tokens.push(key);
    } else {
      return undefined;
    }
  }
  return tokens;
}

/**
 * The DuckDB path reaching the same value, or undefined when a key cannot be written in DuckDB's path (a quote or
 * backslash in it). A token of digits that fits an int is an array index here; Trino also reads it as the key of an object ("0"),
 * which the DuckDB path does not.
 */
export function duckdbJsonPath(tokens: readonly string[]): string | undefined {
  let out = '$';
  for (const token of tokens) {
    if (/^[0-9]{1,9}$/.test(token)) out += `[${Number(token)}]`;
    else if (/["\\]/.test(token)) return undefined;
    else out += `."${token}"`;
  }
  return out;
}
