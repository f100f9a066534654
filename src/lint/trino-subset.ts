// A recognizer for the common shapes of Trino queries (WITH, SELECT, joins, GROUP BY, ORDER BY, LIMIT, set
// operations, the usual expressions), so `lake lint` can skip dt-sql-parser's ANTLR grammar for them: loading and
// warming that grammar costs more than a thousand files take to parse with it. The subset is a sub-language of the
// grammar: whatever this accepts, the Trino grammar accepts too (tests/lint/trino-subset.test.ts checks it against
// the grammar on the project's SQL and on thousands of mutations of it). Anything else, valid or not, is left to the
// grammar, which gives the exact syntax error message.
import type { Token } from '../dialect/tokens.js';
import { SubsetCursor, subsetTokens } from './subset-cursor.js';
import { TRINO_KEYWORDS, TRINO_NOT_IDENTIFIERS } from './trino-keywords.js';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||']);
const INTERVAL_FIELDS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);
const SET_OPERATIONS = new Set(['UNION', 'EXCEPT', 'INTERSECT']);
/** Identifiers that start other constructs after a comparison (`x = ANY (SELECT …)`): never taken as function names. */
const NOT_FUNCTION_NAMES = new Set(['ANY', 'SOME']);
const PLAIN_STRING = /^'/;
const PLAIN_NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The tokens the Trino subset knows. */
const known = (t: Token): boolean =>
  (t.kind === 'word' && PLAIN_WORD.test(t.text)) ||
  (t.kind === 'quoted' && t.text.startsWith('"')) ||
  (t.kind === 'string' && PLAIN_STRING.test(t.text)) ||
  (t.kind === 'number' && PLAIN_NUMBER.test(t.text)) ||
  (t.kind === 'op' && (COMPARISONS.has(t.text) || ARITHMETIC.has(t.text))) ||
  (t.kind === 'punct' && '(),.[]'.includes(t.text));

class Recognizer extends SubsetCursor {
  /** A query starts here (after a parenthesis). */
  private queryAhead(ahead = 0): boolean {
    const w = this.word(ahead);
    return w === 'SELECT' || w === 'WITH';
  }

