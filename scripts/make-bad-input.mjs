#!/usr/bin/env node
// Generates the bad-input corpus (tests/fixtures/bad-input/ by default): one file per kind of bad input, and
// manifest.json saying which `lake ingest` source takes each file and exactly where its records must end up
// (received = accepted + quarantined, per reason). Deterministic; the 10 MB single-line files are only written with
// --big (tests write them into a temporary folder, they are never committed).
//
//   node scripts/make-bad-input.mjs [DIR] [--big]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BOM = '\uFEFF';
const lines = (records) => `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
const interaction = (customerId, extra = {}) => ({
  customer_id: customerId,
  interaction_type: 'chat',
  timestamp: '2025-03-07T10:00:00Z',
  channel: 'web',
  rating: 4,
  message_excerpt: 'ok',
  ...extra,
});
const event = (id, extra = {}) => ({
  event_id: id,
  event_type: 'OrderPlaced',
  event_time: '2025-03-07T10:15:00.000Z',
  customer_id: 42,
  order_id: `o-${id}`,
  amount: 19.99,
  currency: 'EUR',
  item_count: 2,
  schema_version: 1,
  ...extra,
});
const expect = (accepted, reasons = {}) => {
  const quarantined = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { received: accepted + quarantined, accepted, quarantined, reasons };
};

/** Timestamps in several ISO forms and zones, each the same instant or the instant given, as crm_data stores it (UTC). */
export const ISO_FORMS = [
  ['2025-03-07T10:00:00Z', '2025-03-07 10:00:00.000'],
  ['2025-03-07T10:00:00.123Z', '2025-03-07 10:00:00.123'],
  ['2025-03-07 10:00:00', '2025-03-07 10:00:00.000'],
  ['2025-03-07T10:00Z', '2025-03-07 10:00:00.000'],
  ['2025-03-07T12:00:00+02:00', '2025-03-07 10:00:00.000'],
  ['2025-03-07T05:00:00-0500', '2025-03-07 10:00:00.000'],
  ['2025-03-07T10:00:00.123456+00:00', '2025-03-07 10:00:00.123'],
  ['2025-03-08T01:30:00+15:30', '2025-03-07 10:00:00.000'],
  [1741341600000, '2025-03-07 10:00:00.000'],
];

const ORDERS_HEADER = 'order_id,user_id,order_date,total_amount,status';

/** The corpus: file name → content and expectation. */
export function corpus() {
  const gzipLines = lines(Array.from({ length: 200 }, (_, i) => interaction(5000 + i)));
  const gz = gzipSync(Buffer.from(gzipLines));
  return [
    {
      file: 'p1-iso-timestamps.jsonl',
      source: 'interactions',
      content: lines(ISO_FORMS.map(([ts], i) => interaction(7001 + i, { timestamp: ts, message_excerpt: `form ${i}` }))),
      expect: expect(ISO_FORMS.length),
    },
    {
      file: 'p1-bad-timestamps.jsonl',
      source: 'interactions',
      content: lines([
        interaction(7101, { timestamp: '07/03/2025 10:00' }),
        interaction(7102, { timestamp: '2025-03-07' }),
        interaction(7103, { timestamp: '2025-13-07T10:00:00Z' }),
        interaction(7104, { timestamp: true }),
      ]),
      expect: expect(0, { bad_timestamp: 4 }),
    },
    {
      file: 'p1-invalid-json.jsonl',
      source: 'interactions',
      content: lines([interaction(7201), '{"customer_id": 7202, "interaction_type": "chat",', 'not json at all', '{"customer_id":7203}}', interaction(7204)]),
      expect: expect(2, { not_json: 3 }),
    },
    {
      file: 'p1-wrong-types.jsonl',
      source: 'interactions',
      content: lines([
        interaction(7301, { rating: 'five' }),
        interaction(7302, { rating: 4.5 }),
        interaction('abc'),
        interaction(7304.5),
        interaction(7305, { interaction_type: 42 }),
        interaction(7306, { rating: '3' }),
      ]),
      expect: expect(1, { bad_rating: 2, bad_customer_id: 2, bad_interaction_type: 1 }),
    },
    {
      file: 'p1-out-of-range.jsonl',
      source: 'interactions',
      content: lines([
        interaction(7401, { rating: 0 }),
        interaction(7402, { rating: 6 }),
        interaction(-5),
        interaction(2 ** 31),
        interaction(7405, { rating: 1 }),
        interaction(7406, { rating: 5 }),
      ]),
      expect: expect(2, { rating_out_of_range: 2, bad_customer_id: 2 }),
    },
    {
      file: 'p1-missing-required.jsonl',
      source: 'interactions',
      content: lines([
        interaction(7501, { timestamp: undefined }),
        interaction(null),
        { customer_id: 7503, timestamp: '2025-03-07T10:00:00Z' },
        interaction(7504, { interaction_type: '   ' }),
        interaction('N/A'),
        [1, 2, 3],
        interaction(7507),
      ]),
      expect: expect(1, { invalid_record: 4, missing_required: 2 }),
    },
    {
      file: 'p1-extra-fields.jsonl',
      source: 'interactions',
      content: lines([interaction(7601, { agent: 'bob', tags: ['a', 'b'], nested: { deep: { x: 1 } } }), interaction(7602, { RATING: 1, customer_id_2: 9 })]),
      expect: expect(2),
    },
    {
      file: 'p1-bom-crlf.jsonl',
      source: 'interactions',
      content: BOM + lines([interaction(7701), interaction(7702), interaction(7703)]).replaceAll('\n', '\r\n'),
      expect: expect(3),
    },
    { file: 'p1-empty.jsonl', source: 'interactions', content: '', expect: expect(0) },
    { file: 'p1-blank-lines.jsonl', source: 'interactions', content: '\n\n  \r\n', expect: expect(0) },
    { file: 'p1-gzip.jsonl.gz', source: 'interactions', content: gz, expect: expect(200) },
    { file: 'p1-truncated.jsonl.gz', source: 'interactions', content: gz.subarray(0, Math.floor(gz.length / 2)), expect: expect(0, { unreadable_file: 1 }) },
    {
      file: 'p4-events.jsonl',
      source: 'domain_events',
      content: lines([
        event('e-1'),
        event('e-2', { amount: 'five' }),
        event('e-3', { item_count: -1 }),
        event('e-4', { customer_id: '42' }),
        event(undefined),
        event('e-6', { event_type: 'OrderTeleported' }),
        event('e-7', { event_time: '2025-03-07T12:15:00+02:00' }),
        event('e-8', { event_time: '2025-03-07' }),
        event('e-9', { event_time: undefined }),
        event('e-10', { coupon: 'SPRING', nested: { a: 1 } }),
        event('e-11'),
        event('e-11'),
        event('e-13', { amount: 1e12 }),
        event('e-14', { stock_level: 2 ** 40 }),
        event('e-15', { event_time: '2025-03-07T10:15:00.123456Z' }),
        '{"event_id": "e-16", ',
      ]),
      expect: expect(5, {
        bad_type: 2,
        out_of_range: 3,
        missing_required: 1,
        unknown_event_type: 1,
        bad_event_time: 2,
        'DynamicPartitioning.MetadataExtractionFailed': 1,
        not_json: 1,
      }),
      /** e-11 twice: landed twice (Firehose delivers at least once), one row in the curated p4_events. */
      duplicates: { event_id: 'e-11', landed: 2 },
    },
    {
      file: 'p4-bom-crlf.jsonl',
      source: 'domain_events',
      content: BOM + lines([event('e-101'), event('e-102')]).replaceAll('\n', '\r\n'),
      expect: expect(2),
    },
    { file: 'p4-empty.jsonl', source: 'domain_events', content: '', expect: expect(0) },
    {
      file: 'orders_bom_crlf.csv',
      source: 'orders',
      content:
        BOM +
        `${ORDERS_HEADER}\r\n900001,1001,2025-03-07,20.00,completed\r\n900002,1002,2025-03-07,35.50,returned\r\n900003,1003,2025-03-07,5.25,processing\r\n`,
      expect: expect(3),
    },
    { file: 'orders_header_only.csv', source: 'orders', content: `${ORDERS_HEADER}\n`, expect: expect(0) },
    { file: 'orders_empty.csv', source: 'orders', content: '', expect: expect(0) },
    {
      file: 'orders_missing_header.csv',
      source: 'orders',
      content: '900101,1001,2025-03-07,20.00,completed\n900102,1002,2025-03-07,35.50,returned\n900103,1003,2025-03-07,5.25,processing\n',
      expect: expect(0, { missing_header: 3 }),
    },
    {
      file: 'orders_shifted_header.csv',
      source: 'orders',
      content: 'user_id,order_id,order_date,total_amount,status\n1001,900201,2025-03-07,20.00,completed\n1002,900202,2025-03-07,35.50,returned\n',
      expect: expect(0, { bad_header: 2 }),
    },
    {
      file: 'orders_extra_column.csv',
      source: 'orders',
      content: `${ORDERS_HEADER},coupon\n900301,1001,2025-03-07,20.00,completed,SPRING\n`,
      expect: expect(0, { bad_header: 1 }),
    },
    {
      file: 'orders_shifted_rows.csv',
      source: 'orders',
      content: `${ORDERS_HEADER}\n900401,1001,2025-03-07,20.00,completed\n,900402,1002,2025-03-07,35.50,returned\n900403,1003,2025-03-07,5.25\n900404,1004,2025-03-07,7.00,completed\n`,
      expect: expect(2, { malformed_row: 2 }),
    },
    {
      file: 'orders_wrong_types.csv',
      source: 'orders',
      content: `${ORDERS_HEADER}\n900501,1001,not-a-date,20.00,completed\n900502,1002,2025-03-07,five,returned\nabc,1003,2025-03-07,5.25,processing\n900504,1004,07-03-2025,7.00,completed\n900505,1005,2025-03-07,7.00,completed\n`,
      expect: expect(1, { bad_value: 4 }),
    },
    {
      file: 'orders_out_of_range.csv',
      source: 'orders',
      content: `${ORDERS_HEADER}\n900601,1001,2025-03-07,12345678901234.00,completed\n900602,99999999999999999999,2025-03-07,1.00,completed\n900603,1003,2025-02-30,1.00,completed\n900604,1004,2025-03-07,1.00,completed\n`,
      expect: expect(1, { bad_value: 3 }),
    },
    {
      file: 'orders_duplicate_keys.csv',
      source: 'orders',
      content: `${ORDERS_HEADER}\n900701,1001,2025-03-07,20.00,completed\n900701,1002,2025-03-07,35.50,returned\n900703,1003,2025-03-07,5.25,processing\n,1004,2025-03-07,1.00,completed\n`,
      expect: expect(2, { duplicate_key: 1, missing_key: 1 }),
    },
    {
      file: 'products_valid.csv',
      source: 'products',
      content: 'product_id,category,name,price\n2001,Books,"Novel, signed",12.50\n2002,Home,Lamp,30.00\n',
      expect: expect(2),
    },
    {
      file: 'order_items_unknown_refs.csv',
      source: 'order_items',
      content: 'order_id,product_id,quantity,unit_price\n900001,2001,1,12.50\n900001,2001,3000000000,12.50\n',
      expect: expect(0, { unknown_order: 1, bad_value: 1 }),
    },
  ];
}

/** The files over 10 MB on one line: too large for a Kinesis record (1 MiB) and a Firehose record (1000 KiB). */
export function bigLineCorpus(bytes = 10 * 1024 * 1024) {
  const filler = 'x'.repeat(bytes);
  return [
    {
      file: 'p1-10mb-line.jsonl',
      source: 'interactions',
      content: lines([interaction(7801, { message_excerpt: filler }), interaction(7802)]),
      expect: expect(1, { stream_refused: 1 }),
    },
    {
      file: 'p4-10mb-line.jsonl',
      source: 'domain_events',
      content: lines([event('e-big', { failure_reason: filler }), event('e-after-big')]),
      expect: expect(1, { record_too_large: 1 }),
    },
  ];
}

/** Writes the corpus (and the big files when asked) into `dir`; returns the manifest written as manifest.json. */
export function writeBadInput(dir, options = {}) {
  mkdirSync(dir, { recursive: true });
  const cases = [...corpus(), ...(options.big ? bigLineCorpus(options.bigLineBytes) : [])];
  for (const c of cases) writeFileSync(join(dir, c.file), c.content);
  const manifest = cases.map(({ content: _content, ...rest }) => rest);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/bad-input';
  const manifest = writeBadInput(dir, { big: args.includes('--big') });
  console.log(`wrote ${manifest.length} bad-input files and manifest.json to ${dir}`);
}
