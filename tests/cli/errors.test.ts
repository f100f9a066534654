// "Expected" is a type, not a name: a LakeError is the user's to fix (message, hint, exit 1); anything else that
// reaches the CLI — a JSON SyntaxError, an AWS SDK exception nobody translated — is internal (stack, exit 2).
import { InvalidRequestException } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import { CliError, reportError } from '../../src/cli/errors.js';
import { EngineError } from '../../src/engines/engine.js';
import { LakeError } from '../../src/errors.js';
import { ConfigError } from '../../src/project/config.js';
import { SelectorError } from '../../src/project/selector.js';
import { captureIo } from '../helpers/io.js';

const report = (error: unknown) => {
  const io = captureIo('/');
  const code = reportError(error, io);
  return { code, err: io.err };
};

describe('reportError', () => {
  it('prints a LakeError as a user error: message, hint, exit 1, no stack', () => {
    expect(
      report(new ConfigError([{ severity: 'error', rule: 'project/config', message: "unknown key 'x'", file: 'lakehouse.yaml', line: 3, col: 1 }])),
    ).toEqual({
      code: 1,
      err: "error: lakehouse.yaml:3:1: error [project/config] unknown key 'x'\n",
    });
    expect(report(new SelectorError("no node matches 'ordrs'", 'did you mean orders?'))).toEqual({
      code: 1,
      err: "error: no node matches 'ordrs'\nhint: did you mean orders?\n",
    });
    expect(report(new EngineError('TABLE_NOT_FOUND: line 1:15: Table x does not exist', { code: 'TABLE_NOT_FOUND' }))).toEqual({
      code: 1,
      err: 'error: TABLE_NOT_FOUND: line 1:15: Table x does not exist\n',
    });
    expect(report(new CliError('unknown command', { hint: 'lake --help', exitCode: 2 }))).toEqual({
      code: 2,
      err: 'error: unknown command\nhint: lake --help\n',
    });
  });

  it('carries code, hint and cause on the one base', () => {
    const cause = new Error('socket hang up');
    const error = new EngineError('Athena did not answer', { code: 'TIMEOUT', cause });
    expect(error).toBeInstanceOf(LakeError);
    expect(error).toMatchObject({ name: 'EngineError', code: 'TIMEOUT', cause });
    expect(new SelectorError('x', 'try y').hint).toBe('try y');
  });

  it('treats a SyntaxError (JSON.parse) as internal: stack, exit 2', () => {
    let error: unknown;
    try {
      JSON.parse('{');
    } catch (e) {
      error = e;
    }
    const { code, err } = report(error);
    expect(code).toBe(2);
    expect(err).toMatch(/^internal error: SyntaxError: .*JSON.*\n\s+at /);
  });

  it('treats an untranslated AWS SDK exception as internal: stack, exit 2', () => {
    const sdk = new InvalidRequestException({ message: 'Queries of this type are not supported', $metadata: {} });
    const { code, err } = report(sdk);
    expect(code).toBe(2);
    expect(err).toMatch(/^internal error: InvalidRequestException: Queries of this type are not supported\n\s+at /);
  });
});
