// A hostile corpus for every `lake ingest` source: line endings (CR, CRLF, mixed), encodings (UTF-8 BOM, UTF-16,
// Latin-1 bytes, invalid UTF-8), quotes, widths, glob characters in names, calendar-invalid dates, years outside
// 0001–9999, overflow, keys in another case, nesting (and 100,000 levels deep), empty files. Each file: the printed counts balance and count
// every record of the file, the exit code is 0 or 1 (never 2), nothing is left in incoming/ to block the next file.
// Afterwards every landing table, and the P4 model that parses event_time, reads without error and holds exactly the
// accepted records.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { addCounts, countsBalance, emptyCounts, type IngestCounts } from '../../src/ingest/counts.js';
import { captureIo } from '../helpers/io.js';

interface HostileFile {
  source: string;
  name: string;
  content: string | Buffer;
  /** Records in the file, as a reader of its format counts them. */
  records: number;
  /** Reasons its quarantined records must be given (a subset of the printed reasons). */
  reasons?: string[];
}

const REPO = resolve('.');
const BUCKET = 'lakehouse-local';
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const invalidUtf8 = (text: string) => Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0x0a])]);

let next = 1;
const p1 = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ customer_id: next++, interaction_type: 'call', timestamp: '2025-03-10T10:00:00Z', rating: 3, channel: 'phone', ...over });
const p4 = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    event_id: `h${next++}`,
    event_type: 'OrderPlaced',
    event_time: '2025-03-10T10:00:00Z',
    customer_id: 1,
    order_id: 'o1',
    amount: 12.5,
    currency: 'EUR',
    item_count: 1,
    schema_version: 1,
    ...over,
  });

