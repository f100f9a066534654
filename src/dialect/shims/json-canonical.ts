// Trino keeps JSON in one canonical form: what Jackson writes after reading the text into maps, lists and numbers
// (https://trino.io/docs/current/functions/json.html: json_parse, JSON literals). Object keys are sorted, there is no
// whitespace, integers keep their digits and other numbers are doubles printed by Java (`1.50` → `1.5`, `1e2` →
// `100.0`, `-0.00012` → `-1.2E-4`). Equal documents therefore have equal text, which is how JSON equality works.

export class JsonSyntaxError extends Error {}

type JsonValue = { kind: 'text'; text: string } | { kind: 'array'; items: JsonValue[] } | { kind: 'object'; entries: Map<string, JsonValue> };

/** Java's Double.toString: shortest digits, plain between 1e-3 and 1e7, else `d.dddE±n`; always a fraction digit. */
export function javaDouble(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(d);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/**
 * A JSON string as Jackson's UTF8JsonGenerator writes it for Trino: the short escapes, other control characters as
 * `\u001F` (upper-case hex), and each UTF-16 surrogate of a character outside the BMP escaped too (`🙂` is
 * `\uD83D\uDE42`, as Trino 476 answers CAST('🙂' AS json)); everything else, `é` and U+2028 included, as it is.
 */
export function jacksonString(s: string): string {
  const escaped = s.replace(/["\\\u0000-\u001f\ud800-\udfff]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${escaped}"`;
}

function parse(text: string): JsonValue {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(`Cannot convert value to JSON: '${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = (): JsonValue => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries = new Map<string, JsonValue>();
      space();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        const key = JSON.parse(stringToken()) as string;
        space();
        if (text[i++] !== ':') fail();
        entries.set(key, value());
        space();
        if (text[i] === ',') i++;
        else if (text[i++] === '}') return { kind: 'object', entries };
        else fail();
      }
    }
    if (c === '[') {
      i++;
      const items: JsonValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value());
        space();
        if (text[i] === ',') i++;
        else if (text[i++] === ']') return { kind: 'array', items };
        else fail();
      }
    }
    if (c === '"') return { kind: 'text', text: jacksonString(JSON.parse(stringToken()) as string) };
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'text', text: word };
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 1100));
    if (!m) return fail();
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) return { kind: 'text', text: m[0] === '-0' ? '0' : m[0] };
    return { kind: 'text', text: javaDouble(Number(m[0])) };
  };
  const stringToken = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return text.slice(start, i);
  };
  let result: JsonValue;
  try {
    result = value();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw error;
    return fail();
  }
  space();
  if (i < text.length) fail();
  return result;
}

function write(v: JsonValue): string {
  if (v.kind === 'text') return v.text;
  if (v.kind === 'array') return `[${v.items.map(write).join(',')}]`;
  const keys = [...v.entries.keys()].sort();
  return `{${keys.map((k) => `${jacksonString(k)}:${write(v.entries.get(k)!)}`).join(',')}}`;
}

export const canonicalJson = (text: string): string => write(parse(text));
