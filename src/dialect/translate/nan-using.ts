// `a JOIN b USING (k)` of double or real keys: Trino 476 joins no NaN key (NaN = NaN is false), where DuckDB's hash
// join matches NaN with NaN. The ON form has its guard (nan-forms.ts: a NaN key becomes NULL, one per side); USING
// has no expression to guard, so the right relation is read through a projection of its keys. Inner and LEFT joins read
// a NaN key there as NULL (trino_nan_null): it matches nothing, and the merged key is the left side's. A RIGHT or FULL
// join would show that NULL as the merged key of a right row without match, where Trino shows NaN, so a NaN key on
// the right fails there instead. A zoned key is refused (trino_using_key): Trino joins it by instant. Keys of other
// types fold to the column itself while DuckDB binds.
import type { Part } from './operators.js';

const COLUMN_LIST = /^\(\s*((?:"(?:[^"]|"")+"|\w+)(?:\s*,\s*(?:"(?:[^"]|"")+"|\w+))*)\s*\)$/;
const ALIAS = /^("(?:[^"]|"")+"|[A-Za-z_]\w*)\s*(?:\([^()]*\))?$/;

const word = (p: Part | undefined) => (p?.kind === 'boundary' ? p.text.toUpperCase() : '');

const keyGuard = (column: string, outer: boolean) => `${outer ? 'trino_using_outer_key' : 'trino_using_key'}(${column})`;

/** Rewrites the right relation of each `JOIN relation USING (k, …)` among the parts of one query level. */
export function guardNanUsingJoins(parts: Part[]): void {
  const meaningful = parts.map((p, k) => (p.kind === 'trivia' ? -1 : k)).filter((k) => k >= 0);
  for (let n = meaningful.length - 1; n >= 0; n--) {
    const using = meaningful[n];
    const list = COLUMN_LIST.exec(parts[meaningful[n + 1]]?.text.trim() ?? '');
    if (word(parts[using]) !== 'USING' || !list) continue;
    let j = n - 1;
    while (j >= 0 && (parts[meaningful[j]].kind !== 'boundary' || word(parts[meaningful[j]]) === 'AS')) j--;
    // The relation: operands, dots and AS between JOIN and USING; its alias is the last name (before a column list).
    if (j < 0 || word(parts[meaningful[j]]) !== 'JOIN' || j === n - 1) continue;
    const relation = meaningful.slice(j + 1, n).map((k) => parts[k]);
    if (relation.some((p) => p.kind === 'boundary' && word(p) !== 'AS') || /^(?:LATERAL|UNNEST)\b/i.test(relation[0].text)) continue;
    // `… b`, `… AS b`, `… b(x, w)` (rendered as one part, like a call).
    const alias = ALIAS.exec(relation[relation.length - 1].text.trim())?.[1];
    if (alias === undefined || (relation.length === 1 && relation[0].text.trim().startsWith('('))) continue;
    let type = j - 1;
    if (word(parts[meaningful[type]]) === 'OUTER') type--;
    const outer = word(parts[meaningful[type]]) === 'RIGHT' || word(parts[meaningful[type]]) === 'FULL';
    const columns = list[1].split(',').map((c) => c.trim());
    const text = parts
      .slice(meaningful[j + 1], meaningful[n - 1] + 1)
      .map((p) => p.text)
      .join('');
    const replaced = columns.map((c) => `${keyGuard(c, outer)} AS ${c}`).join(', ');
    parts.splice(meaningful[j + 1], meaningful[n - 1] - meaningful[j + 1] + 1, {
      kind: 'operand',
      text: `(SELECT * REPLACE (${replaced}) FROM ${text}) AS ${alias}`,
    });
    n = j;
  }
}
