// A window name that is also an output alias (`sum(i) OVER v AS v … WINDOW v AS (…)`): the alias qualifier
// (lateral-aliases.ts) took the name after OVER for a column and wrote `OVER t.v` (DuckDB: window "t" does not exist).
// Values and types are the shared Trino 476's answers.
import { describeFunctions } from './harness.js';

const T = 'FROM (VALUES (1, 5), (2, 6)) t(i, v)';

describeFunctions('window names shared with output aliases', [
  ['OVER v AS v', `WITH q AS (SELECT 1) SELECT sum(i) OVER v AS v ${T} WINDOW v AS (ORDER BY i) ORDER BY v DESC`, 3, 'bigint'],
  ['OVER (v ORDER BY …) AS v', `WITH q AS (SELECT 1) SELECT rank() OVER (v ORDER BY i) AS v ${T} WINDOW v AS (PARTITION BY i)`, 1, 'bigint'],
  ['the input column v beside the window v', `WITH q AS (SELECT 1) SELECT max(i) OVER v AS x, v AS v ${T} WINDOW v AS () ORDER BY v DESC`, 2, 'integer'],
]);
