// Thousands of random typed expressions (generator.ts), each run on the local engine and on Trino: any silent
// difference fails with the minimal SQL that shows it. Reproduce a run with ORACLE_SEED=<printed seed>; ORACLE_CASES
// sets how many expressions (default 2000).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, KINDS, seededRandom, sqlOf, type Expr } from './generator.js';
import { openEngines, outcomeOf, verdict, type Engines, type Verdict } from './oracle.js';
import { formatDifferences, writeDifferences, type Difference } from './report.js';
import { shrink } from './shrink.js';

const CASES = Number(process.env.ORACLE_CASES ?? 2000);
const SEED = Number(process.env.ORACLE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const BATCH = 25;
const MAX_SHRUNK = 40;

let engines: Engines;
beforeAll(async () => (engines = await openEngines(mkdtempSync(join(tmpdir(), 'lake-oracle-')))));
afterAll(() => engines.close());

async function compare(sql: string): Promise<Verdict> {
  const [local, trino] = await Promise.all([outcomeOf(engines.local, sql), outcomeOf(engines.trino, sql)]);
  return verdict(local, trino);
}

const query = (e: Expr) => `SELECT ${sqlOf(e)} AS v`;

describe(`random expressions on both engines (ORACLE_SEED=${SEED})`, () => {
  it(`${CASES} expressions agree with Trino or are refused`, async () => {
    console.log(`random expressions: seed ${SEED}, ${CASES} cases (reproduce with ORACLE_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const exprs = Array.from({ length: CASES }, () => generate(KINDS[Math.floor(random() * KINDS.length)], { random, maxDepth: 3 }));
    const counts = { same: 0, bothFail: 0, localRefuses: 0, differ: 0 };
    const differing: { expr: Expr; index: number }[] = [];
    // What the local engine refuses (allowed, but each is a gap to close), by message without its literals.
    const refusals = new Map<string, number>();
    for (let start = 0; start < exprs.length; start += BATCH) {
      const batch = exprs.slice(start, start + BATCH);
      // One query for the whole batch when it agrees; one per expression otherwise, so a failure cannot hide another.
      const together = await compare(`SELECT ${batch.map((e, i) => `${sqlOf(e)} AS c${i}`).join(', ')}`);
      if (together.kind === 'same') {
        counts.same += batch.length;
        continue;
      }
      for (const [i, expr] of batch.entries()) {
        const v = await compare(query(expr));
        counts[v.kind]++;
        if (v.kind === 'differ') differing.push({ expr, index: start + i });
        if (v.kind === 'localRefuses') {
          const reason = v.local.replace(/'[^']*'|"[^"]*"|\d+/g, '…').slice(0, 120);
          refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
        }
      }
    }
    // Shrink, then keep one difference per minimal SQL.
    const minimal = new Map<string, Difference & { count: number }>();
    for (const { expr, index } of differing.slice(0, MAX_SHRUNK)) {
      const small = await shrink(expr, async (candidate) => (await compare(query(candidate))).kind === 'differ');
      const sql = query(small);
      const found = minimal.get(sql);
      if (found) {
        found.count++;
        continue;
      }
      const v = await compare(sql);
      if (v.kind === 'differ') minimal.set(sql, { sql, local: v.local, trino: v.trino, origin: `seed ${SEED}, case ${index}`, count: 1 });
    }
    const differences = [...minimal.values()];
    const topRefusals = Object.fromEntries([...refusals].sort((a, b) => b[1] - a[1]).slice(0, 25));
    const file = writeDifferences('random-differences', differences, { seed: SEED, cases: CASES, ...counts, shrunk: Math.min(differing.length, MAX_SHRUNK), topRefusals: JSON.stringify(topRefusals) });
    console.log(`random expressions: ${JSON.stringify(counts)}; ${differences.length} minimal differences in ${file}`);
    expect(differences, `silent differences from Trino (seed ${SEED}):${formatDifferences(differences)}`).toEqual([]);
  });
});
