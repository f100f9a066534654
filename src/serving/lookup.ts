// The lookup API's contract, shared by `lake api` (src/serving/local-api.ts) and the Lambda behind the HTTP API
// (functions/lookup-api.ts), so both answer the same request the same way:
//   GET /v1/<Table>/<key> → 200 + the item as JSON
//                         → 404 {"error":"not_found"} for an unknown table or key
//                         → 400 {"error":"bad_request", …} for a malformed key
// A key is the served key columns' values joined with `#` (src/pipeline/serving.ts `servingKey`), URL-encoded as one
// path segment. Kept free of AWS and DuckDB imports: the Lambda bundles it.

/** A table declared with `serve:` in a model's header: its name and key columns, in key order. */
export interface ServedTable {
  name: string;
  key: readonly string[];
}

export interface LookupResponse {
  status: 200 | 400 | 404 | 405 | 500;
  body: unknown;
}

/**
 * The response body as JSON text. A whole number beyond 2^53 reads back from DynamoDB as a bigint (every digit kept);
 * it is written as a JSON number with all its digits (JSON numbers have no precision limit), where JSON.stringify
 * would throw.
 */
export function lookupBodyJson(body: unknown): string {
  const marker = `__lake_bigint_${process.pid}_`;
  const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? `${marker}${value}` : value));
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}

/** Where the items are: the item stored under the joined key, or undefined. `parts` are the key's column values. */
export type ItemReader = (table: ServedTable, key: string, parts: readonly string[]) => Promise<unknown>;

export const NOT_FOUND: LookupResponse = { status: 404, body: { error: 'not_found' } };
const badRequest = (message: string): LookupResponse => ({ status: 400, body: { error: 'bad_request', message } });

/** Served tables of a project's nodes, by table name (the names URLs use). */
export function servedTables(nodes: ReadonlyArray<{ header: { serve?: { table: string; key: readonly string[] } } }>): Map<string, ServedTable> {
  const tables = new Map<string, ServedTable>();
  for (const node of nodes) if (node.header.serve) tables.set(node.header.serve.table, { name: node.header.serve.table, key: node.header.serve.key });
  return tables;
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** Answers one request: `path` is the raw (still URL-encoded) path, without the query string. */
export async function lookup(method: string, path: string, tables: ReadonlyMap<string, ServedTable>, read: ItemReader): Promise<LookupResponse> {
  const segments = path.split('/');
  // ['', 'v1', table, key]: anything else is not a route of this API.
  if (segments.length !== 4 || segments[0] !== '' || segments[1] !== 'v1') return NOT_FOUND;
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, body: { error: 'method_not_allowed' } };
  const table = tables.get(decode(segments[2]) ?? '');
  if (!table) return NOT_FOUND;
  const key = decode(segments[3]);
  if (key === undefined) return badRequest(`the key '${segments[3]}' is not valid URL encoding`);
  if (key === '') return badRequest(`${table.name} needs a key: ${table.key.join('#')}`);
  const parts = key.split('#');
  if (parts.length !== table.key.length) {
    return badRequest(`${table.name} keys have ${table.key.length} part(s) joined with '#' (${table.key.join('#')}); got ${parts.length}`);
  }
  const item = await read(table, key, parts);
  return item === undefined ? NOT_FOUND : { status: 200, body: item };
}
