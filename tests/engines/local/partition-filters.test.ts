// A write's partition predicate prunes the files read even when DuckDB cannot push it through the table's view
// (partition-filters.ts: DuckDB keeps a filter that can throw, such as integer arithmetic, above a projection). Athena
// User Guide, "What is partitioning?": when you query a partitioned table, Athena uses the predicates in the query to
// filter the list of partitions, then processes only the files of the matching partitions. What is read shows in the
// bytes scanned: the arithmetic predicate must read what the equality predicate on the same partition reads, and the
// answer must be the same.
import { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { ndjson, openLake, tempLake, writeLakeFile } from '../../dialect/lake-helpers.js';

let engine: AthenaLocalEngine;
const kpi = { database: 'd', name: 'kpi' };

beforeAll(async () => {
  engine = await openLake(tempLake());
  await engine.execute('CREATE DATABASE d');
  await engine.execute(
    "CREATE TABLE d.events WITH (format = 'PARQUET', partitioned_by = ARRAY['day', 'hour'], external_location = 's3://b/events/') AS SELECT 'x' AS v, 1 AS rating, CAST(1 AS bigint) AS day, CAST(1 AS bigint) AS hour WITH NO DATA",
  );
  // Four partitions of 50 rows each: (day, hour) = (1, 1), (1, 2), (2, 1), (2, 2).
  await engine.execute(
    "INSERT INTO d.events SELECT concat('v', CAST(n AS varchar)), CAST(n % 5 AS integer), d, h FROM UNNEST(sequence(1, 50)) AS t(n) CROSS JOIN UNNEST(ARRAY[CAST(1 AS bigint), 2]) AS a(d) CROSS JOIN UNNEST(ARRAY[CAST(1 AS bigint), 2]) AS b(h)",
  );
  await engine.execute(
    "CREATE TABLE d.kpi WITH (format = 'PARQUET', partitioned_by = ARRAY['hour'], external_location = 's3://b/kpi/') AS SELECT CAST(0 AS bigint) AS n, CAST(0 AS bigint) AS hour WITH NO DATA",
  );
});
afterAll(() => engine.close());

const kpiRows = async () => (await engine.execute('SELECT n, hour FROM d.kpi ORDER BY hour')).rows;

describe('partition predicates on a Parquet table read only the matching partitions', () => {
  it('an arithmetic predicate on the keys reads what the equality predicate reads, with the same answer', async () => {
    const equality = await engine.replacePartitions(kpi, 'SELECT count(*) AS n, hour FROM d.events WHERE day = 1 AND hour = 2 GROUP BY hour');
    expect(await kpiRows()).toEqual([[50, 2]]);
    const everything = await engine.replacePartitions(kpi, "SELECT count(*) AS n, hour FROM d.events WHERE v <> 'none' GROUP BY hour");
    expect(await kpiRows()).toEqual([
      [100, 1],
      [100, 2],
    ]);
    const arithmetic = await engine.replacePartitions(kpi, 'SELECT count(*) AS n, hour FROM d.events WHERE day * 100 + hour BETWEEN 102 AND 102 GROUP BY hour');
    expect(await kpiRows()).toEqual([
      [100, 1],
      [50, 2],
    ]);
    expect(equality.stats.bytesScanned).toBeGreaterThan(0);
    expect(everything.stats.bytesScanned).toBeGreaterThan(equality.stats.bytesScanned ?? 0);
    // Reading one file of four: at most what the equality predicate reads (DuckDB's own pruning of its table filters).
    expect(arithmetic.stats.bytesScanned).toBeLessThanOrEqual(equality.stats.bytesScanned ?? 0);
  });

  it('keys qualified by an alias prune too; a conjunct on a data column stays where it is', async () => {
    const equality = await engine.replacePartitions(
      kpi,
      'SELECT count(*) AS n, hour FROM d.events WHERE day = 2 AND hour = 1 AND rating * 2 >= 2 GROUP BY hour',
    );
    const qualified = await engine.replacePartitions(
      kpi,
      'SELECT count(*) AS n, e.hour FROM d.events AS e WHERE e.day * 100 + e.hour = 201 AND e.rating * 2 >= 2 GROUP BY e.hour',
    );
    // ratings are n % 5: 0 for 10 of the 50 rows; hour 2 keeps what the first test wrote
    expect(await kpiRows()).toEqual([
      [40, 1],
      [50, 2],
    ]);
    expect(qualified.stats.bytesScanned).toBeLessThanOrEqual(equality.stats.bytesScanned ?? 0);
  });

  it('a CTE of the same name is not the table', async () => {
    await engine.replacePartitions(
      kpi,
      'WITH events AS (SELECT CAST(7 AS bigint) AS day, CAST(3 AS bigint) AS hour) SELECT count(*) AS n, hour FROM events WHERE day * 100 + hour = 703 GROUP BY hour',
    );
    expect(await kpiRows()).toEqual([
      [40, 1],
      [50, 2],
      [1, 3],
    ]);
  });

  it('a predicate that fails on the partition values still fails', async () => {
    // Trino 476: CAST('x1' AS bigint) fails with "Cannot cast 'x1' to BIGINT" (INVALID_CAST_ARGUMENT).
    await expect(
      engine.replacePartitions(kpi, "SELECT count(*) AS n, hour FROM d.events WHERE CAST(concat('x', CAST(day AS varchar)) AS bigint) > 0 GROUP BY hour"),
    ).rejects.toThrow(/x1/);
  });
});

// The example's landing in small: a JSON table partitioned by year/month/day/hour with three hour folders of
// 2025-03-08/09, and a Parquet table d.counts partitioned by hour (its columns `n`, then `countsColumns`, then `hour`).
async function openLandingLake(countsColumns: string, extraFiles?: (lake: string) => void): Promise<AthenaLocalEngine> {
  const lake = tempLake();
  const engine = await openLake(lake);
  const landing = (day: string, hour: string, rows: object[]) =>
    writeLakeFile(lake, `b/landing/year=2025/month=03/day=${day}/hour=${hour}/part-${day}${hour}.json`, ndjson(rows));
  await engine.execute('CREATE DATABASE d');
  await engine.execute(
    "CREATE EXTERNAL TABLE d.landing (v string) PARTITIONED BY (year string, month string, day string, hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/landing/'",
  );
  landing('08', '00', [{ v: 'a' }, { v: 'b' }]);
  landing('08', '01', [{ v: 'c' }]);
  landing('09', '00', [{ v: 'd' }, { v: 'e' }, { v: 'f' }]);
  extraFiles?.(lake);
  await engine.execute(
    `CREATE TABLE d.counts WITH (format = 'PARQUET', partitioned_by = ARRAY['hour'], external_location = 's3://b/counts/') AS SELECT CAST(0 AS bigint) AS n, ${countsColumns}'' AS hour WITH NO DATA`,
  );
  return engine;
}

// The partition folders a write reads are chosen from the folder names (partition-filters.ts, chosenFolders): the
// read lists those folders instead of a glob of every folder of the table, which DuckDB walked in full at every
// statement (issue 18: a walk of every hour of history). Each answer is the one the same query gives over the whole
// table (Athena prunes partitions without changing answers).
describe('a write reads only the partition folders its predicate keeps', () => {
  let json: AthenaLocalEngine;
  const counts = { database: 'd', name: 'counts' };

  beforeAll(async () => {
    json = await openLandingLake('', (lake) =>
      // A folder the predicate keeps that holds only a marker: the glob matched nothing there either.
      writeLakeFile(lake, 'b/landing/year=2025/month=03/day=08/hour=02/_SUCCESS', ''),
    );
  });
  afterAll(() => json.close());

  it('a JSON table: the text predicate of the example landing reads the kept hour folders, listed', async () => {
    const sent: string[] = [];
    const original = DuckDBConnection.prototype.runAndReadAll;
    const tracing = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll').mockImplementation(function (this: DuckDBConnection, ...args) {
      sent.push(String(args[0]));
      return original.apply(this, args);
    });
    try {
      await json.replacePartitions(
        counts,
        "SELECT count(*) AS n, hour FROM d.landing WHERE concat(year, month, day, hour) BETWEEN '2025030800' AND '2025030802' GROUP BY hour",
      );
    } finally {
      tracing.mockRestore();
    }
    expect((await json.execute('SELECT n, hour FROM d.counts ORDER BY hour')).rows).toEqual([
      [2, '00'],
      [1, '01'],
    ]);
    // The write reads the landing once (its columns are checked while it binds: no type probe reads it before).
    const write = sent.find((s) => s.startsWith('COPY')) ?? '';
    expect(write).toContain("read_json(['");
    expect(write).toContain('day=08/hour=00/');
    expect(write).not.toContain('day=09');
    expect(write).not.toContain('hour=*');
  });

  it('a query (an alert) reads only the kept folders too, with the same answer', async () => {
    const sent: string[] = [];
    const original = DuckDBConnection.prototype.runAndReadAll;
    const tracing = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll').mockImplementation(function (this: DuckDBConnection, ...args) {
      sent.push(String(args[0]));
      return original.apply(this, args);
    });
    let result: Awaited<ReturnType<AthenaLocalEngine['execute']>>;
    try {
      result = await json.execute("SELECT count(*) AS n FROM d.landing WHERE (day = '08' AND hour = '01') OR (day = '09' AND hour = '00')");
    } finally {
      tracing.mockRestore();
    }
    expect(result.rows).toEqual([[4]]);
    const query = sent.find((s) => s.startsWith('SELECT count(*) AS n')) ?? '';
    expect(query).toContain('day=08/hour=01/');
    expect(query).toContain('day=09/hour=00/');
    expect(query).not.toContain('day=08/hour=00/');
    expect(query).not.toContain('hour=*');
  });

  it('no folder kept: nothing written; arithmetic over text keys keeps the folder it names', async () => {
    await json.replacePartitions(counts, "SELECT count(*) AS n, hour FROM d.landing WHERE concat(year, month, day, hour) = '2025031000' GROUP BY hour");
    expect((await json.execute('SELECT n, hour FROM d.counts ORDER BY hour')).rows).toEqual([
      [2, '00'],
      [1, '01'],
    ]);
    await json.replacePartitions(
      counts,
      'SELECT count(*) AS n, hour FROM d.landing WHERE CAST(day AS integer) * 100 + CAST(hour AS integer) = 900 GROUP BY hour',
    );
    expect((await json.execute('SELECT n, hour FROM d.counts ORDER BY hour')).rows).toEqual([
      [3, '00'],
      [1, '01'],
    ]);
  });
});

