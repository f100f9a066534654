import {
  EngineError,
  type Column,
  type Engine,
  type EngineCapabilities,
  type ExecuteOptions,
  type QueryResult,
  type ReplacePartitionsOptions,
  type TableName,
} from '../engine.js';
import { CATALOG, catalogName, LakeCatalog } from './catalog.js';
import type { LakeColumn } from '../../dialect/lake-table.js';
import { CatalogAccess } from './catalog-access.js';
import { DuckDbEngine, withoutInternalSuggestions } from '../duckdb/engine.js';
import type { LakeAction } from '../../dialect/lake-actions.js';
import { emptyResult, runLakeAction, tableListing, type LakeSessionContext } from './lake-session.js';
import { swapLakeTable } from './lake-swap.js';
import { BindCache } from './bind-cache.js';
import { claimLakeFolder } from '../../storage/lake-folder.js';
import { AthenaCodedError } from '../../dialect/athena-error.js';
import { NO_SCAN_METER, ScanMeter, type ScanMetering } from './scan-meter.js';
import { confineToLake, refuseOutsideAthena } from './sandbox.js';
import { failureMessage, registerShims, type MacroSet } from '../../dialect/shims/index.js';
import { withSortedOutsideNames } from './sorted-names.js';
import { withUnknownTypes } from './unknown-types.js';
import { withUnambiguousMacroError } from './ambiguous-macros.js';
import { withPartitionFilters } from './partition-filters.js';
import { fileMissingColumn } from './parquet-reading.js';
import type { TranslationCache } from './translation-cache.js';
import { withTrinoColumnNames } from '../../dialect/anonymous-columns.js';
import {
  type CatalogColumn,
  columnsOfRelationsNamed,
  namesRelation,
  translateStatement,
  type TranslateContext,
  type TranslationStep,
} from '../../dialect/translate/index.js';
import { isTrivia, tokenize, type Token } from '../../dialect/tokens.js';
import { parseHiveType, trinoTypeOfHive } from '../../dialect/hive-types.js';
import type { QueryTranslations } from '../../dialect/translate/query.js';

export interface LocalEngineOptions {
  /** Local lake folder. The catalog (the local Glue) is kept in `<lakeRoot>/.duckdb/catalog.duckdb`. */
  lakeRoot: string;
  /** Keep the catalog in memory only (tests, throw-away sessions). */
  inMemory?: boolean;
  /** Default database when a call names none (Athena's is `default`). */
  database?: string;
  threads?: number;
  /** Who runs it (`lake run`), named to other processes that wait for this one. */
  command?: string;
  /** How long to wait for another process's hold on the lake before a LakeBusyError (default 120 s). */
  waitMs?: number;
  /** Under `exclusive`, how often the catalog held between statements looks for a waiting reader (default 100 ms). */
  holdIdleMs?: number;
  /** Told once per wait whom this process waits for (the CLI prints it on stderr). */
  onWait?: (message: string) => void;
  /** Count the bytes each statement reads from the lake (stats.bytesScanned; default true). */
  meterScans?: boolean;
  /** Translations kept between runs (translation-cache.ts: `lake test`); saved when the engine closes. */
  translations?: TranslationCache;
  /**
   * Share the bind of `CREATE TABLE … AS … WITH NO DATA` between queries of one shape (bind-cache.ts): for scratch
   * engines whose tables are created once (`lake lint`'s, schema discovery's).
   */
  bindCache?: boolean;
  /** Query translations made before (`lake lint`'s rules, on another thread), read instead of translating again. */
  queryTranslations?: QueryTranslations;
}

/** Statements whose actions only read the catalog: they attach it read-only. */
const READ_ACTIONS = new Set<LakeAction['type']>(['showTables', 'showDatabases', 'showPartitions', 'describe']);
const writes = (step: TranslationStep) => step.kind === 'action' && !READ_ACTIONS.has(step.action.type);
/**
 * Actions that change the catalog only through LakeCatalog.put/remove, which keep its snapshot current. Every other
 * writing action (CREATE/DROP of databases, tables and views, DROP COLUMN) also runs DDL of its own, so the snapshot
 * is dropped after it.
 */
