// Every query the dialect tests run on the local engine (recorded by record.config.ts, the first half of
// `npm run test:trino`) runs again on both engines here: the local answer, value and type, must be Trino's, or the
// local engine must refuse the query. Hand-written expectations stay in the dialect tests only where Trino is not
// the reference (Athena DDL and statements). A difference known-differences.ts explains is counted, not failed.
//
// The replay is the tier's longest part, so it is cut into REPLAY_PARTS files (dialect-replay-<part>.trino.ts), each
// replaying every REPLAY_PARTS-th query: the two forks of tests/trino/vitest.config.ts then share it instead of one
// fork replaying for minutes after the other has finished (docs/performance.md, "the Trino oracle tier's wall time").
// Every recorded query is in exactly one part; scripts/trino-summary.mjs adds the parts' counts up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { athenaIsTheReference } from './athena-reference.js';
import { knownDifference } from './known-differences.js';
import { openEngines, outcomeOf, verdict, type Engines, type Outcome } from './oracle.js';
import { recordedQueries } from './recorded.js';
import { partOf, REPLAY_PARTS } from './replay-parts.js';
import { formatDifferences, writeDifferences, type Difference } from './report.js';

// Queries run in lanes, each with its own local engine (Trino takes them concurrently): one query at a time leaves the
// cores idle while Trino schedules and the client waits for its pages. Each query is independent (a SELECT on a fresh
// in-memory lake), so the verdicts do not depend on the lanes; they are counted in the recorded order.
const LANES = Math.max(1, Number(process.env.ORACLE_LANES ?? 3));

/** Each query's local and Trino outcomes, `lanes.length` queries at a time, in the queries' order. */
async function outcomes(lanes: readonly Engines[], sqls: readonly string[]): Promise<[Outcome, Outcome][]> {
  const results: [Outcome, Outcome][] = new Array(sqls.length);
  let next = 0;
  await Promise.all(
    lanes.map(async (engines) => {
      for (let i = next++; i < sqls.length; i = next++) results[i] = await Promise.all([outcomeOf(engines.local, sqls[i]), outcomeOf(engines.trino, sqls[i])]);
    }),
  );
  return results;
}

/** The test of one part (1-based) of the replay: its file calls this once. */
export function replayPart(part: number): void {
  let lanes: Engines[];
  beforeAll(async () => (lanes = await Promise.all(Array.from({ length: LANES }, () => openEngines(mkdtempSync(join(tmpdir(), 'lake-oracle-')))))));
  afterAll(() => Promise.all(lanes.map((engines) => engines.close())));

  describe(`the dialect tests’ SQL on the local engine and on Trino (part ${part} of ${REPLAY_PARTS})`, () => {
    it('gives Trino’s value and type, or a refusal, for every recorded query', async () => {
      const all = recordedQueries();
      expect(all.length, 'no recorded queries: run `npm run test:trino`, whose first step records them').toBeGreaterThan(100);
      const queries = partOf(all, part);
      const counts = { same: 0, bothFail: 0, localRefuses: 0, known: 0, athenaReference: 0, differ: 0 };
      const differences: Difference[] = [];
      const known: string[] = [];
      const replayed = queries.filter((query) => !athenaIsTheReference(query.sql));
      counts.athenaReference = queries.length - replayed.length;
      const answers = await outcomes(
        lanes,
        replayed.map((query) => query.sql),
      );
      for (const [i, query] of replayed.entries()) {
        const [local, trino] = answers[i];
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
      const file = writeDifferences(`dialect-differences-${part}`, differences, {
        part,
        parts: REPLAY_PARTS,
        queries: queries.length,
        ...counts,
        knownQueries: JSON.stringify(known),
      });
      console.log(
        `dialect replay, part ${part} of ${REPLAY_PARTS}: ${queries.length} of ${all.length} queries, ${JSON.stringify(counts)}; known (owned elsewhere):\n  ${known.join('\n  ')}\ndifferences in ${file}`,
      );
      expect(differences, `silent differences from Trino:${formatDifferences(differences)}`).toEqual([]);
    });
  });
}