// A query level whose `*` sits beside another select item reads its table beside the translator's star filler
// (dialect/translate/star-names.ts: `FROM (SELECT NULL AS trino_star_filler) AS trino_star_filler, t`), as the example's
// curated model does over its landing table. The folders are chosen there too (issue 18: that read expanded the glob
// of every landing hour of history, 16 ms of a run at four weeks), with the answer of the whole table.
describe('a table read beside the star filler takes the kept partition folders', () => {
  let json: AthenaLocalEngine;
  const counts = { database: 'd', name: 'counts' };
  const writes = async (sql: string): Promise<string[]> => {
    const sent: string[] = [];
    const original = DuckDBConnection.prototype.runAndReadAll;
    const tracing = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll').mockImplementation(function (this: DuckDBConnection, ...args) {
      sent.push(String(args[0]));
      return original.apply(this, args);
    });
    try {
      await json.replacePartitions(counts, sql);
    } finally {
      tracing.mockRestore();
    }
    return sent.filter((s) => s.startsWith('COPY'));
  };

  beforeAll(async () => {
    json = await openLandingLake("'' AS u, ");
  });
  afterAll(() => json.close());

  it('`SELECT *, expr` over the landing with the example predicate lists the kept hour folders, same answer', async () => {
    const [write] = await writes(
      "SELECT count(*) AS n, max(u) AS u, hour FROM (SELECT *, upper(v) AS u FROM d.landing WHERE concat(year, month, day, hour) BETWEEN '2025030800' AND '2025030801') GROUP BY hour",
    );
    expect(write).toContain('trino_star_filler');
    expect(write).toContain("read_json(['");
    expect(write).toContain('day=08/hour=00/');
    expect(write).toContain('day=08/hour=01/');
    expect(write).not.toContain('day=09');
    expect(write).not.toContain('hour=*');
    expect((await json.execute('SELECT n, u, hour FROM d.counts ORDER BY hour')).rows).toEqual([
      [2, 'B', '00'],
      [1, 'C', '01'],
    ]);
  });

  it('a table joined to another relation than the filler is read through its view, as before', async () => {
    const [write] = await writes(
      "SELECT count(*) AS n, max(u) AS u, hour FROM (SELECT l.*, upper(l.v) AS u FROM d.landing AS l, (SELECT '09' AS day) AS o WHERE o.day = '09' AND l.day = '09') GROUP BY hour",
    );
    expect(write).toContain('FROM d.landing AS l, ');
    expect(write).not.toContain("read_json(['");
    expect((await json.execute('SELECT n, u, hour FROM d.counts ORDER BY hour')).rows).toEqual([
      [3, 'F', '00'],
      [1, 'C', '01'],
    ]);
  });
});

