// The recording npm test leaves for `npm run test:trino` is replayed only when it is whole and current: a recording
// of some files, or one made before a source or test changed, would replay stale or missing SQL on Trino.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishRecording, recordedQueries, recordingIsCurrent, recordLine, startRecording } from './recorded.js';

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'recorded-'));
  for (const [file, text] of [
    ['src/a.ts', 'export const a = 1;'],
    ['tests/dialect/one.test.ts', "it('one')"],
    ['tests/dialect/nested/two.test.ts', "it('two')"],
    ['tests/dialect/helpers.ts', ''],
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const recordBoth = (root: string) => {
  startRecording(root);
  for (const file of ['tests/dialect/one.test.ts', 'tests/dialect/nested/two.test.ts']) {
    recordLine({ started: join(root, file) }, root);
    recordLine({ sql: 'SELECT 1', file: join(root, file) }, root);
  }
  recordLine({ sql: 'SELECT 2', file: join(root, 'tests/dialect/one.test.ts') }, root);
};

describe('the recorded dialect queries', () => {
  it('are current after a run that started every dialect test file, each query once', () => {
    const root = repository();
    recordBoth(root);
    finishRecording(root);
    expect(recordingIsCurrent(root)).toBe(true);
    expect(recordedQueries(root).map((q) => q.sql)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('are not current after a run of some files only', () => {
    const root = repository();
    startRecording(root);
    recordLine({ started: join(root, 'tests/dialect/one.test.ts') }, root);
    recordLine({ sql: 'SELECT 1', file: join(root, 'tests/dialect/one.test.ts') }, root);
    finishRecording(root);
    expect(recordingIsCurrent(root)).toBe(false);
  });

  it.each([
    ['a source changes', 'src/a.ts', 'export const a = 2;'],
    ['a test changes', 'tests/dialect/one.test.ts', "it('one, changed')"],
    ['a dialect test is added', 'tests/dialect/three.test.ts', "it('three')"],
  ])('are not current once %s', (_name, file, text) => {
    const root = repository();
    recordBoth(root);
    finishRecording(root);
    writeFileSync(join(root, file), text);
    expect(recordingIsCurrent(root)).toBe(false);
  });

  it('are not current once a new recording starts', () => {
    const root = repository();
    recordBoth(root);
    finishRecording(root);
    startRecording(root);
    expect(recordingIsCurrent(root)).toBe(false);
    expect(recordedQueries(root)).toEqual([]);
  });
});
