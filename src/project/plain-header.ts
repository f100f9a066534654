// A file header of plain lines read without the YAML library (issue 18: `yaml`'s parseDocument was ~1.2 s of a lint
// of 1,020 files). It reads the forms headers use — `key: value` lines, nested sections by indentation, one-line
// `[a, b]` and `{ k: v }`, "quoted" values without escapes, whole-line comments — and gives up (undefined) on anything
// else: escapes, block sequences and scalars, anchors, tags, comments after a value, multi-line values, numbers other
// than small decimal integers, duplicate keys. The caller then parses with the YAML library, which also reports every
// error with its position. Whatever this reads equals the library's `parseDocument(text).toJS()` for a document
// without errors (tests/project/plain-header.test.ts).

type Value = string | number | boolean | Value[] | { [key: string]: Value };

/** Characters after which this reader does not guess: controls, tabs, CR, other line breaks, BOM, a comment after a value. */
const GIVE_UP = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff#]/;
/** A `key: value` line (YAML's implicit keys are at most 1,024 characters). */
const LINE = /^( *)([A-Za-z_][A-Za-z0-9_]{0,127}):(?: +(.*))?$/;
/** YAML 1.2 core schema scalars that are not strings (yaml's schema/core and schema/common tests). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** A plain scalar may not start with an indicator (YAML 1.2 §7.3.3; `-`, `?`, `:` only before a space, but never here). */
const INDICATOR_START = /^[-?:,[\]{}&*!|>'"%@`]/;

/** A plain scalar's value: a string, `true`/`false`, a small decimal integer; undefined for anything else. */
function scalar(text: string): Value | undefined {
  if (text === '' || INDICATOR_START.test(text) || text.endsWith(':') || text.includes(': ')) return undefined;
  if (!NOT_A_STRING.some((pattern) => pattern.test(text))) return text;
  if (text === 'true' || text === 'false') return text === 'true';
  return /^(?:0|[1-9][0-9]{0,14})$/.test(text) ? Number(text) : undefined;
}

/** A flow value on one line (`[a, b]`, `{ k: v, l: [c] }`, or a plain scalar inside them), read from `at`. */
function flow(text: string, at: { i: number }): Value | undefined {
  const skipSpaces = () => {
    while (text[at.i] === ' ') at.i++;
  };
  skipSpaces();
  const open = text[at.i];
  if (open === '[' || open === '{') {
    at.i++;
    const close = open === '[' ? ']' : '}';
    const items: Value[] = [];
    const entries: Array<[string, Value]> = [];
    skipSpaces();
    if (text[at.i] === close) {
      at.i++;
      return open === '[' ? items : {};
    }
    for (;;) {
      if (open === '{') {
        const key = /^[A-Za-z_][A-Za-z0-9_]{0,127}: /.exec(text.slice(at.i))?.[0];
        if (!key) return undefined;
        const name = key.slice(0, -2);
        if (typeof scalar(name) !== 'string' || name === '__proto__' || entries.some(([k]) => k === name)) return undefined;
        at.i += key.length;
        const value = flow(text, at);
        if (value === undefined) return undefined;
        entries.push([name, value]);
      } else {
        const value = flow(text, at);
        if (value === undefined) return undefined;
        items.push(value);
      }
      skipSpaces();
      const next = text[at.i++];
      if (next === close) return open === '[' ? items : Object.fromEntries(entries);
      if (next !== ',') return undefined;
    }
  }
  const end = /^[^,[\]{}]*/.exec(text.slice(at.i))![0];
  at.i += end.length;
  const plain = end.trimEnd();
  return plain.includes(':') ? undefined : scalar(plain);
}

/** A block value after `key: `: a one-line flow collection, a quoted string without escapes, or a plain scalar. */
function inline(text: string): Value | undefined {
  const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  if (text.startsWith('[') || text.startsWith('{')) {
    const at = { i: 0 };
    const value = flow(text, at);
    return value !== undefined && text.slice(at.i).trim() === '' ? value : undefined;
  }
  return scalar(text);
}

/** The header as plain data, or undefined when it holds anything but the forms above (then parse it as YAML). */
export function readPlainHeader(yaml: string): Record<string, Value> | undefined {
  // Blank lines and whole-line comments say nothing (in the forms read here: no block scalars, one-line values).
  const lines = yaml.split('\n').filter((line) => line.trim() !== '' && !/^ *#/.test(line));
  if (lines.some((line) => GIVE_UP.test(line))) return undefined;
  let next = 0;
  /** The mapping whose lines are indented by exactly `indent`, from line `next` on. */
  const mapping = (indent: number): Record<string, Value> | undefined => {
    const entries: Array<[string, Value]> = [];
    while (next < lines.length) {
      const line = LINE.exec(lines[next]);
      if (!line) return undefined;
      const depth = line[1].length;
      if (depth < indent) break;
      const [, , key, rest] = line;
      if (depth > indent || typeof scalar(key) !== 'string' || key === '__proto__' || entries.some(([k]) => k === key)) return undefined;
      next++;
      const text = (rest ?? '').trimEnd();
      let value: Value | undefined;
      if (text !== '') value = inline(text);
      else {
        // A nested section: its first line sets its indentation.
        const first = next < lines.length ? LINE.exec(lines[next]) : null;
        value = first && first[1].length > indent ? mapping(first[1].length) : undefined;
      }
      if (value === undefined) return undefined;
      entries.push([key, value]);
    }
    return Object.fromEntries(entries);
  };
  if (lines.length === 0) return {};
  const top = LINE.exec(lines[0]);
  if (!top) return undefined;
  const header = mapping(top[1].length);
  return header !== undefined && next === lines.length ? header : undefined;
}
