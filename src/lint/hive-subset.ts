// A recognizer for the common shape of Athena's Hive DDL, CREATE EXTERNAL TABLE with columns, partitions, SerDe,
// format, location and properties, so `lake lint` can skip dt-sql-parser's Hive grammar for it (loading that grammar
// costs about as much as a thousand queries). Like trino-subset.ts it accepts a sub-language of the grammar — checked
// in tests/lint/hive-subset.test.ts — and leaves everything else, valid or not, to the grammar and its messages.
// It reads the text the grammar would read: variables and keyword column names masked (hive-mask.ts).
import type { Token } from '../dialect/tokens.js';
import { HIVE_KEYWORDS } from './hive-keywords.js';
import { SubsetCursor, subsetTokens } from './subset-cursor.js';

const PRIMITIVE_TYPES = new Set(['TINYINT', 'SMALLINT', 'INT', 'INTEGER', 'BIGINT', 'BOOLEAN', 'FLOAT', 'DOUBLE', 'STRING', 'BINARY', 'DATE', 'TIMESTAMP']);
const SIZED_TYPES = new Set(['DECIMAL', 'VARCHAR', 'CHAR']);
const FILE_FORMATS = new Set(['PARQUET', 'ORC', 'TEXTFILE', 'AVRO', 'JSONFILE']);
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Hive's strings take backslash escapes and no doubled quotes: only strings without either read the same. */
const known = (t: Token): boolean =>
  (t.kind === 'word' && NAME.test(t.text)) ||
  (t.kind === 'quoted' && t.text.startsWith('`')) ||
  (t.kind === 'string' && t.text.startsWith("'") && !t.text.slice(1, -1).includes("'") && !t.text.includes('\\')) ||
  (t.kind === 'number' && /^\d+$/.test(t.text)) ||
  (t.kind === 'op' && ['<', '>', ':', '='].includes(t.text)) ||
  (t.kind === 'punct' && '(),.'.includes(t.text));

class Recognizer extends SubsetCursor {
  createExternalTable(): void {
    this.expectWord('CREATE');
    this.expectWord('EXTERNAL');
    this.expectWord('TABLE');
    if (this.acceptWord('IF')) {
      this.expectWord('NOT');
      this.expectWord('EXISTS');
    }
    this.name();
    if (this.acceptSymbol('.')) this.name();
    this.columns();
    if (this.acceptWord('COMMENT')) this.string();
    if (this.acceptWord('PARTITIONED')) {
      this.expectWord('BY');
      this.columns();
    }
    if (this.acceptWord('ROW')) {
      this.expectWord('FORMAT');
      this.expectWord('SERDE');
      this.string();
      if (this.acceptWord('WITH')) {
        this.expectWord('SERDEPROPERTIES');
        this.properties();
      }
    }
    if (this.acceptWord('STORED')) {
      this.expectWord('AS');
      if (!FILE_FORMATS.has(this.word())) this.fail();
      this.at++;
    }
    if (this.acceptWord('LOCATION')) this.string();
    if (this.acceptWord('TBLPROPERTIES')) this.properties();
  }

  /** A name: `quoted`, or a word that is no keyword of the grammar. */
  private name(): void {
    const t = this.next();
    if (t.kind !== 'quoted' && (t.kind !== 'word' || HIVE_KEYWORDS.has(t.text.toUpperCase()))) this.fail();
  }

  private string(): void {
    if (this.next().kind !== 'string') this.fail();
  }

  /** `(name type [COMMENT '…'], …)`; names are masked to plain words before this runs. */
  private columns(): void {
    this.expectSymbol('(');
    do {
      this.name();
      this.type();
      if (this.acceptWord('COMMENT')) this.string();
    } while (this.acceptSymbol(','));
    this.expectSymbol(')');
  }

  private primitiveType(): void {
    const w = this.word();
    this.at++;
    if (PRIMITIVE_TYPES.has(w)) return;
    if (!SIZED_TYPES.has(w)) this.fail();
    if (w === 'DECIMAL' && !this.isSymbol('(')) return;
    this.expectSymbol('(');
    this.size();
    if (w === 'DECIMAL' && this.acceptSymbol(',')) this.size();
    this.expectSymbol(')');
  }

  private size(): void {
    if (this.next().kind !== 'number') this.fail();
  }

  private type(): void {
    if (this.acceptWord('ARRAY')) {
      this.expectSymbol('<');
      this.type();
      this.expectSymbol('>');
    } else if (this.acceptWord('MAP')) {
      // A map's key is a primitive type in Hive's grammar.
      this.expectSymbol('<');
      this.primitiveType();
      this.expectSymbol(',');
      this.type();
      this.expectSymbol('>');
    } else if (this.acceptWord('STRUCT')) {
      this.expectSymbol('<');
      do {
        this.name();
        this.expectSymbol(':');
        this.type();
      } while (this.acceptSymbol(','));
      this.expectSymbol('>');
    } else this.primitiveType();
  }

  /** `('key' = 'value', …)` */
  private properties(): void {
    this.expectSymbol('(');
    do {
      this.string();
      this.expectSymbol('=');
      this.string();
    } while (this.acceptSymbol(','));
    this.expectSymbol(')');
  }
}

/** True when `text` (one statement, masked as for the Hive grammar) is a CREATE EXTERNAL TABLE of the subset above. */
export function inHiveDdlSubset(text: string): boolean {
  const tokens = subsetTokens(text, known);
  if (!tokens || tokens.length === 0) return false;
  const recognizer = new Recognizer(tokens);
  return recognizer.recognizes(() => recognizer.createExternalTable());
}
