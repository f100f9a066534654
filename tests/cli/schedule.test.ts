// `lake schedule` runs scheduled models (not only alerts): each fire time runs the model for the period that ended
// then, with the ddl it reads from; missed fire times are caught up after a restart.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (t: Date) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:05:00`;

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'lake-schedule-'));
  const files: Record<string, string> = {
    'lakehouse.yaml': 'name: s\ndatabase: shop\nstages:\n  local:\n    variables:\n      lake_bucket: lk\n',
    'sql/ddl/events.sql': `CREATE EXTERNAL TABLE IF NOT EXISTS events (order_id INT, ts TIMESTAMP)
PARTITIONED BY (dt STRING)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://\${lake_bucket}/events/'`,
    'sql/transforms/hourly_orders.sql': `/*
materialized: incremental
period: hour
schedule: rate(1 hour)
partitioned_by: [hour_start]
*/
SELECT count(*) AS orders, CAST(date_trunc('hour', ts) AS VARCHAR) AS hour_start
FROM events
WHERE ts >= \${period_start} AND ts < \${period_end}
GROUP BY 2`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('lake schedule', () => {
  it('runs a scheduled model for each missed hour after a restart', async () => {
    const root = project();
    const now = Date.now();
    const hours = [3, 2, 1].map((h) => new Date(Math.floor(now / HOUR) * HOUR - h * HOUR));
    const dir = join(root, '.lake', 'lk', 'events', 'dt=all');
    mkdirSync(dir, { recursive: true });
    hours.forEach((h, i) =>
      writeFileSync(
        join(dir, `part-${i}.json.gz`),
        gzipSync(Array.from({ length: i + 1 }, (_, k) => JSON.stringify({ order_id: k, ts: stamp(h) })).join('\n')),
      ),
    );

    const first = captureIo(root);
    expect(await main(['schedule', '--once'], first)).toBe(0);
    expect(first.err).toMatch(/scheduling shop\.hourly_orders \(rate\(1 hour\)\)/);
    expect(first.err).toMatch(/shop\.hourly_orders: first start/);

    // The scheduler was down since three hours ago: the restart catches up the two hours it missed and the current one.
    const statePath = join(root, '.lake', '.state', 'scheduler.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    state.items['scheduler/shop.hourly_orders'].value.lastFireTime = new Date(hours[0].getTime()).toISOString();
    writeFileSync(statePath, JSON.stringify(state));
    const again = captureIo(root);
    expect(await main(['schedule', '--once', '--catch-up', '5'], again)).toBe(0);
    expect(again.out.match(/^ok {3}model {5}shop\.hourly_orders/gm)).toHaveLength(3);

    const query = captureIo(root);
    expect(await main(['sql', '--format', 'csv', '-e', 'SELECT orders FROM hourly_orders ORDER BY hour_start'], query)).toBe(0);
    // Fire times at hours[1], hours[2] and the current hour cover the periods starting hours[0], hours[1], hours[2].
    expect(query.out).toBe('orders\n1\n2\n3\n');
  });
});
