// The one summary line of `npm run test:trino` (scripts/test-trino.sh), from the results its parts write to
// .cache/trino/: node scripts/trino-summary.mjs <vitest exit status> <seconds> <where the time went>.
import { existsSync, readFileSync } from 'node:fs';

const [status, seconds, timing] = process.argv.slice(2);
const read = (name) => {
  const file = `.cache/trino/${name}.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).summary : undefined;
};
const counts = (s) => `${s.same} agree, ${s.bothFail} both fail, ${s.localRefuses} refused locally, ${s.known} known (owned elsewhere), ${s.differ} silent`;
const dialect = read('dialect-differences');
const random = read('random-differences');
const example = read('example-project');
const parts = [
  dialect ? `dialect replay ${dialect.queries} queries: ${counts(dialect)}` : 'dialect replay: no result',
  random ? `random expressions (seed ${random.seed}) ${random.cases}: ${counts(random)}` : 'random expressions: no result',
  example ? `example project ${example.same}/${example.tests} same outcome as locally` : 'example project: no result',
];
console.error(`test:trino: ${status === '0' ? 'PASS' : 'FAIL'} in ${seconds} s (${timing})\n  ${parts.join('\n  ')}`);
