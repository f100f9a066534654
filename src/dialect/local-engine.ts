import { EngineError, type Engine, type EngineCapabilities, type ExecuteOptions, type QueryResult } from '../engines/engine.js';
import { CATALOG, catalogName, LakeCatalog } from '../engines/duckdb/catalog.js';
import { attachLakeCatalog, lakeCatalogPath } from '../engines/duckdb/connection.js';
import { DuckDbEngine } from '../engines/duckdb/engine.js';
import { runLakeAction, type LakeSessionContext } from '../engines/duckdb/lake-session.js';
import { claimLakeFolder } from '../engines/lake-folder.js';
import { confineToLake, refuseEngineStatements, refuseEscapingLocations } from './sandbox.js';
import { registerShims } from './shims/index.js';
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
/** Athena: one CTAS/INSERT may write at most 100 partitions (HIVE_TOO_MANY_OPEN_PARTITIONS). */
export const ATHENA_MAX_PARTITIONS_PER_WRITE = 100;

/**
 * The local Athena: takes Athena SQL, translates it to DuckDB SQL with Trino's semantics, runs it on embedded DuckDB
 * over the local lake folder.
 */
export class AthenaLocalEngine implements Engine {
  readonly name = 'local';

  private constructor(
    private readonly duck: DuckDbEngine,
    private readonly catalog: LakeCatalog,
    private readonly defaultDatabase: string,
  ) {}

  /** Athena's limits, so that what runs locally also runs on Athena (e.g. 100 partitions per write). */
  get capabilities(): EngineCapabilities {
    return { ...this.duck.capabilities, maxPartitionsPerWrite: ATHENA_MAX_PARTITIONS_PER_WRITE };
  }

  get lakeRoot(): string {
    return this.duck.lakeRoot;
  }

  static async open(options: LocalEngineOptions): Promise<AthenaLocalEngine> {
    if (!options.inMemory) claimLakeFolder(options.lakeRoot);
    // The session runs in memory; the catalog file is attached as `awsdatacatalog` (see attachLakeCatalog).
    const duck = await DuckDbEngine.open({ databasePath: ':memory:', lakeRoot: options.lakeRoot, threads: options.threads });
    try {
      await attachLakeCatalog(duck.connection, options.inMemory ? ':memory:' : lakeCatalogPath(options.lakeRoot));
      await registerShims(duck.connection);
      const catalog = new LakeCatalog(duck.connection, options.lakeRoot);
      await catalog.ensure();
      await confineToLake(duck.connection, options.lakeRoot);
      return new AthenaLocalEngine(duck, catalog, options.database ?? DEFAULT_DATABASE);
    } catch (error) {
      await duck.close();
      throw error;
    }
  }

  async execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    const ctx: TranslateContext = { lakeRoot: this.duck.lakeRoot, database: (options.database ?? this.defaultDatabase).toLowerCase() };
    const started = performance.now();
    refuseEngineStatements(sql);
    refuseEscapingLocations(sql);
    const { steps } = translateStatement(sql, ctx);
    await this.useDatabase(ctx.database);
    await this.catalog.refreshViews();
    const session: LakeSessionContext = {
      duck: this.duck,
      connection: this.duck.connection,
      catalog: this.catalog,
      lakeRoot: this.duck.lakeRoot,
      maxPartitionsPerWrite: this.capabilities.maxPartitionsPerWrite,
    };
    let result: QueryResult | undefined;
    for (const step of steps) {
      const r = step.kind === 'sql' ? await this.duck.execute(step.sql, options) : await runLakeAction(session, step.action);
      if (step.result) result = r;
    }
    if (!result) throw new EngineError('internal: translation produced no result step');
    return { ...result, stats: { ...result.stats, durationMs: performance.now() - started } };
  }

  /** Unqualified names resolve in the session's database; a missing one leaves them resolving nowhere. */
  private async useDatabase(database: string): Promise<void> {
    const exists = await this.catalog.databaseExists(database);
    await this.duck.connection.run(`USE ${exists ? catalogName(database) : `${CATALOG}.main`}`);
  }

  async close(): Promise<void> {
    await this.duck.close();
  }
}
