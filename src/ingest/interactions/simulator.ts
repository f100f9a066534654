// The bundled stand-in for seed 000's customer-interaction API: a real HTTP server on 127.0.0.1 that serves pages of
// generated records. `GET /api/customer-interaction/?limit=N` returns a JSON array of up to N records (an empty array
// once a historic data set is exhausted). `failNext` makes the next requests fail, to exercise producer retries.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionGenerator, type InteractionGeneratorOptions } from './generator.js';

export const INTERACTIONS_PATH = '/api/customer-interaction/';

export interface SimulatorOptions extends InteractionGeneratorOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Records per response when the request gives no `limit`. */
  defaultPageSize?: number;
  /** Upper bound for `limit`. */
  maxPageSize?: number;
}

export interface SimulatorStats {
  requests: number;
  failedRequests: number;
  recordsServed: number;
}

export class InteractionSimulator {
  private readonly generator: InteractionGenerator;
  private failures: { remaining: number; status: number } = { remaining: 0, status: 503 };
  readonly stats: SimulatorStats = { requests: 0, failedRequests: 0, recordsServed: 0 };

  private constructor(
    private readonly server: Server,
    private readonly options: SimulatorOptions,
  ) {
    this.generator = new InteractionGenerator(options);
  }

  static async start(options: SimulatorOptions): Promise<InteractionSimulator> {
    const server = createServer();
    const simulator = new InteractionSimulator(server, options);
    server.on('request', (req, res) => simulator.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return simulator;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${INTERACTIONS_PATH}`;
  }

  /** Records not yet served (Infinity in live mode). */
  get remaining(): number {
    return this.generator.remaining;
  }

  /** The next `count` requests answer with `status` instead of records. */
  failNext(count: number, status = 503): void {
    this.failures = { remaining: count, status };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.stats.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || (url.pathname !== INTERACTIONS_PATH && url.pathname !== INTERACTIONS_PATH.slice(0, -1))) {
      this.send(res, 404, { error: `no route ${req.method} ${url.pathname}` });
      return;
    }
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      this.stats.failedRequests++;
      this.send(res, this.failures.status, { error: 'simulated upstream failure' });
      return;
    }
    const max = this.options.maxPageSize ?? 10_000;
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? (this.options.defaultPageSize ?? 10) : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > max) {
      this.send(res, 400, { error: `limit must be an integer in 1..${max}, got '${limitParam}'` });
      return;
    }
    const page = this.generator.nextPage(limit);
    this.stats.recordsServed += page.length;
    this.send(res, 200, page);
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
}
