import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutsideLakeError } from '../../../src/storage/lake-confinement.js';
import { hiveToDuckDb, hiveTypeOfDuckDb, normalizeHiveType } from '../../../src/dialect/hive-types.js';
import {
  discoverPartitions,
  escapePartitionValue,
  listDataFiles,
  localPathOf,
  partitionPath,
  publishFiles,
  publishReplacing,
  stagingDir,
  unescapePartitionValue,
} from '../../../src/engines/local/lake-storage.js';

describe('Hive types', () => {
  it.each([
    ['string', 'VARCHAR', 'string'],
    ['INT', 'INTEGER', 'int'],
    ['decimal(10, 2)', 'DECIMAL(10, 2)', 'decimal(10,2)'],
    ['array<struct<a:int, B:string>>', 'STRUCT("a" INTEGER, "b" VARCHAR)[]', 'array<struct<a:int,b:string>>'],
    ['map<string,array<bigint>>', 'MAP(VARCHAR, BIGINT[])', 'map<string,array<bigint>>'],
    ['timestamp', 'TIMESTAMP', 'timestamp'],
  ])('%s → DuckDB %s, canonical %s', (hive, duck, canonical) => {
    expect(hiveToDuckDb(hive)).toBe(duck);
    expect(normalizeHiveType(hive)).toBe(canonical);
  });

  it('maps DuckDB result types back to Hive and rejects what Hive cannot store', () => {
    expect(hiveTypeOfDuckDb('HUGEINT', 's')).toBe('bigint');
    expect(hiveTypeOfDuckDb('STRUCT(a INTEGER, "B c" VARCHAR[])', 's')).toBe('struct<a:int,b c:array<string>>');
    expect(hiveTypeOfDuckDb('MAP(VARCHAR, DECIMAL(18,3))', 's')).toBe('map<string,decimal(18,3)>');
    expect(() => hiveTypeOfDuckDb('TIMESTAMP WITH TIME ZONE', 'ts')).toThrow(/Unsupported Hive type: timestamp\(3\) with time zone \(column 'ts'\)/);
    expect(() => normalizeHiveType('varchar2')).toThrow(/unknown Hive type/);
  });
});

