// `npm start` = `lake run --demo`: a fresh lake, seeded data for all five pipelines, the whole pipeline, alerts and
// dashboards, and a summary in which every record is accounted for. Run small here; the real demo uses 100k events.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { main } from '../../src/cli/main.js';
import { recordDuckDBStatements } from '../helpers/duckdb-statements.js';
import { captureIo } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const number = (text: string) => Number(text.replaceAll(',', ''));

describe('lake run --demo', () => {
  const lake = join(mkdtempSync(join(tmpdir(), 'lake-demo-')), 'lake');
  const io = captureIo(ROOT);
  let code: number;
  let sent: string[] = [];

  const stale = join(lake, 'warehouse', 'stale', 'part-0.parquet');

  beforeAll(async () => {
    // A lake created earlier by `lake` (so marked as a lake), holding a file of an older run: the demo resets it.
    expect(await main(['sql', '--lake', lake, '-e', 'SELECT 1'], captureIo(ROOT))).toBe(0);
    mkdirSync(dirname(stale), { recursive: true });
    writeFileSync(stale, 'stale');
    const recorder = recordDuckDBStatements();
    try {
      code = await runDemo({ lake, interactions: 4000, days: 2, ordersPerDay: 40, customers: 80, now: new Date('2025-03-10T12:00:00Z') }, io);
    } finally {
      recorder.restore();
      sent = recorder.sent;
    }
  }, 180_000);

  it('runs every step without a failure', () => {
    expect(io.err).toBe('');
    expect(io.out).toMatch(/run \S+: \d+ ok, 0 failed, 0 skipped/);
    expect(code).toBe(0);
  });

  it('starts from an empty lake: what an earlier run left is gone', () => {
    expect(existsSync(stale)).toBe(false);
  });

  it('accounts for every record: in = accepted + quarantined, with reasons', () => {
    const lines = io.out.split('\n').filter((l) => / in = .* accepted \+ .* quarantined/.test(l));
    expect(lines.map((l) => l.trim().split(':')[0])).toEqual([
      'P1 interactions (producer → consumer)',
      'P4 domain events (Firehose)',
      'P2 orders',
      'P2 order_items',
      'P2 products',
    ]);
    for (const line of lines) {
      const [, received, accepted, quarantined] = /([\d,]+) in = ([\d,]+) accepted \+ ([\d,]+) quarantined/.exec(line)!;
      expect(number(received)).toBe(number(accepted) + number(quarantined));
    }
    expect(io.out).toMatch(/P1 interactions .*quarantined \(invalid_record \d+/);
  });

  it('reports rows per zone, alerts and the dashboards it wrote', () => {
    expect(io.out).toMatch(/landing\s+lakehouse\.crm_data\s+[\d,]+/);
    expect(io.out).toMatch(/curated\s+lakehouse\.p2_order_kpis\s+2\n/);
    expect(io.out).not.toMatch(/not readable/);
    expect(io.out).toMatch(/Alerts fired: \d+/);
    expect(io.out).toContain(`Dashboards: ${join(lake, '.dashboards', 'index.html')}`);
  });

  it('leaves a lake that `lake sql` queries', async () => {
    const query = captureIo(ROOT);
    expect(
      await main(['sql', '--lake', lake, '--format', 'json', '-e', 'SELECT count(*) AS n, count(DISTINCT channel) > 1 AS channels FROM crm_data'], query),
    ).toBe(0);
    const { rows } = JSON.parse(query.out);
    expect(rows[0][0]).toBeGreaterThan(3000);
    expect(rows[0][1]).toBe(true);
  });

  it('prints a re-run command whose range lies inside its data, and that command writes rows', async () => {
    const match = /Re-run its last full day and what depends on it: npx lake (run p1_interaction_kpis_hourly\+ --from (\S+) --to (\S+))$/m.exec(io.out);
    expect(match?.slice(2)).toEqual(['2025-03-09', '2025-03-10']);
    const rerun = captureIo(ROOT);
    expect(await main([...match![1].split(' '), '--lake', lake], rerun)).toBe(0);
    expect(number(/; ([\d,]+) rows written/.exec(rerun.out)![1])).toBeGreaterThan(0);
  });

  it("reads the summary (rows per zone, the dashboards' queries) on one read-only attachment of the lake's catalog, not one per query", () => {
    // The run itself holds the writer lock (read-write attachments); every read-only one comes after it. The first read
    // finds run_log's view stale (the run's records land after its last statement) and refreshes it, which takes
    // three attachments of its own; the other ~80 queries share the fourth.
    const readOnly = sent.filter((sql) => /^ATTACH '.*catalog\.duckdb' AS awsdatacatalog \(READ_ONLY\)$/.test(sql));
    // The rows per zone: one statement counts every table the demo produced (~45) but the dashboards' views (15).
    // (A contract check's shared statement counts the rows of its queries: `(SELECT count(*) FROM (\n…`, not a table.)
    const counts = sent.filter((sql) => /^SELECT \(SELECT count\(\*\)(?: AS "_col\$")? FROM [^(]/.test(sql));
    expect(counts).toHaveLength(1);
    expect(counts[0].match(/count\(\*\)/g)?.length).toBeGreaterThan(25);
    expect(readOnly.length).toBeLessThanOrEqual(4);
  });

  it("counts a dashboard view by the rows the site read of it, not by running the view again, and the count is the view's", async () => {
    const counted = sent.filter((sql) => /count\(\*\)/.test(sql) && /\bsupport_interactions_daily\b/.test(sql));
    expect(counted).toEqual([]);
    const printed = /dashboard views\s+lakehouse\.support_interactions_daily\s+([\d,]+)\n/.exec(io.out);
    const query = captureIo(ROOT);
    expect(await main(['sql', '--lake', lake, '--format', 'json', '-e', 'SELECT count(*) FROM lakehouse.support_interactions_daily'], query)).toBe(0);
    const [[rows]] = JSON.parse(query.out).rows;
    expect(rows).toBeGreaterThan(0);
    expect(number(printed![1])).toBe(rows);
  });
});
