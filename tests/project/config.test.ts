// lakehouse.yaml is strict and snake_case: every unknown key is an error at its line, all of them at once.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ConfigError, loadConfig } from '../../src/project/config.js';
import { captureIo, makeProject } from './project-helpers.js';

const configError = (yaml: string): ConfigError => {
  try {
    loadConfig(makeProject({}, yaml));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('lakehouse.yaml', () => {
  it('reads snake_case keys: default_stage picks the stage', () => {
    const { config } = loadConfig(makeProject({}, 'name: t\ndefault_stage: dev\nstages:\n  dev:\n    variables: { lake_bucket: b }\n'));
    expect(config.default_stage).toBe('dev');
    expect(config.stages.dev.variables).toEqual({ lake_bucket: 'b' });
  });

  it('reports every unknown key with its line and the key meant, at every level', () => {
    const error = configError('name: t\ndefaultStage: dev\ndatabse: x\nstages:\n  dev:\n    varibles: { a: 1 }\n    engine: { type: local }\n');
    expect(error.diagnostics.map(({ line, col, message, hint }) => ({ line, col, message, hint }))).toEqual([
      { line: 2, col: 1, message: "unknown key 'defaultStage'", hint: "did you mean 'default_stage'?" },
      { line: 3, col: 1, message: "unknown key 'databse'", hint: "did you mean 'database'?" },
      { line: 6, col: 5, message: "unknown key 'stages.dev.varibles'", hint: "did you mean 'variables'?" },
    ]);
    expect(error.message.split('\n')[0]).toBe("lakehouse.yaml:2:1: error [project/config] unknown key 'defaultStage'");
  });

  it('places bad values and YAML errors at their line', () => {
    expect(configError('name: t\nstages:\n  dev:\n    engine: { type: trino, url: nope }\n').diagnostics).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('stages.dev.engine.url: expected an http:// or https:// URL') }),
    ]);
    expect(configError('name: [t\n').diagnostics[0]).toMatchObject({ message: expect.stringMatching(/^not valid YAML/) });
  });

  it('a command on a project with a misspelt key fails with exit 1, naming every line', async () => {
    const io = captureIo(makeProject({ 'sql/transforms/a.sql': 'SELECT 1 AS x' }, 'name: t\ndefaultStage: local\nsqll: sql\n'));
    expect(await main(['lint'], io)).toBe(1);
    expect(io.err).toContain("lakehouse.yaml:2:1: error [project/config] unknown key 'defaultStage'");
    expect(io.err).toContain("lakehouse.yaml:3:1: error [project/config] unknown key 'sqll'");
  });
});
