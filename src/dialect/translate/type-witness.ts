// A rendered value written a second time only for its type (sum's witness, functions.ts): its refusal guards are
// left out there. A guard `{'trino_v': v}[CASE WHEN … THEN 'trino_refused:…' ELSE 'trino_v' END]`, or
// `{'trino_c': check, 'trino_v': v}['trino_v']`, is v or a binder error, so it has v's type; the copy that computes the
// value keeps every guard and is bound first, so its refusals are raised as before. Binding the guards once instead of
// twice saves ~2.5 ms of DuckDB's binding per bench model with two joins (docs/performance.md, thirteenth pass).
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';

/** The index just past the string, quoted name or bracketed group that starts at `start`; -1 when unbalanced. */
function skip(text: string, start: number): number {
  const first = text[start];
  if (first === "'" || first === '"') {
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] !== first) continue;
      if (text[i + 1] === first) i++;
      else return i + 1;
    }
    return -1;
  }
  // Compared, not looked up in a record: a miss (every other character) went through the prototype chain (issue 18).
  const close = first === '(' ? ')' : first === '[' ? ']' : first === '{' ? '}' : undefined;
  if (close === undefined) return start + 1;
  for (let i = start + 1; i < text.length; ) {
    if (text[i] === close) return i + 1;
    if (text[i] === ')' || text[i] === ']' || text[i] === '}') return -1;
    i = skip(text, i);
    if (i < 0) return -1;
  }
  return -1;
}

/** Top-level pieces of `text` split at `,` (outside strings and brackets). */
function topLevel(text: string, separator: string): string[] | undefined {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] === separator) {
      pieces.push(text.slice(from, i));
      from = i + 1;
      i++;
      continue;
    }
    i = skip(text, i);
    if (i < 0) return undefined;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const REFUSAL_THEN = new RegExp(String.raw`^\s*'${REFUSED_KEY_MARKER}`);

/** Whether `key` is `CASE … END` whose top-level results are refusal keys and whose ELSE is 'trino_v'. */
function isRefusalKey(key: string): boolean {
  const k = key.trim();
  if (!/^CASE\b/i.test(k) || !/\bELSE\s+'trino_v'\s+END$/i.test(k)) return false;
  // Words at the top level of the key (outside strings and brackets): every THEN is followed by a refusal key.
  for (let i = 0; i < k.length; ) {
    // Issue 18: the first letter is looked at before the slice and the two patterns (each character of every key).
    if ((k[i] === 'T' || k[i] === 't') && /^THEN\b/i.test(k.slice(i, i + 5)) && /\W/.test(k[i - 1] ?? ' ')) {
      if (!REFUSAL_THEN.test(k.slice(i + 4))) return false;
      i += 4;
      continue;
    }
    i = skip(k, i);
    if (i < 0) return false;
  }
  return true;
}

/** The guarded value when `struct` (a `{…}` group) and `index` (its `[…]`) form a refusal guard; else undefined. */
function guardedValue(struct: string, index: string): string | undefined {
  const fields = topLevel(struct.slice(1, -1), ',');
  if (!fields) return undefined;
  const entries = fields.map((f) => /^\s*'(trino_[cv])'\s*:\s*([\s\S]*)$/.exec(f));
  if (entries.some((e) => e === null)) return undefined;
  const names = entries.map((e) => e?.[1]);
  const value = entries[entries.length - 1]?.[2];
  const key = index.slice(1, -1);
  if (names.length === 1 && names[0] === 'trino_v' && isRefusalKey(key)) return value;
  if (names.length === 2 && names[0] === 'trino_c' && names[1] === 'trino_v' && key.trim() === "'trino_v'") return value;
  return undefined;
}

/** `text` with every refusal guard replaced by the value it guards (recursively): the same type, bound once less. */
export function withoutRefusalGuards(text: string): string {
  if (!text.includes(REFUSED_KEY_MARKER)) return text;
  let out = '';
  // The text from `copied` to `i` is kept as written: copied in one piece where a guard (or the end) comes, not one
  // character at a time (issue 18: sum's witness of every bench model's value went through here).
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '{') {
      const structEnd = skip(text, i);
      if (structEnd > 0 && text[structEnd] === '[') {
        const indexEnd = skip(text, structEnd);
        const value = indexEnd > 0 ? guardedValue(text.slice(i, structEnd), text.slice(structEnd, indexEnd)) : undefined;
        if (value !== undefined) {
          out += text.slice(copied, i) + withoutRefusalGuards(value.trim());
          i = indexEnd;
          copied = i;
          continue;
        }
      }
    }
    const next = c === "'" || c === '"' ? skip(text, i) : i + 1;
    if (next < 0) return text;
    i = next;
  }
  return out + text.slice(copied);
}
