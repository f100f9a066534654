// Silent leftovers, ninth pass (docs/issue-15-audit.md): constructs that answered locally where Trino 476 answers
// otherwise or fails. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

// Trino 476: GENERIC_INTERNAL_ERROR "Character count exceeds length limit 3" (the local shim's words name the value).
const TOO_LONG = /cannot be represented as varchar\(3\)/;

describeFunctions(
  'TRY_CAST of a row of mixed field types, one of them a boolean, interval or timestamp into varchar(n)',
  [
    ['long enough', 'TRY_CAST(ROW(true, 1) AS row(a varchar(4), b integer))', { a: 'true', b: 1 }, 'row(a varchar, b integer)'],
    ['the boolean into an integer', 'TRY_CAST(ROW(1234, true) AS row(a varchar(3), b integer))', null, 'row(a varchar, b integer)'],
    [
      'a NULL row column',
      'TRY_CAST(r AS row(a varchar(3), b integer)) FROM (SELECT CAST(NULL AS row(x boolean, y integer)) r)',
      null,
      'row(a varchar, b integer)',
    ],
  ],
  [
    ['a boolean and an integer', 'TRY_CAST(ROW(true, 1) AS row(a varchar(3), b integer))', TOO_LONG],
    ['the boolean second', 'TRY_CAST(ROW(1, true) AS row(a varchar(3), b varchar(3)))', TOO_LONG],
    ['an interval', "TRY_CAST(ROW(INTERVAL '1' DAY, 1) AS row(a varchar(3), b integer))", TOO_LONG],
    ['a timestamp between integers', "TRY_CAST(ROW(1, TIMESTAMP '2020-01-01 00:00:00', 2) AS row(a integer, b varchar(3), c integer))", TOO_LONG],
    ['a row column', 'TRY_CAST(r AS row(a varchar(3), b integer)) FROM (SELECT CAST(ROW(true, 1) AS row(x boolean, y integer)) r)', TOO_LONG],
    [
      'in a correlated subquery',
      '(SELECT TRY_CAST(r AS row(a varchar(3), b integer))) FROM (SELECT CAST(ROW(true, 1) AS row(x boolean, y integer)) r)',
      TOO_LONG,
    ],
  ],
);
