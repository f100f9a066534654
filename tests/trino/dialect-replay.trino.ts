// Every query the dialect tests run on the local engine (recorded by record.config.ts, the first half of
// `npm run test:trino`) runs again on both engines here: the local answer, value and type, must be Trino's, or the
// local engine must refuse the query. Hand-written expectations stay in the dialect tests only where Trino is not
// the reference (Athena DDL and statements). A difference known-differences.ts explains is counted, not failed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { athenaIsTheReference } from './athena-reference.js';
import { knownDifference } from './known-differences.js';
import { openEngines, outcomeOf, verdict, type Engines } from './oracle.js';
import { recordedQueries } from './recorded.js';
import { formatDifferences, writeDifferences, type Difference } from './report.js';

let engines: Engines;
beforeAll(async () => (engines = await openEngines(mkdtempSync(join(tmpdir(), 'lake-oracle-')))));
afterAll(() => engines.close());

describe('the dialect tests’ SQL on the local engine and on Trino', () => {
  it('gives Trino’s value and type, or a refusal, for every recorded query', async () => {
    const queries = recordedQueries();
    expect(queries.length, 'no recorded queries: run `npm run test:trino`, whose first step records them').toBeGreaterThan(100);
    const counts = { same: 0, bothFail: 0, localRefuses: 0, known: 0, athenaReference: 0, differ: 0 };
    const differences: Difference[] = [];
    const known: string[] = [];
    for (const query of queries) {
      if (athenaIsTheReference(query.sql)) {
        counts.athenaReference++;
        continue;
      }
      const [local, trino] = await Promise.all([outcomeOf(engines.local, query.sql), outcomeOf(engines.trino, query.sql)]);
      const v = verdict(local, trino);
      const entry = v.kind === 'differ' ? knownDifference(query.sql, v.local, v.trino) : undefined;
      if (entry) {
        counts.known++;
        known.push(`row ${entry.row} (${entry.owner}): ${query.sql.trim().replace(/\s+/g, ' ').slice(0, 100)}`);
        continue;
      }
      counts[v.kind]++;
      if (v.kind === 'differ') differences.push({ sql: query.sql.trim(), local: v.local, trino: v.trino, origin: relative(process.cwd(), query.file) });
    }
    const file = writeDifferences('dialect-differences', differences, { queries: queries.length, ...counts, knownQueries: JSON.stringify(known) });
    console.log(
      `dialect replay: ${queries.length} queries, ${JSON.stringify(counts)}; known (owned elsewhere):\n  ${known.join('\n  ')}\ndifferences in ${file}`,
    );
    expect(differences, `silent differences from Trino:${formatDifferences(differences)}`).toEqual([]);
  });
});
