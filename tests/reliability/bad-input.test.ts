// The bad-input corpus (scripts/make-bad-input.mjs, 10 MB single lines included) pushed through `lake ingest` one file
// at a time into one lake: every file ends in curated data or quarantine with its specific reason, the run goes on
// after each, and after `lake run` the curated and quarantine tables hold exactly the records the counts say.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { addCounts, countsBalance, emptyCounts, type IngestCounts } from '../../src/ingest/counts.js';
import { captureIo } from '../helpers/io.js';

interface Case {
  file: string;
  source: string;
  expect: IngestCounts;
  duplicates?: { event_id: string; landed: number };
}

const REPO = resolve('.');
const BUCKET = 'lakehouse-local';
const work = mkdtempSync(join(tmpdir(), 'bad-input-'));
const corpusDir = join(work, 'corpus');
const lake = join(work, 'lake');
execFileSync(process.execPath, ['scripts/make-bad-input.mjs', corpusDir, '--big']);
const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as Case[];
const totals = new Map<string, IngestCounts>();

const count = async (engine: AthenaLocalEngine, sql: string) => Number((await engine.execute(sql, { database: 'lakehouse' })).rows[0][0]);

describe('bad-input corpus through `lake ingest`', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('covers every kind of bad input the issue lists', () => {
    expect(manifest.map((c) => c.file)).toEqual(
      expect.arrayContaining([
        'p1-truncated.jsonl.gz',
        'p1-invalid-json.jsonl',
        'p1-wrong-types.jsonl',
        'p1-out-of-range.jsonl',
        'p1-missing-required.jsonl',
        'p1-extra-fields.jsonl',
        'p1-10mb-line.jsonl',
        'p4-10mb-line.jsonl',
        'p1-bom-crlf.jsonl',
        'orders_bom_crlf.csv',
        'orders_missing_header.csv',
        'orders_shifted_rows.csv',
        'orders_duplicate_keys.csv',
        'p1-iso-timestamps.jsonl',
        'p1-empty.jsonl',
        'orders_header_only.csv',
      ]),
    );
  });

  it.each(manifest.map((c) => [c.file, c] as const))('%s ends in curated data or quarantine with its reason', async (_name, c) => {
    const io = captureIo(REPO);
    const code = await main(['ingest', c.source, '--file', join(corpusDir, c.file), '--lake', lake], io);
    const printed = JSON.parse(io.out) as IngestCounts;
    expect(printed).toEqual(c.expect);
    expect(countsBalance(printed)).toBe(true);
    expect(code).toBe(c.expect.quarantined > 0 ? 1 : 0);
    // Every quarantined record is named on stderr with the file, its line where it has one, and the reason.
    for (const reason of Object.keys(c.expect.reasons)) expect(io.err).toContain(`: ${reason}: `);
    const wholeFile = ['bad_header', 'missing_header', 'unreadable_file'].some((r) => r in c.expect.reasons);
    if (!wholeFile && c.expect.quarantined > 0 && c.expect.quarantined <= 20)
      expect(io.err.split('\n').filter((l) => l.startsWith(join(corpusDir, c.file)))).toHaveLength(c.expect.quarantined);
    totals.set(c.source, addCounts(totals.get(c.source) ?? emptyCounts(), printed));
  });

  describe('after `lake run`', () => {
    let engine: AthenaLocalEngine;
    beforeAll(async () => {
      const io = captureIo(REPO);
      expect(await main(['run', 'path:sql/ddl', '--lake', lake], io), io.err).toBe(0);
      engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'lakehouse' });
    });
    afterAll(() => engine?.close());

    it('P1: in = crm_data rows + records in invalid/, the dead-letter queues and rejected files', async () => {
      const p1 = totals.get('interactions')!;
      expect(await count(engine, 'SELECT count(*) FROM crm_data')).toBe(p1.accepted);
      const store = new LocalObjectStore(lake);
      let invalid = 0; // one record per line of each invalid/ object
      for (const o of await store.list(BUCKET, 'invalid/')) invalid += (await store.get(BUCKET, o.key)).toString().trimEnd().split('\n').length;
      let deadLettered = 0;
      for (const prefix of ['dead-letter/crm/', 'dead-letter/crm-producer/']) {
        for (const o of await store.list(BUCKET, prefix))
          deadLettered += (JSON.parse((await store.get(BUCKET, o.key)).toString()) as { records: unknown[] }).records.length;
      }
      const rejectedFiles = (await store.list(BUCKET, 'rejected/ingest/interactions/')).filter((o) => !o.key.endsWith('error.json')).length;
      expect(await count(engine, 'SELECT count(*) FROM p1_invalid_interactions')).toBe(invalid);
      expect(p1.received).toBe(p1.accepted + invalid + deadLettered + rejectedFiles);
      expect(p1.quarantined).toBe(invalid + deadLettered + rejectedFiles);
    });

    it('P1: every ISO form and zone is stored as the right UTC instant', async () => {
      const result = await engine.execute(
        'SELECT message_excerpt, CAST("timestamp" AS VARCHAR) FROM crm_data WHERE customer_id BETWEEN 7001 AND 7099 ORDER BY customer_id',
        { database: 'lakehouse' },
      );
      const forms = (await import('../../scripts/make-bad-input.mjs' as string)) as { ISO_FORMS: [string | number, string][] };
      expect(result.rows).toEqual(forms.ISO_FORMS.map(([, utc], i) => [`form ${i}`, utc]));
    });

    it('P4: in = p4_domain_events rows + Firehose error documents; a duplicated event lands twice and is kept once downstream', async () => {
      const p4 = totals.get('domain_events')!;
      expect(await count(engine, 'SELECT count(*) FROM p4_domain_events')).toBe(p4.accepted);
      expect(await count(engine, 'SELECT count(*) FROM p4_domain_event_errors')).toBe(p4.quarantined);
      const dup = manifest.find((c) => c.duplicates)!.duplicates!;
      expect(await count(engine, `SELECT count(*) FROM p4_domain_events WHERE event_id = '${dup.event_id}'`)).toBe(dup.landed);
      expect(await count(engine, 'SELECT count(DISTINCT errorcode) FROM p4_domain_event_errors')).toBe(Object.keys(p4.reasons).length);
    });

    it('P2: in = raw rows + rejected rows and files, per table', async () => {
      const store = new LocalObjectStore(lake);
      let rejectedRows = 0;
      for (const o of await store.list(BUCKET, 'rejected/ecommerce/')) {
        const text = (await store.get(BUCKET, o.key)).toString();
        if (o.key.endsWith('rejected_rows.json')) rejectedRows += text.trim().split('\n').length;
        else if (o.key.endsWith('.error.json')) rejectedRows += (JSON.parse(text) as { rows: number }).rows;
      }
      let received = 0;
      let quarantined = 0;
      for (const [table, source] of [
        ['p2_raw_orders', 'orders'],
        ['p2_raw_products', 'products'],
        ['p2_raw_order_items', 'order_items'],
      ]) {
        const counts = totals.get(source)!;
        expect(await count(engine, `SELECT count(*) FROM ${table}`)).toBe(counts.accepted);
        received += counts.received - counts.accepted;
        quarantined += counts.quarantined;
      }
      expect(rejectedRows).toBe(quarantined);
      expect(received).toBe(quarantined);
    });
  });
});
