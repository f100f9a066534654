// Checksums of the pipeline's output tables, computed the same way over the product's and the baseline's Parquet
// files, so the bench can require that both wrote the same rows (not only the same row counts). Columns are cast to
// one type per column first (the product writes Hive types, the baseline DuckDB's); doubles are rounded to 9 digits.
import { DuckDBInstance } from '@duckdb/node-api';

export interface TableChecksum {
  rows: number;
  /** Order-independent: the sum of every row's hash, in hex. */
  sum: string;
}

export interface PipelineChecksums {
  curated: TableChecksum;
  kpi: TableChecksum;
}

const CURATED_ROW = `customer_id::BIGINT, interaction_type, "timestamp"::TIMESTAMP, channel, rating::BIGINT, message_excerpt`;
const KPI_ROW =
  `hour_start::TIMESTAMP, channel, interaction_type, interactions::BIGINT, rated_interactions::BIGINT, round(avg_rating, 9), ` +
  `negative_interactions::BIGINT, round(negative_share, 9), dt::VARCHAR, hour::BIGINT`;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const parquet = (glob: string) => `read_parquet(${literal(glob)}, hive_partitioning = true, union_by_name = true)`;

/** `relation`: what to read (a table function or a table name); `attach`: a DuckDB file to attach first, read-only. */
async function checksum(relation: string, row: string, attach?: string): Promise<TableChecksum> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    if (attach) await connection.run(`ATTACH ${literal(attach)} AS peer (READ_ONLY)`);
    const reader = await connection.runAndReadAll(`SELECT count(*), coalesce(sum(hash(${row})), 0) FROM ${relation}`);
    const [rows, sum] = reader.getRows()[0];
    return { rows: Number(rows), sum: BigInt(String(sum)).toString(16) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `curatedDir` is partitioned year/month/day/hour, `kpiDir` dt/hour (both layouts write Hive folders). */
export async function pipelineChecksums(curatedDir: string, kpiDir: string): Promise<PipelineChecksums> {
  return {
    curated: await checksum(parquet(`${curatedDir}/*/*/*/*/*.parquet`), CURATED_ROW),
    kpi: await checksum(parquet(`${kpiDir}/*/*/*.parquet`), KPI_ROW),
  };
}

/** The same checksums over two tables (`schema.table`) of a DuckDB database file, as the bench's peers write them. */
export async function tableChecksums(databaseFile: string, curatedTable: string, kpiTable: string): Promise<PipelineChecksums> {
  return {
    curated: await checksum(`peer.${curatedTable}`, CURATED_ROW, databaseFile),
    kpi: await checksum(`peer.${kpiTable}`, KPI_ROW, databaseFile),
  };
}

export function assertSameChecksums(what: string, product: PipelineChecksums, baseline: PipelineChecksums): void {
  for (const table of ['curated', 'kpi'] as const) {
    const p = product[table];
    const b = baseline[table];
    if (p.rows !== b.rows || p.sum !== b.sum) {
      throw new Error(`${what}: product and baseline ${table} tables differ: ${p.rows} rows / ${p.sum} against ${b.rows} rows / ${b.sum}`);
    }
  }
}
