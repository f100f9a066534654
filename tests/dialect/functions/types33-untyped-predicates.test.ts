// `e IS [NOT] NULL` and `e [NOT] LIKE p` of an expression DuckDB types NULL (Trino's unknown) (docs/issue-15-audit.md
// "Untyped arguments of rewritten functions, IS NULL and LIKE"): DuckDB folded the predicate into true, false or NULL
// without evaluating e, which dropped e's own failure (element_at out of range, a subscript past the end, a division
// by zero in a CASE's condition). untyped-predicates.ts evaluates e. Every value, type and error is the shared Trino
// 476's.
import { describeFunctions } from './harness.js';

const INDICES = /SQL array indices start at 1/;
const PAST_END = /Array subscript must be less than or equal to array length: \d > \d/;
const BY_ZERO = /Division by zero/;

describeFunctions(
  'IS [NOT] NULL and LIKE of an untyped expression',
  [
    ['IS NULL of an element of ARRAY[] in range', 'element_at(ARRAY[], x) IS NULL FROM (VALUES 1) t(x)', true, 'boolean'],
    ['IS NOT NULL of it', 'element_at(ARRAY[], x) IS NOT NULL FROM (VALUES 1) t(x)', false, 'boolean'],
    ['IS NULL of it over no rows', 'element_at(ARRAY[], x) IS NULL FROM (VALUES 0) t(x) WHERE x > 5', null, 'boolean'],
    ['IS NULL of a typed CASE', 'CASE WHEN x > 0 THEN 1 END IS NULL FROM (VALUES 1) t(x)', false, 'boolean'],
    ['IS NULL of a NULL literal', 'NULL IS NULL', true, 'boolean'],
    ['NOT LIKE of an element in range', "element_at(ARRAY[], x) NOT LIKE 'a' FROM (VALUES 1) t(x)", null, 'boolean'],
    ['LIKE with an element in range as the pattern', "'a' LIKE element_at(ARRAY[], x) FROM (VALUES 1) t(x)", null, 'boolean'],
    ['LIKE of a typed CASE', "CASE WHEN x > 0 THEN 'ab' END LIKE 'a%' FROM (VALUES 1) t(x)", true, 'boolean'],
  ],
  [
    ['IS NULL of element_at out of range', 'element_at(ARRAY[], 0) IS NULL', INDICES],
    ['IS NOT NULL of it', 'element_at(ARRAY[], 0) IS NOT NULL', INDICES],
    ['NOT … IS NULL of it, from a row', 'NOT element_at(ARRAY[], x) IS NULL FROM (VALUES 0) t(x)', INDICES],
    ['IS NULL of a CASE whose condition fails', '(CASE WHEN 1 / x > 0 THEN NULL END) IS NULL FROM (VALUES 0) t(x)', BY_ZERO],
    ['IS NOT NULL of a subscript past the end, after OR', 'x IS NULL OR ARRAY[NULL][x] IS NOT NULL FROM (VALUES 2) t(x)', PAST_END],
    ['IS NULL in an aggregate FILTER', 'count(*) FILTER (WHERE element_at(ARRAY[], x) IS NULL) FROM (VALUES 0) t(x)', INDICES],
    ['LIKE of a subscript past the end', "ARRAY[NULL][2] LIKE 'a'", PAST_END],
    ['LIKE with element_at out of range as the pattern', "'a' LIKE element_at(ARRAY[], 0)", INDICES],
    ['NOT LIKE of element_at out of range', "element_at(ARRAY[], x) NOT LIKE 'a' FROM (VALUES 0) t(x)", INDICES],
    ['LIKE … ESCAPE of it', "element_at(ARRAY[], x) LIKE 'a#%' ESCAPE '#' FROM (VALUES 0) t(x)", INDICES],
    ['LIKE of a CASE whose condition fails', "(CASE WHEN 1 / x > 0 THEN NULL END) LIKE 'a' FROM (VALUES 0) t(x)", BY_ZERO],
  ],
);
