// docs/functions.md is generated from the function table: it must list every function as the table says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFunctionsDoc } from '../../../src/dialect/functions/doc.js';
import { FUNCTION_TABLE } from '../../../src/dialect/functions/index.js';

const doc = readFileSync(new URL('../../../docs/functions.md', import.meta.url), 'utf8');

describe('docs/functions.md', () => {
  it('is up to date with src/dialect/functions (run `npm run docs:functions`)', () => {
    expect(doc).toBe(renderFunctionsDoc());
  });

  it('lists every function of the table, and for refused ones why and what to write instead', () => {
    for (const [name, entry] of FUNCTION_TABLE) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      if (entry.run.kind === 'refused') expect(row).toContain(`Instead: \`${entry.run.instead.replaceAll('|', '\\|')}\``);
    }
  });
});
