// Hand probes of NULL arguments (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt39"): sequence(NULL,
// NULL) answered a NULL array(date) where Trino 476 fails AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate
// operator"); one typed argument, or a step, decides the form in both engines. Every value and type below is Trino
// 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'sequence of values of no type',
  [
    ['a NULL and an integer', 'sequence(NULL, 5)', null, 'array(bigint)'],
    ['an integer and a NULL', 'sequence(1, NULL)', null, 'array(bigint)'],
    ['a NULL and a date', "sequence(NULL, DATE '2025-01-01')", null, 'array(date)'],
    ['two NULLs and an integer step', 'sequence(NULL, NULL, 1)', null, 'array(bigint)'],
    ['two NULLs and a day step', "sequence(NULL, NULL, INTERVAL '1' DAY)", null, 'array(date)'],
    ['a typed NULL and a NULL', 'sequence(CAST(NULL AS bigint), NULL)', null, 'array(bigint)'],
    ['integers', 'sequence(1, 3)', [1, 2, 3], 'array(bigint)'],
    ['dates', "sequence(DATE '2025-01-01', DATE '2025-01-03')", ['2025-01-01', '2025-01-02', '2025-01-03'], 'array(date)'],
  ],
  [
    // AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator. Explicit type casts must be added.
    ['two NULLs', 'sequence(NULL, NULL)', /overloads|ambiguous|best candidate/i],
    ['two unknown-typed elements', 'sequence(element_at(ARRAY[], 1), element_at(ARRAY[], 1))', /overloads|ambiguous|best candidate/i],
    ['a NULL column twice', 'sequence(x, x) FROM (VALUES NULL) t(x)', /overloads|ambiguous|best candidate/i],
  ],
);