const SNAPSHOT_KEEPING_ACTIONS = new Set<LakeAction['type']>([
  'insert',
  'modifyRows',
  'unload',
  'addPartitions',
  'dropPartitions',
  'repairTable',
  'setTableProperties',
  'unsetTableProperties',
  'setLocation',
]);
const changesCatalogDirectly = (step: TranslationStep) => writes(step) && step.kind === 'action' && !SNAPSHOT_KEEPING_ACTIONS.has(step.action.type);
/**
 * DDL that creates or drops one database, table or view through LakeCatalog (createDatabase, put, remove,
 * viewCreated, viewDropped), which keeps the snapshot current; only when one fails part-way is the snapshot dropped.
 */
const SNAPSHOT_FOLLOWING_DDL = new Set<LakeAction['type']>(['createDatabase', 'createTable', 'createTableAs', 'dropTable', 'createView', 'dropView']);
const dropsSnapshot = (step: TranslationStep, succeeded: boolean) =>
  changesCatalogDirectly(step) && !(succeeded && step.kind === 'action' && SNAPSHOT_FOLLOWING_DDL.has(step.action.type));

/**
 * Actions after which every relation the bind cache knows is as it was: they add relations or write rows (a view
 * replaced empties the cache itself, lake-session.ts).
 */
const RELATION_KEEPING_ACTIONS = new Set<LakeAction['type']>([
  'createDatabase',
  'createTable',
  'createTableAs',
  'createView',
  'insert',
  'modifyRows',
  'unload',
]);
const keepsRelations = (step: TranslationStep, reads: boolean) =>
  step.kind === 'sql' ? reads : !writes(step) || RELATION_KEEPING_ACTIONS.has(step.action.type);

/** A `CREATE TABLE … AS … WITH NO DATA` of an Iceberg table: bound, never run (lake-create-empty.ts). */
const createsEmptyTable = (step: TranslationStep): boolean =>
  step.kind === 'action' && step.action.type === 'createTableAs' && !step.action.spec.withData && step.action.spec.tableType === 'iceberg';

export const DEFAULT_DATABASE = 'default';
const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Athena: one CTAS/INSERT may write at most 100 partitions (HIVE_TOO_MANY_OPEN_PARTITIONS). */
export const ATHENA_MAX_PARTITIONS_PER_WRITE = 100;

