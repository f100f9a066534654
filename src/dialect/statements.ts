import { isTrivia, tokenize, type Token } from './tokens.js';

export interface Statement {
  /** 0-based position of the statement in its script. */
  index: number;
  /** Statement text without the terminating semicolon, surrounding trivia trimmed. */
  text: string;
  /** 1-based line and column where the statement's first meaningful token starts. */
  line: number;
  col: number;
  /** Offset of `text` in the script. */
  offset: number;
}

/**
 * Splits a script on top-level semicolons. Quotes, comments and $$ bodies are single tokens, so semicolons inside
 * them never split. Statements made only of comments are dropped.
 */
export function splitStatements(script: string): Statement[] {
  const statements: Statement[] = [];
  let current: Token[] = [];
  const flush = () => {
    let a = 0;
    let b = current.length;
    while (a < b && isTrivia(current[a])) a++;
    while (b > a && isTrivia(current[b - 1])) b--;
    if (a < b) {
      const first = current[a];
      const last = current[b - 1];
      statements.push({
        index: statements.length,
        text: script.slice(first.start, last.start + last.text.length),
        line: first.line,
        col: first.col,
        offset: first.start,
      });
    }
    current = [];
  };
  for (const t of tokenize(script)) {
    if (t.kind === 'punct' && t.text === ';') flush();
    else current.push(t);
  }
  flush();
  return statements;
}

/** First line of a statement, for error messages that name it. */
export const firstLine = (text: string): string => {
  const line = text.split('\n', 1)[0].trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
};
