// assertInsideLake asks lstat (without an exception) whether a name exists before resolving it (issue 18, npm start:
// most object writes name a file not yet there). The answers must stay those of the realpath walk: a link out of the
// lake, a link to a missing target (as the name or as a folder on the way), a file used as a folder, `..` out of it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertInsideLake, OutsideLakeError } from '../../src/storage/lake-confinement.js';

describe('assertInsideLake on names that do not exist yet', () => {
  let root: string;
  let lake: string;
  let outside: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'start38-confinement-'));
    lake = join(root, 'lake');
    outside = join(root, 'outside');
    mkdirSync(join(lake, 'b', 'day=1'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(lake, 'b', 'file'), 'x');
    symlinkSync(outside, join(lake, 'b', 'out'));
    symlinkSync(join(root, 'nowhere'), join(lake, 'b', 'dangling'));
    symlinkSync(join(lake, 'b', 'day=1'), join(lake, 'b', 'in'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets through new files and new folders inside the lake, also through a link that stays inside', () => {
    for (const path of [
      join(lake, 'b', 'day=1', 'new.parquet'),
      join(lake, 'b', 'day=2', 'hour=3', 'new.parquet'),
      join(lake, 'c', 'd', 'e'),
      join(lake, 'b', 'in', 'new.parquet'),
      join(lake, 'b', 'file'),
      lake,
    ])
      expect(() => assertInsideLake(lake, path), path).not.toThrow();
  });

  it('refuses a link out of the lake and a link to a missing target, as the name or on the way', () => {
    expect(() => assertInsideLake(lake, join(lake, 'b', 'out', 'new.parquet'))).toThrow(/resolves to .*outside.*outside the lake/);
    expect(() => assertInsideLake(lake, join(lake, 'b', 'out', 'x', 'y'))).toThrow(OutsideLakeError);
    expect(() => assertInsideLake(lake, join(lake, 'b', 'dangling'))).toThrow(/dangling is a symbolic link to a missing target/);
    expect(() => assertInsideLake(lake, join(lake, 'b', 'dangling', 'new.parquet'))).toThrow(/dangling is a symbolic link to a missing target/);
    expect(() => assertInsideLake(lake, join(lake, '..', 'elsewhere', 'x'))).toThrow(OutsideLakeError);
  });

  it('reports a file used as a folder with realpath error, as before', () => {
    expect(() => assertInsideLake(lake, join(lake, 'b', 'file', 'x'))).toThrow(/ENOTDIR: not a directory, realpath/);
  });

  it('judges a lake folder that does not exist yet (created with its first write)', () => {
    const fresh = join(root, 'fresh-lake');
    expect(() => assertInsideLake(fresh, join(fresh, 'b', 'x'))).not.toThrow();
    expect(() => assertInsideLake(fresh, join(outside, 'x'))).toThrow(OutsideLakeError);
  });
});
