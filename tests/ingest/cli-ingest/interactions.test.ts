// `lake ingest interactions`: lines that are not JSON never reach the producer; they are quarantined the way the
// producer quarantines its rejects (invalid-records.ts): one object for the file, one line per record with its reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/ingest/clock.js';
import { ingestInteractions } from '../../../src/ingest/cli-ingest/interactions.js';
import { jsonRecords } from '../../../src/ingest/cli-ingest/read-file.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { tempLake } from '../helpers.js';

const BUCKET = 'lake';
const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);

describe('lake ingest interactions', () => {
  const lakes: ReturnType<typeof tempLake>[] = [];
  afterEach(() => {
    for (const lake of lakes.splice(0)) lake.cleanup();
  });

  it("quarantines the file's lines that are not JSON as one invalid/ object, one line per record with its file and line", async () => {
    const lake = tempLake();
    lakes.push(lake);
    const store = new LocalObjectStore(lake.root);
    const text = ['{not json', JSON.stringify({ customer_id: 1, interaction_type: 'call', timestamp: '2025-03-10T11:00:00Z' }), 'nope'].join('\n');
    const { counts, issues } = await ingestInteractions('in.jsonl', jsonRecords(text), {
      store,
      bucket: BUCKET,
      lakeRoot: lake.root,
      clock: new ManualClock(NOW),
    });
    expect(counts).toEqual({ received: 3, accepted: 1, quarantined: 2, reasons: { not_json: 2 } });
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [1, 'not_json'],
      [3, 'not_json'],
    ]);
    const objects = await store.list(BUCKET, 'invalid/');
    expect(objects.map((o) => o.key)).toEqual([expect.stringMatching(/^invalid\/year=2025\/month=03\/day=10\/[0-9a-f-]{36}\.json$/)]);
    const lines = readFileSync(join(lake.root, BUCKET, objects[0].key), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { error: expect.stringMatching(/^in\.jsonl line 1: /), record: '{not json', timestamp: '2025-03-10T12:00:00.000Z' },
      { error: expect.stringMatching(/^in\.jsonl line 3: /), record: 'nope', timestamp: '2025-03-10T12:00:00.000Z' },
    ]);
  });
});
