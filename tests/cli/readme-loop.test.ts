// The README's "analyst's loop" runs as written on a copy of the example project after a (small) demo: the edit it
// describes makes `lake lint` fail at the file's line, and after the fix render, test, run and dashboard build pass.
// Only the `npx lake` lines of the README's block are run, in order, so the README cannot drift from what works.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf("### The analyst's loop"));
const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('\n```', section.indexOf('```sh\n')));
const MODEL = 'sql/transforms/p1_interaction_kpis_hourly.sql';
const CORRECT = 'count_if(rating <= 2) AS negative_interactions';
const TYPO = 'count_if(ratng <= 2) AS negative_interactions';

/** The block's commands in order, as `lake` arguments (the README's lines have no quoted arguments). */
const commands = block
  .split('\n')
  .filter((line) => line.startsWith('npx lake '))
  .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/).slice(2));

describe("the README's analyst loop", () => {
  it('describes the edit and five commands: lint, render, test, run, dashboard build', () => {
    expect(block).toContain(TYPO);
    expect(commands.map((args) => args[0])).toEqual(['lint', 'render', 'test', 'run', 'dashboard']);
  });

  it('runs as written: lint finds the typo at its line, then render, test, run only it and downstream, and dashboards pass', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-readme-loop-'));
    for (const path of ['lakehouse.yaml', 'sql', 'tests/sql']) cpSync(join(ROOT, path), join(root, path), { recursive: true });
    await runDemo({ interactions: 2000, days: 2, ordersPerDay: 20, customers: 40 }, captureIo(root));
    const edit = (from: string, to: string) => {
      const text = readFileSync(join(root, MODEL), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(root, MODEL), text.replace(from, to));
    };
    const run = async (args: string[]) => {
      const io = captureIo(root);
      return { code: await main(args, io), out: io.out, err: io.err };
    };
    const [lint, render, test, pipeline, dashboards] = commands;

    edit(CORRECT, TYPO);
    const found = await run(lint);
    expect(found.code).toBe(1);
    expect(found.out).toMatch(new RegExp(`^${MODEL}:24:\\d+: error .*"ratng"`, 'm'));

    edit(TYPO, CORRECT);
    const rendered = await run(render);
    expect(rendered.code, rendered.err).toBe(0);
    expect(rendered.out).toContain(`CREATE TABLE "lakehouse"."p1_interaction_kpis_hourly__stage_`);
    expect(rendered.out).toContain(CORRECT);

    const tested = await run(test);
    expect(tested.code, tested.out).toBe(0);
    expect(tested.out).toContain('p1_interaction_kpis_hourly › ');
    expect(tested.out).toContain('support_interactions_daily › ');

    const ran = await run(pipeline);
    expect(ran.code, ran.out + ran.err).toBe(0);
    // Only the model and its downstream: the dashboard views over it, nothing of the other pipelines.
    expect(ran.out).toContain('model     lakehouse.p1_interaction_kpis_hourly');
    expect(ran.out).toContain('dashboard:support_interactions_daily');
    expect(ran.out).not.toContain('p2_');

    const built = await run(dashboards);
    expect(built.code, built.err).toBe(0);
    expect(built.out).toContain(join(root, '.lake', '.dashboards', 'index.html'));
  }, 300_000);
});
