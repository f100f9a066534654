// What the local engine read from the lake for one statement, the local stand-in for Athena's DataScannedInBytes.
// DuckDB's FileSystem log (`enable_logging('FileSystem')`, DuckDB docs "Logging") records every read with its path and
// byte count, so column and row-group pruning count as they do on Athena, which bills the bytes its readers fetch from
// S3. It is an estimate of Athena's figure, not a copy: the two readers fetch footers and pages in different requests,
// and Athena's JSON/CSV readers scan whole files as DuckDB's do.
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { sqlString } from './readers.js';

/**
 * One per engine connection. Its two statements run around every statement of the engine, so they are prepared once:
 * parsing and planning the log query each time cost ~5x its execution (0.8 ms of CPU against 0.15 ms), and a lint of
 * 1,000 models runs it 2,000 times.
 */
export class ScanMeter {
  private constructor(
    private readonly truncate: DuckDBPreparedStatement,
    private readonly bytesQuery: DuckDBPreparedStatement,
  ) {}

  static async start(connection: DuckDBConnection, lakeRoot: string): Promise<ScanMeter> {
    await connection.run(`CALL enable_logging('FileSystem')`);
    // DuckDB keeps file blocks it read in memory (the external file cache) and serves a later read from there without a
    // FileSystem read: each statement would count only what no earlier one read. The OS page cache does the same job
    // for local files, so nothing is lost by reading through it.
    await connection.run('SET enable_external_file_cache = false');
    const root = lakeRoot.endsWith('/') ? lakeRoot : `${lakeRoot}/`;
    // The duckdb_logs() table function, not the duckdb_logs view: the view joins the log contexts and costs ~4x more
    // per statement. The catalog under `<lakeRoot>/.duckdb` is not data.
    const bytesQuery = await connection.prepare(
      `SELECT coalesce(sum(CAST(json_extract_string(message, '$.bytes') AS BIGINT)), 0)::DOUBLE
       FROM duckdb_logs()
       WHERE type = 'FileSystem' AND json_extract_string(message, '$.op') = 'READ'
         AND starts_with(json_extract_string(message, '$.path'), ${sqlString(root)})
         AND NOT starts_with(json_extract_string(message, '$.path'), ${sqlString(`${root}.duckdb/`)})`,
    );
    return new ScanMeter(await connection.prepare('CALL truncate_duckdb_logs()'), bytesQuery);
  }

  /** Forgets what was read so far: the next bytesRead counts from here. */
  async reset(): Promise<void> {
    await this.truncate.run();
  }

  /**
   * Bytes read from data files under the lake since the last reset. The log is not truncated here: every statement
   * resets it when it starts (one truncation per statement, not two).
   */
  async bytesRead(): Promise<number> {
    const reader = await this.bytesQuery.runAndReadAll();
    return Number(reader.getRows()[0][0]);
  }
}

/** What the engine asks of its meter; NO_SCAN_METER counts nothing. */
export type ScanMetering = Pick<ScanMeter, 'reset' | 'bytesRead'>;

/** For an engine whose statements read no file (schema discovery's scratch engine): its two statements per statement are saved. */
export const NO_SCAN_METER: ScanMetering = { reset: async () => {}, bytesRead: async () => 0 };
