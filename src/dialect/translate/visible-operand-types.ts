// Operands whose type the SQL shows and Trino 476 does not take, where DuckDB casts or concatenates and answers:
// - a string literal given to arithmetic or a numeric function (`'5' * 2`, `sqrt('4')`, `power('2', 3)`: Trino has no
//   implicit cast from varchar to a number: "Cannot apply operator: varchar(1) * integer", FUNCTION_NOT_FOUND
//   "Unexpected parameters (varchar(1)) for function sqrt"; DuckDB casts the literal);
// - an array or map in arithmetic (`ARRAY[1] + ARRAY[2]`: "Cannot apply operator: array(integer) + array(integer)";
//   DuckDB's add() concatenates lists);
// - cardinality() of a value visibly not an array or map (`cardinality('abc')`: FUNCTION_NOT_FOUND; DuckDB's JSON
//   length gives 0). Refused here, from the text: no check is added to the SQL, so binding costs nothing (a type check
//   inside cardinality's macro made a comparator over cardinality() bind for 25 s).
import { keyword, stringValue, type Token } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';
import type { Report } from './within-group.js';

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

/** Words before a string literal that make it a typed literal (`DATE '…'`, `INTERVAL '1' DAY`) or a zone name. */
const TYPED_LITERAL_WORDS = new Set([
  'DATE',
  'TIME',
  'TIMESTAMP',
  'INTERVAL',
  'DECIMAL',
  'NUMERIC',
  'REAL',
  'DOUBLE',
  'PRECISION',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'INT',
  'BIGINT',
  'JSON',
  'VARCHAR',
  'CHAR',
  'UUID',
  'IPADDRESS',
  'VARBINARY',
  'BOOLEAN',
  'ZONE',
]);

/** Trino's numeric functions: none takes a varchar argument. */
const NUMERIC_FUNCTIONS = new Set([
  'abs',
  'acos',
  'asin',
  'atan',
  'atan2',
  'bitwise_and',
  'bitwise_not',
  'bitwise_or',
  'bitwise_xor',
  'bitwise_left_shift',
  'bitwise_right_shift',
  'bitwise_right_shift_arithmetic',
  'cbrt',
  'ceil',
  'ceiling',
  'cos',
  'cosh',
  'degrees',
  'exp',
  'floor',
  'is_finite',
  'is_infinite',
  'is_nan',
  'ln',
  'log',
  'log10',
  'log2',
  'mod',
  'pow',
  'power',
  'radians',
  'round',
  'sign',
  'sin',
  'sinh',
  'sqrt',
  'tan',
  'tanh',
  'truncate',
  'width_bucket',
]);

/** A plain string literal (not `X'…'`), its varchar(n) as Trino types it; undefined for anything else. */
function stringLiteralType(node: Node | undefined, before: Node | undefined): string | undefined {
  if (node?.kind !== 'token' || node.token.kind !== 'string' || /^[xu]/i.test(node.token.text)) return undefined;
  if (TYPED_LITERAL_WORDS.has(nodeKeyword(before))) return undefined;
  return `varchar(${[...stringValue(node.token)].length})`;
}

const isOp = (n: Node | undefined): n is Node & { kind: 'token' } => n?.kind === 'token' && n.token.kind === 'op' && ARITHMETIC.has(n.token.text);

/** Whether `first second` starts (or ends) a value visibly an array or a map: `ARRAY[…]`, `MAP(…)`, a CAST to one. */
function visiblyCollection(first: Node | undefined, second: Node | undefined): boolean {
  const word = nodeKeyword(first);
  if (word === 'ARRAY' && isParen(second, '[')) return true;
  if (word === 'MAP' && isParen(second)) return true;
  if ((word === 'CAST' || word === 'TRY_CAST') && isParen(second)) {
    const inner = meaningful(second.items);
    const as = inner.map(nodeKeyword).lastIndexOf('AS');
    return as >= 0 && ['ARRAY', 'MAP'].includes(nodeKeyword(inner[as + 1]));
  }
  return false;
}

