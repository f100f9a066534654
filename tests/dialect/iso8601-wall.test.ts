// CAST(from_iso8601_timestamp(s) AS timestamp) keeps the wall clock of the text (Trino: casting a `timestamp with
// time zone` to `timestamp` drops the zone and keeps the local date-time,
// https://trino.io/docs/current/functions/conversion.html and functions/datetime.html#from_iso8601_timestamp).
// The translator computes only that wall clock (trino_iso8601_wall) instead of the zoned struct; these rows check the
// answers, the NULLs and the errors are those of the zoned path (a parenthesised operand is not rewritten).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { MACROS } from '../../src/dialect/shims/macros.js';
import { registerShims } from '../../src/dialect/shims/index.js';
import { DuckDBInstance } from '@duckdb/node-api';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-iso-wall-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const from = (s: string | null) => `FROM (VALUES (${s === null ? 'CAST(NULL AS VARCHAR)' : `'${s}'`})) t(s)`;

async function errorOf(sql: string): Promise<string> {
  try {
    await engine.execute(sql);
  } catch (error) {
    // The first line: DuckDB appends the statement text, which differs (the shim called).
    return (error as Error).message.split('\n')[0];
  }
  throw new Error(`no error for ${sql}`);
}

describe('CAST(from_iso8601_timestamp(s) AS timestamp) is the wall clock of the text', () => {
  it.each<[what: string, text: string | null, wall: string | null, day: string | null]>([
    ['Z', '2025-01-01T10:00:00Z', '2025-01-01 10:00:00.000', '2025-01-01'],
    ['positive offset with colon', '2025-01-01T23:30:00+02:00', '2025-01-01 23:30:00.000', '2025-01-01'],
    ['negative offset without colon', '2025-01-01T01:00:00-0530', '2025-01-01 01:00:00.000', '2025-01-01'],
    ['hour-only offset', '2025-06-30T00:15:00+05', '2025-06-30 00:15:00.000', '2025-06-30'],
    ['fractional seconds', '2025-01-01T10:00:00.250Z', '2025-01-01 10:00:00.250', '2025-01-01'],
    ['fractional seconds with an offset', '2025-01-01T10:00:00.5-01:00', '2025-01-01 10:00:00.500', '2025-01-01'],
    ['no zone is the text', '2025-01-01T10:00:00', '2025-01-01 10:00:00.000', '2025-01-01'],
    ['a date alone', '2025-01-01', '2025-01-01 00:00:00.000', '2025-01-01'],
    ['NULL', null, null, null],
  ])('%s', async (_what, text, wall, day) => {
    const sql = `SELECT CAST(from_iso8601_timestamp(s) AS TIMESTAMP) AS w, CAST(from_iso8601_timestamp(s) AS DATE) AS d,
      CAST((from_iso8601_timestamp(s)) AS TIMESTAMP) AS general, TRY_CAST(from_iso8601_timestamp(s) AS TIMESTAMP) AS t ${from(text)}`;
    const result = await engine.execute(sql);
    expect(result.rows[0]).toEqual([wall, day, wall, wall]);
    expect(result.columns.map((c) => c.type)).toEqual(['timestamp(3)', 'date', 'timestamp(3)', 'timestamp(3)']);
  });

  it('is computed from the text alone, not from the zoned struct', () => {
    const [step] = translateStatement(`SELECT CAST(from_iso8601_timestamp(s) AS TIMESTAMP) ${from('x')}`, { lakeRoot: '/lake', database: 'default' }).steps;
    const translated = step.kind === 'sql' ? step.sql : '';
    expect(translated).toContain('trino_iso8601_wall(s)');
    expect(translated).not.toContain('trino_from_iso8601_timestamp');
  });

  // The message quotes the text without its zone suffix: the same suffix must be removed on both paths.
  it.each([['not a timestamp'], ['2025-13-01T10:00:00Z'], ['2025-13-01T10:00:00.5+02:00'], ['2025-13-01T10:00:00-0530'], ['2025-01-01T10:00:00Z+01'], ['']])(
    'invalid text %j fails with the error of the zoned path',
    async (text) => {
      const wall = await errorOf(`SELECT CAST(from_iso8601_timestamp(s) AS TIMESTAMP) ${from(text)}`);
      const general = await errorOf(`SELECT CAST((from_iso8601_timestamp(s)) AS TIMESTAMP) ${from(text)}`);
      expect(wall).toBe(general);
      expect(wall).toMatch(/timestamp/i);
    },
  );

  // Trino 476 (the oracle's replay): `Invalid format: "2025-01-01 10:00:00Z" is malformed at " 10:00:00Z"`; an offset
  // of +99:99 is malformed too. Joda's ISO parser (https://trino.io/docs/current/functions/datetime.html,
  // from_iso8601_timestamp) wants a 'T' before the time. An offset with seconds is refused locally.
  it.each([['2025-01-01 10:00:00Z'], ['2025-01-01T10:00:00+99:99'], ['2025-01-01T10:00:00+02:00:00'], [' 2025-01-01T10:00:00Z'], ['2025-01-01T10:00:00Z ']])(
    'text Trino does not read as ISO 8601, %j, fails on both paths',
    async (text) => {
      for (const sql of [
        `SELECT CAST(from_iso8601_timestamp(s) AS TIMESTAMP) ${from(text)}`,
        `SELECT CAST((from_iso8601_timestamp(s)) AS TIMESTAMP) ${from(text)}`,
        `SELECT from_iso8601_timestamp(s) ${from(text)}`,
      ]) {
        expect(await errorOf(sql)).toContain(`Invalid format: "${text}"`);
      }
    },
  );

  // Issue 18: the regular expression that removes the zone cost ~0.2 s of CPU per million rows, twice in P1's curated
  // step (DuckDB repeats the expression in the pushed-down period filter). A text ending in 'Z' drops its last
  // character instead; for every shape ending in 'Z', valid or not, the answer or the error is the zoned path's.
  it('a text ending in Z is cut without the regular expression', () => {
    const macro = MACROS.find((m) => m.startsWith('trino_iso8601_wall_text(')) ?? '';
    expect(macro).toMatch(/CASE WHEN suffix\(s, 'Z'\) THEN substr\(s, 1, length\(s\) - 1\)\s+ELSE regexp_replace/);
  });

  // The GLOB that takes 2025-03-01T10:00:00.123Z past the check must take nothing the check refuses, and cut what it
  // takes as the general rule does: compared on the text that is cast (so answers and errors alike) for every character
  // of ASCII and a few non-ASCII digits and spaces at every place of that shape, and for one character more or less.
  it('the shape told by a GLOB is cut exactly as the general rule cuts it, whatever character stands anywhere', async () => {
    const shape = '2025-03-01T10:00:00.123Z';
    const characters = [...Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1)), 'é', '٣', '０', '\u00a0', '\u2028'];
    const texts = new Set<string>([shape]);
    for (let at = 0; at < shape.length; at++) {
      for (const c of characters) texts.add(shape.slice(0, at) + c + shape.slice(at + 1));
      texts.add(shape.slice(0, at) + shape.slice(at + 1));
      texts.add(`${shape.slice(0, at)}0${shape.slice(at)}`);
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await registerShims(connection).defineFor(connection, ['trino_iso8601_wall_text']);
      const general = `trino_iso8601_or_invalid(s, CASE WHEN suffix(s, 'Z') THEN substr(s, 1, length(s) - 1)
        ELSE regexp_replace(s, '(T[0-9:.,]*)(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)$', '\\1') END)`;
      const list = [...texts].map((t) => `'${t.replaceAll("'", "''")}'`).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT count(*) FILTER (trino_iso8601_wall_text(s) IS DISTINCT FROM ${general}), count(*) FILTER (${general} = substr(s, 1, 23)), count(*)
         FROM (SELECT unnest([${list}]) AS s)`,
      );
      const [differing, accepted, all] = reader.getRows()[0].map(Number);
      expect({ differing, all }).toEqual({ differing: 0, all: texts.size });
      // Texts the general rule cuts to their first 23 characters: the shape, each of its 17 digits replaced by each
      // other digit (all taken by the GLOB), and one it leaves to the check (no 'Z'); ',' for '.' is read by Joda's
      // grammar since dates39 (shims/iso8601-text.ts), which writes the wall clock with a space.
      expect(accepted).toBe(1 + 17 * 9 + 1);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  // The shape the GLOB tells is cast whole (its 'Z' read by DuckDB as UTC) instead of cut first: every text of the set
  // above gets the answer, or the error, of the cut text's cast.
  it('the GLOB shape cast whole answers and fails as the cut text does', async () => {
    const macro = MACROS.find((m) => m.startsWith('trino_iso8601_wall(')) ?? '';
    expect(macro).toContain('THEN coalesce(TRY_CAST(s AS TIMESTAMP), CAST(substr(s, 1, 23) AS TIMESTAMP))');
    const shape = '2025-03-01T10:00:00.123Z';
    const texts = new Set<string>([shape, '2025-12-31T23:59:59.999Z', '2024-02-29T24:00:00.000Z', '0000-01-01T00:00:00.000Z']);
    for (let at = 0; at < shape.length; at++) for (const c of '0123456789-:.TZ+ ') texts.add(shape.slice(0, at) + c + shape.slice(at + 1));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const outcome = async (expression: string, text: string) => {
      try {
        const reader = await connection.runAndReadAll(`SELECT CAST(${expression} AS VARCHAR) FROM (SELECT '${text}' AS s)`);
        return String(reader.getRows()[0][0]);
      } catch (error) {
        return `error: ${(error as Error).message.split('\n')[0]}`;
      }
    };
    try {
      await registerShims(connection).defineFor(connection, ['trino_iso8601_wall']);
      const differing: string[] = [];
      let failing = 0;
      for (const text of texts) {
        const [whole, cut] = [await outcome('trino_iso8601_wall(s)', text), await outcome('CAST(trino_iso8601_wall_text(s) AS TIMESTAMP)', text)];
        if (whole !== cut) differing.push(`${text}: ${whole} / ${cut}`);
        if (cut.startsWith('error')) failing++;
      }
      expect(differing).toEqual([]);
      // Both kinds are tried: texts that cast (the shape, its digits replaced) and texts that fail (month 13, hour 25, …).
      expect(failing).toBeGreaterThan(20);
      expect(texts.size - failing).toBeGreaterThan(100);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it.each([
    ['2025-01-01T10:00:00.123456Z'],
    ['2025-01-01T10:00:00,5Z'],
    ['2025-01-01T10:00Z'],
    ['2025-01-01T10Z'],
    ['2025-01T10:30Z'],
    ['2025T10Z'],
    ['2025-01-01TZ'],
    ['2025-01-01Z'],
    ['2025-02-30T10:00:00Z'],
    ['Z'],
    ['ZZ'],
    ['2025-01-01T10:00:00ZZ'],
  ])('%j ending in Z: the same answer or error as the zoned path', async (text) => {
    const outcome = async (sql: string) =>
      engine.execute(sql).then(
        (r) => `value ${JSON.stringify(r.rows[0][0])}`,
        (e: Error) => `error ${e.message.split('\n')[0]}`,
      );
    const wall = await outcome(`SELECT CAST(from_iso8601_timestamp(s) AS TIMESTAMP) ${from(text)}`);
    expect(wall).toBe(await outcome(`SELECT CAST((from_iso8601_timestamp(s)) AS TIMESTAMP) ${from(text)}`));
  });

  // sql/transforms/p3_customers_checked.sql parses only text a regexp accepts: the check must stay behind the guard,
  // also when the same parse appears twice (DuckDB's common-subexpression elimination would hoist a shared check).
  it('a CASE guard keeps rows that are not ISO 8601 away from the parser', async () => {
    const parse = "CASE WHEN regexp_like(trim(s), '^\\d{4}-\\d{2}-\\d{2}T') THEN CAST(from_iso8601_timestamp(trim(s)) AT TIME ZONE 'UTC' AS TIMESTAMP) END";
    const result = await engine.execute(`SELECT ${parse} AS a, ${parse} AS b FROM (VALUES 'yesterday', '2025-01-01T10:00:00+01:00') t(s)`);
    expect(result.rows).toEqual([
      [null, null],
      ['2025-01-01 09:00:00.000', '2025-01-01 09:00:00.000'],
    ]);
  });

  it('an aggregate argument is cast per group', async () => {
    const result = await engine.execute(
      "SELECT CAST(from_iso8601_timestamp(max(s)) AS TIMESTAMP) FROM (VALUES ('2025-01-01T10:00:00+02:00'), ('2025-01-02T01:00:00Z')) t(s)",
    );
    expect(result.rows[0]).toEqual(['2025-01-02 01:00:00.000']);
  });
});

// CAST(from_iso8601_timestamp(s) AT TIME ZONE 'UTC' AS timestamp) is the instant's UTC wall clock (P3's customer view
// writes it; issue 18: the zoned path cost ~130 ms of CPU per evaluation of the view's 5,693 rows, ~10 ms now). The
// shape 2025-03-01T10:00:00.123Z is read as its own wall clock; every other text takes the zoned path.
describe("CAST(from_iso8601_timestamp(s) AT TIME ZONE 'UTC' AS timestamp) is the UTC wall clock", () => {
  const utc = (s: string) => `CAST(from_iso8601_timestamp(s) AT TIME ZONE 'UTC' AS TIMESTAMP)`.replace('(s)', `(${s})`);
  const general = (s: string) => `CAST((from_iso8601_timestamp(s) AT TIME ZONE 'UTC') AS TIMESTAMP)`.replace('(s)', `(${s})`);

  // Trino 476 (the shared Trino, asked for this pass): value and type of each.
  it.each<[text: string | null, wall: string | null]>([
    ['2025-03-01T10:00:00.123Z', '2025-03-01 10:00:00.123'],
    ['2025-03-01T10:00:00.123+02:00', '2025-03-01 08:00:00.123'],
    ['2025-03-01T10:00:00Z', '2025-03-01 10:00:00.000'],
    ['2025-03-01', '2025-03-01 00:00:00.000'],
    [null, null],
  ])('%j', async (text, wall) => {
    const result = await engine.execute(`SELECT ${utc('s')} AS w, ${utc('trim(s)')} AS t ${from(text)}`);
    expect(result.rows[0]).toEqual([wall, wall]);
    expect(result.columns.map((c) => c.type)).toEqual(['timestamp(3)', 'timestamp(3)']);
  });

  it('is the UTC shim, not the zoned struct, where the operand is exactly that', () => {
    const translated = (sql: string) => {
      const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'default' }).steps;
      return step.kind === 'sql' ? step.sql : '';
    };
    expect(translated(`SELECT ${utc('trim(s)')} ${from('x')}`)).toContain('trino_iso8601_utc(trino_trim(s))');
    for (const other of [general('s'), utc('s').replace("'UTC'", "'Europe/Paris'"), `TRY_${utc('s')}`]) {
      expect(translated(`SELECT ${other} ${from('x')}`)).not.toContain('trino_iso8601_utc');
    }
  });

  // Every character of a small alphabet at every place of the GLOB's shape, and texts of other shapes: the answer or
  // the error (its first line) of the zoned path. Each side is prepared once and run per text.
  it('answers and fails as the zoned path, for the GLOB shape with any character replaced and for other shapes', async () => {
    const shape = '2025-03-01T10:00:00.123Z';
    const texts = new Set<string>([shape, '2024-02-29T24:00:00.000Z', '2025-03-01T10:00:00.123+05:30', '2025-03-01T10:00:00.123-0100', 'x', '']);
    // Other shapes the parsed instant's UTC wall clock answers (the shim's ELSE branch): offsets across midnight and
    // the year, a date alone, the extremes of the range.
    for (const other of [
      '2025-01-01T00:30:00+01:00',
      '2024-12-31T23:30:00-14:00',
      '2025-03-01',
      '2025-03-01T10:00',
      '0001-01-01T00:00:00+00:01',
      '9999-12-31T23:59:59.999-01:00',
      '2025-03-01T10:00:00.123456Z',
      '2025-03-01T10:00:00,5+01',
    ])
      texts.add(other);
    for (let at = 0; at < shape.length; at++) for (const c of '019-:.TZ+ ') texts.add(shape.slice(0, at) + c + shape.slice(at + 1));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run("SET TimeZone = 'UTC'");
      const zonedPath = "CAST(trino_wall(trino_at_time_zone(trino_from_iso8601_timestamp(s), 'UTC')) AS TIMESTAMP)";
      const macro = MACROS.find((m) => m.startsWith('trino_iso8601_utc(')) ?? '';
      expect(macro).toContain("ELSE timezone('UTC', trino_from_iso8601_timestamp(s).trino_instant) END");
      // The zoned path's shims too: the UTC shim no longer calls them.
      await registerShims(connection).defineFor(connection, ['trino_iso8601_utc', 'trino_wall', 'trino_at_time_zone']);
      const prepared = await Promise.all(
        ['trino_iso8601_utc(s)', zonedPath].map((e) => connection.prepare(`SELECT CAST(${e} AS VARCHAR) FROM (SELECT CAST($1 AS VARCHAR) AS s)`)),
      );
      const outcome = async (side: number, text: string) => {
        prepared[side].bindVarchar(1, text);
        try {
          return `value ${String((await prepared[side].runAndReadAll()).getRows()[0][0])}`;
        } catch (error) {
          return `error ${(error as Error).message.split('\n')[0]}`;
        }
      };
      const differing: string[] = [];
      let failing = 0;
      for (const text of texts) {
        const [shim, zoned] = [await outcome(0, text), await outcome(1, text)];
        if (shim !== zoned) differing.push(`${text}: ${shim} / ${zoned}`);
        if (zoned.startsWith('error')) failing++;
      }
      expect(differing).toEqual([]);
      expect(failing).toBeGreaterThan(20);
      expect(texts.size - failing).toBeGreaterThan(30);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
