// How much SQL DuckDB binds for a call of a macro shim (issue 18). DuckDB expands a macro by writing its argument's
// text in place of every mention of the parameter, through nested macros too, so an argument is bound as many times
// as the expanded body mentions it: array_intersect's arrays 46 times each, array_sort's 40. Nested calls multiply:
// `array_intersect(x, array_sort(slice(y, -1, 2)))` bound its innermost argument ~18,000 times (seconds of binding,
// found by the random oracle). The translator binds a heavy argument once instead (translate/bind-once.ts); these
// weights say which arguments are heavy. They only guide that choice: an estimate, never a semantic fact.
import { sessionSetupStatements } from './index.js';

interface Overload {
  params: string[];
  body: string;
}

let overloads: Map<string, Overload[]> | undefined;
const mentionMemo = new Map<string, number>();
const sizeMemo = new Map<string, number>();

/** Index of the `)`, `]` or `}` that closes the bracket at `open` (quotes skipped), and the top-level pieces. */
function bracketed(text: string, open: number): { pieces: string[]; end: number } {
  const pieces: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) {
        pieces.push(text.slice(start, i));
        return { pieces, end: i + 1 };
      }
    } else if (c === ',' && depth === 1) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return { pieces, end: text.length };
}

/** `name(p…) AS body, (p…) AS body …` → its overloads (a typed parameter's name is its first word). */
function parseDefinition(definition: string): [string, Overload[]] | undefined {
  const head = /^CREATE OR REPLACE TEMP MACRO "?(\w+)"?\s*/.exec(definition);
  if (!head) return undefined;
  const found: Overload[] = [];
  let at = head[0].length;
  while (definition[at] === '(') {
    const { pieces, end } = bracketed(definition, at);
    const as = /^\s*AS\s+/i.exec(definition.slice(end));
    if (!as) break;
    const bodyAt = end + as[0].length;
    // The body runs to the next top-level `, (params) AS`, or to the end.
    let depth = 0;
    let stop = definition.length;
    for (let i = bodyAt; i < definition.length; i++) {
      const c = definition[i];
      if (c === "'" || c === '"') {
        const close = definition.indexOf(c, i + 1);
        i = close < 0 ? definition.length : close;
      } else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === ',' && depth === 0 && /^,\s*\([^()]*\)\s*AS\s/i.test(definition.slice(i, i + 400))) {
        stop = i;
        break;
      }
    }
    const params = pieces.map((p) => p.trim().split(/\s+/)[0]).filter((p) => p.length > 0);
    found.push({ params, body: definition.slice(bodyAt, stop) });
    at = stop + 1;
    while (definition[at] === ' ' || definition[at] === '\n') at++;
  }
  return [head[1].toLowerCase(), found];
}

function definitions(): Map<string, Overload[]> {
  overloads ??= new Map(
    sessionSetupStatements().flatMap((sql) => {
      const parsed = parseDefinition(sql);
      return parsed ? [parsed] : [];
    }),
  );
  return overloads;
}

const WORD = /[A-Za-z_]\w*/y;

/**
 * Walks `text`: `onWord` for each word outside quotes and outside macro calls, `onCall` for each call of a known
 * macro (its arguments' texts and its span).
 */
function walk(text: string, onWord: (word: string, before: string) => void, onCall: (name: string, args: string[], from: number, to: number) => void): number {
  let plain = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const next = close < 0 ? text.length : close + 1;
      plain += next - i;
      i = next;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) {
      plain++;
      i++;
      continue;
    }
    const word = m[0];
    const after = i + word.length;
    const name = word.toLowerCase();
    if (text[after] === '(' && definitions().has(name)) {
      const { pieces, end } = bracketed(text, after);
      onCall(name, pieces.length === 1 && pieces[0].trim() === '' ? [] : pieces, i, end);
      i = end;
      continue;
    }
    onWord(word, text[i - 1] ?? '');
    plain += word.length;
    i = after;
  }
  return plain;
}

/** Each outermost call of a known macro in `text`: its name, arguments and span. */
function walkCalls(text: string, onCall: (name: string, args: string[], from: number, to: number) => void): void {
  walk(text, () => undefined, onCall);
}

/** The overload of `name` a call with `arity` arguments takes (the most demanding one when several fit). */
function overloadsOf(name: string, arity: number): Overload[] {
  return (definitions().get(name) ?? []).filter((o) => o.params.length === arity);
}

/** How many times the expanded `text` binds the parameter `param` of the macro being expanded. */
function mentions(text: string, param: string, within: readonly string[]): number {
  let count = 0;
  walk(
    text,
    (word, before) => {
      if (word === param && before !== '.' && before !== "'") count++;
    },
    (name, args) => {
      for (const [k, arg] of args.entries()) {
        const inner = mentions(arg, param, within);
        if (inner > 0) count += inner * (within.includes(name) ? 1 : weightWithin(name, args.length, k, within));
      }
    },
  );
  return count;
}

function weightWithin(name: string, arity: number, k: number, within: readonly string[]): number {
  const key = `${name}/${arity}/${k}`;
  const known = mentionMemo.get(key);
  if (known !== undefined) return known;
  const candidates = overloadsOf(name, arity);
  // A typed overload binds its arguments once more to be chosen.
  const typed = candidates.length > 1 ? 1 : 0;
  const weight = candidates.length === 0 ? 1 : typed + Math.max(...candidates.map((o) => mentions(o.body, o.params[k], [...within, name])));
  mentionMemo.set(key, weight);
  return weight;
}

/** How many times DuckDB binds argument `k` of a call of macro `name` with `arity` arguments (1 for a non-macro). */
export function argumentWeight(name: string, arity: number, k: number): number {
  return weightWithin(name.toLowerCase(), arity, k, []);
}

/** The size (characters) of `text` once DuckDB has expanded every macro call in it: what it binds. */
export function expandedSize(text: string): number {
  let expanded = 0;
  const plain = walk(
    text,
    () => undefined,
    (name, args) => {
      expanded += bodySize(name, args.length);
      for (const [k, arg] of args.entries()) expanded += argumentWeight(name, args.length, k) * expandedSize(arg);
    },
  );
  return plain + expanded;
}

/** The expanded size of a macro's body, its parameters counted as nothing. */
function bodySize(name: string, arity: number): number {
  const key = `${name}/${arity}`;
  const known = sizeMemo.get(key);
  if (known !== undefined) return known;
  sizeMemo.set(key, 0); // a body naming itself (never, but cheap to guard)
  const candidates = overloadsOf(name, arity);
  const size = candidates.length === 0 ? 0 : Math.max(...candidates.map((o) => expandedSize(o.body)));
  sizeMemo.set(key, size);
  return size;
}

/**
 * `text` with each outermost call of a macro replaced by `replace(name, arguments, the call's text)`; everything else
 * (quoted text too) kept byte for byte.
 */
export function macroCalls(text: string, replace: (name: string, args: string[], call: string) => string): string {
  let out = '';
  let copied = 0;
  walkCalls(text, (name, args, from, to) => {
    out += text.slice(copied, from) + replace(name, args, text.slice(from, to));
    copied = to;
  });
  return out + text.slice(copied);
}
