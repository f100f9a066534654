// A cursor over the meaningful tokens of one statement, for the small recursive-descent parsers of Athena DDL/DML.
import { DialectError } from './diagnostics.js';
import { identifierName, isTrivia, keyword, stringValue, tokenize, type Token } from './tokens.js';

export interface QualifiedName {
  /** Case-folded parts: `["awsdatacatalog", "db", "t"]`, `["db", "t"]` or `["t"]`. */
  parts: string[];
  line: number;
  col: number;
}

export class TokenCursor {
  private readonly tokens: Token[];
  pos = 0;

  constructor(readonly sql: string) {
    this.tokens = tokenize(sql).filter((t) => !isTrivia(t));
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) throw this.error('unexpected end of statement');
    this.pos++;
    return t;
  }

  /** True when the next tokens are these keywords (not consumed). */
  isKeyword(...words: string[]): boolean {
    return words.every((w, i) => keyword(this.peek(i)) === w);
  }

  acceptKeyword(...words: string[]): boolean {
    if (!this.isKeyword(...words)) return false;
    this.pos += words.length;
    return true;
  }

  expectKeyword(...words: string[]): void {
    if (!this.acceptKeyword(...words)) throw this.error(`expected ${words.join(' ')}`);
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === 'punct' || t.kind === 'op') && t.text === text;
  }

  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.pos++;
    return true;
  }

  expectPunct(text: string): void {
    if (!this.acceptPunct(text)) throw this.error(`expected '${text}'`);
  }

  expectString(what = 'a quoted string'): string {
    const t = this.peek();
    if (t?.kind !== 'string') throw this.error(`expected ${what}`);
    this.pos++;
    return stringValue(t);
  }

  /** A string of Hive DDL: Hive reads "double-quoted" text as a string literal too (AWS's VPC flow log tables do). */
  expectHiveString(what = 'a quoted string'): string {
    const t = this.peek();
    if (t?.kind === 'quoted' && t.text.startsWith('"')) {
      this.pos++;
      return t.text.slice(1, -1).replaceAll('""', '"');
    }
    return this.expectString(what);
  }

  identifier(what = 'a name'): string {
    const t = this.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) throw this.error(`expected ${what}`);
    this.pos++;
    return identifierName(t);
  }

  qualifiedName(what = 'a table name'): QualifiedName {
    const first = this.peek();
    if (!first) throw this.error(`expected ${what}`);
    const parts = [this.identifier(what)];
    while (this.isPunct('.')) {
      this.pos++;
      parts.push(this.identifier(what));
    }
    return { parts, line: first.line, col: first.col };
  }

  /** Source text from the current token to the end of the statement (or to `end`, a token index). */
  textFrom(start = this.pos, end = this.tokens.length): string {
    const a = this.tokens[start];
    const b = this.tokens[end - 1];
    if (!a || !b || end <= start) return '';
    return this.sql.slice(a.start, b.start + b.text.length);
  }

  /** Index of the next token at parenthesis depth 0 satisfying `test`, or the end. */
  findTopLevel(test: (t: Token, index: number) => boolean, from = this.pos): number {
    let depth = 0;
    for (let i = from; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) depth++;
      else if (t.kind === 'punct' && (t.text === ')' || t.text === ']')) depth--;
      else if (depth === 0 && test(t, i)) return i;
    }
    return this.tokens.length;
  }

  /** Consumes `( … )` and returns the text inside. */
  parenthesized(): string {
    const open = this.pos;
    this.expectPunct('(');
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind === 'punct' && t.text === '(') depth++;
      else if (t.kind === 'punct' && t.text === ')') depth--;
    }
    return this.textFrom(open + 1, this.pos - 1);
  }

  get tokenCount(): number {
    return this.tokens.length;
  }

  tokenAt(index: number): Token | undefined {
    return this.tokens[index];
  }

  error(message: string, at: Token | undefined = this.peek()): DialectError {
    const last = this.tokens[this.tokens.length - 1];
    const t = at ?? last;
    const found = at ? ` but found '${at.text}'` : ' at the end of the statement';
    return new DialectError([{ severity: 'error', rule: 'syntax', message: `${message}${found}`, line: t?.line ?? 1, col: t?.col ?? 1 }]);
  }
}
