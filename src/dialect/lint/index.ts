// Lint rules for constructs the local engine cannot run with Athena's answer. The translator reports the same
// findings (and refuses to run the SQL), so the rules and the translation never disagree.
import type { Diagnostic } from '../diagnostics.js';
import { isTrivia, keyword, tokenize, type Token } from '../tokens.js';
import { translateExpressions } from '../translate/query.js';

export interface FaithfulOptions {
  /** File the SQL came from, relative to the project root. */
  file?: string;
  /** Lines before the SQL in its file (e.g. a header), added to every reported line. */
  lineOffset?: number;
}

export function checkFaithful(sql: string, options: FaithfulOptions = {}): Diagnostic[] {
  const offset = options.lineOffset ?? 0;
  const position = (t: Token) => ({ line: t.line + offset, col: t.col });
  const { text, transforms } = withoutPartitionClauses(sql, position);
  const { diagnostics } = translateExpressions(text, position);
  return [...transforms, ...diagnostics].map((d) => (options.file ? { ...d, file: options.file } : d));
}

/** Athena's Iceberg partition transforms (https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-creating-tables.html). */
const ICEBERG_TRANSFORMS = new Set(['year', 'month', 'day', 'hour', 'bucket', 'truncate']);

/**
 * A DDL `PARTITIONED BY (…)` holds Hive columns (`k int`) or Iceberg transforms (`day(ts)`, `bucket(16, id)`), no
 * expression: it is blanked (lines and columns kept) before the expression rules, and a transform Athena does not
 * know is reported here instead of as an unknown function.
 */
function withoutPartitionClauses(sql: string, position: (t: Token) => { line: number; col: number }): { text: string; transforms: Diagnostic[] } {
  const tokens = tokenize(sql).filter((t) => !isTrivia(t));
  const transforms: Diagnostic[] = [];
  let text = sql;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (keyword(tokens[i]) !== 'PARTITIONED' || keyword(tokens[i + 1]) !== 'BY' || tokens[i + 2].text !== '(') continue;
    let depth = 0;
    let end = i + 2;
    for (; end < tokens.length; end++) {
      if (tokens[end].text === '(') depth++;
      else if (tokens[end].text === ')' && --depth === 0) break;
      else if (depth === 1 && tokens[end + 1]?.text === '(' && tokens[end].kind === 'word') {
        const name = tokens[end].text.toLowerCase();
        if (!ICEBERG_TRANSFORMS.has(name))
          transforms.push({
            ...position(tokens[end]),
            severity: 'error',
            rule: 'unfaithful/partition-transform',
            message: `${name}() is not an Iceberg partition transform Athena knows`,
            hint: 'write year(ts), month(ts), day(ts), hour(ts), bucket(n, col), truncate(n, col) or a column',
          });
      }
    }
    if (end >= tokens.length) break;
    const from = tokens[i + 2].start + 1;
    const to = tokens[end].start;
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
    i = end;
  }
  return { text, transforms };
}
