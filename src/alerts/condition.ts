// Alert conditions: a tiny expression language over one result row, parsed once and evaluated without eval().
//
//   count > 10            negative_share >= 0.2 and total >= 50        rows > 0          status = 'FAILED'
//
// Names are result columns (matched case-insensitively, as Athena lower-cases them) plus `rows`, the number of rows
// the query returned. Operators: or, and, not, = == != <> < <= > >=, is [not] null, + - * /, parentheses. Literals:
// numbers, 'strings', true, false, null. A comparison involving NULL is not true (as in SQL), so a missing value never
// fires an alert.
import { LakeError } from '../errors.js';
import type { SqlValue } from '../engines/engine.js';

export type Scalar = number | string | boolean | null;

type Node =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'name'; name: string }
  | { kind: 'not'; operand: Node }
  | { kind: 'negate'; operand: Node }
  | { kind: 'isNull'; operand: Node; negated: boolean }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export interface Condition {
  readonly text: string;
  /** Names the condition reads (besides `rows`), lower case. */
  readonly names: readonly string[];
  /**
   * True when the condition holds for `row` in a result of `rowCount` rows. With no rows, pass every column as NULL:
   * a typo in a name is still reported, and comparisons are not true.
   */
  holds(row: Readonly<Record<string, SqlValue>>, rowCount: number): boolean;
}

export class ConditionError extends LakeError {
  override readonly name: string = 'ConditionError';
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|('(?:[^']|'')*')|([A-Za-z_][A-Za-z0-9_]*|"(?:[^"]|"")+")|(==|!=|<>|<=|>=|[=<>()+\-*/]))/y;

interface Token {
  kind: 'number' | 'string' | 'word' | 'op';
  text: string;
  at: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) {
      const bad = at + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);
      throw new ConditionError(`unexpected '${text[bad]}' at column ${bad + 1} of condition '${text}'`);
    }
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4]).length;
    if (m[1]) tokens.push({ kind: 'number', text: m[1], at: start });
    else if (m[2]) tokens.push({ kind: 'string', text: m[2], at: start });
    else if (m[3]) tokens.push({ kind: 'word', text: m[3], at: start });
    else tokens.push({ kind: 'op', text: m[4], at: start });
    at = TOKEN.lastIndex;
  }
  return tokens;
}

const COMPARISONS = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>=']);

