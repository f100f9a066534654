// A fake Trino coordinator on 127.0.0.1 that speaks the few responses of the client protocol
// (https://trino.io/docs/current/develop/client-protocol.html) a test scripts: each statement maps to a list of pages
// (raw JSON text, so numbers beyond 2^53 travel exactly as Trino writes them) or HTTP statuses.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeStep = { status: number; body?: string } | { json: string };

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeTrino {
  url: string;
  requests: FakeRequest[];
  /** Scripts the answers to the statement whose text is `sql`: page i answers the i-th request of that query. */
  script(sql: string, steps: FakeStep[]): void;
  close(): Promise<void>;
}

/** A QueryResults document: `next` makes it point at the following page. */
export function page(queryId: string, fields: string, next: boolean, url: string, index: number): string {
  const nextUri = next ? `,"nextUri":"${url}/v1/statement/executing/${queryId}/${index + 1}"` : '';
  return `{"id":"${queryId}"${nextUri}${fields ? `,${fields}` : ''},"stats":{"state":"${next ? 'RUNNING' : 'FINISHED'}"}}`;
}

export async function startFakeTrino(): Promise<FakeTrino> {
  const scripts = new Map<string, FakeStep[]>();
  const requests: FakeRequest[] = [];
  let queryCount = 0;
  const byQuery = new Map<string, FakeStep[]>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const reply = (step: FakeStep | undefined) => {
        if (!step) {
          res.writeHead(404).end('no such page');
        } else if ('json' in step) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(step.json);
        } else {
          res.writeHead(step.status).end(step.body ?? '');
        }
      };
      if (req.method === 'POST' && path === '/v1/statement') {
        const steps = scripts.get(body);
        if (!steps) return reply({ status: 400, body: `unscripted statement: ${body}` });
        const id = `q${++queryCount}`;
        const queue = steps.map((s) => ('json' in s ? { json: s.json.replaceAll('${id}', id) } : s));
        byQuery.set(id, queue);
        return reply(queue.shift());
      }
      const match = /^\/v1\/statement\/executing\/([^/]+)\/\d+$/.exec(path);
      if (req.method === 'DELETE' && match) return reply({ status: 204 });
      if (req.method === 'GET' && match) return reply(byQuery.get(match[1])?.shift());
      return reply(undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    script: (sql, steps) => scripts.set(sql, steps),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
