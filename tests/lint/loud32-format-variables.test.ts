// `lake lint` of a model whose datetime format pattern is a variable (`date_format(ts, ${fmt})`; docs/issue-15-audit.md
// "Loud failures where Trino answers (session of 2026-12-06 night, branch loud32)"): the rules check the SQL as
// written, where a variable is no literal, but the statement that runs holds the value. Where the translation with the
// values has no finding, the format is one the local engine reads, and the model is not refused; a value it cannot
// read is still refused, and so is a variable inside an expression (`'%Y-' || ${fmt}`).
import { describe, expect, it } from 'vitest';
import { checkFaithfulEnclosed } from '../../src/dialect/lint/index.js';
import { modelOf } from './query-model.js';
import type { Variables } from '../../src/project/variables.js';
import { modelStatement } from '../../src/testing/schemas.js';

/** The rules' findings of a model, as `lake lint` reads them through the statement holding the values. */
function findings(sql: string, vars: Variables): string[] | undefined {
  const node = modelOf(sql);
  const statement = modelStatement(node, vars);
  if (!statement) return undefined;
  const once = checkFaithfulEnclosed(node.sql, statement, { file: node.file, lineOffset: node.bodyLine - 1 });
  return once?.diagnostics.filter((d) => d.rule !== 'unfaithful/column-type-unknown').map((d) => `${d.line}:${d.col} ${d.rule}`);
}

const VARS: Variables = { fmt: '%Y-%m-%d', pat: 'yyyy-MM-dd', bad: '%Y %D', n: 3, day: 'day' };

describe('a variable as a datetime format pattern', () => {
  it.each([
    'SELECT date_format(ts, ${fmt}) AS t FROM x',
    "SELECT date_parse(a, ${fmt}) AS t FROM x WHERE a <> ''",
    'SELECT format_datetime(ts, ${pat}) AS t FROM x',
    'SELECT parse_datetime(a, ${pat}) AS t FROM x',
    'SELECT date_format(date_add(${day}, ${n}, ts), ${fmt}) AS t FROM x',
  ])('%s is not refused', (sql) => {
    expect(findings(sql, VARS)).toEqual([]);
  });

  it.each<[string, string[]]>([
    // The value is a pattern the local engine cannot read: refused, at the call, as written.
    ['SELECT date_format(ts, ${bad}) AS t FROM x', ['4:8 unfaithful/dynamic-format']],
    // A number is no pattern: the translation with the value reports it.
    ['SELECT date_format(ts, ${n}) AS t FROM x', ['4:8 unfaithful/dynamic-format']],
    // Not a lone variable: refused as before.
    ["SELECT date_format(ts, '%Y-' || ${fmt}) AS t FROM x", ['4:8 unfaithful/dynamic-format']],
    // Other findings stay.
    ['SELECT date_format(ts, ${fmt}) AS t, date_format(ts, b) AS u FROM x', ['4:38 unfaithful/dynamic-format']],
  ])('%s is refused', (sql, expected) => {
    expect(findings(sql, VARS)).toEqual(expected);
  });
});
