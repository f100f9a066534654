// P2 validation of one batch of landed CSVs (seed 001): a file whose header is not the expected one is rejected
// whole; rows DuckDB's CSV reader rejects (wrong column count, bad quoting, values that do not cast) are rejected with
// their line; then keys must be present and unique, and every item must point at a known order and product. Valid
// rows are written as typed Parquet; every rejected row keeps its file, line (where the parser knows it) and reason.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { csvFields, csvRecords, type CsvRecord } from './csv-records.js';
import { emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import { ORDER_COLUMNS, ORDER_ITEM_COLUMNS, PRODUCT_COLUMNS } from '../generators/ecommerce.js';

export type EcommerceTable = 'orders' | 'order_items' | 'products';

export const TABLE_SCHEMAS: Record<EcommerceTable, { columns: readonly string[]; types: Record<string, string>; key: string[] }> = {
  orders: {
    columns: ORDER_COLUMNS,
    types: { order_id: 'BIGINT', user_id: 'BIGINT', order_date: 'DATE', total_amount: 'DECIMAL(12,2)', status: 'VARCHAR' },
    key: ['order_id'],
  },
  order_items: {
    columns: ORDER_ITEM_COLUMNS,
    types: { order_id: 'BIGINT', product_id: 'BIGINT', quantity: 'INTEGER', unit_price: 'DECIMAL(12,2)' },
    key: ['order_id', 'product_id'],
  },
  products: {
    columns: PRODUCT_COLUMNS,
    types: { product_id: 'BIGINT', category: 'VARCHAR', name: 'VARCHAR', price: 'DECIMAL(12,2)' },
    key: ['product_id'],
  },
};

/** Which table a landed file feeds, by its name (seed: orders_*.csv, order_items_*.csv, products.csv). */
export function tableOfFile(name: string): EcommerceTable | undefined {
  if (/^order_items_.+\.csv$/i.test(name)) return 'order_items';
  if (/^orders_.+\.csv$/i.test(name)) return 'orders';
  if (/^products(_.+)?\.csv$/i.test(name)) return 'products';
  return undefined;
}

export interface LandedFile {
  /** File name as landed, e.g. `orders_2025-03-07.csv`. */
  name: string;
  /** Local copy DuckDB reads. */
  path: string;
}

export interface RejectedRow {
  file: string;
  /** 1-based line in the file, header included; absent for rows rejected after parsing. */
  line?: number;
  reason: string;
  error: string;
  /** The raw CSV text (parser rejects) or the parsed values. */
  record: string | Record<string, unknown>;
}

export interface RejectedFile {
  file: string;
  reason: string;
  error: string;
  rows: number;
}

export interface ValidationResult {
  counts: Record<EcommerceTable, IngestCounts>;
  rejectedFiles: RejectedFile[];
  rejectedRows: RejectedRow[];
  /** Local Parquet files of the valid rows, per table (absent when a table has no file in the batch). */
  parquet: Partial<Record<EcommerceTable, string>>;
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const TABLES: EcommerceTable[] = ['orders', 'products', 'order_items'];

/** Validates a batch and writes valid rows to `<outputDir>/<table>.parquet`. */
export async function validateBatch(connection: DuckDBConnection, files: LandedFile[], outputDir: string): Promise<ValidationResult> {
  const result: ValidationResult = {
    counts: { orders: emptyCounts(), order_items: emptyCounts(), products: emptyCounts() },
    rejectedFiles: [],
    rejectedRows: [],
    parquet: {},
  };
  const loaded = new Set<EcommerceTable>();
  let copies = 0;
  for (const table of TABLES) {
    const schema = TABLE_SCHEMAS[table];
    const counts = result.counts[table];
    const columns = schema.columns.map((c) => `"${c}" ${schema.types[c]}`).join(', ');
    await connection.run(`CREATE OR REPLACE TEMP TABLE ingest_${table} (${columns}, filename VARCHAR, row_no BIGINT, reject_reason VARCHAR)`);
    for (const file of files.filter((f) => tableOfFile(f.name) === table)) {
      const records = csvRecords(await readFile(file.path, 'utf8'));
      const problem = headerProblem(file.name, records, schema.columns);
      if (problem) {
        counts.received += problem.rows;
        // An empty file is still kept under rejected/, but has no record to count.
        if (problem.rows > 0) quarantine(counts, problem.reason, problem.rows);
        result.rejectedFiles.push({ file: file.name, ...problem });
        continue;
      }
      const rows = records.slice(1);
      // Records of the wrong width or with an open quote are set aside here, in one pass; DuckDB reads the rest from
      // a copy with a name of ours (a landed name may hold glob characters) and LF line endings.
      const shaped = rows.filter((r) => {
        if (r.fields === schema.columns.length && !r.unterminated) return true;
        const error = r.unterminated
          ? `${file.name} line ${r.line}: quoted value not terminated before the end of the file`
          : `${file.name} line ${r.line}: Expected Number of Columns: ${schema.columns.length} Found: ${r.fields}`;
        result.rejectedRows.push({ file: file.name, line: r.line, reason: 'malformed_row', error, record: r.text.slice(0, MAX_KEPT_RECORD_CHARS) });
        counts.received++;
        quarantine(counts, 'malformed_row');
        return false;
      });
      const copy = join(outputDir, `read-${copies++}.csv`);
      await writeFile(copy, [records[0].text, ...shaped.map((r) => r.text)].join('\n') + '\n');
      try {
        await readCopy(connection, table, file.name, copy);
      } catch (error) {
        // Whatever DuckDB's reader cannot read is quarantined whole with its reason; the batch goes on.
        await dropRejectTables(connection, table);
        counts.received += shaped.length;
        if (shaped.length) quarantine(counts, 'unreadable_csv', shaped.length);
        result.rejectedFiles.push({
          file: file.name,
          reason: 'unreadable_csv',
          error: `${file.name}: the CSV reader cannot read it: ${firstLine((error as Error).message)}`,
          rows: shaped.length,
        });
        continue;
      }
      await collectRejects(connection, table, file.name, shaped, result);
      loaded.add(table);
    }
  }
  await applyKeyChecks(connection, result);
  for (const table of TABLES) {
    if (!loaded.has(table)) continue;
    const cols = TABLE_SCHEMAS[table].columns.map((c) => `"${c}"`).join(', ');
    const target = join(outputDir, `${table}.parquet`);
    await connection.run(
      `COPY (SELECT ${cols} FROM ingest_${table} WHERE reject_reason IS NULL ORDER BY row_no) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION snappy)`,
    );
    result.parquet[table] = target;
  }
  for (const table of TABLES) await connection.run(`DROP TABLE IF EXISTS ingest_${table}`);
  return result;
}

/** A rejected record keeps at most this much of its text (the whole file is kept under rejected/ when it matters). */
const MAX_KEPT_RECORD_CHARS = 10_000;
const firstLine = (text: string) => text.split('\n')[0];
const shown = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function headerProblem(name: string, records: CsvRecord[], expected: readonly string[]): Omit<RejectedFile, 'file'> | undefined {
  const [first, ...rest] = records;
  if (first?.line !== 1) return { reason: 'missing_header', error: `${name}: line 1 is empty; expected header ${expected.join(',')}`, rows: records.length };
  const header = csvFields(first.text.replace(/^\uFEFF/, '')).map((h) => h.trim().toLowerCase());
  if (!header.some((c) => expected.includes(c))) {
    // No expected column name at all: line 1 is a record, not a header, and is counted (and kept) with the others.
    return { reason: 'missing_header', error: `${name}: no header; line 1 '${shown(first.text)}' holds none of ${expected.join(',')}`, rows: records.length };
  }
  const missing = expected.filter((c) => !header.includes(c));
  const unexpected = header.filter((c) => !expected.includes(c));
  if (header.length === expected.length && header.every((c, i) => c === expected[i])) return undefined;
  const detail = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unexpected.length ? `unexpected ${shown(unexpected.join(', '))}` : '',
    !missing.length && !unexpected.length ? (header.length === expected.length ? 'columns out of order' : 'columns repeated') : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { reason: 'bad_header', error: `${name}: line 1 header '${shown(first.text)}' does not match ${expected.join(',')} (${detail})`, rows: rest.length };
}

/** Appends the rows of one file's copy to `ingest_<table>` (with a `reject_reason` column); DuckDB keeps its rejects. */
async function readCopy(connection: DuckDBConnection, table: EcommerceTable, name: string, copy: string): Promise<void> {
  const schema = TABLE_SCHEMAS[table];
  const typeMap = `{${schema.columns.map((c) => `'${c}': '${schema.types[c]}'`).join(', ')}}`;
  const cols = schema.columns.map((c) => `"${c}"`).join(', ');
  const [[offset]] = (await connection.runAndReadAll(`SELECT coalesce(max(row_no), 0)::BIGINT FROM ingest_${table}`)).getRowsJson() as string[][];
  await connection.run(
    `INSERT INTO ingest_${table}
     SELECT ${cols}, ${sqlString(name)} AS filename, ${Number(offset)} + row_number() OVER () AS row_no, NULL::VARCHAR AS reject_reason
     FROM read_csv(${sqlString(copy)}, header = true, columns = ${typeMap}, auto_detect = false, delim = ',', quote = '"', escape = '"',
                   strict_mode = true, store_rejects = true, rejects_table = 'ingest_rejects_${table}', rejects_scan = 'ingest_scans_${table}')`,
  );
}

async function dropRejectTables(connection: DuckDBConnection, table: EcommerceTable): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ingest_rejects_${table}`);
  await connection.run(`DROP TABLE IF EXISTS ingest_scans_${table}`);
}

/** Records the parser's rejects of one file with their lines in the landed file (`rows`: the copy's records after its header). */
async function collectRejects(connection: DuckDBConnection, table: EcommerceTable, name: string, rows: CsvRecord[], result: ValidationResult): Promise<void> {
  const rejects = await connection.runAndReadAll(
    `SELECT e.line::BIGINT AS line, string_agg(DISTINCT e.error_type, ', ') AS types, string_agg(e.error_message, '; ') AS messages, any_value(e.csv_line) AS csv_line
     FROM ingest_rejects_${table} e GROUP BY ALL ORDER BY line`,
  );
  await dropRejectTables(connection, table);
  const counts = result.counts[table];
  // Line 1 of the copy is the header (one line: it has no quoted line break); records follow, some over several lines.
  const originalLine = new Map<number, number>();
  let copyLine = 2;
  for (const row of rows) {
    originalLine.set(copyLine, row.line);
    copyLine += 1 + (row.text.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  for (const [rejectLine, types, messages, csvLine] of rejects.getRowsJson() as [string, string, string, string][]) {
    const line = originalLine.get(Number(rejectLine)) ?? Number(rejectLine);
    // A row with the wrong number of fields also fails casts (its values sit in the wrong columns): the shape is the cause.
    const reason = String(types)
      .split(', ')
      .every((type) => type === 'CAST')
      ? 'bad_value'
      : 'malformed_row';
    result.rejectedRows.push({ file: name, line, reason, error: `${name} line ${line}: ${messages}`, record: String(csvLine).replace(/\r?\n$/, '') });
    counts.received++;
    quarantine(counts, reason);
  }
  const [[parsed]] = (
    await connection.runAndReadAll(`SELECT count(*)::INT FROM ingest_${table} WHERE filename = ${sqlString(name)}`)
  ).getRowsJson() as number[][];
  counts.received += parsed;
}

/** Keys present and unique (first occurrence wins), items pointing at known orders and products. */
async function applyKeyChecks(connection: DuckDBConnection, result: ValidationResult): Promise<void> {
  const rules: [EcommerceTable, string][] = [
    ['orders', `CASE WHEN order_id IS NULL THEN 'missing_key' WHEN row_number() OVER (PARTITION BY order_id ORDER BY row_no) > 1 THEN 'duplicate_key' END`],
    [
      'products',
      `CASE WHEN product_id IS NULL THEN 'missing_key' WHEN row_number() OVER (PARTITION BY product_id ORDER BY row_no) > 1 THEN 'duplicate_key' END`,
    ],
    [
      'order_items',
      `CASE WHEN order_id IS NULL OR product_id IS NULL THEN 'missing_key'
            WHEN order_id NOT IN (SELECT order_id FROM ingest_orders WHERE reject_reason IS NULL AND order_id IS NOT NULL) THEN 'unknown_order'
            WHEN product_id NOT IN (SELECT product_id FROM ingest_products WHERE reject_reason IS NULL AND product_id IS NOT NULL) THEN 'unknown_product' END`,
    ],
  ];
  // Orders and products first: item checks compare against their surviving rows.
  for (const [table, rule] of rules) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ingest_${table} AS SELECT * REPLACE (${rule} AS reject_reason) FROM ingest_${table}`);
    const schema = TABLE_SCHEMAS[table];
    const rows = await connection.runAndReadAll(
      `SELECT filename, reject_reason, ${schema.columns.map((c) => `"${c}"::VARCHAR AS "${c}"`).join(', ')} FROM ingest_${table} WHERE reject_reason IS NOT NULL ORDER BY row_no`,
    );
    for (const row of rows.getRowObjectsJson()) {
      const { filename, reject_reason: reason, ...record } = row as Record<string, string | null>;
      const file = String(filename);
      const keys = schema.key.map((k) => `${k}=${record[k] ?? 'NULL'}`).join(', ');
      result.rejectedRows.push({ file, reason: String(reason), error: `${file}: ${table} row (${keys}): ${describe(String(reason))}`, record });
      quarantine(result.counts[table], String(reason));
    }
    const [[accepted]] = (await connection.runAndReadAll(`SELECT count(*)::INT FROM ingest_${table} WHERE reject_reason IS NULL`)).getRowsJson() as number[][];
    result.counts[table].accepted = accepted;
  }
}

function describe(reason: string): string {
  switch (reason) {
    case 'missing_key':
      return 'key column is empty';
    case 'duplicate_key':
      return 'key already seen earlier in the batch';
    case 'unknown_order':
      return 'order_id not found in the orders files';
    case 'unknown_product':
      return 'product_id not found in products.csv';
    default:
      return reason;
  }
}
