// The statements a materialization sends to Athena, without Athena: the model's strategy runs against an engine that
// records each statement and answers the strategy's planning reads (does the table exist, which columns, which
// partitions) with assumptions. `lake render` prints them; the strategy stays the one place that writes them.
import type { Column, Engine, QueryResult } from '../../engines/engine.js';
import type { ObjectStore } from '../../storage/object-store/index.js';
import { STRATEGIES, type MaterializationKind } from './index.js';
import type { MaterializeRequest } from './types.js';

export interface Rehearsal {
  /** Every statement, in the order the run would send it. */
  statements: string[];
  /** What the answers to the planning reads assumed, for the reader. */
  assumptions: string[];
}

const result = (columns: Column[], rows: QueryResult['rows'] = []): QueryResult => ({ columns, rows, stats: { durationMs: 0 } });

/**
 * Runs `kind`'s strategy for `request` on a recording engine. `columns` are the query's output columns (what
 * `SELECT … LIMIT 0` over the new data returns); the target table is assumed to exist (a scheduled run), unless
 * `firstRun`; an incremental run's partitions are assumed to fit one statement.
 */
export async function rehearseMaterialization(
  kind: MaterializationKind,
  request: MaterializeRequest,
  options: { columns: Column[]; runId: string; maxPartitionsPerWrite: number; firstRun?: boolean },
): Promise<Rehearsal> {
  const statements: string[] = [];
  const assumptions = new Set<string>();
  const keys = request.partitionedBy ?? [];
  const engine: Engine = {
    name: 'rehearsal',
    capabilities: { maxPartitionsPerWrite: options.maxPartitionsPerWrite, reportsBytesScanned: false },
    close: async () => undefined,
    execute: async (sql) => {
      statements.push(sql);
      if (/^SHOW TABLES\b/i.test(sql)) {
        assumptions.add(options.firstRun ? 'the table does not exist yet (first run)' : 'the table exists (a later run; --first-run shows the first)');
        return result([{ name: 'tab_name', type: 'varchar' }], options.firstRun ? [] : [[request.name]]);
      }
      if (/\bLIMIT 0\s*$/i.test(sql)) return result(options.columns);
      if (/^SELECT DISTINCT\b/i.test(sql)) {
        assumptions.add(`the new data's partitions fit one statement (at most ${options.maxPartitionsPerWrite}); their folders are emptied through S3 first`);
        return result(
          keys.map((k) => options.columns.find((c) => c.name === k) ?? { name: k, type: 'varchar' }),
          [keys.map(() => null)],
        );
      }
      return result([]);
    },
    // Not a statement: one Glue call. Shown as a comment so the reader sees where the table changes.
    swapTable: async (source, target, properties) => {
      assumptions.add(options.firstRun ? 'the table does not exist yet (first run)' : 'the table exists (a later run; --first-run shows the first)');
      const props = Object.entries(properties)
        .map(([k, v]) => `'${k}' = '${v}'`)
        .join(', ');
      const call = options.firstRun ? 'CreateTable' : 'UpdateTable';
      statements.push(
        `-- Glue ${call}, one call: "${target.database}"."${target.name}" takes the definition of "${source.database}"."${source.name}" with properties (${props})`,
      );
    },
  };
  const objectStore: ObjectStore = {
    list: async () => [],
    get: async () => Buffer.alloc(0),
    put: async () => undefined,
    delete: async () => undefined,
    deletePrefix: async () => 0,
  };
  await STRATEGIES[kind](request, { engine, objectStore, runId: options.runId });
  return { statements, assumptions: [...assumptions] };
}
