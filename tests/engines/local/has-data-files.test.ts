// Every statement asks, for every Hive table, whether its folder holds a data file (the catalog's view refresh). The
// answer must follow Athena's rule (names starting with `_` or `.` are not data, at any depth) and must not list a
// whole folder: after `npm start`, P1's invalid/ holds ~2,000 one-record files and was read whole each time (issue 18).
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  return { ...actual, readdirSync: vi.fn(actual.readdirSync), opendirSync: vi.fn(actual.opendirSync) };
});

// Test files share one module graph (vitest.config.ts, `isolate: false`): the modules under test may have been loaded
// by an earlier file without this file's mock, so they are loaded again here, and again after it without the mock.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});
const { DataFilePresence, hasDataFiles, hasPartitionData } = await import('../../../src/engines/local/lake-storage.js');

describe('hasDataFiles', () => {
  it("follows Athena's hidden-file rule at any depth", () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-has-files-'));
    expect(hasDataFiles(join(root, 'missing'))).toBe(false);
    mkdirSync(join(root, 't/dt=1/_temporary'), { recursive: true });
    mkdirSync(join(root, 't/.hidden'), { recursive: true });
    writeFileSync(join(root, 't/_SUCCESS'), '');
    writeFileSync(join(root, 't/dt=1/.part-0.crc'), '');
    writeFileSync(join(root, 't/dt=1/_temporary/part-0'), 'x');
    writeFileSync(join(root, 't/.hidden/part-0'), 'x');
    expect(hasDataFiles(join(root, 't'))).toBe(false);
    writeFileSync(join(root, 't/dt=1/part-0.json'), '{}');
    expect(hasDataFiles(join(root, 't'))).toBe(true);
  });

  it('stops at the first data file instead of listing the folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-has-files-'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(root, `${String(i).padStart(4, '0')}.json`), '{}');
    vi.mocked(fs.readdirSync).mockClear();
    expect(hasDataFiles(root)).toBe(true);
    expect(vi.mocked(fs.readdirSync)).not.toHaveBeenCalled();
  });

  it('finds a partition with data the way the view reads them (k=v folders in key order), without listing folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-has-files-'));
    const keys = ['year', 'month'];
    mkdirSync(join(root, 'year=2025/month=01'), { recursive: true });
    writeFileSync(join(root, 'year=2025/month=01/_SUCCESS'), '');
    mkdirSync(join(root, 'other=1/month=02'), { recursive: true });
    writeFileSync(join(root, 'other=1/month=02/part-0'), 'x');
    writeFileSync(join(root, 'year=2025/part-0'), 'x'); // above the partition depth: not a partition's file
    expect(hasPartitionData(root, keys)).toBe(false);
    for (let m = 2; m <= 12; m++) mkdirSync(join(root, `year=2025/month=${String(m).padStart(2, '0')}`));
    writeFileSync(join(root, 'year=2025/month=07/part-0'), 'x');
    vi.mocked(fs.readdirSync).mockClear();
    expect(hasPartitionData(root, keys)).toBe(true);
    expect(vi.mocked(fs.readdirSync)).not.toHaveBeenCalled();
    expect(hasPartitionData(join(root, 'missing'), keys)).toBe(false);
  });
});

describe('DataFilePresence', () => {
  it('answers again from the file that proved a folder holds data while it is still a file, and walks again once it is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-has-files-'));
    const keys = ['year', 'month'];
    const presence = new DataFilePresence();
    mkdirSync(join(root, 'year=2025/month=01'), { recursive: true });
    mkdirSync(join(root, 'year=2025/month=02'), { recursive: true });
    expect(presence.has(root, keys)).toBe(false);
    // A folder without data is walked every time: the first file that lands is seen.
    const [january, february] = ['01', '02'].map((m) => join(root, `year=2025/month=${m}/part-0`));
    writeFileSync(january, 'x');
    expect(presence.has(root, keys)).toBe(true);

    vi.mocked(fs.opendirSync).mockClear();
    expect(presence.has(root, keys)).toBe(true);
    expect(vi.mocked(fs.opendirSync)).not.toHaveBeenCalled();

    // The file that answered is gone, another one is there: a new walk finds it.
    writeFileSync(february, 'x');
    fs.rmSync(january);
    expect(presence.has(root, keys)).toBe(true);
    expect(vi.mocked(fs.opendirSync)).toHaveBeenCalled();

    // That one replaced by a folder holding only a hidden file: no data, as the walk says.
    fs.rmSync(february);
    mkdirSync(february);
    writeFileSync(join(february, '.part-0.crc'), '');
    expect(presence.has(root, keys)).toBe(false);
    expect(hasPartitionData(root, keys)).toBe(false);
  });

  it('keeps folders and key lists apart; without keys a folder holds data at any depth', () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-has-files-'));
    const presence = new DataFilePresence();
    mkdirSync(join(root, 'a/dt=1'), { recursive: true });
    mkdirSync(join(root, 'b'), { recursive: true });
    writeFileSync(join(root, 'a/dt=1/part-0'), 'x');
    expect(presence.has(join(root, 'a'))).toBe(true);
    expect(presence.has(join(root, 'a'), ['year'])).toBe(false);
    expect(presence.has(join(root, 'b'))).toBe(false);
    fs.rmSync(join(root, 'a/dt=1/part-0'));
    expect(presence.has(join(root, 'a'))).toBe(false);
  });
});