/** The argument of cardinality(): visibly a scalar (a literal that is not an array or map, a CAST to a scalar type). */
function visiblyScalarType(arg: readonly Node[]): string | undefined {
  const m = meaningful(arg);
  const [first, second] = m;
  if (m.length === 1 && first.kind === 'token') {
    if (first.token.kind === 'number') return 'number';
    if (first.token.kind === 'string') return stringLiteralType(first, undefined) ?? 'varbinary';
    if (['TRUE', 'FALSE'].includes(keyword(first.token))) return 'boolean';
  }
  if (m.length === 2 && second.kind === 'token' && second.token.kind === 'string' && TYPED_LITERAL_WORDS.has(nodeKeyword(first)))
    return nodeKeyword(first).toLowerCase();
  if (m.length === 2 && ['CAST', 'TRY_CAST'].includes(nodeKeyword(first)) && isParen(second)) {
    const inner = meaningful(second.items);
    const as = inner.map(nodeKeyword).lastIndexOf('AS');
    const type = nodeKeyword(inner[as + 1]);
    return as >= 0 && type !== '' && !['ARRAY', 'MAP', 'ROW', 'JSON'].includes(type) ? type.toLowerCase() : undefined;
  }
  return undefined;
}

/** Functions whose other arguments may be text: the positions that take a number only. */
const NUMERIC_ARGUMENTS: Record<string, readonly number[]> = { chr: [0], from_unixtime: [0], to_base: [0, 1], from_base: [1] };

function checkCall(name: Token, args: Node[][], report: Report): void {
  const fn = name.text.toLowerCase();
  const positions = NUMERIC_ARGUMENTS[fn];
  if (NUMERIC_FUNCTIONS.has(fn) || positions) {
    const texts = args.map((a, k) => {
      const m = meaningful(a);
      return m.length === 1 && (positions === undefined || positions.includes(k)) ? stringLiteralType(m[0], undefined) : undefined;
    });
    if (texts.some((t) => t !== undefined))
      report(
        name,
        'text-as-number',
        `${fn}() of a string literal: Athena has no implicit cast from varchar to a number (FUNCTION_NOT_FOUND: Unexpected parameters (${texts.map((t) => t ?? '…').join(', ')}) for function ${fn})`,
        "write the number, or CAST the text: CAST('4' AS double)",
      );
  }
  if (fn === 'cardinality' && args.length === 1) {
    const type = visiblyScalarType(args[0]);
    if (type !== undefined)
      report(
        name,
        'cardinality-argument',
        `cardinality() of a ${type}: Athena takes an array or a map only (FUNCTION_NOT_FOUND${type.startsWith('varchar(') ? `: Unexpected parameters (${type}) for function cardinality` : ''}); the local engine would answer 0`,
        'for the length of a text use length(s)',
      );
  }
}

/** Reports every operand above in `items` (recursively). */
export function refuseVisiblyMistypedOperands(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  for (let i = 0; i < m.length; i++) {
    const node = m[i];
    if (node.kind === 'group') {
      refuseVisiblyMistypedOperands(node.items, report);
      const name = m[i - 1];
      if (isParen(node) && name?.kind === 'token' && name.token.kind === 'word') checkCall(name.token, splitArgs(node.items), report);
      continue;
    }
    if (!isOp(node)) continue;
    // A binary operator: an operand follows it and one precedes it (a unary sign follows an operator or nothing).
    const before = m[i - 1];
    const after = m[i + 1];
    if (before === undefined || !isOperandEnd(before)) continue;
    const text = stringLiteralType(before, m[i - 2]) ?? stringLiteralType(after, undefined);
    if (text !== undefined) {
      report(
        node.token,
        'text-as-number',
        `Cannot apply operator ${node.token.text} to a ${text} literal: Athena has no implicit cast from varchar to a number or a date (TYPE_MISMATCH)`,
        "write the number or a typed literal (DATE '2025-01-01'), or CAST the text",
      );
      continue;
    }
    const collection = visiblyCollection(m[i - 2], before) || visiblyCollection(after, m[i + 2]);
    if (collection)
      report(
        node.token,
        'collection-arithmetic',
        `Cannot apply operator ${node.token.text} to an array or a map (Athena fails with TYPE_MISMATCH; the local engine would concatenate)`,
        'concatenate arrays with concat(a, b) or a || b',
      );
  }
}

/** Whether a token ends an operand: a name, a number, a string, a closing word (END is a group's close). */
function isOperandEnd(n: Node): boolean {
  if (n.kind !== 'token') return true;
  const kind = n.token.kind;
  if (kind === 'number' || kind === 'string' || kind === 'quoted') return true;
  return (
    kind === 'word' &&
    !['AND', 'OR', 'NOT', 'SELECT', 'WHERE', 'THEN', 'ELSE', 'WHEN', 'ON', 'BY', 'IN', 'IS', 'LIKE', 'BETWEEN', 'RETURN'].includes(keyword(n.token))
  );
}
