// A JSON reader that works as Trino's Jackson parser does: one value at a time from the start of the text, numbers kept
// as written (json_extract_scalar('{"a": 1.50}', '$.a') is `1.50`), and nothing read past the value a function needs
// (json_extract('{"a": 1} x', '$.a') is 1 in Trino 476, as is json_extract('{"a": 1', '$.a')).

export class JsonSyntaxError extends Error {}

/** A scalar as read: a string's decoded text, a number's text as written, or true/false/null. */
export type JsonScalar = { kind: 'string'; value: string } | { kind: 'number'; text: string } | { kind: 'word'; word: 'true' | 'false' | 'null' };

/** An object keeps its entries as written, in order and with repeated keys (a row's JSON has them). */
export type JsonValue = JsonScalar | { kind: 'array'; items: JsonValue[] } | { kind: 'object'; entries: [string, JsonValue][] };

/**
 * The text as Java's UTF-8 encoder writes it for Trino: a lone surrogate (`\ud83d` in a JSON string) becomes `?`
 * (Trino 476: json_extract_scalar('{"a":"\ud83d"}', '$.a') is '?'), where Node's encoder writes U+FFFD.
 */
export const javaUtf8Text = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');

/** Jackson's float tokens: a fraction or an exponent (VALUE_NUMBER_FLOAT); others are integers (VALUE_NUMBER_INT). */
export const isFloatText = (text: string): boolean => /[.eE]/.test(text);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/** A UTF-16 unit Java's Character.isJavaIdentifierPart accepts (past the ASCII punctuation below '0'). */
const JAVA_NAME_PART = /^[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Sc}\p{Cf}\u007f-\u009f]$/u;

export class JsonReader {
  private at = 0;
  /** Arrays and objects open at the cursor: Jackson checks what follows a number at the top level only. */
  private depth = 0;

  constructor(private readonly text: string) {}

  private fail(): never {
    throw new JsonSyntaxError(`Malformed JSON at character ${this.at + 1}`);
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  /** The first character of the next value ('{', '[', '"', a digit or '-', 't', 'f', 'n'), after whitespace. */
  peek(): string {
    this.space();
    if (this.at >= this.text.length) this.fail();
    return this.text[this.at];
  }

  /** True when only whitespace is left. */
  atEnd(): boolean {
    this.space();
    return this.at >= this.text.length;
  }

  private expect(ch: string): void {
    this.space();
    if (this.text[this.at] !== ch) this.fail();
    this.at++;
  }

  private string(): string {
    const start = this.at;
    if (this.text[this.at++] !== '"') this.fail();
    while (this.at < this.text.length && this.text[this.at] !== '"') {
      if (this.text.charCodeAt(this.at) < 0x20) this.fail();
      this.at += this.text[this.at] === '\\' ? 2 : 1;
    }
    if (this.at >= this.text.length) this.fail();
    this.at++;
    try {
      return JSON.parse(this.text.slice(start, this.at)) as string;
    } catch {
      return this.fail();
    }
  }

  /** The next scalar; fails at an array or object. */
  scalar(): JsonScalar {
    const c = this.peek();
    if (c === '"') return { kind: 'string', value: this.string() };
    for (const word of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        // Jackson reads `truex` as one unknown token: a word may not run into a character Java allows in a name
        // (`true,`, `true$`, `true-` end the word; Trino 476: json_value('true_', 'lax $') is NULL, 'true$' is 'true').
        const after = this.text[this.at];
        if (after !== undefined && after >= '0' && after !== ']' && after !== '}' && JAVA_NAME_PART.test(after)) this.fail();
        return { kind: 'word', word };
      }
    }
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail();
    this.at += m[0].length;
    // Jackson ends a top-level number at whitespace or the end (`01` and `1x` are errors); inside an array or object
    // the next token fails, after the number was read (json_extract_scalar('[1x]', '$[0]') is 1 in Trino 476).
    if (this.depth === 0 && this.at < this.text.length && !' \t\n\r'.includes(this.text[this.at])) this.fail();
    return { kind: 'number', text: m[0] };
  }

  /**
   * Walks the object at the cursor: `visit(key)` is called before each value and returns true when it read the value
   * itself, or undefined to stop the walk there (the value is then the next thing read). False skips the value.
   */
  entries(visit: (key: string) => boolean | undefined): boolean {
    this.expect('{');
    this.depth++;
    if (this.peek() === '}') {
      this.at++;
      return this.close();
    }
    for (;;) {
      this.space();
      const key = this.string();
      this.expect(':');
      const used = visit(key);
      if (used === undefined) return false;
      if (!used) this.skip();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at++] === '}') return this.close();
      else this.fail();
    }
  }

  /** Walks the array at the cursor as entries() walks an object, with each element's index. */
  elements(visit: (index: number) => boolean | undefined): boolean {
    this.expect('[');
    this.depth++;
    if (this.peek() === ']') {
      this.at++;
      return this.close();
    }
    for (let index = 0; ; index++) {
      const used = visit(index);
      if (used === undefined) return false;
      if (!used) this.skip();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at++] === ']') return this.close();
      else this.fail();
    }
  }

  private close(): true {
    this.depth--;
    return true;
  }

  skip(): void {
    this.value();
  }

  /** The next value, whole. */
  value(): JsonValue {
    const c = this.peek();
    if (c === '{') {
      const entries: [string, JsonValue][] = [];
      this.entries((key) => {
        entries.push([key, this.value()]);
        return true;
      });
      return { kind: 'object', entries };
    }
    if (c === '[') {
      const items: JsonValue[] = [];
      this.elements(() => {
        items.push(this.value());
        return true;
      });
      return { kind: 'array', items };
    }
    return this.scalar();
  }
}

/** The whole text as one JSON value (json_parse, JSON literals): anything after the value is an error. */
export function readWholeJson(text: string): JsonValue {
  const reader = new JsonReader(text);
  const value = reader.value();
  if (!reader.atEnd()) throw new JsonSyntaxError('Unexpected trailing content');
  return value;
}

/**
 * The text as Trino's SQL/JSON path functions read it (Jackson's readTree, trailing tokens allowed): the first value,
 * nothing after it is read (Trino 476: json_value('{"a":1} x', 'lax $.a') is '1', json_exists('[1] [', 'lax $') true);
 * a text of whitespace only reads as JSON null (Jackson's missing node: json_exists('', 'lax $') is true,
 * json_query('', 'lax $') 'null').
 */
export function readFirstJson(text: string): JsonValue {
  const reader = new JsonReader(text);
  if (reader.atEnd()) return { kind: 'word', word: 'null' };
  return reader.value();
}