describe('lake storage', () => {
  it('maps s3 locations into the lake folder', () => {
    expect(localPathOf('/lake', 's3://bucket/a/b/')).toBe(join('/lake', 'bucket', 'a', 'b'));
  });

  it('escapes partition values as Hive does', () => {
    expect(partitionPath(['dt', 'k'], ['2025-03-10', 'a/b:c'])).toBe('dt=2025-03-10/k=a%2Fb%3Ac');
    expect(escapePartitionValue(null)).toBe('__HIVE_DEFAULT_PARTITION__');
    expect(unescapePartitionValue('a%2Fb%3Ac')).toBe('a/b:c');
  });

  it('discovers partition folders with data, skipping hidden files, and publishes staged files by rename', () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-st-'));
    const table = join(lake, 'b', 't');
    mkdirSync(join(table, 'y=2025', 'm=01'), { recursive: true });
    mkdirSync(join(table, 'y=2025', 'm=02'), { recursive: true });
    writeFileSync(join(table, 'y=2025', 'm=01', 'f'), 'x');
    writeFileSync(join(table, 'y=2025', 'm=02', '_SUCCESS'), '');
    expect(discoverPartitions(table, ['y', 'm'])).toEqual([['2025', '01']]);
    expect(listDataFiles(table)).toEqual([join(table, 'y=2025', 'm=01', 'f')]);

    const staging = stagingDir(lake);
    mkdirSync(join(staging, 'y=2025', 'm=02'), { recursive: true });
    writeFileSync(join(staging, 'y=2025', 'm=02', 'new'), 'y');
    const staged = statSync(join(staging, 'y=2025', 'm=02', 'new'));
    expect(publishFiles(staging, table, lake)).toEqual([join(table, 'y=2025', 'm=02', 'new')]);
    expect(readdirSync(join(table, 'y=2025', 'm=02')).sort()).toEqual(['_SUCCESS', 'new']);
    // A rename moves the very file (same inode on the same device), which readers see whole or not at all; a copy
    // would create a new file that readers can see half-written.
    const published = statSync(join(table, 'y=2025', 'm=02', 'new'));
    expect([published.dev, published.ino]).toEqual([staged.dev, staged.ino]);
    expect(existsSync(staging)).toBe(false);
    expect(discoverPartitions(table, ['y', 'm'])).toEqual([
      ['2025', '01'],
      ['2025', '02'],
    ]);
  });

  it('publishes replacing partitions: a new one appears as its staged folder, an existing one keeps its folder and loses only its older files', () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-st-'));
    const table = join(lake, 'b', 't');
    mkdirSync(join(table, 'y=2025', 'm=01'), { recursive: true });
    writeFileSync(join(table, 'y=2025', 'm=01', 'old'), 'x');
    writeFileSync(join(table, 'y=2025', 'm=01', '_SUCCESS'), '');
    const kept = statSync(join(table, 'y=2025', 'm=01'));

    const staging = stagingDir(lake);
    for (const m of ['01', '02', '03']) {
      mkdirSync(join(staging, 'y=2025', `m=${m}`), { recursive: true });
      writeFileSync(join(staging, 'y=2025', `m=${m}`, `new-${m}`), m);
    }
    writeFileSync(join(staging, 'y=2025', 'm=02', 'new-02b'), '2b');
    const stagedFolder = statSync(join(staging, 'y=2025', 'm=02'));
    const published = publishReplacing(staging, table, lake, ['y=2025/m=01', 'y=2025/m=02', 'y=2025/m=03']);
    expect(published.sort()).toEqual(
      [
        join(table, 'y=2025', 'm=01', 'new-01'),
        join(table, 'y=2025', 'm=02', 'new-02'),
        join(table, 'y=2025', 'm=02', 'new-02b'),
        join(table, 'y=2025', 'm=03', 'new-03'),
      ].sort(),
    );
    expect(readdirSync(join(table, 'y=2025', 'm=01')).sort()).toEqual(['_SUCCESS', 'new-01']);
    expect(readdirSync(join(table, 'y=2025', 'm=02')).sort()).toEqual(['new-02', 'new-02b']);
    // The partition the table had keeps its folder; a new one is the staged folder itself, moved by one rename.
    expect(statSync(join(table, 'y=2025', 'm=01')).ino).toBe(kept.ino);
    expect(statSync(join(table, 'y=2025', 'm=02')).ino).toBe(stagedFolder.ino);
    expect(existsSync(staging)).toBe(false);
    expect(discoverPartitions(table, ['y', 'm'])).toEqual([
      ['2025', '01'],
      ['2025', '02'],
      ['2025', '03'],
    ]);
  });

  it('publishes no partition through a folder linked out of the lake, and follows one linked inside it', () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-st-'));
    const outside = mkdtempSync(join(tmpdir(), 'lake-st-outside-'));
    const table = join(lake, 'b', 't');
    mkdirSync(table, { recursive: true });
    mkdirSync(join(lake, 'b', 'elsewhere'), { recursive: true });
    symlinkSync(outside, join(table, 'y=2025'));
    symlinkSync(join(lake, 'b', 'elsewhere'), join(table, 'y=2026'));
    const stage = (partitions: string[]) => {
      const staging = stagingDir(lake);
      for (const p of partitions) {
        mkdirSync(join(staging, p), { recursive: true });
        writeFileSync(join(staging, p, 'f'), p);
      }
      return staging;
    };
    // The first partitions are inside: the refusal comes when the linked folder is reached, whatever came before.
    expect(() => publishReplacing(stage(['y=2024/m=01', 'y=2025/m=01']), table, lake, ['y=2024/m=01', 'y=2025/m=01'])).toThrow(OutsideLakeError);
    expect(readdirSync(outside)).toEqual([]);
    expect(() => publishReplacing(stage(['y=2025/m=02/d=01']), table, lake, ['y=2025/m=02/d=01'])).toThrow(/outside the lake/);
    expect(readdirSync(outside)).toEqual([]);
    expect(publishReplacing(stage(['y=2026/m=01', 'y=2026/m=02']), table, lake, ['y=2026/m=01', 'y=2026/m=02'])).toEqual([
      join(table, 'y=2026', 'm=01', 'f'),
      join(table, 'y=2026', 'm=02', 'f'),
    ]);
    expect(readdirSync(join(lake, 'b', 'elsewhere')).sort()).toEqual(['m=01', 'm=02']);
  });
});