// The type guards of a copied conjunct (trino_text_comparable: TRUE, or a failure while DuckDB binds) are TRUE in the
// folder choice: the statement keeps the conjunct with its guard, bound over the same key types (issue 18: binding the
// example alert's eight guards was ~4 ms of its folder choice); over keys the catalog types as bigints the statement
// has none (types38). Trino 476 answers the count; comparing a varchar key
// with a bigint fails there (TYPE_MISMATCH: Cannot apply operator: varchar = bigint), and here still.
describe('type guards of a copied conjunct', () => {
  const traced = async <T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }> => {
    const sent: string[] = [];
    const original = DuckDBConnection.prototype.runAndReadAll;
    const tracing = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll').mockImplementation(function (this: DuckDBConnection, ...args) {
      sent.push(String(args[0]));
      return original.apply(this, args);
    });
    try {
      return { result: await work(), sent };
    } finally {
      tracing.mockRestore();
    }
  };

  it('are TRUE in the folder choice, and needless in the query over keys the catalog types, with the same answer', async () => {
    const { result, sent } = await traced(() =>
      engine.execute(
        "SELECT count(*) AS n FROM d.events WHERE (day = day(TIMESTAMP '2025-03-01 02:00:00') AND hour = hour(TIMESTAMP '2025-03-01 02:00:00')) OR (day = day(TIMESTAMP '2025-03-02 01:00:00') AND hour = hour(TIMESTAMP '2025-03-02 01:00:00'))",
      ),
    );
    expect(result.rows).toEqual([[100]]);
    const choice = sent.find((s) => s.startsWith('SELECT "__lake_i"')) ?? '';
    expect(choice).toContain('"day" = ');
    expect(choice).not.toContain('trino_text_comparable');
    const query = sent.find((s) => s.startsWith('SELECT count(*) AS n')) ?? '';
    // The catalog types the keys as bigints (types38: known column types), so the query needs no guard either.
    expect(query).not.toContain('trino_text_comparable');
    expect(query).toContain('day=1/hour=2/');
    expect(query).toContain('day=2/hour=1/');
    expect(query).not.toContain('day=1/hour=1/');
  });

  it('a guard that fails still fails the statement', async () => {
    const lake = tempLake();
    const json = await openLake(lake);
    try {
      await json.execute('CREATE DATABASE d');
      await json.execute(
        "CREATE EXTERNAL TABLE d.landing (v string) PARTITIONED BY (day string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/landing/'",
      );
      writeLakeFile(lake, 'b/landing/day=08/part-0.json', ndjson([{ v: 'a' }]));
      await expect(json.execute("SELECT count(*) AS n FROM d.landing WHERE day = day(TIMESTAMP '2025-03-08 00:00:00')")).rejects.toThrow(
        /^TYPE_MISMATCH: Cannot apply operator/,
      );
    } finally {
      await json.close();
    }
  });
});
