// Shared by the corr38–corr40 and sil41 tests of untyped filter tests: Athena's refusal of a WHERE or HAVING test whose
// type is unknown, and the two-row source and the untyped value (`element_at` of an empty array) those tests read.
export const REFUSED = /COMPILER_ERROR: argumentType unknown should not be UNKNOWN: Athena cannot compile a WHERE or HAVING test/;
export const u = 'FROM UNNEST(sequence(1, 2)) u(y)';
export const e = 'element_at(ARRAY[], y)';
