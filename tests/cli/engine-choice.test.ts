// `--engine trino` for lake sql and lake test, and a stage's `engine:` in lakehouse.yaml for lake run: one choice.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTarget } from '../../src/cli/engine-choice.js';
import { CliError } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { openPipelineSession } from '../../src/cli/pipeline-session.js';
import { silentReporter } from '../../src/pipeline/reporter.js';
import { loadProject } from '../../src/project/loader.js';
import { ProjectConfigSchema } from '../../src/project/config.js';
import { page, startFakeTrino, type FakeTrino } from '../engines/trino/fake-trino.js';
import { captureIo } from '../helpers/io.js';

const stageTrino = { type: 'trino' as const, url: 'http://stage:8080', catalog: 'iceberg' };

describe('engineTarget', () => {
  it('is the local engine unless a flag or the stage says otherwise', () => {
    expect(engineTarget({}, undefined, {})).toEqual({ kind: 'local' });
    expect(engineTarget({ engine: 'local' }, stageTrino, {})).toEqual({ kind: 'local' });
  });

  it('takes the Trino URL from --trino-url, then LAKE_TRINO_URL, then the stage', () => {
    expect(engineTarget({ engine: 'trino', trinoUrl: 'http://flag:1' }, stageTrino, { LAKE_TRINO_URL: 'http://env:2' })).toMatchObject({
      kind: 'trino',
      url: 'http://flag:1',
    });
    expect(engineTarget({ engine: 'trino' }, stageTrino, { LAKE_TRINO_URL: 'http://env:2' })).toMatchObject({ kind: 'trino', url: 'http://env:2' });
    expect(engineTarget({}, stageTrino, {})).toEqual({ kind: 'trino', url: 'http://stage:8080', catalog: 'iceberg' });
  });

  it('refuses --engine trino without a URL, saying where one comes from', () => {
    expect(() => engineTarget({ engine: 'trino' }, undefined, {})).toThrow(CliError);
    expect(() => engineTarget({ engine: 'trino' }, undefined, {})).toThrow(/--trino-url URL, set LAKE_TRINO_URL/);
  });

  it('lakehouse.yaml refuses a Trino engine without an http(s) URL', () => {
    const parsed = ProjectConfigSchema.safeParse({ stages: { big: { engine: { type: 'trino', url: 'localhost:8080' } } } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('expected an http:// or https:// URL');
  });
});

describe('the chosen engine runs the statements', () => {
  let fake: FakeTrino;
  beforeAll(async () => (fake = await startFakeTrino()));
  afterAll(() => fake.close());

  it('lake sql --engine trino prints what the coordinator answered, in the contract shape', async () => {
    const columns = '[{"name":"t","type":"varchar(12)","typeSignature":{"rawType":"varchar","arguments":[{"kind":"LONG","value":12}]}}]';
    fake.script('SELECT typeof(1.5) AS t', [
      { json: page('${id}', '', true, fake.url, 0) },
      { json: page('${id}', `"columns":${columns},"data":[["decimal(2,1)"]]`, false, fake.url, 1) },
    ]);
    const io = captureIo(mkdtempSync(join(tmpdir(), 'lake-trino-')));
    const code = await main(['sql', '--engine', 'trino', '--trino-url', fake.url, '--format', 'json', '-e', 'SELECT typeof(1.5) AS t'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ columns: [{ name: 't', type: 'varchar' }], rows: [['decimal(2,1)']] });
  });

  it('lake run --engine trino runs the steps on the coordinator --trino-url names; a failed step is exit 1', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-run-trino-'));
    writeFileSync(join(root, 'lakehouse.yaml'), 'database: shop\ndefault_stage: local\nstages:\n  local:\n    variables: { lake_bucket: b }\n');
    mkdirSync(join(root, 'sql'));
    writeFileSync(join(root, 'sql', 'totals.sql'), '/*\nmaterialized: table\n*/\nSELECT 1 AS n\n');
    const io = captureIo(root);
    // The fake answers any statement nobody scripted with HTTP 400, naming it: the error shows where the run went.
    const code = await main(['run', '--engine', 'trino', '--trino-url', fake.url], io);
    expect(io.err).toMatch(/answered POST .*\/v1\/statement with HTTP 400: unscripted statement: CREATE SCHEMA IF NOT EXISTS shop/);
    expect(code).toBe(1);
  });

  it('lake run --demo refuses a Trino engine with exit 1: the demo lands files in the local lake folder', async () => {
    const io = captureIo(mkdtempSync(join(tmpdir(), 'lake-demo-trino-')));
    const code = await main(['run', '--demo', '--engine', 'trino', '--trino-url', fake.url], io);
    expect(io.err).toMatch(/error: --demo runs on the local engine only/);
    expect(code).toBe(1);
  });

  it('lake run --stage S opens the Trino engine the stage names', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-stage-'));
    writeFileSync(
      join(root, 'lakehouse.yaml'),
      `database: shop\nstages:\n  big:\n    variables: { lake_bucket: b }\n    engine: { type: trino, url: "${fake.url}" }\n`,
    );
    const project = await loadProject(root, { stage: 'big' });
    const io = captureIo(root);
    const session = await openPipelineSession(io, project, { reporter: silentReporter });
    try {
      expect(session.engine.name).toBe('trino');
      expect(session.context.engine.name).toBe('trino');
    } finally {
      await session.close();
    }
  });
});
