// A parenthesised row `(1, 2)` inside written ARRAY[…]s, and a written row as a value of a written MAP(ARRAY[…],
// ARRAY[…]), cast to rows of another width (docs/issue-15-audit.md "NULL-typed arguments, row widths and untyped
// aggregates"): Trino 476 fails at analysis (TYPE_MISMATCH "Cannot cast array(row(integer, integer)) to array(row(a
// integer))", "Cannot cast map(varchar(1), row(integer, integer)) to map(varchar, row(a integer))"), under TRY_CAST
// and over no rows too, where TRY_CAST gave NULL locally. Refused at lint now (nested-casts.ts
// writtenElementRowWidths). Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const WIDTH = /error \[unfaithful\/cast\] Cannot cast a row of 2 fields to a row of 1 in (array|map)/;

describeFunctions(
  'a parenthesised row or a map value of another width in a cast',
  [
    [
      'parenthesised rows of the same width',
      'TRY_CAST(ARRAY[(1, 2), (3, 4)] AS array(row(a integer, b varchar)))',
      [
        { a: 1, b: '2' },
        { a: 3, b: '4' },
      ],
      'array(row(a integer, b varchar))',
    ],
    ['a CAST of them', 'CAST(ARRAY[(1, 2)] AS array(row(a integer, b integer)))', [{ a: 1, b: 2 }], 'array(row(a integer, b integer))'],
    [
      'a map value of the same width',
      "TRY_CAST(MAP(ARRAY['k'], ARRAY[(1, 2)]) AS map(varchar, row(a integer, b varchar)))",
      { k: { a: 1, b: '2' } },
      'map(varchar, row(a integer, b varchar))',
    ],
    [
      'a written ROW value',
      "CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(a integer, b bigint)))",
      { k: { a: 1, b: 2 } },
      'map(varchar, row(a integer, b bigint))',
    ],
  ],
  [
    ['a parenthesised row under TRY_CAST', 'TRY_CAST(ARRAY[(1, 2)] AS array(row(a integer)))', WIDTH],
    ['over no rows', 'TRY_CAST(ARRAY[(1, 2)] AS array(row(a integer))) WHERE false', WIDTH],
    ['arrays of arrays', 'TRY_CAST(ARRAY[ARRAY[(1, 2)]] AS array(array(row(a integer))))', WIDTH],
    ['a map value written ROW', "TRY_CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(a integer)))", WIDTH],
    ['a map value parenthesised', "TRY_CAST(MAP(ARRAY['k'], ARRAY[(1, 2)]) AS map(varchar, row(a integer)))", WIDTH],
    ['a map value over no rows', "TRY_CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(a integer))) WHERE false", WIDTH],
    ['an array of maps', "TRY_CAST(ARRAY[MAP(ARRAY['k'], ARRAY[(1, 2)])] AS array(map(varchar, row(a integer))))", WIDTH],
  ],
);
