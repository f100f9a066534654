// Adding a SQL file with a schedule adds an EventBridge rule: the whole app synthesized over a temporary project,
// before and after the file is written. Nothing lists the schedules by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScheduledSql } from '../../stacks/ScheduledSql.js';
import { synthesize } from './synth.js';

const root = mkdtempSync(join(tmpdir(), 'stacks-schedule-'));
mkdirSync(join(root, 'sql/transforms'), { recursive: true });
mkdirSync(join(root, 'sql/alerts'), { recursive: true });
writeFileSync(join(root, 'lakehouse.yaml'), 'name: t\ndatabase: lakehouse\nstages:\n  local:\n    variables:\n      lake_bucket: local-lake\n');
writeFileSync(join(root, 'sql/transforms/daily_kpis.sql'), '/*\nschedule: cron(0 2 * * ? *)\n*/\nSELECT 1 AS x');
writeFileSync(join(root, 'sql/alerts/too_many.sql'), "/*\nschedule: rate(1 hour)\nalert:\n  condition: n > 1\n  message: 'n={n}'\n*/\nSELECT 2 AS n");
const previousRoot = process.env.LAKEHOUSE_ROOT;
process.env.LAKEHOUSE_ROOT = root;

afterAll(() => {
  if (previousRoot === undefined) delete process.env.LAKEHOUSE_ROOT;
  else process.env.LAKEHOUSE_ROOT = previousRoot;
  rmSync(root, { recursive: true, force: true });
});

const schedules = async () =>
  Object.values((await synthesize('test', { bundle: false })).template(ScheduledSql).findResources('AWS::Events::Rule'))
    .map((r) => (r as { Properties: { ScheduleExpression: string; Targets: Array<{ InputTransformer: { InputTemplate: string } }> } }).Properties)
    .map((p) => `${p.ScheduleExpression} ${p.Targets[0].InputTransformer.InputTemplate}`)
    .sort();

describe('ScheduledSql rules follow the SQL files', () => {
  it('gains one rule when a scheduled transform is added', async () => {
    const before = await schedules();
    expect(before).toEqual([
      'cron(0 2 * * ? *) {"kind":"model","name":"daily_kpis","time":<time>}',
      'rate(1 hour) {"kind":"alert","name":"too_many","time":<time>}',
    ]);
    writeFileSync(join(root, 'sql/transforms/hourly_rollup.sql'), '/*\nschedule: 5 * * * *\n*/\nSELECT 1 AS x');
    const after = await schedules();
    expect(after).toEqual([...before, 'cron(5 * * * ? *) {"kind":"model","name":"hourly_rollup","time":<time>}'].sort());
  }, 120_000);
});
