// Profiles the Trino oracle's replay on the local engine alone (issue 18, docs/performance.md "The oracle replay's
// heaviest local queries"): every recorded query (tests/trino/recorded.ts's file, each distinct SQL text once, the
// Athena-session queries left out as the replay leaves them) runs on one `AthenaLocalEngine.open({ inMemory, threads:
// 1 })`, as each lane of tests/trino/dialect-replay.trino.ts runs them, one at a time, and its CPU (process.cpuUsage
// delta: translation, DuckDB's bind and run), wall time and a checksum of its outcome (columns and rows, or the error's
// first line, as oracle.ts's outcomeOf keeps it) are written as JSON lines. A speed change must leave every checksum as
// it was (compare two runs' outputs with --compare).
//
//   node scripts/replay-profile.mjs [--in recorded-sql.jsonl] [--out profile.jsonl] [--only profile.jsonl --top N]
//                                   [--rounds R] [--summary]
//   node scripts/replay-profile.mjs --compare a.jsonl b.jsonl
//
// --only/--top run just the N heaviest queries of an earlier profile (R rounds each, the median CPU kept); --summary
// prints the distribution (total, the top 20/50/100 shares) and the 40 heaviest with their files.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from './esbuild-options.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

const readJsonLines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));

const short = (sql) => sql.trim().replace(/\s+/g, ' ');

if (args[0] === '--compare') {
  const [a, b] = [readJsonLines(args[1]), readJsonLines(args[2])];
  const before = new Map(a.map((r) => [r.sql, r]));
  let same = 0;
  let differ = 0;
  let cpuA = 0;
  let cpuB = 0;
  for (const r of b) {
    const p = before.get(r.sql);
    if (!p) continue;
    cpuA += p.cpuMs;
    cpuB += r.cpuMs;
    if (p.checksum === r.checksum) same++;
    else {
      differ++;
      console.log(`DIFFERS: ${short(r.sql).slice(0, 160)}\n  before: ${p.outcome}\n  after:  ${r.outcome}`);
    }
  }
  console.log(`${same} same outcomes, ${differ} different; CPU ${cpuA.toFixed(0)} ms -> ${cpuB.toFixed(0)} ms`);
  process.exit(differ === 0 ? 0 : 1);
}

const input = option('--in', '.cache/trino/recorded-sql.jsonl');
const output = option('--out', 'replay-profile.jsonl');
const rounds = Number(option('--rounds', '1'));

// The engine, bundled as the CLI and the bench are (no transform at run time), beside node_modules (ignored .cache).
const outdir = join(process.cwd(), '.cache', 'replay-profile');
mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'entry.ts');
writeFileSync(
  entry,
  `export { AthenaLocalEngine } from ${JSON.stringify(join(process.cwd(), 'src/engines/local/engine.ts'))};\n` +
    `export { athenaIsTheReference } from ${JSON.stringify(join(process.cwd(), 'tests/trino/athena-reference.ts'))};\n`,
);
await build({ ...nodeBundleOptions, entryPoints: { engine: entry }, outdir, sourcemap: false, splitting: false });
const { AthenaLocalEngine, athenaIsTheReference } = await import(pathToFileURL(join(outdir, 'engine.js')).href);

/** The recorded queries, each distinct text once (recorded.ts's recordedQueries), without the Athena-session ones. */
function recorded() {
  const seen = new Map();
  for (const line of readJsonLines(input)) if ('sql' in line && !seen.has(line.sql)) seen.set(line.sql, line);
  return [...seen.values()].filter((q) => !athenaIsTheReference(q.sql));
}

let queries = recorded();
const only = option('--only');
if (only) {
  const top = Number(option('--top', '100'));
  const wanted = new Set(
    readJsonLines(only)
      .sort((x, y) => y.cpuMs - x.cpuMs)
      .slice(0, top)
      .map((r) => r.sql),
  );
  queries = queries.filter((q) => wanted.has(q.sql));
}

const show = (value) =>
  JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v));

// --stride k --offset o: every k-th query from the o-th (a sample, when the whole replay takes too long).
const stride = Number(option('--stride', '1'));
const offset = Number(option('--offset', '0'));
queries = queries.filter((_q, k) => k >= offset && (k - offset) % stride === 0);

const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-replay-profile-')), inMemory: true, threads: 1 });
const lines = [];
// Each query's line is appended as it is measured, so a run stopped early keeps what it measured.
writeFileSync(output, '');
const started = Date.now();
for (const [n, query] of queries.entries()) {
  const cpu = [];
  const wall = [];
  let outcome;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    try {
      const result = await engine.execute(query.sql);
      outcome = show({ columns: result.columns, rows: result.rows });
    } catch (error) {
      outcome = `error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
    }
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - w0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const checksum = createHash('sha256').update(outcome).digest('hex').slice(0, 16);
  const line = {
    cpuMs: median(cpu),
    wallMs: median(wall),
    cpuRounds: cpu,
    checksum,
    outcome: outcome.slice(0, 300),
    file: relative(process.cwd(), query.file),
    sql: query.sql,
  };
  lines.push(line);
  appendFileSync(output, `${JSON.stringify(line)}\n`);
  if ((n + 1) % 500 === 0) console.error(`${n + 1}/${queries.length} queries, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
await engine.close();

if (args.includes('--summary')) {
  const sorted = [...lines].sort((x, y) => y.cpuMs - x.cpuMs);
  const total = sorted.reduce((s, l) => s + l.cpuMs, 0);
  const share = (k) => sorted.slice(0, k).reduce((s, l) => s + l.cpuMs, 0) / total;
  const median = sorted[Math.floor(sorted.length / 2)].cpuMs;
  console.log(
    `${sorted.length} queries, CPU total ${(total / 1000).toFixed(1)} s, mean ${(total / sorted.length).toFixed(1)} ms, median ${median.toFixed(1)} ms; ` +
      `top 20 ${(100 * share(20)).toFixed(1)} %, top 50 ${(100 * share(50)).toFixed(1)} %, top 100 ${(100 * share(100)).toFixed(1)} %`,
  );
  for (const l of sorted.slice(0, 40)) console.log(`${l.cpuMs.toFixed(0).padStart(6)} ms  ${l.file}  ${short(l.sql).slice(0, 140)}`);
}
console.error(`wrote ${output} (${lines.length} queries)`);
