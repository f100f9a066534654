// A written ROW(…) inside written ARRAY[…]s cast to an array of rows of another width (docs/issue-15-audit.md "Types
// decided at translation"): Trino 476 fails at analysis (TYPE_MISMATCH "Cannot cast array(row(integer, integer)) to
// array(row(a integer))"), under TRY_CAST and over no rows too, where TRY_CAST gave NULL locally (the element casts'
// width check ran per row inside TRY). Refused at lint now. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const WIDTH = /error \[unfaithful\/cast\] Cannot cast a row of 2 fields to a row of 1 in array/;

describeFunctions(
  'a written row of another width inside an array cast',
  [
    ['the same width', 'TRY_CAST(ARRAY[ROW(1)] AS array(row(a integer)))', [{ a: 1 }], 'array(row(a integer))'],
    ['two fields to two', 'TRY_CAST(ARRAY[ROW(1, 2)] AS array(row(a integer, b varchar)))', [{ a: 1, b: '2' }], 'array(row(a integer, b varchar))'],
  ],
  [
    ['TRY_CAST', 'TRY_CAST(ARRAY[ROW(1, 2)] AS array(row(a integer)))', WIDTH],
    ['over no rows', 'TRY_CAST(ARRAY[ROW(1, 2)] AS array(row(a integer))) WHERE false', WIDTH],
    ['CAST', 'CAST(ARRAY[ROW(1, 2)] AS array(row(a integer)))', WIDTH],
    ['arrays of arrays', 'TRY_CAST(ARRAY[ARRAY[ROW(1, 2)]] AS array(array(row(a integer))))', WIDTH],
  ],
);
