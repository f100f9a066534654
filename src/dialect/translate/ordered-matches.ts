// any_match, all_match and none_match in Trino 476 walk the elements in order and stop at the first one that decides
// (any_match and none_match at a true predicate, all_match at a false one; ArrayAnyMatchFunction &c.), so an element
// after it is never evaluated: `any_match(ARRAY[5, 0], x -> 10 / x > 1)` is true there, also under try(). DuckDB's
// list_transform evaluates every element: the division by zero failed ("Division by zero"; NULL under try()).
//
// Each element's predicate is evaluated under DuckDB's TRY as a code (1 true, 2 false, 3 NULL; a failure NULL), which
// costs about the plain list_transform where nothing fails (a list_reduce that stops was 10-20 times slower). Where
// the first failure comes before the first deciding element, the failing element is evaluated again without TRY,
// which raises its own error (and list_bool_or there keeps DuckDB's bind error for a body that is not a boolean, as
// the plain form had). A body DuckDB's TRY refuses (an aggregate, a random draw: "TRY can not be used in combination
// with a volatile function") keeps the plain form, every element evaluated; so does a body that cannot fail (names,
// literals, comparisons, AND/OR/NOT, IS [NOT] NULL/DISTINCT FROM, BETWEEN, IN lists, LIKE), at the plain form's cost.
import { keyword } from '../tokens.js';
import type { CallContext, CallHandler } from './functions.js';
import { isParen, meaningful, type Node } from './tree.js';
import { hasAggregate } from './unbound.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
/** Words that change what a name or literal beside them means, with a failure of their own (a zone, an escape). */
const FAILING_WORDS = new Set(['AT', 'ESCAPE', 'INTERVAL', 'CASE']);

/** Words after which a `-` or `+` is a sign, not an operator. */
const BEFORE_SIGN = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'LIKE', 'THEN', 'ELSE', 'WHEN']);

/** Whether m[i] is the sign of a number literal (`x < -1`), which cannot fail as a subtraction can (overflow). */
function signedLiteral(m: readonly Node[], i: number): boolean {
  const [before, sign, after] = [m[i - 1], m[i], m[i + 1]];
  if (sign?.kind !== 'token' || (sign.token.text !== '-' && sign.token.text !== '+')) return false;
  if (after?.kind !== 'token' || after.token.kind !== 'number') return false;
  return (
    before === undefined || (before.kind === 'token' && (before.token.kind === 'op' || before.token.text === ',' || BEFORE_SIGN.has(keyword(before.token))))
  );
}

/**
 * Whether a lambda body (Trino's text) cannot fail for any element: no call (a word before `(` other than IN), no
 * subscript, operator other than a comparison, typed literal (`DATE '…'`), zone or escape.
 */
export function cannotFail(nodes: readonly Node[]): boolean {
  const m = meaningful(nodes);
  return m.every((n, i) => {
    const next = m[i + 1];
    if (n.kind === 'group') return isParen(n) && cannotFail(n.items);
    const { kind, text } = n.token;
    if (kind === 'op') return COMPARISONS.has(text) || signedLiteral(m, i);
    if (kind === 'punct') return text === ',' || text === '.';
    if (kind === 'word') {
      if (next?.kind === 'group') return keyword(n.token) === 'IN';
      return !FAILING_WORDS.has(keyword(n.token)) && !(next?.kind === 'token' && next.token.kind === 'string');
    }
    return kind === 'quoted' || kind === 'string' || kind === 'number';
  });
}

/** Calls DuckDB marks volatile, which TRY refuses (trino_random, Trino's rand/random/uuid/shuffle, error). */
export const VOLATILE_CALL = /(?:random|rand|uuid|shuffle|\berror|nextval|setseed)\s*\(/i;

interface MatchRule {
  /** The code of the deciding predicate value: 1 (true) or 2 (false). */
  decider: 1 | 2;
  /** The answer at the deciding element, and where none decides and no predicate is NULL. */
  decided: boolean;
}

const RULES: Readonly<Record<string, MatchRule>> = {
  any_match: { decider: 1, decided: true },
  all_match: { decider: 2, decided: false },
  none_match: { decider: 1, decided: false },
};

/** The plain form: every element evaluated (trino_any_match &c. in macros.ts read the list of predicate values). */
const everyElement = (name: string, c: CallContext) => `trino_${name}(list_transform(${c.all()}))${c.tail}`;

/** The DuckDB text of `name(a, x -> p)` evaluated as Trino does, in order up to the deciding element. */
export function orderedMatch(name: keyof typeof RULES): CallHandler {
  const { decider, decided } = RULES[name];
  return (c) => {
    const lambda = c.args.length === 2 ? /^lambda\s+([^,:]+):\s*([\s\S]*)$/.exec(c.arg(1)) : null;
    const arrow = meaningful(c.args[1] ?? []).findIndex((n) => n.kind === 'token' && n.token.text === '->');
    if (!lambda || cannotFail(meaningful(c.args[1]).slice(arrow + 1)) || hasAggregate(lambda[2]) || VOLATILE_CALL.test(lambda[2])) return everyElement(name, c);
    const [, x, body] = lambda;
    const array = `(${c.arg(0)})`;
    const codes = `list_transform(${array}, lambda ${x}: TRY(coalesce(list_position([true, false], ${body}), 3)))`;
    const failed = 'list_position(trino_codes, NULL)';
    const deciding = `list_position(trino_codes, ${decider})`;
    const raised = `list_bool_or(list_transform([${array}[${failed}]], lambda ${x}: ${body}))`;
    return `list_transform([${codes}], lambda trino_codes: CASE WHEN trino_codes IS NULL THEN NULL
      WHEN ${failed} < coalesce(${deciding}, 2147483647) THEN ${raised}
      WHEN ${deciding} > 0 THEN ${decided} WHEN list_contains(trino_codes, 3) THEN NULL ELSE ${!decided} END)[1]${c.tail}`;
  };
}
