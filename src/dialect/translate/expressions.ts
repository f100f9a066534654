// The expression rewriter: walks the token tree, renders calls through the function table (functions.ts), typed
// literals, lambdas and operators whose DuckDB meaning differs (`/`, `%`, `± INTERVAL`, `AT TIME ZONE`). Text it does
// not rewrite is emitted byte for byte.
import type { Diagnostic } from '../diagnostics.js';
import { keyword, stringValue, type Token } from '../tokens.js';
import { FUNCTIONS, type CallContext } from './functions.js';
import { firstToken, isCase, isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';

type PartKind = 'trivia' | 'operand' | 'op' | 'boundary' | 'dot' | 'subscript';

interface Part {
  kind: PartKind;
  text: string;
  /** For 'op' parts: the operator. */
  op?: string;
  /** An `INTERVAL '…' unit` literal. */
  interval?: boolean;
}

/** Words that end an operand; anything else bare is an identifier. */
const RESERVED = new Set(
  ('SELECT FROM WHERE GROUP BY HAVING ORDER LIMIT OFFSET UNION ALL DISTINCT INTERSECT EXCEPT JOIN INNER LEFT RIGHT ' +
    'FULL OUTER CROSS NATURAL ON USING AS AND OR NOT IS IN LIKE ESCAPE BETWEEN WHEN THEN ELSE END WITH RECURSIVE ' +
    'VALUES OVER PARTITION ROWS RANGE GROUPS FILTER WITHIN ASC DESC NULLS FIRST LAST LATERAL ORDINALITY TABLESAMPLE ' +
    'FETCH NEXT ONLY PRECEDING FOLLOWING CURRENT UNBOUNDED SET UPDATE DELETE MERGE MATCHED INSERT INTO TABLE CREATE ' +
    'DROP ALTER VIEW EXISTS CUBE ROLLUP GROUPING SETS AT SOME ANY').split(' '),
);
const TYPED_LITERAL = new Set(['TIMESTAMP', 'DATE', 'TIME', 'INTERVAL', 'DECIMAL', 'NUMERIC', 'DOUBLE', 'REAL', 'JSON', 'BIGINT', 'INTEGER', 'VARCHAR', 'CHAR', 'TINYINT', 'SMALLINT', 'BOOLEAN']);
const INTERVAL_UNITS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'WEEK', 'QUARTER']);
// FILTER, LEFT and RIGHT are also functions: `filter(a, x -> …)`, `left(s, 3)`.
const NOT_A_CALL = new Set([...RESERVED, 'CASE'].filter((w) => w !== 'FILTER' && w !== 'LEFT' && w !== 'RIGHT'));
const ZONED_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)\s*(UTC|Z|[+-]\d{2}:?\d{2}|[A-Za-z]+\/[A-Za-z_/+-]+)$/;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export class ExpressionRewriter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly position: (t: Token) => { line: number; col: number } = (t) => t) {}

  report(at: Token, rule: string, message: string, hint?: string): void {
    this.diagnostics.push({ severity: 'error', rule: `unfaithful/${rule}`, message, hint, ...this.position(at) });
  }

  /** Renders a sequence of sibling nodes. */
  render(items: readonly Node[]): string {
    const parts: Part[] = [];
    for (let i = 0; i < items.length; i++) i += this.renderNode(items, i, parts);
    rewriteOperators(parts);
    return parts.map((p) => p.text).join('');
  }

  /** Renders a sequence as one argument: a lambda `x -> …` / `(x, y) -> …` becomes DuckDB's `lambda x, y: …`. */
  renderArgument(items: readonly Node[]): string {
    const m = meaningful(items);
    const arrow = m[1];
    if (arrow && arrow.kind === 'token' && arrow.token.text === '->') {
      const params = isParen(m[0]) ? meaningful(m[0].items).filter((n) => nodeText(n) !== ',').map(nodeText) : [nodeText(m[0])];
      const start = items.indexOf(m[0]);
      const body = items.slice(items.indexOf(arrow) + 1);
      return `${items.slice(0, start).map(nodeText).join('')}lambda ${params.join(', ')}:${this.render(body)}`;
    }
    return this.render(items);
  }

  /** Appends the part(s) for items[i]; returns how many further items it consumed. */
  private renderNode(items: readonly Node[], i: number, parts: Part[]): number {
    const node = items[i];
    if (node.kind === 'group') {
      if (isCase(node)) parts.push({ kind: 'operand', text: `${node.open.text}${this.render(node.items)}${node.close?.text ?? ''}` });
      else if (node.open.text === '[') {
        const prev = lastMeaningful(parts);
        const subscript = prev !== undefined && (prev.kind === 'operand' || prev.kind === 'subscript');
        parts.push({ kind: subscript ? 'subscript' : 'operand', text: `[${this.render(node.items)}${node.close?.text ?? ''}` });
      } else parts.push({ kind: 'operand', text: `(${this.render(node.items)}${node.close?.text ?? ''}` });
      return 0;
    }
    const t = node.token;
    switch (t.kind) {
      case 'ws':
      case 'comment':
        parts.push({ kind: 'trivia', text: t.text });
        return 0;
      case 'string':
      case 'number':
      case 'quoted':
      case 'variable':
      case 'dollar':
        parts.push({ kind: 'operand', text: t.text });
        return 0;
      case 'punct':
        parts.push({ kind: t.text === '.' ? 'dot' : 'boundary', text: t.text });
        return 0;
      case 'op':
        parts.push({ kind: 'op', text: t.text, op: t.text });
        return 0;
    }
    // a word
    const word = keyword(t);
    const nextIndex = nextMeaningful(items, i);
    const next = nextIndex < 0 ? undefined : items[nextIndex];
    const prev = lastMeaningful(parts);
    const qualified = prev?.kind === 'dot';
    if (!qualified && isParen(next) && !NOT_A_CALL.has(word)) {
      const tail = aggregateTail(items, nextIndex);
      const text = this.renderCall(t, next, tail.nodes);
      parts.push({ kind: 'operand', text });
      return tail.end - i;
    }
    if (!qualified && TYPED_LITERAL.has(word) && next?.kind === 'token' && next.token.kind === 'string') {
      return this.renderTypedLiteral(items, i, nextIndex, parts);
    }
    if (!qualified && word === 'ARRAY' && isParen(next, '[')) {
      parts.push({ kind: 'operand', text: `${t.text}[${this.render(next.items)}]` });
      return nextIndex - i;
    }
    if (!qualified && (word === 'CURRENT_TIMESTAMP' || word === 'LOCALTIMESTAMP')) {
      parts.push({ kind: 'operand', text: word === 'CURRENT_TIMESTAMP' ? 'trino_now()' : 'CAST(trino_now().trino_wall AS TIMESTAMP)' });
      return 0;
    }
    if (word === 'AT' && nodeKeyword(next) === 'TIME') {
      const zoneIndex = nextMeaningful(items, nextIndex);
      if (nodeKeyword(items[zoneIndex]) === 'ZONE') {
        parts.push({ kind: 'op', text: 'AT TIME ZONE', op: 'AT TIME ZONE' });
        return zoneIndex - i;
      }
    }
    parts.push({ kind: RESERVED.has(word) ? 'boundary' : 'operand', text: t.text });
    return 0;
  }

  private renderTypedLiteral(items: readonly Node[], i: number, stringIndex: number, parts: Part[]): number {
    const t = firstToken(items[i]);
    const literal = firstToken(items[stringIndex]);
    const value = stringValue(literal);
    const word = keyword(t);
    if (word === 'INTERVAL') {
      let end = stringIndex;
      let text = `INTERVAL ${literal.text}`;
      for (;;) {
        const k = nextMeaningful(items, end);
        const unit = nodeKeyword(items[k]);
        if (INTERVAL_UNITS.has(unit) || unit === 'TO') {
          text += ` ${unit}`;
          end = k;
        } else break;
      }
      if (text.includes(' TO ')) this.report(t, 'interval-range', 'INTERVAL … TO … literals are not supported locally', "write INTERVAL '1' DAY + INTERVAL '2' HOUR");
      parts.push({ kind: 'operand', text, interval: true });
      return end - i;
    }
    let text = `${t.text} ${literal.text}`;
    if (word === 'TIMESTAMP') {
      const zoned = ZONED_TIMESTAMP.exec(value.trim());
      if (zoned) text = `trino_tz_from_wall(TIMESTAMP ${sqlString(zoned[1])}, ${sqlString(normalizeZone(zoned[2]))})`;
    } else if (word === 'DECIMAL' || word === 'NUMERIC') {
      const digits = value.trim().replace(/^[-+]/, '');
      const [int, frac = ''] = digits.split('.');
      const scale = frac.length;
      const precision = Math.max(1, int.replace(/^0+/, '').length + scale);
      text = `CAST(${literal.text} AS DECIMAL(${precision}, ${scale}))`;
    } else if (word !== 'DATE' && word !== 'TIME') {
      text = `CAST(${literal.text} AS ${word === 'REAL' ? 'FLOAT' : word})`;
    }
    parts.push({ kind: 'operand', text });
    return stringIndex - i;
  }

  private renderCall(name: Token, group: GroupNode, tail: Node[]): string {
    const args = splitArgs(group.items);
    const lower = name.text.toLowerCase();
    const handler = FUNCTIONS[lower];
    const renderedTail = tail.map((n) => (n.kind === 'group' ? `(${this.render(n.items)})` : nodeText(n))).join('');
    const close = group.close?.text ?? '';
    const ctx: CallContext = {
      name,
      args,
      group,
      arg: (k) => this.renderArgument(args[k] ?? []).trim(),
      all: () => args.map((a) => this.renderArgument(a)).join(','),
      tail: renderedTail,
      report: (rule, message, hint) => this.report(name, rule, message, hint),
      render: (nodes) => this.render(nodes),
    };
    if (handler) {
      const out = handler(ctx);
      if (out !== undefined) return out;
    }
    return `${name.text}(${ctx.all()}${close}${renderedTail}`;
  }
}

