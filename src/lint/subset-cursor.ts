// The token cursor of the fast syntax paths of `lake lint` (trino-subset.ts, hive-subset.ts): recognizers of a
// sub-language of one of dt-sql-parser's grammars, which answer "in the subset" or "ask the grammar", never an error.
import { isTrivia, keyword, tokenize, type Token } from '../dialect/tokens.js';

/** Thrown where the text leaves the subset; caught by `recognizes`. */
class OutsideSubset extends Error {}

/**
 * The meaningful tokens of `text` when each is one `known` accepts, with no two words or numbers touching (`1abc`,
 * `${a}${b}` lex differently in ANTLR); undefined otherwise. A `${name}` variable is the identifier lint masks it with.
 */
export function subsetTokens(text: string, known: (t: Token) => boolean): Token[] | undefined {
  let all: Token[];
  try {
    all = tokenize(text);
  } catch {
    return undefined; // an unterminated quote or comment: the grammar reports it
  }
  const tokens: Token[] = [];
  let previous: Token | undefined;
  for (const token of all) {
    const t: Token = token.kind === 'variable' ? { ...token, kind: 'word', text: `__${token.text.slice(2, -1)}_` } : token;
    // The grammars' whitespace is space, tab and line breaks; the tokenizer's is wider (form feed, BOM).
    if (t.kind === 'ws' && !/^[ \t\r\n]+$/.test(t.text)) return undefined;
    if (!isTrivia(t)) {
      if (!known(t)) return undefined;
      const touching = previous !== undefined && !isTrivia(previous) && (previous.kind === 'word' || previous.kind === 'number');
      if (touching && (t.kind === 'word' || t.kind === 'number')) return undefined;
      tokens.push(t);
    }
    previous = t;
  }
  return tokens;
}

export abstract class SubsetCursor {
  protected at = 0;
  constructor(protected readonly tokens: Token[]) {}

  /** Runs `rule` from the first token: true when it succeeds and consumes every token. */
  recognizes(rule: () => void): boolean {
    try {
      rule();
    } catch (error) {
      if (error instanceof OutsideSubset) return false;
      throw error;
    }
    return this.at === this.tokens.length;
  }

  protected peek(ahead = 0): Token | undefined {
    return this.tokens[this.at + ahead];
  }
  protected word(ahead = 0): string {
    return keyword(this.peek(ahead));
  }
  protected isSymbol(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.kind === 'punct' || t.kind === 'op') && t.text === text;
  }
  protected fail(): never {
    throw new OutsideSubset();
  }
  protected next(): Token {
    return this.tokens[this.at++] ?? this.fail();
  }
  protected acceptWord(word: string): boolean {
    if (this.word() !== word) return false;
    this.at++;
    return true;
  }
  protected expectWord(word: string): void {
    if (!this.acceptWord(word)) this.fail();
  }
  protected acceptSymbol(text: string): boolean {
    if (!this.isSymbol(text)) return false;
    this.at++;
    return true;
  }
  protected expectSymbol(text: string): void {
    if (!this.acceptSymbol(text)) this.fail();
  }
}
