// `${name}` variables in SQL. Values are typed and rendered so that no value can change the statement's structure:
// inside a quoted literal the value's quote characters are doubled; in bare position every value becomes exactly one
// literal or one quoted identifier.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { isTrivia, keyword, tokenize, SqlSyntaxError, type Token } from '../dialect/tokens.js';
import type { ProjectConfig } from './config.js';
import { ProjectError } from './errors.js';

export type TypedVariable = { type: 'identifier'; value: string } | { type: 'timestamp'; value: Date } | { type: 'date'; value: string };

/** A plain string renders as a string literal (or a quoted identifier where a name is expected); a Date as a TIMESTAMP. */
export type VariableValue = string | number | bigint | boolean | Date | TypedVariable;
export type Variables = Readonly<Record<string, VariableValue>>;

export const identifierVariable = (value: string): TypedVariable => ({ type: 'identifier', value });
export const timestampVariable = (value: Date): TypedVariable => ({ type: 'timestamp', value });
/** `value`: `YYYY-MM-DD`, or a Date (its UTC day). */
export const dateVariable = (value: string | Date): TypedVariable => ({
  type: 'date',
  value: typeof value === 'string' ? value : value.toISOString().slice(0, 10),
});

/** Variables the runner binds per run; known names at load time, values only at run time. */
export const RUNTIME_VARIABLES = ['now', 'period_start', 'period_end', 'window_start', 'window_end'] as const;
export const BUILTIN_VARIABLES = ['stage', 'database', ...RUNTIME_VARIABLES] as const;

/** Stage variables from lakehouse.yaml plus the built-ins `stage` and `database` (and any run-time values given). */
export function projectVariables(config: ProjectConfig, stage: string, runtime: Variables = {}): Variables {
  return {
    ...(config.stages[stage]?.variables ?? {}),
    stage,
    database: identifierVariable(config.database),
    ...runtime,
  };
}

export interface SubstituteOptions {
  /** File named in errors. */
  file?: string;
  /** Added to line numbers in errors: the line of the SQL text in its file, minus one. */
  lineOffset?: number;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EMBEDDED_VARIABLE = /\$\{([^}]*)\}/g;
// Keywords after which a bare variable stands for a table or database name.
const NAME_CONTEXT = new Set(['FROM', 'JOIN', 'INTO', 'TABLE', 'VIEW', 'UPDATE', 'USING', 'DATABASE', 'SCHEMA']);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS.fff` in UTC: Athena's TIMESTAMP text. */
export function timestampText(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

const checkDate = (text: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) throw new Error(`'${text}' is not a date (YYYY-MM-DD)`);
  return text;
};

/** The value as text, for use inside a quoted literal or identifier. */
function plainText(value: VariableValue): string {
  if (value instanceof Date) return timestampText(value);
  if (typeof value === 'object') {
    if (value.type === 'timestamp') return timestampText(value.value);
    if (value.type === 'date') return checkDate(value.value);
    return value.value;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  return String(value);
}

const quoteIdentifier = (name: string): string => {
  if (name.length === 0) throw new Error('an empty name');
  return `"${name.replaceAll('"', '""')}"`;
};
const quoteString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The value as one SQL literal or quoted identifier, for bare position. */
function bareSql(value: VariableValue, namePosition: boolean): string {
  if (typeof value === 'object' && !(value instanceof Date) && value.type === 'identifier') return quoteIdentifier(value.value);
  if (namePosition) {
    if (typeof value === 'string') return quoteIdentifier(value);
    throw new Error(`a ${describe(value)} cannot stand for a table or database name`);
  }
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = plainText(value);
    // Parenthesised so `x-${n}` with n = -1 cannot become the comment `x--1`.
    return value < 0 ? `(${text})` : text;
  }
  if (value instanceof Date || value.type === 'timestamp') return `TIMESTAMP '${plainText(value)}'`;
  return `DATE '${plainText(value)}'`;
}

/** Line and column of the character at `index` inside a (possibly multi-line) token. */
function embeddedPosition(t: Token, index: number): { line: number; col: number } {
  const before = t.text.slice(0, index);
  const newlines = before.split('\n').length - 1;
  return { line: t.line + newlines, col: newlines === 0 ? t.col + index : index - before.lastIndexOf('\n') };
}

const gluesTo = (t: Token | undefined): boolean =>
  t !== undefined && (t.kind === 'word' || t.kind === 'quoted' || t.kind === 'string' || t.kind === 'number' || t.kind === 'variable');

const describe = (value: VariableValue): string => (value instanceof Date ? 'timestamp' : typeof value === 'object' ? value.type : typeof value);

/**
 * The value of Athena's partition projection template, `'storage.location.template' = 's3://…/${day}/'`: Athena
 * fills its `${partition_key}` placeholders itself
 * (https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html), so there a name that is not a
 * project variable is left as written.
 */
