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