  /** A name: a quoted identifier, a plain word or a keyword the grammar takes as an identifier (`value`, `date`). */
  private isIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.kind === 'quoted' || (t.kind === 'word' && !TRINO_NOT_IDENTIFIERS.has(t.text.toUpperCase())));
  }
  /** Where an alias may follow without AS, only words that are no keyword at all (`FROM t LIMIT 5`, `… t window`). */
  private isPlainIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.kind === 'quoted' || (t.kind === 'word' && !TRINO_KEYWORDS.has(t.text.toUpperCase())));
  }
  private identifier(): void {
    if (!this.isIdentifier()) this.fail();
    this.at++;
  }
  private identifierList(): void {
    this.expectSymbol('(');
    do this.identifier();
    while (this.acceptSymbol(','));
    this.expectSymbol(')');
  }

  query(): void {
    if (this.acceptWord('WITH')) {
      do {
        this.identifier();
        if (this.isSymbol('(')) this.identifierList();
        this.expectWord('AS');
        this.expectSymbol('(');
        this.query();
        this.expectSymbol(')');
      } while (this.acceptSymbol(','));
    }
    this.queryNoWith();
  }

  private queryNoWith(): void {
    this.queryPrimary();
    while (SET_OPERATIONS.has(this.word())) {
      this.at++;
      if (!this.acceptWord('ALL')) this.acceptWord('DISTINCT');
      this.queryPrimary();
    }
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY');
      this.sortItems();
    }
    if (this.acceptWord('LIMIT')) {
      const count = this.next();
      if (count.kind !== 'number' || !/^\d+$/.test(count.text)) this.fail();
    }
  }

  private queryPrimary(): void {
    if (this.acceptSymbol('(')) {
      if (this.word() !== 'SELECT' && !this.isSymbol('(')) this.fail();
      this.queryNoWith();
      this.expectSymbol(')');
      return;
    }
    this.expectWord('SELECT');
    if (!this.acceptWord('DISTINCT')) this.acceptWord('ALL');
    do this.selectItem();
    while (this.acceptSymbol(','));
    if (this.acceptWord('FROM')) {
      do this.relation();
      while (this.acceptSymbol(','));
    }
    if (this.acceptWord('WHERE')) this.expression();
    if (this.acceptWord('GROUP')) {
      this.expectWord('BY');
      do this.expression();
      while (this.acceptSymbol(','));
    }
    if (this.acceptWord('HAVING')) this.expression();
  }

  private selectItem(): void {
    if (this.acceptSymbol('*')) return;
    // `t.*`, `s.t.*`
    let k = 0;
    while (this.isIdentifier(k) && this.isSymbol('.', k + 1)) k += 2;
    if (k > 0 && this.isSymbol('*', k)) {
      this.at += k + 1;
      return;
    }
    this.expression();
    if (this.acceptWord('AS')) this.identifier();
    else if (this.isPlainIdentifier()) this.at++;
  }

  private relation(): void {
    this.aliasedRelation();
    for (;;) {
      if (this.acceptWord('CROSS')) {
        this.expectWord('JOIN');
        this.aliasedRelation();
        continue;
      }
      const w = this.word();
      if (w === 'LEFT' || w === 'RIGHT' || w === 'FULL') {
        this.at++;
        this.acceptWord('OUTER');
      } else this.acceptWord('INNER');
      if (!this.acceptWord('JOIN')) {
        // INNER, LEFT … must be followed by JOIN; nothing consumed otherwise.
        if (w === 'INNER' || w === 'LEFT' || w === 'RIGHT' || w === 'FULL') this.fail();
        return;
      }
      this.aliasedRelation();
      if (this.acceptWord('ON')) this.expression();
      else if (this.acceptWord('USING')) this.identifierList();
      else this.fail();
    }
  }

  private aliasedRelation(): void {
    if (this.acceptSymbol('(')) {
      if (!this.queryAhead()) this.fail();
      this.query();
      this.expectSymbol(')');
    } else this.qualifiedName();
    const aliased = this.acceptWord('AS');
    if (aliased) this.identifier();
    else if (this.isPlainIdentifier()) this.at++;
    else return;
    if (this.isSymbol('(')) this.identifierList();
  }

  private qualifiedName(): void {
    this.identifier();
    while (this.acceptSymbol('.')) this.identifier();
  }

  private sortItems(): void {
    do {
      this.expression();
      if (!this.acceptWord('ASC')) this.acceptWord('DESC');
      if (this.acceptWord('NULLS') && !this.acceptWord('FIRST')) this.expectWord('LAST');
    } while (this.acceptSymbol(','));
  }

  /** Trino's booleanExpression: NOT* predicated, joined by AND/OR. */
  expression(): void {
    do {
      while (this.acceptWord('NOT'));
      this.valueExpression();
      this.predicate();
    } while (this.acceptWord('AND') || this.acceptWord('OR'));
  }

  /** At most one predicate per value (`a = b = c` is not Trino). */
  private predicate(): void {
    const t = this.peek();
    if (t?.kind === 'op' && COMPARISONS.has(t.text)) {
      this.at++;
      const w = this.word();
      if (w === 'ALL' || w === 'ANY' || w === 'SOME') this.fail();
      this.valueExpression();
      return;
    }
    if (this.acceptWord('IS')) {
      this.acceptWord('NOT');
      if (this.acceptWord('NULL')) return;
      this.expectWord('DISTINCT');
      this.expectWord('FROM');
      this.valueExpression();
      return;
    }
    const negated = this.word() === 'NOT' && ['BETWEEN', 'IN', 'LIKE'].includes(this.word(1));
    if (negated) this.at++;
    if (this.acceptWord('BETWEEN')) {
      this.valueExpression();
      this.expectWord('AND');
      this.valueExpression();
    } else if (this.acceptWord('IN')) {
      this.expectSymbol('(');
      if (this.queryAhead()) this.query();
      else
        do this.expression();
        while (this.acceptSymbol(','));
      this.expectSymbol(')');
    } else if (this.acceptWord('LIKE')) {
      this.valueExpression();
      if (this.acceptWord('ESCAPE')) this.valueExpression();
    }
  }

  private valueExpression(): void {
    for (;;) {
      while (this.acceptSymbol('+') || this.acceptSymbol('-'));
      this.primary();
      // `ts AT TIME ZONE 'UTC'`
      while (this.word() === 'AT' && this.word(1) === 'TIME' && this.word(2) === 'ZONE' && this.peek(3)?.kind === 'string') this.at += 4;
      const t = this.peek();
      if (!(t?.kind === 'op' && ARITHMETIC.has(t.text))) return;
      this.at++;
    }
  }

  private primary(): void {
    this.primaryBase();
    for (;;) {
      if (this.acceptSymbol('[')) {
        this.valueExpression();
        this.expectSymbol(']');
      } else if (this.acceptSymbol('.')) this.identifier();
      else return;
    }
  }

  private primaryBase(): void {
    const t = this.next();
    if (t.kind === 'number' || t.kind === 'string') return;
    if (t.kind === 'punct' && t.text === '(') {
      if (this.queryAhead()) this.query();
      else
        do this.expression();
        while (this.acceptSymbol(','));
      this.expectSymbol(')');
      return;
    }
    if (t.kind === 'quoted') return;
    if (t.kind !== 'word') this.fail();
    const w = t.text.toUpperCase();
    switch (w) {
      case 'NULL':
      case 'TRUE':
      case 'FALSE':
      case 'CURRENT_DATE':
        return;
      case 'INTERVAL':
        this.interval();
        return;
      case 'CASE':
        this.caseExpression();
        return;
      case 'CAST':
      case 'TRY_CAST':
        this.expectSymbol('(');
        this.expression();
        this.expectWord('AS');
        this.type();
        this.expectSymbol(')');
        return;
      case 'TRIM':
        // trim(s) and trim(s, chars); the BOTH/LEADING/TRAILING … FROM form stays with the grammar
        this.expectSymbol('(');
        this.valueExpression();
        if (this.acceptSymbol(',')) this.valueExpression();
        this.expectSymbol(')');
        return;
      case 'EXISTS':
        this.expectSymbol('(');
        if (!this.queryAhead()) this.fail();
        this.query();
        this.expectSymbol(')');
        return;
      case 'ARRAY':
        if (this.acceptSymbol('[')) {
          if (!this.acceptSymbol(']')) {
            do this.expression();
            while (this.acceptSymbol(','));
            this.expectSymbol(']');
          }
          return;
        }
    }
    if (TRINO_NOT_IDENTIFIERS.has(w)) this.fail();
    const after = this.peek();
    if (after?.kind === 'string') {
      // A typed literal: DATE '2025-01-01', TIMESTAMP '…'
      this.at++;
      return;
    }
    if (this.isSymbol('(')) {
      if (NOT_FUNCTION_NAMES.has(w)) this.fail();
      this.call();
    }
  }

  private interval(): void {
    if (!this.acceptSymbol('+')) this.acceptSymbol('-');
    if (this.next().kind !== 'string') this.fail();
    if (!INTERVAL_FIELDS.has(this.word())) this.fail();
    this.at++;
    if (this.acceptWord('TO')) {
      if (!INTERVAL_FIELDS.has(this.word())) this.fail();
      this.at++;
    }
  }

  private caseExpression(): void {
    if (this.word() !== 'WHEN') this.expression();
    if (this.word() !== 'WHEN') this.fail();
    while (this.acceptWord('WHEN')) {
      this.expression();
      this.expectWord('THEN');
      this.expression();
    }
    if (this.acceptWord('ELSE')) this.expression();
    this.expectWord('END');
  }

  /** Arguments of a function call, then optional FILTER (WHERE …) and OVER (PARTITION BY … ORDER BY …). */
  private call(): void {
    this.expectSymbol('(');
    if (this.acceptSymbol('*')) this.expectSymbol(')');
    else if (!this.acceptSymbol(')')) {
      if (!this.acceptWord('DISTINCT')) this.acceptWord('ALL');
      do this.expression();
      while (this.acceptSymbol(','));
      this.expectSymbol(')');
    }
    if (this.word() === 'FILTER' && this.isSymbol('(', 1) && this.word(2) === 'WHERE') {
      this.at += 3;
      this.expression();
      this.expectSymbol(')');
    }
    if (!this.acceptWord('OVER')) return;
    this.expectSymbol('(');
    if (this.acceptWord('PARTITION')) {
      this.expectWord('BY');
      do this.expression();
      while (this.acceptSymbol(','));
    }
    if (this.acceptWord('ORDER')) {
      this.expectWord('BY');
      this.sortItems();
    }
    this.expectSymbol(')');
  }

  /** `varchar`, `decimal(10, 2)`, `array(varchar)`, `timestamp(3)`. */
  private type(): void {
    this.identifier();
    if (!this.acceptSymbol('(')) return;
    do {
      const t = this.peek();
      if (t?.kind === 'number' && /^\d+$/.test(t.text)) this.at++;
      else this.type();
    } while (this.acceptSymbol(','));
    this.expectSymbol(')');
  }
}

/** True when `text` (one statement; a `${…}` variable stands for an identifier) is a query in the subset above. */
export function inTrinoSubset(text: string): boolean {
  const tokens = subsetTokens(text, known);
  if (!tokens || tokens.length === 0) return false;
  const recognizer = new Recognizer(tokens);
  return recognizer.recognizes(() => recognizer.query());
}
