// `lake api`: the lookup API (src/serving/lookup.ts) on 127.0.0.1 over the local serving tables, the JSON-file
// key-value stores the serving step writes (`<lake>/.state/serving/<Table>.json`). The AWS side answers the same
// contract from DynamoDB (functions/lookup-api.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { JsonFileKeyValueStore } from '../storage/kv-store/json-file.js';
import { lookup, lookupBodyJson, type LookupResponse, type ServedTable } from './lookup.js';

export const LOOPBACK = '127.0.0.1';

/** The local stand-in for a serving table (DynamoDB on AWS): one JSON-file key-value store per table. */
export function servingStorePath(lakeRoot: string, table: string): string {
  return join(lakeRoot, '.state', 'serving', `${table}.json`);
}

export interface LocalApiOptions {
  lakeRoot: string;
  tables: ReadonlyMap<string, ServedTable>;
  /** 0: any free port. */
  port: number;
}

export interface LocalApi {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, response: LookupResponse, head: boolean): void {
  const body = lookupBodyJson(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : body);
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  // One store per table for the server's life, so each file is parsed again only when a run replaced it.
  const stores = new Map<string, JsonFileKeyValueStore>();
  const storeOf = (table: string) => {
    let store = stores.get(table);
    if (!store) stores.set(table, (store = new JsonFileKeyValueStore(servingStorePath(options.lakeRoot, table), {}, { reuseUnchanged: true })));
    return store;
  };
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method ?? 'GET';
    try {
      const response = await lookup(method, path, options.tables, async (table, key) => (await storeOf(table.name).get(key))?.value);
      send(res, response, method === 'HEAD');
    } catch (error) {
      // The store is unreadable (corrupt file): the server's fault, not the request's.
      send(res, { status: 500, body: { error: 'internal', message: error instanceof Error ? error.message : String(error) } }, false);
    }
  };
  const server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
