import { join } from 'node:path';
import { EngineError, type Engine, type ExecuteOptions, type QueryResult } from '../engines/engine.js';
import { DuckDbEngine } from '../engines/duckdb/engine.js';
import { translateStatement, type TranslateContext } from './translate/index.js';

export interface LocalEngineOptions {
  /** Local lake folder. The catalog (the local Glue) is kept in `<lakeRoot>/.duckdb/catalog.duckdb`. */
  lakeRoot: string;
  /** Keep the catalog in memory only (tests, throw-away sessions). */
  inMemory?: boolean;
  /** Default database when a call names none (Athena's is `default`). */
  database?: string;
  threads?: number;
}

export const DEFAULT_DATABASE = 'default';

/**
 * The local Athena: takes Athena SQL, translates it to DuckDB SQL with Trino's semantics, runs it on embedded DuckDB
 * over the local lake folder.
 */
export class AthenaLocalEngine implements Engine {
  readonly name = 'local';

  private constructor(
    private readonly duck: DuckDbEngine,
    private readonly defaultDatabase: string,
  ) {}

  get capabilities() {
    return this.duck.capabilities;
  }

  get lakeRoot(): string {
    return this.duck.lakeRoot;
  }

  static async open(options: LocalEngineOptions): Promise<AthenaLocalEngine> {
    const duck = await DuckDbEngine.open({
      databasePath: options.inMemory ? ':memory:' : join(options.lakeRoot, '.duckdb', 'catalog.duckdb'),
      lakeRoot: options.lakeRoot,
      threads: options.threads,
    });
    return new AthenaLocalEngine(duck, options.database ?? DEFAULT_DATABASE);
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    const ctx: TranslateContext = { lakeRoot: this.duck.lakeRoot, database: options.database ?? this.defaultDatabase };
    const started = performance.now();
    const { steps } = translateStatement(sql, ctx);
    let result: QueryResult | undefined;
    for (const step of steps) {
      const r = await this.duck.execute(step.sql, options);
      if (step.result) result = r;
    }
    if (!result) throw new EngineError('internal: translation produced no result step');
    return { ...result, stats: { ...result.stats, durationMs: performance.now() - started } };
  }

  async close(): Promise<void> {
    await this.duck.close();
  }
}
