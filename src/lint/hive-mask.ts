// What Athena's DDL accepts and dt-sql-parser's Hive grammar does not, rewritten before the grammar sees it:
// - column and struct field names that are Hive keywords: AWS's own documented tables name columns `time`,
//   `timestamp`, `start`, `type` without quotes (ALB, ELB, VPC flow logs; tests/fixtures/athena-ddl);
// - comments (the grammar does not skip `/* … */` or `--` inside a column list);
// - unquoted numbers as TBLPROPERTIES values: `SET TBLPROPERTIES ('compression_level' = 4)`
//   (https://docs.aws.amazon.com/athena/latest/ug/alter-table-set-tblproperties.html).
// Names and comments keep their length, so error positions still match the file; a quoted number grows by two
// characters, which `originalColumn` takes back.
import { isTrivia, tokenize, type Token } from '../dialect/tokens.js';

export interface MaskedDdl {
  text: string;
  /** The column in the original text of a position in the masked one. */
  originalColumn: (line: number, col: number) => number;
}

const nameMask = (text: string): string => `x${'_'.repeat(text.length - 1)}`;

export function maskHiveDdl(sql: string): MaskedDdl {
  const tokens = tokenize(sql);
  const meaningful = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !isTrivia(t));
  const position = new Map(meaningful.map(({ i }, k) => [i, k]));
  const at = (k: number): Token | undefined => meaningful[k]?.t;
  const isPunct = (t: Token | undefined, text: string) => t !== undefined && (t.kind === 'punct' || t.kind === 'op') && t.text === text;
  const growth: { line: number; col: number; by: number }[] = [];
  let depth = 0;
  let inProperties = false;
  const out = tokens.map((t, i) => {
    if (t.kind === 'comment') return t.text.replace(/[^\n]/g, ' ');
    const k = position.get(i);
    if (k === undefined) return t.text;
    const prev = at(k - 1);
    const next = at(k + 1);
    if (isPunct(t, '(')) {
      depth++;
      inProperties = /PROPERTIES$/i.test(prev?.text ?? '');
    } else if (isPunct(t, ')')) depth--;
    if (t.kind === 'word' && depth > 0) {
      const columnName = (isPunct(prev, '(') || isPunct(prev, ',')) && next !== undefined && (next.kind === 'word' || next.kind === 'quoted');
      const fieldName = isPunct(next, ':');
      if (columnName || fieldName) return nameMask(t.text);
    }
    if (t.kind === 'number' && inProperties && isPunct(prev, '=')) {
      growth.push({ line: t.line, col: t.col, by: 2 });
      return `'${t.text}'`;
    }
    return t.text;
  });
  return {
    text: out.join(''),
    originalColumn: (line, col) => col - growth.filter((g) => g.line === line && g.col < col).reduce((sum, g) => sum + g.by, 0),
  };
}
