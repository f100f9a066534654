// Thousands of random typed expressions (generator.ts), each run on the local engine and on Trino: any silent
// difference fails with the minimal SQL that shows it. The seed is fixed, so every run checks the same expressions
// (ORACLE_SEED=<n> draws others, ORACLE_CASES=<n> sets how many); a difference that known-differences.ts explains (a
// group another piece of work owns) is counted and listed, not failed. ORACLE_FORM=columns|aggregates|windows|relations|groupings|mixed draws
// queries over a small table instead (query-forms.ts); the default, scalar expressions over literals, is what CI runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, KINDS, seededRandom, sqlOf, type Expr } from './generator.js';
import { knownDifference } from './known-differences.js';
import { openEngines, outcomeOf, verdict, type Engines, type Verdict } from './oracle.js';
import { FORMS, generateCases, queryOf, type Case, type Form, type Shape } from './query-forms.js';
import { formatDifferences, writeDifferences, type Difference } from './report.js';
import { shrink } from './shrink.js';

/** The default seed and count: fixed, so the tier is deterministic; sized to fit its time budget (docs/trino-oracle.md). */
const DEFAULT_SEED = 20261205;
const CASES = Number(process.env.ORACLE_CASES ?? 3000);
const SEED = Number(process.env.ORACLE_SEED ?? DEFAULT_SEED);
const BATCH = 25;
/** Differences not explained by the known list are shrunk, at most this many (each costs up to 200 queries). */
const MAX_SHRUNK = Number(process.env.ORACLE_MAX_SHRUNK ?? 60);
const FORM = process.env.ORACLE_FORM ?? 'expressions';
if (FORM !== 'expressions' && !FORMS.includes(FORM as Form)) throw new Error(`ORACLE_FORM=${FORM}: one of expressions, ${FORMS.join(', ')}`);

// Batches run in lanes, each with its own local engine (Trino takes them concurrently), as the dialect replay's
// queries do; each batch's verdicts are counted in the drawn order, so the counts do not depend on the lanes.
const LANES = Math.max(1, Number(process.env.ORACLE_LANES ?? 3));
let lanes: Engines[];
beforeAll(async () => (lanes = await Promise.all(Array.from({ length: LANES }, () => openEngines(mkdtempSync(join(tmpdir(), 'lake-oracle-')))))));
afterAll(() => Promise.all(lanes.map((engines) => engines.close())));

const verdicts = new Map<string, Promise<Verdict>>();
/** Both engines' answers for one SQL text, remembered: shrinking tries the same candidates again and again. */
function compare(sql: string, engines: Engines = lanes[0]): Promise<Verdict> {
  let v = verdicts.get(sql);
  if (!v) {
    v = Promise.all([outcomeOf(engines.local, sql), outcomeOf(engines.trino, sql)]).then(([local, trino]) => verdict(local, trino));
    verdicts.set(sql, v);
  }
  return v;
}

/** Each batch's verdicts, `lanes.length` batches at a time: one for the whole batch when it agrees, else one per case. */
async function batchVerdicts(batches: readonly Case[][]): Promise<(Verdict[] | 'same')[]> {
  const results: (Verdict[] | 'same')[] = new Array(batches.length);
  let next = 0;
  await Promise.all(
    lanes.map(async (engines) => {
      for (let b = next++; b < batches.length; b = next++) {
        const batch = batches[b];
        // One query for the whole batch when it agrees; one per expression otherwise, so a failure cannot hide another.
        // A batch shares its shape (query-forms.ts draws one per batch).
        // Scalar expressions (the default form) go one by one at once: one failing expression fails its whole batch,
        // and of seed 20261205's first 12 batches of 25 only 2 ran locally, so the batch query was work done twice
        // (4.2 s of local CPU beside the 21 s of the 300 single queries; docs/performance.md, "the Trino oracle
        // tier's wall time"). The other forms share a drawn table per batch and keep it.
        const together =
          FORM === 'expressions'
            ? undefined
            : await compare(
                queryOfShape(
                  batch[0].shape,
                  batch.map(({ expr }, i) => `${sqlOf(expr)} AS c${i}`),
                ),
                engines,
              );
        if (together?.kind === 'same') results[b] = 'same';
        else {
          const each: Verdict[] = [];
          for (const item of batch) each.push(await compare(query(item), engines));
          results[b] = each;
        }
      }
    }),
  );
  return results;
}

