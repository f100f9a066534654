import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONDITION_QUERY_MARK } from '../../src/alerts/condition.js';
import { alertsOf, defineAlert, type AlertDefinition } from '../../src/alerts/definition.js';
import type { Notifier } from '../../src/alerts/notifiers/notifier.js';
import type { Notice } from '../../src/alerts/state.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { Engine, ExecuteOptions, QueryResult } from '../../src/engines/engine.js';
import { loadProject, type Project } from '../../src/project/loader.js';
import { projectVariables, substituteVariables } from '../../src/project/variables.js';

export const tempDir = (prefix = 'alerts-') => mkdtempSync(join(tmpdir(), prefix));

/** A project folder holding the repository's lakehouse.yaml and the given SQL files (paths relative to the repo). */
export function projectWith(files: string[]): string {
  const root = tempDir('alerts-project-');
  copyFileSync(resolve('lakehouse.yaml'), join(root, 'lakehouse.yaml'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    copyFileSync(resolve(file), join(root, file));
  }
  return root;
}

const P1_FILES = ['sql/ddl/p1_crm_data.sql', 'sql/alerts/p1_negative_interactions.sql'];

/** The shipped P1 alert and DDL, loaded through the project loader. */
export async function p1Project(): Promise<Project> {
  return loadProject(projectWith(P1_FILES));
}

export async function p1Alert(): Promise<AlertDefinition> {
  return alertsOf((await p1Project()).nodes, ['p1_negative_interactions'])[0];
}

/** A local engine over a fresh lake folder with the shipped `crm_data` table (sql/ddl/p1_crm_data.sql), empty. */
export async function crmEngine(): Promise<AthenaLocalEngine> {
  const project = await p1Project();
  const ddl = project.nodes.find((n) => n.kind === 'ddl')!;
  const engine = await AthenaLocalEngine.open({ lakeRoot: tempDir('alerts-lake-'), inMemory: true, database: project.config.database });
  await engine.execute(`CREATE DATABASE IF NOT EXISTS ${project.config.database}`);
  await engine.execute(substituteVariables(ddl.sql, projectVariables(project.config, project.stage), { file: ddl.file }));
  return engine;
}

/** Inserts interactions at `at` (one row per rating). */
export async function addInteractions(engine: Engine, at: string, ratings: number[]): Promise<void> {
  const d = new Date(at);
  const ts = at.replace('T', ' ').replace('Z', '');
  const values = ratings.map(
    (rating, i) =>
      `(${i + 1}, 'support_call', TIMESTAMP '${ts}', 'phone', ${rating}, 'msg', TIMESTAMP '${ts}', ${d.getUTCFullYear()}, ${d.getUTCMonth() + 1}, ${d.getUTCDate()}, ${d.getUTCHours()})`,
  );
  await engine.execute(`INSERT INTO crm_data VALUES ${values.join(', ')}`);
}

/** An alert defined in the test, as a header would give it. */
export function testAlert(overrides: { name?: string; sql?: string; alert?: Record<string, unknown>; schedule?: string } = {}): AlertDefinition {
  return defineAlert({
    name: overrides.name ?? 'test_alert',
    file: `sql/alerts/${overrides.name ?? 'test_alert'}.sql`,
    bodyLine: 10,
    sql: overrides.sql ?? 'SELECT 1 AS n',
    header: {
      schedule: overrides.schedule ?? 'rate(1 hour)',
      alert: { condition: 'n > 0', message: 'n is {n}', channels: ['memory'], ...overrides.alert } as never,
    },
  });
}

let conditionEngine: Promise<AthenaLocalEngine> | undefined;

/**
 * An engine answering every alert query with a fixed result, or failing, as a test sets it. An alert's condition is SQL
 * the engine evaluates over that result (src/alerts/condition.ts): those statements go to a real local engine, and are
 * not in `queries`.
 */
export class ScriptedEngine implements Engine {
  readonly name = 'scripted';
  readonly capabilities = { maxPartitionsPerWrite: 100, reportsBytesScanned: false };
  queries: string[] = [];
  /** The options each condition statement was sent with. */
  conditionOptions: (ExecuteOptions | undefined)[] = [];
  constructor(public answer: QueryResult | Error) {}
  static rows(columns: string[], rows: QueryResult['rows']): QueryResult {
    return { columns: columns.map((name) => ({ name, type: 'bigint' })), rows, stats: { durationMs: 0 } };
  }
  async execute(sql: string, options?: ExecuteOptions): Promise<QueryResult> {
    if (sql.startsWith(CONDITION_QUERY_MARK)) {
      this.conditionOptions.push(options);
      conditionEngine ??= AthenaLocalEngine.open({ lakeRoot: tempDir('alerts-conditions-'), inMemory: true, threads: 1 });
      return (await conditionEngine).execute(sql, options);
    }
    this.queries.push(sql);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
  async close(): Promise<void> {}
}

/** Records every notice; fails while `failuresLeft` > 0. */
export class MemoryNotifier implements Notifier {
  readonly target = 'memory';
  sent: Notice[] = [];
  failuresLeft = 0;
  async send(notice: Notice): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('memory channel down');
    }
    this.sent.push(notice);
  }
}

export interface RecordedRequest {
  body: unknown;
  headers: IncomingMessage['headers'];
  status: number;
}

/** A real HTTP server on 127.0.0.1 answering POSTs with the statuses in `script` (then 200). */
export async function webhookServer(script: number[] = []): Promise<{ url: string; requests: RecordedRequest[]; script: number[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const state = { script: [...script] };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const status = state.script.shift() ?? 200;
      requests.push({ body: JSON.parse(text) as unknown, headers: req.headers, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'unavailable');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/oncall`,
    requests,
    get script() {
      return state.script;
    },
    set script(next: number[]) {
      state.script = [...next];
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
