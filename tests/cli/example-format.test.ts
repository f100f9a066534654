// The example project is what analysts copy: its SQL passes `lake lint` and `lake fmt --check`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the example project', () => {
  it('is formatted as lake fmt formats it', async () => {
    const io = captureIo(ROOT);
    expect(await main(['fmt', '--check'], io), io.out + io.err).toBe(0);
  });

  it('lints clean', async () => {
    const io = captureIo(ROOT);
    expect(await main(['lint', '--no-cache'], io), io.out + io.err).toBe(0);
    expect(io.out).toMatch(/0 errors, 0 warnings/);
    // Lint binds every query of the example (one scratch engine for the whole project): more than the default budget.
  }, 120_000);
});