const SET_OPERATION = /\b(?:UNION|INTERSECT|EXCEPT)\b/i;
/** A subquery that is no derived table of a FROM or JOIN: it may read the outer row (correlated-subqueries.ts). */
const SUBQUERY = /(?<!\b(?:FROM|JOIN)\s*)\(\s*(?:SELECT|WITH)\b/i;
/**
 * The same, but not a WITH query's body either (`name AS (SELECT`, `name(a, b) AS (WITH`): no query's FROM is visible
 * in it (correlated-subqueries.ts, 62dd1d4). What `lake lint`'s bind asks (columnTypesNamed).
 */
const OUTER_ROW_SUBQUERY = /(?<!\b(?:FROM|JOIN|AS)\s*)\(\s*(?:SELECT|WITH)\b/i;
/**
 * Checks and shims of a translation that a column's known type makes needless (issue 18; known-types.ts
 * levelColumnTypes): type checks (`typeof([…])`, comparison guards), typed arithmetic, NaN comparisons, avg's witness.
 */
const TYPE_GUARDED =
  /typeof\(\[|trino_text_(?:literal_)?comparable\(|trino_comparable_columns\(|trino_avg_type\(|trino_(?:plus|multiply|subtract|minus)_1\(|trino_nan_in\(/;
const relationPart = (t: Token | undefined): string | undefined =>
  t && (t.kind === 'word' || t.kind === 'quoted')
    ? t.text
        .replace(/^"(.*)"$/s, '$1')
        .replaceAll('""', '"')
        .toLowerCase()
    : undefined;

/** The lower-case `database.name` of every name a statement's tokens may make (the catalog keeps only tables' ones). */
function namesOf(sql: string, database: string): Set<string> {
  const tokens = tokenize(sql).filter((t) => !isTrivia(t));
  const names = new Set<string>();
  tokens.forEach((t, k) => {
    const name = relationPart(t);
    if (name === undefined) return;
    const qualifier = tokens[k - 1]?.text === '.' ? relationPart(tokens[k - 2]) : undefined;
    names.add(qualifier === undefined ? `${database}.${name}` : `${qualifier}.${name}`);
  });
  return names;
}

/** The columns of a catalog's table description with their Trino types (TranslateContext.columnTypes). */
const trinoColumns = (tables: ReadonlyMap<string, readonly LakeColumn[]>): ReadonlyMap<string, readonly CatalogColumn[]> | undefined =>
  tables.size === 0
    ? undefined
    : new Map([...tables].map(([name, columns]) => [name, columns.map((c) => ({ name: c.name, trinoType: trinoTypeOfHive(parseHiveType(c.type)) }))]));

/**
 * The catalog's column types (Trino's spelling) of the tables a statement names, where it has a set operation (its
 * branches' columns known to meet are not checked while DuckDB binds), a subquery (its table shows its columns to the
 * correlation checks, correlated-subqueries.ts withCatalogColumns) or its translation `steps` without them holds a
 * check or shim a known type makes needless (TranslateContext.columnTypes), or undefined.
 * No `steps` where the translation was handed without types (`lake lint`'s bind, whose rules read that translation):
 * there only a set operation or a subquery that may read the outer row asks for them. A WITH query's body cannot: the
 * bench's 1,000 models (each a WITH query) were each translated again with types, 44 of them on the worker's cold
 * translator, for the same findings (issue 18, lint40).
 */
async function columnTypesNamed(
  sql: string,
  steps: readonly TranslationStep[] | undefined,
  database: string,
  catalog: LakeCatalog,
): Promise<ReadonlyMap<string, readonly CatalogColumn[]> | undefined> {
  const subquery = steps === undefined ? OUTER_ROW_SUBQUERY : SUBQUERY;
  if (!SET_OPERATION.test(sql) && !subquery.test(sql) && !(steps && TYPE_GUARDED.test(JSON.stringify(steps)))) return undefined;
  return trinoColumns(await catalog.tableColumns(namesOf(sql, database)));
}

/**
 * The local Athena: takes Athena SQL, translates it to DuckDB SQL with Trino's semantics, runs it on embedded DuckDB
 * over the local lake folder.
 */
export class AthenaLocalEngine implements Engine {
  readonly name = 'local';

  private constructor(
    private readonly duck: DuckDbEngine,
    private readonly catalog: LakeCatalog,
    private readonly access: CatalogAccess,
    private readonly macros: MacroSet,
    private readonly scanMeter: ScanMetering,
    private readonly defaultDatabase: string,
    private readonly translations: TranslationCache | undefined,
    private readonly bindCache: BindCache | undefined,
    private readonly queryTranslations: QueryTranslations | undefined,
  ) {}

  /** The last `USE` sent, and during which attachment of the catalog (see useDatabase). */
  private using: { sql: string; attachment: number } | undefined;

  /** Athena's limits, so that what runs locally also runs on Athena (e.g. 100 partitions per write). */
  get capabilities(): EngineCapabilities {
    return { ...this.duck.capabilities, maxPartitionsPerWrite: ATHENA_MAX_PARTITIONS_PER_WRITE };
  }

  get lakeRoot(): string {
    return this.duck.lakeRoot;
  }

  static async open(options: LocalEngineOptions): Promise<AthenaLocalEngine> {
    if (!options.inMemory) claimLakeFolder(options.lakeRoot);
    // The session runs in memory; the catalog is attached as `awsdatacatalog` per statement (see CatalogAccess).
    const duck = await DuckDbEngine.open({ databasePath: ':memory:', lakeRoot: options.lakeRoot, threads: options.threads });
    try {
      const macros = registerShims(duck.connection);
      const scanMeter = options.meterScans === false ? NO_SCAN_METER : await ScanMeter.start(duck.connection, options.lakeRoot);
      // A scratch engine's new empty tables are written in batches (LakeCatalog.addNewTable, lake-create-empty.ts).
      const catalog = new LakeCatalog(duck.connection, options.lakeRoot, options.inMemory === true && options.bindCache === true);
      await confineToLake(duck.connection, options.lakeRoot);
      const access = new CatalogAccess(duck.connection, catalog, options);
      await access.open();
      const bindCache = options.bindCache === true ? await BindCache.open(duck.connection) : undefined;
      return new AthenaLocalEngine(
        duck,
        catalog,
        access,
        macros,
        scanMeter,
        options.database ?? DEFAULT_DATABASE,
        options.translations,
        bindCache,
        options.queryTranslations,
      );
    } catch (error) {
      await duck.close();
      throw error;
    }
  }

  execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    return this.run(sql, options);
  }

  /** `adapt` changes the translated steps (replacePartitions marks its INSERT). */
  private async run(sql: string, options: ExecuteOptions, adapt?: (steps: TranslationStep[]) => TranslationStep[]): Promise<QueryResult> {
    try {
      for (;;) {
        try {
          return await this.executeTranslated(sql, options, adapt);
        } catch (error) {
          // A file another writer landed without one of the table's columns: read that table by name (missing columns
          // are NULL, as on Athena) and run the statement again. Nothing was published: the failure came from a read.
          const file = fileMissingColumn(error);
          if (file === undefined || !this.catalog.readByName(file)) throw error;
        }
      }
    } catch (error) {
      // Lake actions (CTAS, INSERT…) reach DuckDB directly: their errors get the same clean-up as plain queries.
      if (error instanceof AthenaCodedError) throw new EngineError(error.message, { code: error.code, retryable: false });
      if (error instanceof Error) error.message = failureMessage(withoutInternalSuggestions(error.message), sql);
      throw error;
    }
  }

  async replacePartitions(target: { database: string; name: string }, selectSql: string, options: ReplacePartitionsOptions = {}): Promise<QueryResult> {
    const { exactColumns, ...execute } = options;
    const insert = `INSERT INTO ${quoteName(target.database)}.${quoteName(target.name)}\n${selectSql}`;
    return this.run(insert, { ...execute, database: target.database }, (steps) =>
      steps.map((step) =>
        step.kind === 'action' && step.action.type === 'insert'
          ? { ...step, action: { ...step.action, replacePartitions: true, ...(exactColumns ? { exactColumns } : {}) } }
          : step,
      ),
    );
  }

  /**
   * `CREATE TABLE … AS <query> WITH NO DATA` of an Iceberg table (schema discovery), answering the new table's columns
   * as a `SELECT *` of it reports them, without that second statement (issue 18: one per model of a `lake lint`).
   */
  async createEmptyTable(sql: string, options: ExecuteOptions = {}): Promise<Column[]> {
    const result = await this.run(sql, options, (steps) =>
      steps.map((step) =>
        step.kind === 'action' && step.action.type === 'createTableAs'
          ? { ...step, action: { ...step.action, spec: { ...step.action.spec, reportColumns: true } } }
          : step,
      ),
    );
    return result.columns;
  }

  /** The catalog swap of a `table` model, as one write statement (lake-swap.ts). */
  async swapTable(source: TableName, target: TableName, properties: Record<string, string>): Promise<void> {
    this.bindCache?.clear();
    await this.catalog.writeNewTables();
    await this.access.statement('write', () => swapLakeTable({ catalog: this.catalog, connection: this.duck.connection }, source, target, properties));
  }

  private translate(sql: string, ctx: TranslateContext): TranslationStep[] {
    const translate = (text: string, context: TranslateContext) => translateStatement(text, context).steps;
    return this.translations ? this.translations.translate(sql, ctx, translate) : translate(sql, ctx);
  }

  private async executeTranslated(sql: string, options: ExecuteOptions, adapt = (steps: TranslationStep[]) => steps): Promise<QueryResult> {
    const ctx: TranslateContext = {
      lakeRoot: this.duck.lakeRoot,
      database: (options.database ?? this.defaultDatabase).toLowerCase(),
      ...(this.queryTranslations ? { queries: this.queryTranslations } : {}),
    };
    const started = performance.now();
    refuseOutsideAthena(sql);
    // While this process holds the writer lock (a whole `lake run`), the catalog's snapshot is its content: the column
    // types of the tables the statement names are read from it before the one translation (issue 18: the hourly run
    // translated its KPI and alert twice, once without them).
    // Not where the statement's translations are handed (lint's bind: translated once, without the catalog's types).
    const typed = this.queryTranslations === undefined;
    const snapshotTypes = typed && this.access.snapshotHolds ? this.catalog.snapshotTableColumns(namesOf(sql, ctx.database)) : undefined;
    const earlyTypes = snapshotTypes && trinoColumns(snapshotTypes);
    let steps = adapt(this.translate(sql, earlyTypes ? { ...ctx, columnTypes: earlyTypes } : ctx));
    // New empty tables not yet written (LakeCatalog.addNewTable) wait only through statements that create more.
    if (!steps.every(createsEmptyTable)) await this.catalog.writeNewTables();
    const known = this.answerFromSnapshot(steps);
    if (known) return { ...known, stats: { durationMs: performance.now() - started, bytesScanned: 0 } };
    if (options.readsNoTables === true && steps.every((step) => step.kind === 'sql')) return this.runWithoutCatalog(sql, steps, options, started);
    const result = await this.access.statement(steps.some(writes) ? 'write' : 'read', async () => {
      await this.useDatabase(ctx.database);
      // A statement naming a view of zoned values is translated again with the checks of zoned values (zoned-groups.ts),
      // one naming a view made with json_parse with the check of its json columns' casts (inlined-json-parse.ts), one
      // naming a table or view with hash-ordered map columns with them (hash-orders.ts: map_keys(m) of one is refused).
      const zonedViews = await this.catalog.zonedViews();
      const jsonParsedColumns = columnsOfRelationsNamed(sql, await this.catalog.jsonParsedViews());
      const hashOrderedColumns = columnsOfRelationsNamed(sql, await this.catalog.hashOrderedRelations(), ctx.database);
      const readsZoned = zonedViews.size > 0 && namesRelation(sql, zonedViews);
      // One with a set operation or type checks over catalog tables, with their column types (known-types.ts).
      const columnTypes = earlyTypes ?? (await columnTypesNamed(sql, typed ? steps : undefined, ctx.database, this.catalog));
      if (readsZoned || jsonParsedColumns || hashOrderedColumns || (columnTypes && !earlyTypes))
        steps = adapt(
          this.translate(sql, {
            ...ctx,
            ...(readsZoned ? { zonedViews } : {}),
            ...(jsonParsedColumns ? { jsonParsedColumns } : {}),
            ...(hashOrderedColumns ? { hashOrderedColumns } : {}),
            ...(columnTypes ? { columnTypes } : {}),
          }),
        );
      const session: LakeSessionContext = {
        duck: this.duck,
        connection: this.duck.connection,
        catalog: this.catalog,
        lakeRoot: this.duck.lakeRoot,
        maxPartitionsPerWrite: this.capabilities.maxPartitionsPerWrite,
        ...(this.bindCache ? { bindCache: { cache: this.bindCache, database: ctx.database } } : {}),
      };
      // The shims this statement's SQL names, and those the catalog's views name (a view's body binds when read).
      await this.macros.defineFor(this.duck.connection, [JSON.stringify(steps), ...(await this.catalog.viewTexts())]);
      await this.scanMeter.reset(); // reads before this statement (view refreshes) are not its own
      let last: QueryResult | undefined;
      const reads = !steps.some(writes);
      for (const step of steps) {
        if (!keepsRelations(step, reads)) this.bindCache?.clear();
        let succeeded = false;
        try {
          const r =
            step.kind === 'sql'
              ? await (reads && step.result ? this.read(step.sql, options) : this.duck.execute(step.sql, options))
              : await runLakeAction(session, step.action);
          if (step.result)
            last =
              step.kind === 'sql'
                ? await withSortedOutsideNames(this.duck.connection, step.sql, await withUnknownTypes(this.duck.connection, this.macros, sql, step.sql, r))
                : r;
          succeeded = true;
        } catch (error) {
          await this.catalog.writeNewTables(); // the error's probes may read them
          throw await withUnambiguousMacroError(this.duck.connection, error, step);
        } finally {
          // DDL changes schemas and relations behind the catalog's snapshot: drop it, even on failure.
          if (dropsSnapshot(step, succeeded)) this.catalog.forget();
        }
      }
      return last && { ...last, stats: { ...last.stats, bytesScanned: await this.scanMeter.bytesRead() } };
    });
    if (!result) throw new EngineError('internal: translation produced no result step');
    return { ...result, columns: withTrinoColumnNames(result.columns), stats: { ...result.stats, durationMs: performance.now() - started } };
  }

  /**
   * A query, its partitioned tables read from the partition folders its predicates keep (partition-filters.ts, as a
   * write's query is). Should the rewritten query fail, the query as written runs, so its error names what was written.
   */
  private async read(sql: string, options: ExecuteOptions): Promise<QueryResult> {
    const pruned = await withPartitionFilters(this.duck.connection, this.catalog, sql);
    if (pruned === sql) return this.duck.execute(sql, options);
    try {
      return await this.duck.execute(pruned, options);
    } catch {
      return this.duck.execute(sql, options);
    }
  }

  /**
   * A statement that reads no table (ExecuteOptions.readsNoTables): run with its shims only, the catalog neither
   * attached nor its views checked (an alert's condition cost an attach, view checks and a detach per evaluation,
   * ~10 ms of a scheduled hourly run, issue 18). It scans no file.
   */
  private async runWithoutCatalog(sql: string, steps: readonly TranslationStep[], options: ExecuteOptions, started: number): Promise<QueryResult> {
    await this.macros.defineFor(this.duck.connection, [JSON.stringify(steps)]);
    let last: QueryResult | undefined;
    for (const step of steps) {
      if (step.kind !== 'sql') continue;
      const r = await this.duck.execute(step.sql, options);
      if (step.result)
        last = await withSortedOutsideNames(this.duck.connection, step.sql, await withUnknownTypes(this.duck.connection, this.macros, sql, step.sql, r));
    }
    if (!last) throw new EngineError('internal: translation produced no result step');
    return { ...last, columns: withTrinoColumnNames(last.columns), stats: { ...last.stats, durationMs: performance.now() - started, bytesScanned: 0 } };
  }

  /**
   * What the catalog's snapshot answers alone: a CREATE … IF NOT EXISTS of a database or table it already holds
   * (nothing to change) and SHOW TABLES of a database it has listed. Answered without attaching the catalog (an
   * attach, view checks and a detach: ~5 ms each; a scheduled hourly run sends five such creations and two SHOW
   * TABLES before its steps, issue 18). Only while the snapshot holds; otherwise the file is asked.
   */
  private answerFromSnapshot(steps: readonly TranslationStep[]): QueryResult | undefined {
    const step = steps[0];
    if (!this.access.snapshotHolds || steps.length !== 1 || step.kind !== 'action') return undefined;
    const { action } = step;
    if (action.type === 'createDatabase' && action.ifNotExists && this.catalog.knownToExist(action.database)) return emptyResult();
    if (action.type === 'createTable' && action.ifNotExists && this.catalog.knownToExist(action.table.database, action.table.name)) return emptyResult();
    const relations = action.type === 'showTables' && !action.views ? this.catalog.knownRelations(action.database) : undefined;
    return relations && action.type === 'showTables' ? tableListing(relations, action.pattern) : undefined;
  }

  /**
   * Keeps every other process from writing to the lake while `work` runs (a whole `lake run`, one scheduled fire):
   * waits for the writer before, announcing whom it waits for, and gives up after the wait bound.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.access.exclusive(work);
  }

  /**
   * Runs `work`, a series of statements that read (`lake test`'s contract checks), on one read-only attachment of the
   * catalog and one reading of it, instead of one of each per statement; writers are not kept out (see CatalogAccess).
   */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.access.shared(work);
  }

  /**
   * Unqualified names resolve in the session's database; a missing one leaves them resolving nowhere. The `USE` is
   * sent only when it differs from the last one sent during the same attachment of the catalog (a detach resets it).
   */
  private async useDatabase(database: string): Promise<void> {
    const exists = await this.catalog.databaseExists(database);
    const use = `USE ${exists ? catalogName(database) : `${CATALOG}.main`}`;
    if (this.using?.sql === use && this.using.attachment === this.access.attachment) return;
    await this.duck.connection.run(use);
    this.using = { sql: use, attachment: this.access.attachment };
  }

  async close(): Promise<void> {
    try {
      this.translations?.save();
      await this.access.close();
    } finally {
      await this.duck.close();
    }
  }
}
