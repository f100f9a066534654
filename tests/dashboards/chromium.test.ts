// The browser tests find a Chromium on a fresh machine (the packaged one) and honour an explicit or system one; when
// there is none, they fail with a message saying how to get one.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'find-chromium-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fakeBinary(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChromium', () => {
  const systemDir = join(work, 'bin');
  const system = fakeBinary(systemDir, 'chromium');
  const linux = { platform: 'linux', arch: 'x64', root: ROOT } as const;

  it('uses CHROMIUM_PATH before anything else', () => {
    const explicit = fakeBinary(join(work, 'explicit'), 'chrome');
    expect(findChromium({ ...linux, env: { CHROMIUM_PATH: explicit, PATH: systemDir } })).toBe(explicit);
  });

  it('refuses a CHROMIUM_PATH that is not an executable file, naming it', () => {
    const missing = join(work, 'nowhere', 'chromium');
    expect(() => findChromium({ ...linux, env: { CHROMIUM_PATH: missing, PATH: systemDir } })).toThrow(`CHROMIUM_PATH=${missing} is not an executable file`);
  });

  it('uses a system Chromium on PATH next', () => {
    expect(findChromium({ ...linux, env: { PATH: `${join(work, 'empty')}:${systemDir}` } })).toBe(system);
  });

  it('falls back to the Chromium shipped in @sparticuz/chromium, unpacked inside the project', () => {
    const binary = findChromium({ ...linux, env: { PATH: '' } });
    expect(binary.startsWith(join(ROOT, 'node_modules', '.cache', 'sparticuz-chromium-'))).toBe(true);
    expect(binary.endsWith('/chromium')).toBe(true);
    // Cached: the second lookup returns the same unpacked binary.
    expect(findChromium({ ...linux, env: { PATH: '' } })).toBe(binary);
  });

  it('fails, saying how to get a browser, when there is none', () => {
    expect(() => findChromium({ platform: 'darwin', arch: 'arm64', root: ROOT, env: { PATH: '' } })).toThrow(HOW_TO_GET_CHROMIUM);
    expect(() => findChromium({ ...linux, root: work, env: { PATH: '' } })).toThrow(/no Chromium found/);
  });
});
