// sum(x) is cast to Trino's type through a witness, min(trino_sum_type(x)), bound for its type only: x is written
// there without its refusal guards (translate/type-witness.ts), while the copy that sums keeps them. These sums of
// guarded values keep Trino 476's answer and type, and the guards' refusals are still Trino's errors.
import { describe, expect, it } from 'vitest';
import { withoutRefusalGuards } from '../../../src/dialect/translate/type-witness.js';
import { describeFunctions } from './harness.js';

const row = "FROM (VALUES (3, REAL '1.5', DECIMAL '1.25', DOUBLE '2.5', 'q', DATE '2025-01-01')) t(i, r, m, d, s, dt)";

describeFunctions(
  'sums of guarded values keep Trino’s type',
  [
    ['coalesce of a decimal', `sum(coalesce(m, 0)) ${row}`, '1.25', 'decimal(38,2)'],
    ['coalesce of a real', `sum(coalesce(r, 0)) ${row}`, 1.5, 'real'],
    ['coalesce of an integer', `sum(coalesce(i, 0)) ${row}`, 3, 'bigint'],
    ['DISTINCT', `sum(DISTINCT coalesce(i, 0)) ${row}`, 3, 'bigint'],
    ['a CASE', `sum(CASE WHEN i > 0 THEN r ELSE 0 END) ${row}`, 1.5, 'real'],
    ['if()', `sum(if(i > 0, m, 1)) ${row}`, '1.25', 'decimal(38,2)'],
    ['double + coalesce', `sum(d + coalesce(r, 0)) ${row}`, 4, 'double'],
    ['real + coalesce of a decimal', `sum(r + coalesce(m, 0)) ${row}`, 2.75, 'real'],
    ['integer - literal', `sum(i - 1) ${row}`, 2, 'bigint'],
    ['nullif()', `sum(nullif(r, 0)) ${row}`, 1.5, 'real'],
    ['a window', `sum(coalesce(m, 0)) OVER () ${row}`, '1.25', 'decimal(38,2)'],
    ['an array element', `sum(ARRAY[r, 0][1]) ${row}`, 1.5, 'real'],
  ],
  [
    ['coalesce of a varchar and a number', `sum(coalesce(s, 0)) ${row}`, /^TYPE_MISMATCH: All COALESCE operands must be the same type/],
    ['coalesce of a date and a number', `sum(coalesce(dt, 0)) ${row}`, /^TYPE_MISMATCH: All COALESCE operands must be the same type/],
    ['date + integer', `sum(dt + 1) ${row}`, /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
  ],
);

describe('withoutRefusalGuards', () => {
  it('leaves out the guards whose other keys are refusals, nested ones too', () => {
    const guard = (v: string) => `{'trino_v': ${v}}[CASE WHEN typeof([${v}]) = 'DATE[]' THEN 'trino_refused:date + number' ELSE 'trino_v' END]`;
    const checked = (v: string) => `{'trino_c': ${guard('true')}, 'trino_v': ${v}}['trino_v']`;
    expect(withoutRefusalGuards(`add(${checked(guard('coalesce(x, 0)'))}, 1)`)).toBe('add(coalesce(x, 0), 1)');
  });

  it('keeps what may answer with another key or type', () => {
    for (const text of [
      "{'trino_v': abs(x), 'trino_n': CAST(NULL AS TINYINT)}[CASE WHEN typeof([x]) = '\"NULL\"[]' THEN 'trino_n' ELSE 'trino_v' END]",
      "{'trino_v': x}[CASE WHEN y THEN 'trino_w' ELSE 'trino_v' END]",
      "{'trino_v': x}[CASE WHEN y THEN 'trino_refused:a' WHEN z THEN 'trino_w' ELSE 'trino_v' END]",
      "{'trino_c': c, 'trino_v': x}[k]",
      "{'a': 'trino_refused:x'}['a']",
    ])
      expect(withoutRefusalGuards(text)).toBe(text);
  });
});