/** Scalar expressions over literals: `SELECT e AS v`, a batch `SELECT e0 AS c0, e1 AS c1, …`. */
const EXPRESSIONS: Shape = { key: '', tail: '' };
const queryOfShape = (shape: Shape, items: string[]): string => (shape === EXPRESSIONS ? `SELECT ${items.join(', ')}` : queryOf(shape, items));
const query = ({ shape, expr }: Case) => queryOfShape(shape, [`${sqlOf(expr)} AS v`]);
/** A difference no entry of the known list explains. */
const unexplained = (sql: string, v: Verdict) => v.kind === 'differ' && !knownDifference(sql, v.local, v.trino);

describe(`random ${FORM} on both engines (ORACLE_SEED=${SEED})`, () => {
  it(`${CASES} ${FORM} agree with Trino or are refused`, async () => {
    console.log(`random ${FORM}: seed ${SEED}, ${CASES} cases (reproduce with ORACLE_FORM=${FORM} ORACLE_SEED=${SEED} ORACLE_CASES=${CASES})`);
    const random = seededRandom(SEED);
    const exprs: Case[] =
      FORM === 'expressions'
        ? Array.from({ length: CASES }, () => ({ shape: EXPRESSIONS, expr: generate(KINDS[Math.floor(random() * KINDS.length)], { random, maxDepth: 3 }) }))
        : generateCases(FORM as Form, CASES, BATCH, random);
    const counts = { same: 0, bothFail: 0, localRefuses: 0, known: 0, differ: 0 };
    const differing: { item: Case; index: number }[] = [];
    const known = new Map<string, number>();
    // What the local engine refuses (allowed, but each is a gap to close), by message without its literals.
    const refusals = new Map<string, number>();
    const batches = Array.from({ length: Math.ceil(exprs.length / BATCH) }, (_, b) => exprs.slice(b * BATCH, (b + 1) * BATCH));
    const results = await batchVerdicts(batches);
    for (const [b, batch] of batches.entries()) {
      const start = b * BATCH;
      const result = results[b];
      if (result === 'same') {
        counts.same += batch.length;
        continue;
      }
      for (const [i, item] of batch.entries()) {
        const sql = query(item);
        const v = result[i];
        const entry = v.kind === 'differ' ? knownDifference(sql, v.local, v.trino) : undefined;
        if (entry) {
          counts.known++;
          const key = `row ${entry.row} (${entry.owner}): ${entry.what}`;
          known.set(key, (known.get(key) ?? 0) + 1);
          continue;
        }
        counts[v.kind]++;
        if (v.kind === 'differ') {
          differing.push({ item, index: start + i });
          // Printed as found, so a run cut short (the tier's time limit) still shows what it met.
          console.log(`differs (${FORM}, seed ${SEED}, case ${start + i}): ${sql}\n  local: ${v.local}\n  trino: ${v.trino}`);
        }
        if (v.kind === 'localRefuses') {
          const reason = v.local.replace(/'[^']*'|"[^"]*"|\d+/g, '…').slice(0, 120);
          refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
        }
      }
    }
    // Shrink each unexplained difference while it stays unexplained, then keep one per minimal SQL.
    const minimal = new Map<string, Difference & { count: number }>();
    for (const { item, index } of differing.slice(0, MAX_SHRUNK)) {
      const within = (expr: Expr): Case => ({ shape: item.shape, expr });
      const small = await shrink(item.expr, async (candidate) => unexplained(query(within(candidate)), await compare(query(within(candidate)))));
      const sql = query(within(small));
      const found = minimal.get(sql);
      if (found) {
        found.count++;
        continue;
      }
      const v = await compare(sql);
      if (v.kind === 'differ') minimal.set(sql, { sql, local: v.local, trino: v.trino, origin: `${FORM}, seed ${SEED}, case ${index}`, count: 1 });
    }
    const notShrunk = differing
      .slice(MAX_SHRUNK)
      .map(({ item, index }) => ({ sql: query(item), local: '(not shrunk)', trino: '', origin: `${FORM}, seed ${SEED}, case ${index}`, count: 1 }));
    const differences = [...minimal.values(), ...notShrunk];
    const topRefusals = Object.fromEntries([...refusals].sort((a, b) => b[1] - a[1]).slice(0, 25));
    const file = writeDifferences(FORM === 'expressions' ? 'random-differences' : `random-${FORM}-differences`, differences, {
      form: FORM,
      seed: SEED,
      cases: CASES,
      ...counts,
      minimal: minimal.size,
      knownByEntry: JSON.stringify(Object.fromEntries(known)),
      topRefusals: JSON.stringify(topRefusals),
    });
    console.log(
      `random ${FORM}: ${JSON.stringify(counts)}; known (owned elsewhere): ${JSON.stringify(Object.fromEntries(known))}; ${minimal.size} minimal differences in ${file}`,
    );
    expect(differences, `silent differences from Trino (seed ${SEED}):${formatDifferences(differences)}`).toEqual([]);
  });
});
