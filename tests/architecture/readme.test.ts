// The README's architecture page matches the code: one paragraph per src/ folder, every engine folder named, and no
// path in it that does not exist (a move or a rename has to update the page).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('\n## Architecture\n');
const page = readme.slice(start, readme.indexOf('\n## ', start + 1));
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe('README architecture page', () => {
  it('exists, with one diagram', () => {
    expect(start).toBeGreaterThan(0);
    expect(page.match(/^```/gm)).toHaveLength(2);
  });

  it('has a paragraph for every folder under src/', () => {
    expect(folders('src').filter((name) => !page.includes(`- **\`src/${name}/\`**`))).toEqual([]);
  });

  it('names every engine folder', () => {
    expect(folders('src/engines').filter((name) => !page.includes(`\`${name}/\``))).toEqual([]);
  });

  it('names only paths that exist', () => {
    const paths = [...page.matchAll(/\b(?:src|tests)\/[\w./-]*[\w/]/g)].map((m) => m[0]);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !existsSync(join('.', path)))).toEqual([]);
  });
});
