import { TrinoSQL } from 'dt-sql-parser';
import { TrinoSqlLexer } from 'dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js';
import { describe, expect, it } from 'vitest';
import { isTrivia, tokenize } from '../../src/dialect/tokens.js';
import { TRINO_KEYWORDS, TRINO_NOT_IDENTIFIERS } from '../../src/lint/trino-keywords.js';
import { inTrinoSubset } from '../../src/lint/trino-subset.js';
import { KINDS, generate, seededRandom, sqlOf } from '../trino/generator.js';
import { benchStatements, grammarAccepts, repoStatements } from './subset-corpus.js';

const trino = new TrinoSQL();
const maskVariables = (text: string) =>
  tokenize(text)
    .map((t) => (t.kind === 'variable' ? `__${t.text.slice(2, -1)}_` : t.text))
    .join('');
/** As `lake lint` runs the grammar: `${name}` variables masked as identifiers of their length. */

function randomExpressions(count: number): string[] {
  const random = seededRandom(18);
  return Array.from({ length: count }, (_, i) => `SELECT ${sqlOf(generate(KINDS[i % KINDS.length], { random, maxDepth: 3 }))} AS v`);
}

/** Shapes the subset is meant to cover (and some it is not), valid and invalid. */
const HANDWRITTEN = [
  'SELECT a, b AS c, t.* FROM s.t AS x(a, b) LEFT OUTER JOIN u USING (a) CROSS JOIN v WHERE NOT a IS NULL ORDER BY 1 DESC NULLS LAST LIMIT 5',
  'SELECT count(DISTINCT a) FILTER (WHERE b) FROM t GROUP BY ALL',
  'SELECT row_number() OVER (PARTITION BY a ORDER BY b) AS rn, sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a)',
  "SELECT CASE WHEN a BETWEEN 1 AND 2 THEN 'x' WHEN a NOT IN (1, 2) THEN 'y' ELSE NULL END FROM t",
  "SELECT CAST(a AS decimal(10, 2)), TRY_CAST(b AS array(varchar)), DATE '2025-01-01', INTERVAL '1' DAY, x[1].f FROM t",
  'SELECT a FROM t WHERE a = ANY (SELECT b FROM u) AND EXISTS (SELECT 1) OR a LIKE b ESCAPE c',
  'SELECT a FROM t UNION ALL (SELECT b FROM u) EXCEPT SELECT c FROM v INTERSECT DISTINCT SELECT d FROM w',
  'SELECT a = b = c FROM t',
  'SELECT a NOT b FROM t',
  'SELECT 1abc FROM t',
  'SELECT __a___b_ FROM t',
  'SELECT ${a}${b}, x${c}, ${d}1 FROM t WHERE a >= ${period_start}',
  'SELECT a FROM t LIMIT ALL',
  'SELECT a FROM t limit',
  'SELECT value, date, "select" FROM t AS window',
  'SELECT a b FROM t c',
  'SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a) AS b',
  '(WITH a AS (SELECT 1) SELECT * FROM a)',
  'SELECT a FROM t\fWHERE b',
  'SELECT ARRAY[], ARRAY[1, 2][1], (1, 2), ((SELECT 1)) FROM t',
  'SELECT x -> x + 1 FROM t',
  'SELECT a FROM t ORDER BY a OFFSET 1',
  'SELECT a IS NOT DISTINCT FROM b, a IS TRUE FROM t',
  "SELECT a FROM t WHERE b = 'x' 'y'",
  'SELECT CURRENT_DATE, current_timestamp, localtime FROM t',
];

const corpus = [...repoStatements('trino', true), ...benchStatements('trino', 60), ...randomExpressions(300), ...HANDWRITTEN];

/** Variants of `text` one token edit away: dropped, doubled, swapped with the next, replaced by another's token. */
function mutations(text: string, random: () => number, count: number, pool: string[]): string[] {
  const tokens = tokenize(text);
  const meaningful = tokens.flatMap((t, i) => (isTrivia(t) ? [] : [i]));
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const i = meaningful[Math.floor(random() * meaningful.length)];
    const texts = tokens.map((t) => t.text);
    const edit = Math.floor(random() * 4);
    if (edit === 0) texts[i] = '';
    else if (edit === 1) texts[i] = `${texts[i]} ${texts[i]}`;
    else if (edit === 2) {
      const j = meaningful[meaningful.indexOf(i) + 1];
      if (j === undefined) continue;
      [texts[i], texts[j]] = [texts[j], texts[i]];
    } else texts[i] = pool[Math.floor(random() * pool.length)];
    out.push(texts.join(''));
  }
  return out;
}

// Parsing thousands of statements with the grammar takes tens of seconds on a loaded machine: a long timeout, not a speed check.
describe('the Trino subset of `lake lint`', () => {
  it('knows the grammar’s keywords and which of them cannot be identifiers', () => {
    const words = TrinoSqlLexer.literalNames.filter((n): n is string => n !== null && /^'[A-Za-z_]+'$/.test(n)).map((n) => n.slice(1, -1).toUpperCase());
    expect([...TRINO_KEYWORDS].sort()).toEqual([...new Set(words)].sort());
    const notIdentifier = words.filter(
      (w) => !grammarAccepts(trino, maskVariables(`SELECT ${w} FROM t`)) || !grammarAccepts(trino, maskVariables(`SELECT t.${w} FROM t`)),
    );
    expect([...TRINO_NOT_IDENTIFIERS].sort()).toEqual(notIdentifier.sort());
  }, 180_000);

  it('covers the shapes of the example project and of the bench models', () => {
    const shapes = [...repoStatements('trino', false), ...benchStatements('trino', 60)];
    const outside = shapes.filter((s) => !inTrinoSubset(s));
    // Lambdas and UNNEST stay with the grammar; everything else in these projects is in the subset.
    expect(outside.length).toBeLessThanOrEqual(shapes.length / 10);
    expect(shapes.length).toBeGreaterThan(60);
  });

  it('accepts only what the Trino grammar accepts, on the corpus and on its mutations', () => {
    const random = seededRandom(7);
    const pool = [
      ...new Set(
        corpus.flatMap((s) =>
          tokenize(s)
            .filter((t) => !isTrivia(t))
            .map((t) => t.text),
        ),
      ),
    ];
    const candidates = [...corpus, ...corpus.flatMap((s) => mutations(s, random, 4, pool))];
    const accepted = candidates.filter((s) => inTrinoSubset(s));
    const wronglyAccepted = accepted.filter((s) => !grammarAccepts(trino, maskVariables(s)));
    expect(wronglyAccepted).toEqual([]);
    // The check means something only if the subset accepted many of them, mutants included.
    expect(accepted.length).toBeGreaterThan(candidates.length / 5);
  }, 180_000);

  it('leaves invalid and unusual statements to the grammar', () => {
    const outside = [
      'SELECT a = b = c FROM t',
      'SELECT 1abc FROM t',
      'SELECT ${a}${b} FROM t',
      'SELECT a FROM t\fWHERE b',
      'SELECT a FROM t WHERE a = ANY (SELECT b FROM u)',
    ];
    expect(outside.filter((s) => inTrinoSubset(s))).toEqual([]);
    expect(inTrinoSubset('SELECT value, date, "select" FROM t AS window')).toBe(true);
    expect(inTrinoSubset('SELECT a FROM t WHERE a >= ${period_start}')).toBe(true);
  });
});
