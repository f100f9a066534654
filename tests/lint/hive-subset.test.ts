import { HiveSQL } from 'dt-sql-parser';
import { HiveSqlLexer } from 'dt-sql-parser/dist/lib/hive/HiveSqlLexer.js';
import { describe, expect, it } from 'vitest';
import { isTrivia, tokenize, type Token } from '../../src/dialect/tokens.js';
import { HIVE_KEYWORDS } from '../../src/lint/hive-keywords.js';
import { maskHiveDdl } from '../../src/lint/hive-mask.js';
import { inHiveDdlSubset } from '../../src/lint/hive-subset.js';
import { seededRandom } from '../trino/generator.js';
import { benchStatements, grammarAccepts, repoStatements } from './subset-corpus.js';

const hive = new HiveSQL();
/** The text the grammar reads in `lake lint`: variables and keyword column names masked. */
const masked = (text: string) =>
  maskHiveDdl(
    tokenize(text)
      .map((t) => (t.kind === 'variable' ? `__${t.text.slice(2, -1)}_` : t.text))
      .join(''),
  ).text;

/** In the subset (and valid Hive). */
const COVERED = [
  "CREATE EXTERNAL TABLE IF NOT EXISTS db.t (a array<array<int>>, m map<string, struct<x:int, y:decimal(10,2)>>, v varchar(10) COMMENT 'v') COMMENT 't' PARTITIONED BY (dt string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' WITH SERDEPROPERTIES ('a' = 'b') STORED AS PARQUET LOCATION 's3://b/t/' TBLPROPERTIES ('x' = 'y', 'z' = 'w')",
  "CREATE EXTERNAL TABLE t (a decimal, `date` date, end string) LOCATION 's3://${lake_bucket}/t/'",
];
/** Outside the subset: invalid, or valid in a form it does not know. */
const LEFT_TO_THE_GRAMMAR = [
  "CREATE EXTERNAL TABLE t (m map<array<int>, int>) LOCATION 's3://b/'",
  "CREATE EXTERNAL TABLE t (a int) STORED AS PARQUET TBLPROPERTIES ('k' = 'it''s') LOCATION 's3://b/'",
  "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/\\x'",
  "CREATE EXTERNAL TABLE table (a int) LOCATION 's3://b/'",
  "CREATE EXTERNAL TABLE t () LOCATION 's3://b/'",
  "CREATE EXTERNAL TABLE t (a int) STORED AS INPUTFORMAT 'x' OUTPUTFORMAT 'y' LOCATION 's3://b/'",
];

const corpus = [...repoStatements('hive', true), ...benchStatements('hive', 50), ...COVERED, ...LEFT_TO_THE_GRAMMAR].map(masked);

/** Variants one token edit away: dropped, doubled, or replaced by a token of the corpus (of the same kind, mostly). */
function mutations(text: string, random: () => number, count: number, pool: Token[]): string[] {
  const tokens = tokenize(text);
  const meaningful = tokens.flatMap((t, i) => (isTrivia(t) ? [] : [i]));
  return Array.from({ length: count }, () => {
    const i = meaningful[Math.floor(random() * meaningful.length)];
    const texts = tokens.map((t) => t.text);
    const edit = Math.floor(random() * 4);
    const alike = pool.filter((t) => t.kind === tokens[i].kind);
    const from = edit === 3 ? alike : pool;
    if (edit === 0) texts[i] = '';
    else if (edit === 1) texts[i] = `${texts[i]} ${texts[i]}`;
    else texts[i] = from[Math.floor(random() * from.length)].text;
    return texts.join('');
  });
}

// Parsing a thousand statements with the grammar takes tens of seconds on a loaded machine: a long timeout, not a speed check.
describe('the Hive DDL subset of `lake lint`', () => {
  it('knows the grammar’s keywords', () => {
    const words = HiveSqlLexer.literalNames.filter((n): n is string => n !== null && /^'[A-Za-z0-9_]+'$/.test(n)).map((n) => n.slice(1, -1).toUpperCase());
    expect([...HIVE_KEYWORDS].sort()).toEqual([...new Set(words)].sort());
  });

  it('covers the CREATE EXTERNAL TABLE statements of the example project and of the bench', () => {
    const shapes = [...repoStatements('hive', false), ...benchStatements('hive', 50)].filter((s) => /^CREATE EXTERNAL/i.test(s));
    expect(shapes.length).toBeGreaterThan(10);
    expect(shapes.filter((s) => !inHiveDdlSubset(masked(s)))).toEqual([]);
  });

  it('accepts only what the Hive grammar accepts, on the corpus and on its mutations', () => {
    const random = seededRandom(11);
    const tables = corpus.filter((s) => inHiveDdlSubset(s));
    const seen = new Set<string>();
    const pool = corpus.flatMap((s) => tokenize(s).filter((t) => !isTrivia(t) && !seen.has(t.text) && seen.add(t.text)));
    const candidates = [...corpus, ...tables.flatMap((s) => mutations(s, random, 100, pool))];
    const accepted = candidates.filter((s) => inHiveDdlSubset(s));
    expect(accepted.filter((s) => !grammarAccepts(hive, s))).toEqual([]);
    // The check means something only if the subset accepted many of them, mutants included.
    expect(accepted.length).toBeGreaterThan(tables.length * 5);
  }, 180_000);

  it('leaves unusual and invalid DDL to the grammar', () => {
    expect(LEFT_TO_THE_GRAMMAR.filter((s) => inHiveDdlSubset(masked(s)))).toEqual([]);
    expect(COVERED.filter((s) => !inHiveDdlSubset(masked(s)))).toEqual([]);
  });
});
