// sum(e) and avg(e) of an expression of Trino's type unknown other than the literal NULL (docs/issue-15-audit.md
// "Types decided at translation"): Trino 476 fails AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate
// operator. Explicit type casts must be added"), where the local engine answered a bigint (double) NULL. Every value,
// type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

const AMBIGUOUS = /AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator/;

describeFunctions(
  'sum and avg of an expression of type unknown',
  [
    // Neighbours that answer: a typed expression beside a NULL.
    ['an expression of a column', 'sum(x + 1) FROM (VALUES 1, 2) t(x)', 5, 'bigint'],
    ['a CASE of a column and NULL', 'sum(CASE WHEN x > 1 THEN NULL ELSE x END) FROM (VALUES 1, 2) t(x)', 1, 'bigint'],
    ['a CASE without ELSE', 'sum(CASE WHEN x > 1 THEN x END) FROM (VALUES 1, 2) t(x)', 2, 'bigint'],
    ['avg of a CASE of a column and NULL', 'avg(CASE WHEN x > 1 THEN NULL ELSE x END) FROM (VALUES 1, 3) t(x)', 1, 'double'],
    ['sum of a literal beside a NULL', 'sum(2) FROM (VALUES NULL, NULL) t(x)', 4, 'bigint'],
  ],
  [
    ['an element of ARRAY[]', 'sum(element_at(ARRAY[], 1))', AMBIGUOUS],
    ['a CASE of NULL', 'sum(CASE WHEN true THEN NULL END)', AMBIGUOUS],
    ['coalesce of NULLs', 'sum(coalesce(NULL, NULL))', AMBIGUOUS],
    ['DISTINCT, an IF of NULL', 'sum(DISTINCT if(false, NULL))', AMBIGUOUS],
    ['a NULL map value', "sum(element_at(MAP(ARRAY['k'], ARRAY[NULL]), 'x'))", AMBIGUOUS],
    ['nullif of NULLs', 'sum(nullif(NULL, NULL))', AMBIGUOUS],
    ['over rows', 'sum(element_at(ARRAY[], x)) FROM (VALUES 1, 2) t(x)', AMBIGUOUS],
    ['in a window', 'sum(element_at(ARRAY[], 1)) OVER (PARTITION BY x) FROM (VALUES 1, 2) t(x)', AMBIGUOUS],
    ['avg of an element of ARRAY[]', 'avg(element_at(ARRAY[], 1))', AMBIGUOUS],
    ['avg of a CASE of NULL', 'avg(CASE WHEN true THEN NULL END)', AMBIGUOUS],
  ],
);
