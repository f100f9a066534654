// The one summary line of `npm run test:trino` (scripts/test-trino.sh), from the results its parts write to
// .cache/trino/: node scripts/trino-summary.mjs <vitest exit status> <seconds> <where the time went>.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const [status, seconds, timing] = process.argv.slice(2);
const json = (name) => {
  const file = `.cache/trino/${name}.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};
const read = (name) => json(name)?.summary;
const counts = (s) => `${s.same} agree, ${s.bothFail} both fail, ${s.localRefuses} refused locally, ${s.known} known (owned elsewhere), ${s.differ} silent`;
// The replay's parts (tests/trino/dialect-replay.ts), added up; a missing part is named.
const replayParts = existsSync('.cache/trino')
  ? readdirSync('.cache/trino')
      .filter((f) => /^dialect-differences-\d+\.json$/.test(f))
      .map((f) => read(f.replace(/\.json$/, '')))
  : [];
const expected = replayParts[0]?.parts ?? 0;
const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((p) => !replayParts.some((s) => s.part === p));
const sum = (key) => replayParts.reduce((total, s) => total + s[key], 0);
const dialect = replayParts.length ? Object.fromEntries(['queries', 'same', 'bothFail', 'localRefuses', 'known', 'differ'].map((k) => [k, sum(k)])) : undefined;
const random = read('random-differences');
const example = read('example-project');
// When each file of the tier started and ended (tests/trino/timing-reporter.ts), in seconds from the oracle's start.
const timings = json('timings');
const parts = [
  dialect
    ? `dialect replay ${dialect.queries} queries: ${counts(dialect)}${missing.length ? ` (part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${expected}: no result)` : ''}`
    : 'dialect replay: no result',
  random ? `random expressions (seed ${random.seed}) ${random.cases}: ${counts(random)}` : 'random expressions: no result',
  example ? `example project ${example.same}/${example.tests} same outcome as locally` : 'example project: no result',
  timings
    ? `parts (s from the oracle's start): ${timings.parts.map((p) => `${p.file} ${p.end - p.start} s [${p.start}–${p.end}]`).join(', ')}`
    : 'parts: no timings',
];
console.error(`test:trino: ${status === '0' ? 'PASS' : 'FAIL'} in ${seconds} s (${timing})\n  ${parts.join('\n  ')}`);