function isLocationTemplate(significant: readonly Token[], k: number): boolean {
  const [property, equals] = [significant[k - 2], significant[k - 1]];
  return (
    equals?.text === '=' &&
    (property?.kind === 'string' || property?.kind === 'quoted') &&
    property.text.slice(1, -1).toLowerCase() === 'storage.location.template'
  );
}

/**
 * Names of the `${…}` variables used in SQL code and literals (not in comments), with their positions. `template`
 * marks uses inside a partition projection template, where unknown names are Athena's placeholders.
 */
export function variableUses(sql: string | readonly Token[]): Array<{ name: string; line: number; col: number; template?: boolean }> {
  const uses: Array<{ name: string; line: number; col: number; template?: boolean }> = [];
  const significant = (typeof sql === 'string' ? tokenize(sql) : sql).filter((t) => !isTrivia(t));
  significant.forEach((t, k) => {
    if (t.kind === 'variable') uses.push({ name: t.text.slice(2, -1).trim(), line: t.line, col: t.col });
    else if (t.kind === 'string' || t.kind === 'quoted') {
      const template = isLocationTemplate(significant, k);
      for (const m of t.text.matchAll(EMBEDDED_VARIABLE)) uses.push({ name: m[1].trim(), ...embeddedPosition(t, m.index), ...(template ? { template } : {}) });
    }
  });
  return uses;
}

/**
 * Replaces every `${name}` in `sql` (code, string literals, quoted identifiers; comments are left alone).
 * Throws ProjectError naming file:line for unknown variables and values that do not fit their position.
 */
export function substituteVariables(sql: string, vars: Variables, options: SubstituteOptions = {}): string {
  const diagnostics: Diagnostic[] = [];
  const lineOffset = options.lineOffset ?? 0;
  const fail = (line: number, col: number, message: string, hint?: string) =>
    diagnostics.push({ severity: 'error', rule: 'variables/unknown', message, hint, file: options.file, line: line + lineOffset, col });
  const lookup = (name: string, line: number, col: number): VariableValue | undefined => {
    if (!VARIABLE_NAME.test(name)) {
      fail(line, col, `'\${${name}}' is not a variable name`, 'variable names are letters, digits and _');
      return undefined;
    }
    if (!Object.hasOwn(vars, name)) {
      const known = Object.keys(vars).sort().join(', ');
      fail(line, col, `unknown variable \${${name}}`, `define it under stages.<stage>.variables in lakehouse.yaml; known here: ${known || '(none)'}`);
      return undefined;
    }
    return vars[name];
  };

  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    throw new ProjectError([{ severity: 'error', rule: 'syntax', message: error.message, file: options.file, line: error.line + lineOffset, col: error.col }]);
  }
  const significant = tokens.filter((t) => !isTrivia(t));
  const out: string[] = [];
  let s = 0; // index into `significant` of the next significant token
  for (const [i, t] of tokens.entries()) {
    if (isTrivia(t)) {
      out.push(t.text);
      continue;
    }
    const prev = significant[s - 1];
    const next = significant[s + 1];
    s++;
    if (t.kind === 'variable') {
      const name = t.text.slice(2, -1).trim();
      const value = lookup(name, t.line, t.col);
      if (value === undefined) continue;
      const namePosition = prev?.text === '.' || next?.text === '.' || NAME_CONTEXT.has(keyword(prev));
      try {
        // Spaced from touching words and quotes so `'a'${s}` cannot merge into one literal.
        const before = gluesTo(tokens[i - 1]) ? ' ' : '';
        const after = gluesTo(tokens[i + 1]) ? ' ' : '';
        out.push(before + bareSql(value, namePosition) + after);
      } catch (error) {
        fail(t.line, t.col, `\${${name}}: ${(error as Error).message}`);
      }
    } else if ((t.kind === 'string' || t.kind === 'quoted') && t.text.includes('${')) {
      const quote = t.kind === 'string' ? "'" : t.text[0];
      const template = isLocationTemplate(significant, s - 1);
      out.push(
        t.text.replace(EMBEDDED_VARIABLE, (whole, name: string, index: number) => {
          if (template && !Object.hasOwn(vars, name.trim())) return whole;
          const at = embeddedPosition(t, index);
          const value = lookup(name.trim(), at.line, at.col);
          if (value === undefined) return whole;
          try {
            return plainText(value).replaceAll(quote, quote + quote);
          } catch (error) {
            fail(at.line, at.col, `\${${name}}: ${(error as Error).message}`);
            return whole;
          }
        }),
      );
    } else {
      out.push(t.text);
    }
  }
  if (diagnostics.length > 0) throw new ProjectError(diagnostics);
  return out.join('');
}

/** Replaces `${name}` in plain text such as a header `location`, with the values' text. */
export function interpolateText(text: string, vars: Variables): string {
  return text.replace(EMBEDDED_VARIABLE, (whole, name: string) => {
    const key = name.trim();
    if (!Object.hasOwn(vars, key))
      throw new ProjectError([{ severity: 'error', rule: 'variables/unknown', message: `unknown variable ${whole} in '${text}'`, line: 1, col: 1 }]);
    return plainText(vars[key]);
  });
}
