// The dashboard page script is a real browser bundle of src/dashboards/site/browser-entry.ts (esbuild, built by
// `npm ci`'s prepare and by the tests' global setup), and every site gets exactly that file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { pageScriptPath, writeSiteAssets } from '../../src/dashboards/build.js';
import { ASSETS } from '../../src/dashboards/site/page.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the dashboard page script', () => {
  it('is the current esbuild bundle of the browser entry, copied into the site', async () => {
    const { dashboardPageOptions } = (await import('../../scripts/esbuild-options.mjs' as string)) as { dashboardPageOptions: Record<string, unknown> };
    const fresh = await build({ ...dashboardPageOptions, absWorkingDir: ROOT, write: false });
    const bundled = Buffer.from(fresh.outputFiles[0].contents).toString('utf8');
    expect(pageScriptPath()).toBe(join(ROOT, 'dist', 'dashboard.js'));
    expect(readFileSync(pageScriptPath(), 'utf8')).toBe(bundled);
    const site = mkdtempSync(join(tmpdir(), 'lake-site-'));
    writeSiteAssets(site);
    expect(readFileSync(join(site, ASSETS.script), 'utf8')).toBe(bundled);
    // A browser IIFE: no module syntax or Node APIs left for the page to choke on.
    expect(bundled).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(bundled).not.toMatch(/\bimport\s*[{*"']|\brequire\(|node:/);
  });
});