/** Recursive descent over the grammar in the file comment. */
class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): Node {
    if (this.tokens.length === 0) throw new ConditionError('empty condition');
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra) throw this.error(`unexpected '${extra.text}'`, extra);
    return node;
  }

  private error(message: string, at?: Token): ConditionError {
    const where = at ? ` at column ${at.at + 1}` : ' at the end';
    return new ConditionError(`${message}${where} of condition '${this.text}'`);
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && ops.includes(t.text) ? t.text : undefined;
  }

  private or(): Node {
    let left = this.and();
    while (this.peekWord('or')) {
      this.pos++;
      left = { kind: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    while (this.peekWord('and')) {
      this.pos++;
      left = { kind: 'binary', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Node {
    if (this.peekWord('not')) {
      this.pos++;
      return { kind: 'not', operand: this.not() };
    }
    return this.comparison();
  }

  private comparison(): Node {
    const left = this.sum();
    const t = this.tokens[this.pos];
    if (t?.kind === 'op' && COMPARISONS.has(t.text)) {
      this.pos++;
      return { kind: 'binary', op: t.text, left, right: this.sum() };
    }
    if (this.peekWord('is')) {
      this.pos++;
      const negated = this.peekWord('not');
      if (negated) this.pos++;
      if (!this.peekWord('null')) throw this.error("expected NULL after IS", this.tokens[this.pos]);
      this.pos++;
      return { kind: 'isNull', operand: left, negated };
    }
    return left;
  }

  private sum(): Node {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Node {
    let left = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.peekOp('-')) {
      this.pos++;
      return { kind: 'negate', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.tokens[this.pos];
    if (!t) throw this.error('expected a value');
    this.pos++;
    if (t.kind === 'number') return { kind: 'literal', value: Number(t.text) };
    if (t.kind === 'string') return { kind: 'literal', value: t.text.slice(1, -1).replaceAll("''", "'") };
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.or();
      if (!this.peekOp(')')) throw this.error("expected ')'", this.tokens[this.pos]);
      this.pos++;
      return inner;
    }
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      if (['and', 'or', 'not', 'is'].includes(lower)) throw this.error(`unexpected '${t.text}'`, t);
      const name = t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text;
      return { kind: 'name', name: name.toLowerCase() };
    }
    throw this.error(`unexpected '${t.text}'`, t);
  }
}

/** Result values as condition scalars: BIGINT and DECIMAL become numbers, arrays/maps are not comparable. */
function toScalar(value: SqlValue | undefined): Scalar {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** A string holding a number (Athena DECIMAL) compares numerically with a number. */
function comparable(a: Scalar, b: Scalar): [Scalar, Scalar] {
  const numeric = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
  if (typeof a === 'number' && typeof b === 'string' && numeric(b)) return [a, Number(b)];
  if (typeof b === 'number' && typeof a === 'string' && numeric(a)) return [Number(a), b];
  return [a, b];
}

function compare(op: string, left: Scalar, right: Scalar): boolean | null {
  if (left === null || right === null) return null;
  const [a, b] = comparable(left, right) as [number | string | boolean, number | string | boolean];
  if (typeof a !== typeof b) throw new ConditionError(`cannot compare ${typeof a} ${JSON.stringify(a)} with ${typeof b} ${JSON.stringify(b)}`);
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function arithmetic(op: string, left: Scalar, right: Scalar): Scalar {
  if (left === null || right === null) return null;
  const [a, b] = comparable(left, right);
  if (typeof a !== 'number' || typeof b !== 'number') throw new ConditionError(`'${op}' needs numbers, got ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  return b === 0 ? null : a / b;
}

function evaluate(node: Node, lookup: (name: string) => Scalar): Scalar {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      return lookup(node.name);
    case 'not': {
      const v = evaluate(node.operand, lookup);
      return v === null ? null : !v;
    }
    case 'negate': {
      const v = evaluate(node.operand, lookup);
      return v === null ? null : arithmetic('-', 0, v);
    }
    case 'isNull':
      return (evaluate(node.operand, lookup) === null) !== node.negated;
    case 'binary': {
      if (node.op === 'and' || node.op === 'or') {
        // Kleene logic, as SQL: false AND null = false, true OR null = true.
        const l = evaluate(node.left, lookup);
        const r = evaluate(node.right, lookup);
        if (node.op === 'and') return l === false || r === false ? false : l === null || r === null ? null : Boolean(l && r);
        return l === true || r === true ? true : l === null || r === null ? null : Boolean(l || r);
      }
      const l = evaluate(node.left, lookup);
      const r = evaluate(node.right, lookup);
      return COMPARISONS.has(node.op) ? compare(node.op, l, r) : arithmetic(node.op, l, r);
    }
  }
}

function collectNames(node: Node, into: Set<string>): void {
  if (node.kind === 'name') into.add(node.name);
  else if (node.kind === 'binary') {
    collectNames(node.left, into);
    collectNames(node.right, into);
  } else if (node.kind !== 'literal') collectNames(node.operand, into);
}

/** Parses a condition; throws ConditionError naming the column of the problem. */
export function parseCondition(text: string): Condition {
  const tree = new Parser(tokenize(text), text).parse();
  const names = new Set<string>();
  collectNames(tree, names);
  names.delete('rows');
  return {
    text,
    names: [...names],
    holds(row, rowCount) {
      const columns = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
      const lookup = (name: string): Scalar => {
        if (name === 'rows') return rowCount;
        if (!columns.has(name)) {
          throw new ConditionError(`condition '${text}' reads '${name}', which is not a column of the result (columns: ${[...columns.keys()].join(', ') || 'none'})`);
        }
        return toScalar(columns.get(name));
      };
      return evaluate(tree, lookup) === true;
    },
  };
}
