// date_add's count (docs/issue-15-audit.md "Types decided at translation"): a count DuckDB types NULL (an element of
// ARRAY[], Trino's unknown) is read as a bigint and evaluated, so its own failure is Trino's (DuckDB folded the call
// into a NULL without evaluating it); a NULL count of a column is a NULL date (it failed 'integer overflow' locally).
// Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const INDICES = /SQL array indices start at 1/;

describeFunctions(
  'date_add with a NULL or untyped count',
  [
    ['an untyped count in range', "date_add('day', element_at(ARRAY[], x), DATE '2025-03-10') FROM (VALUES 1) t(x)", null, 'date'],
    ['a NULL map value', "date_add('day', element_at(MAP(ARRAY['k'], ARRAY[NULL]), x), DATE '2025-03-10') FROM (VALUES 'k') t(x)", null, 'date'],
    ['a NULL bigint column', "date_add('day', x, DATE '2025-03-10') FROM (VALUES CAST(NULL AS bigint)) t(x)", null, 'date'],
    ['a NULL integer column', "date_add('day', x, DATE '2025-03-10') FROM (VALUES CAST(NULL AS integer)) t(x)", null, 'date'],
    [
      'a NULL count of a zoned timestamp',
      "date_add('day', x, TIMESTAMP '2025-03-10 10:00:00 UTC') FROM (VALUES CAST(NULL AS integer)) t(x)",
      null,
      'timestamp(3) with time zone',
    ],
    ['a column of NULLs', "date_add('day', x, DATE '2025-03-10') FROM (VALUES NULL) t(x)", null, 'date'],
    ['a NULL literal', "date_add('day', NULL, DATE '2025-03-10')", null, 'date'],
    ['a tinyint count', "date_add('month', x, DATE '2025-01-31') FROM (VALUES CAST(1 AS tinyint)) t(x)", '2025-02-28', 'date'],
  ],
  [
    ['an untyped count failing, a date', "date_add('day', element_at(ARRAY[], x), DATE '2025-03-10') FROM (VALUES 0) t(x)", INDICES],
    ['a timestamp', "date_add('hour', element_at(ARRAY[], x), TIMESTAMP '2025-03-10 10:00:00') FROM (VALUES 0) t(x)", INDICES],
    ['a zoned timestamp', "date_add('hour', element_at(ARRAY[], x), TIMESTAMP '2025-03-10 10:00:00 UTC') FROM (VALUES 0) t(x)", INDICES],
    // Trino 476: GENERIC_INTERNAL_ERROR "integer overflow".
    ['a count past an int', "date_add('day', x, DATE '2025-03-10') FROM (VALUES 3000000000) t(x)", /integer overflow/],
  ],
);
