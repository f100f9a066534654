// tests/fixtures/trino-476-functions.tsv is what SHOW FUNCTIONS answers on the Trino of scripts/trino.sh: the
// function table's coverage test (tests/dialect/functions/coverage.test.ts, in `npm test`) reads it, so a Trino
// upgrade that adds or drops a function fails here until the fixture (and the table) follow.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { trinoUrl } from './oracle.js';

it('SHOW FUNCTIONS on Trino lists exactly the functions of tests/fixtures/trino-476-functions.tsv', async () => {
  const result = await new TrinoEngine({ url: trinoUrl() }).execute('SHOW FUNCTIONS');
  const kinds = new Map<string, Set<string>>();
  for (const [name, , , kind] of result.rows) kinds.set(String(name), (kinds.get(String(name)) ?? new Set()).add(String(kind)));
  const live = [...kinds].map(([name, set]) => `${name}\t${[...set].sort().join(',')}`).sort();
  const fixture = readFileSync('tests/fixtures/trino-476-functions.tsv', 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  expect(live).toEqual(fixture);
});