function normalizeZone(zone: string): string {
  if (zone === 'Z' || zone === 'UTC' || zone === '+00:00' || zone === '+0000') return 'UTC';
  if (/^[+-]\d{4}$/.test(zone)) return `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return zone;
}

function nextMeaningful(items: readonly Node[], i: number): number {
  for (let k = i + 1; k < items.length; k++) if (!isTriviaNode(items[k])) return k;
  return -1;
}

function lastMeaningful(parts: readonly Part[]): Part | undefined {
  for (let k = parts.length - 1; k >= 0; k--) if (parts[k].kind !== 'trivia') return parts[k];
  return undefined;
}

/** `FILTER (WHERE …)` and `OVER (…)` / `OVER w` after an aggregate call: they belong to the call. */
function aggregateTail(items: readonly Node[], callIndex: number): { nodes: Node[]; end: number } {
  let end = callIndex;
  for (;;) {
    const k = nextMeaningful(items, end);
    const word = nodeKeyword(items[k]);
    if (word !== 'FILTER' && word !== 'OVER') break;
    const arg = nextMeaningful(items, k);
    if (arg < 0 || !(isParen(items[arg]) || (word === 'OVER' && items[arg].kind === 'token'))) break;
    end = arg;
  }
  return { nodes: items.slice(callIndex + 1, end + 1), end };
}

// --- operators -------------------------------------------------------------------------------------------------

const isOperandLike = (p: Part | undefined) => p !== undefined && (p.kind === 'operand' || p.kind === 'subscript');

function prevIndex(parts: readonly Part[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (parts[k].kind !== 'trivia') return k;
  return -1;
}

function nextIndexOf(parts: readonly Part[], i: number): number {
  for (let k = i + 1; k < parts.length; k++) if (parts[k].kind !== 'trivia') return k;
  return -1;
}

/** Start of the primary expression ending at `end` (an operand with its `.field` chain and `[…]` subscripts). */
function primaryStart(parts: readonly Part[], end: number): number {
  let k = end;
  while (k >= 0 && parts[k].kind === 'subscript') k = prevIndex(parts, k);
  if (k < 0 || parts[k].kind !== 'operand') return -1;
  for (;;) {
    const dot = prevIndex(parts, k);
    if (dot < 0 || parts[dot].kind !== 'dot') return k;
    const before = prevIndex(parts, dot);
    if (before < 0 || parts[before].kind !== 'operand') return k;
    k = before;
  }
}

/** End of the primary expression starting at `start`, with a leading unary sign. */
function primaryEnd(parts: readonly Part[], start: number): number {
  let k = start;
  while (k >= 0 && parts[k].kind === 'op' && (parts[k].op === '-' || parts[k].op === '+')) k = nextIndexOf(parts, k);
  if (k < 0 || parts[k].kind !== 'operand') return -1;
  for (;;) {
    const n = nextIndexOf(parts, k);
    if (n >= 0 && parts[n].kind === 'subscript') k = n;
    else if (n >= 0 && parts[n].kind === 'dot' && parts[nextIndexOf(parts, n)]?.kind === 'operand') k = nextIndexOf(parts, n);
    else return k;
  }
}

const isUnarySign = (parts: readonly Part[], k: number) =>
  parts[k]?.kind === 'op' && (parts[k].op === '-' || parts[k].op === '+') && !isOperandLike(parts[prevIndex(parts, k)]);

function leftOperandStart(parts: readonly Part[], opIndex: number, joiners: ReadonlySet<string>): number {
  let start = primaryStart(parts, prevIndex(parts, opIndex));
  while (start >= 0) {
    const p = prevIndex(parts, start);
    if (p >= 0 && isUnarySign(parts, p)) return p;
    if (p < 0 || parts[p].kind !== 'op' || !joiners.has(parts[p].op ?? '')) return start;
    const s = primaryStart(parts, prevIndex(parts, p));
    if (s < 0) return start;
    start = s;
  }
  return start;
}

const joinParts = (parts: readonly Part[], from: number, to: number) =>
  parts
    .slice(from, to + 1)
    .map((p) => p.text)
    .join('');

function replace(parts: Part[], from: number, to: number, text: string): void {
  parts.splice(from, to - from + 1, { kind: 'operand', text });
}

const MULTIPLICATIVE = new Set(['*', '/', '%']);
const ADDITIVE = new Set(['*', '/', '%', '+', '-']);

function rewriteOperators(parts: Part[]): void {
  // AT TIME ZONE binds tighter than any arithmetic.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].op !== 'AT TIME ZONE') continue;
    const l = primaryStart(parts, prevIndex(parts, i));
    const r = primaryEnd(parts, nextIndexOf(parts, i));
    if (l < 0 || r < 0) continue;
    replace(parts, l, r, `trino_at_time_zone(${joinParts(parts, l, prevIndex(parts, i))}, ${joinParts(parts, nextIndexOf(parts, i), r)})`);
    i = l;
  }
  // Integer division by zero must fail and decimal division must stay decimal: `/` and `%` become shims.
  for (let i = 0; i < parts.length; i++) {
    const op = parts[i].op;
    if (parts[i].kind !== 'op' || (op !== '/' && op !== '%')) continue;
    const l = leftOperandStart(parts, i, MULTIPLICATIVE);
    const r = primaryEnd(parts, nextIndexOf(parts, i));
    if (l < 0 || r < 0) continue;
    const fn = op === '/' ? 'trino_divide' : 'trino_modulus';
    replace(parts, l, r, `${fn}(${joinParts(parts, l, prevIndex(parts, i))}, ${joinParts(parts, nextIndexOf(parts, i), r)})`);
    i = l;
  }
  // DATE ± INTERVAL stays a DATE.
  for (let i = 0; i < parts.length; i++) {
    const op = parts[i].op;
    if (parts[i].kind !== 'op' || (op !== '+' && op !== '-')) continue;
    const n = nextIndexOf(parts, i);
    if (n < 0 || !parts[n].interval || !isOperandLike(parts[prevIndex(parts, i)])) continue;
    const l = leftOperandStart(parts, i, ADDITIVE);
    if (l < 0) continue;
    const fn = op === '+' ? 'trino_plus_interval' : 'trino_minus_interval';
    replace(parts, l, n, `${fn}(${joinParts(parts, l, prevIndex(parts, i))}, ${parts[n].text})`);
    i = l;
  }
}