/** The JSON cases, for a source whose valid record is `ok()`. */
function jsonCases(
  source: string,
  ok: (over?: Record<string, unknown>) => string,
  bad: { calendar: string[]; years: string[]; overflow: string[]; nesting: string[]; keyCase: string[] },
  reasons: Record<string, string[]>,
): HostileFile[] {
  return [
    { source, name: 'cr.jsonl', content: [ok(), ok(), ok()].join('\r'), records: 3 },
    { source, name: 'crlf.jsonl', content: `${ok()}\r\n${ok()}\r\n`, records: 2 },
    { source, name: 'mixed.jsonl', content: `${ok()}\n${ok()}\r${ok()}\r\n`, records: 3 },
    { source, name: 'bom.jsonl', content: `\uFEFF${ok()}\n`, records: 1 },
    { source, name: 'utf16.jsonl', content: utf16(`${ok()}\n${ok()}\n`), records: 1, reasons: ['unreadable_file'] },
    { source, name: 'latin1.jsonl', content: latin1(`${ok({ channel: 'caf\u00e9' })}\n`), records: 1, reasons: ['unreadable_file'] },
    { source, name: 'invalid-utf8.jsonl', content: invalidUtf8(`${ok()}\n`), records: 1, reasons: ['unreadable_file'] },
    { source, name: 'empty.jsonl', content: '', records: 0 },
    {
      source,
      name: 'quotes.jsonl',
      content: `${ok({ channel: 'say "hi"' })}\n{"customer_id": 1, "interaction_type": "call\n`,
      records: 2,
      reasons: ['not_json'],
    },
    { source, name: 'wide.jsonl', content: `${ok(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`x${i}`, i])))}\n`, records: 1 },
    // Nesting JSON.parse takes but JSON.stringify (stream, Firehose, quarantine writers) cannot.
    {
      source,
      name: 'deep.jsonl',
      content: `${ok().replace(/}$/, `,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)}\n${ok()}\n`,
      records: 2,
      reasons: ['not_json'],
    },
    { source, name: 'deep-array.json', content: `[${ok()},${'['.repeat(100_000)}${']'.repeat(100_000)}]`, records: 2, reasons: ['not_json'] },
    { source, name: `${source}_*.jsonl`, content: `${ok()}\n`, records: 1 },
    { source, name: `${source}_[x].jsonl`, content: `${ok()}\n`, records: 1 },
    { source, name: 'calendar.jsonl', content: bad.calendar.join('\n'), records: bad.calendar.length, reasons: reasons.calendar },
    { source, name: 'years.jsonl', content: bad.years.join('\n'), records: bad.years.length, reasons: reasons.years },
    { source, name: 'overflow.jsonl', content: bad.overflow.join('\n'), records: bad.overflow.length, reasons: reasons.overflow },
    { source, name: 'nesting.jsonl', content: bad.nesting.join('\n'), records: bad.nesting.length, reasons: reasons.nesting },
    { source, name: 'key-case.jsonl', content: bad.keyCase.join('\n'), records: bad.keyCase.length, reasons: reasons.keyCase },
  ];
}

const CSV: Record<string, { header: string; row: (i: number) => string; calendar?: string; overflow: string; accepts: boolean }> = {
  orders: {
    header: 'order_id,user_id,order_date,total_amount,status',
    row: (i) => `${i},7,2025-03-01,10.00,delivered`,
    calendar: '9001,7,2025-02-30,10.00,delivered',
    overflow: '9002,7,2025-03-01,9999999999.999,delivered',
    accepts: true,
  },
  products: {
    header: 'product_id,category,name,price',
    row: (i) => `${i},books,Book ${i},10.00`,
    overflow: '9002,books,Too dear,9999999999.999',
    accepts: true,
  },
  // Items refer to orders and products of their own batch: alone, each valid row is quarantined as unknown_order.
  order_items: {
    header: 'order_id,product_id,quantity,unit_price',
    row: (i) => `${i},${i},1,10.00`,
    overflow: '9002,9002,1,9999999999.999',
    accepts: false,
  },
};

function csvCases(source: string): HostileFile[] {
  const { header, row, calendar, overflow } = CSV[source];
  const rows = (n: number) => Array.from({ length: n }, () => row(next++));
  const [a, b, c] = rows(3);
  const files: HostileFile[] = [
    { source, name: `${source}_cr.csv`, content: `${header}\r${a}\r${b}\r`, records: 2 },
    { source, name: `${source}_crlf.csv`, content: `${header}\r\n${a}\r\n${b}\r\n`, records: 2 },
    { source, name: `${source}_mixed.csv`, content: `${header}\n${a}\r${b}\r\n${c}\n`, records: 3 },
    { source, name: `${source}_bom.csv`, content: `\uFEFF${header}\n${a}\n`, records: 1 },
    { source, name: `${source}_utf16.csv`, content: utf16(`${header}\n${a}\n`), records: 1, reasons: ['unreadable_file'] },
    {
      source,
      name: `${source}_latin1.csv`,
      content: latin1(`${header}\n${a}\n${row(next++).replace(/,[^,]*$/, ',caf\u00e9')}\n`),
      records: 1,
      reasons: ['unreadable_file'],
    },
    { source, name: `${source}_invalid_utf8.csv`, content: invalidUtf8(`${header}\n${a}\n`), records: 1, reasons: ['unreadable_file'] },
    { source, name: `${source}_empty.csv`, content: '', records: 0 },
    // One value with an escaped quote and a comma; then a quote left open to the end of the file (one record).
    {
      source,
      name: `${source}_quotes.csv`,
      content: `${header}\n${a.replace(/,([^,]*)$/, ',"x ""quoted"", y"')}\n${b.replace(/,([^,]*)$/, ',"open')}\n${c}\n`,
      records: 2,
      reasons: ['malformed_row'],
    },
    { source, name: `${source}_wide.csv`, content: `${header}\n${a}${',x'.repeat(50_000)}\n${b}\n`, records: 2, reasons: ['malformed_row'] },
    { source, name: `${source}_wide_header.csv`, content: `${header}${',h'.repeat(25_000)}\n${a}\n`, records: 1, reasons: ['bad_header'] },
    { source, name: `${source}_header_twice.csv`, content: `${header}\n${header}\n${a}\n`, records: 2, reasons: ['bad_value'] },
    { source, name: `${source}_*.csv`, content: `${header}\n${a}\n`, records: 1 },
    { source, name: `${source}_[x].csv`, content: `${header}\n${b}\n`, records: 1 },
    { source, name: `${source}_key_case.csv`, content: `${header.toUpperCase()}\n${c}\n`, records: 1 },
    { source, name: `${source}_overflow.csv`, content: `${header}\n${overflow}\n`, records: 1, reasons: ['bad_value'] },
  ];
  if (calendar) files.push({ source, name: `${source}_calendar.csv`, content: `${header}\n${calendar}\n`, records: 1, reasons: ['bad_value'] });
  return files;
}

const YEAR_0 = Date.parse('0000-06-01T00:00:00Z');
const YEAR_MINUS_2 = Date.parse('-000002-06-01T00:00:00Z');
const YEAR_10000 = Date.parse('+010000-01-01T00:00:00Z');

const CORPUS: HostileFile[] = [
  ...jsonCases(
    'interactions',
    p1,
    {
      calendar: [p1({ timestamp: '2025-02-30T10:00:00Z' })],
      years: [p1({ timestamp: YEAR_0 }), p1({ timestamp: YEAR_MINUS_2 }), p1({ timestamp: YEAR_10000 }), p1({ timestamp: '0000-01-01T00:00:00Z' })],
      overflow: [p1().replace('"rating":3', '"rating":1e400'), p1({ customer_id: 1e20 })],
      nesting: [p1({ channel: { web: true } }), p1({ message_excerpt: ['a', 'b'] })],
      keyCase: [p1().replace('"customer_id"', '"CUSTOMER_ID"')],
    },
    {
      calendar: ['bad_timestamp'],
      years: ['bad_timestamp'],
      overflow: ['invalid_record', 'bad_customer_id'],
      nesting: ['bad_type'],
      keyCase: ['invalid_record'],
    },
  ),
  ...jsonCases(
    'domain_events',
    p4,
    {
      calendar: [p4({ event_time: '2025-02-30T10:00:00Z' })],
      years: [p4({ event_time: '0000-01-01T00:00:00Z' })],
      overflow: [p4().replace('"amount":12.5', '"amount":9999999999.999'), p4().replace('"item_count":1', '"item_count":1e400')],
      nesting: [p4({ currency: { code: 'EUR' } }), p4({ amount: [1] })],
      keyCase: [p4().replace('"amount":12.5', '"AMOUNT":"x"'), p4().replace('"amount":12.5', '"amount":1,"Amount":2')],
    },
    {
      calendar: ['bad_event_time'],
      years: ['bad_event_time'],
      overflow: ['out_of_range', 'bad_type'],
      nesting: ['bad_type'],
      keyCase: ['bad_type', 'ambiguous_key'],
    },
  ),
  ...csvCases('orders'),
  ...csvCases('products'),
  ...csvCases('order_items'),
];

describe('hostile corpus through `lake ingest`, every source', () => {
  const work = mkdtempSync(join(tmpdir(), 'hostile-'));
  const corpus = join(work, 'corpus');
  const lake = join(work, 'lake');
  const totals = new Map<string, IngestCounts>();
  mkdirSync(corpus);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(CORPUS.map((f) => [`${f.source} ${f.name}`, f] as const))('%s: every record counted, exit 0 or 1, incoming/ clear', async (_name, f) => {
    const dir = join(corpus, f.source);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, f.name);
    writeFileSync(file, f.content);
    const io = captureIo(REPO);
    const code = await main(['ingest', f.source, '--file', file, '--lake', lake], io);
    expect(io.err).not.toMatch(/internal error/);
    const printed = JSON.parse(io.out) as IngestCounts;
    expect(countsBalance(printed)).toBe(true);
    expect(printed.received).toBe(f.records);
    expect(code).toBe(printed.quarantined > 0 ? 1 : 0);
    if (CSV[f.source]?.accepts === false) expect(printed.accepted).toBe(0);
    expect(Object.keys(printed.reasons)).toEqual(expect.arrayContaining(f.reasons ?? []));
    // stderr tells the same story as the counts: every reason counted is named there with the file.
    for (const reason of Object.keys(printed.reasons)) expect(io.err).toContain(`: ${reason}: `);
    if (printed.quarantined > 0) expect(io.err.startsWith(file)).toBe(true);
    if (!f.reasons && CSV[f.source]?.accepts !== false) expect(printed).toEqual({ received: f.records, accepted: f.records, quarantined: 0, reasons: {} });
    const waiting = (await new LocalObjectStore(lake).list(BUCKET, 'incoming/')).filter((o) => o.key.endsWith('.csv'));
    expect(waiting).toEqual([]);
    totals.set(f.source, addCounts(totals.get(f.source) ?? emptyCounts(), printed));
  });

  describe('afterwards', () => {
    let engine: AthenaLocalEngine;
    beforeAll(async () => {
      const io = captureIo(REPO);
      // The whole of February and March: a calendar-invalid 2025-02-30 that got through would sit in a February folder.
      expect(await main(['run', 'path:sql/ddl', 'p4_events', '--from', '2025-02-01', '--to', '2025-04-01', '--lake', lake], io), io.err).toBe(0);
      engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'lakehouse' });
    });
    afterAll(() => engine?.close());
    const count = async (sql: string) => Number((await engine.execute(sql, { database: 'lakehouse' })).rows[0][0]);

    it.each([
      ['crm_data', 'interactions'],
      ['p4_domain_events', 'domain_events'],
      ['p2_raw_orders', 'orders'],
      ['p2_raw_products', 'products'],
      ['p2_raw_order_items', 'order_items'],
    ])('%s reads whole and holds exactly the accepted records', async (table, source) => {
      expect(await count(`SELECT count(*) FROM ${table}`)).toBe(totals.get(source)!.accepted);
      // Every column of every row is read (a value the reader cannot cast would fail here).
      expect((await engine.execute(`SELECT * FROM ${table}`, { database: 'lakehouse' })).rows).toHaveLength(totals.get(source)!.accepted);
    });

    it('p4_events parses every accepted event_time', async () => {
      expect(await count('SELECT count(*) FROM p4_events')).toBe(totals.get('domain_events')!.accepted);
    });
  });
});
