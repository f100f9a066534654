import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Engine, QueryResult } from '../../engines/engine.js';
import { AthenaLocalEngine } from '../../engines/local/engine.js';
import { refuseEngineStatements } from '../../engines/local/sandbox.js';
import { firstLine, splitStatements, type Statement } from '../../dialect/statements.js';
import { locateEngineError, withSourceExcerpt } from '../../project/error-location.js';
import { openEngine } from '../context.js';
import type { EngineFlags } from '../engine-choice.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { formatResult, toJson, type OutputFormat } from '../format.js';
import type { Io } from '../io.js';

export interface SqlOptions extends EngineFlags {
  lake?: string;
  database?: string;
  format: OutputFormat;
  execute?: string;
  file?: string;
  each?: boolean;
  /** Rows the table format prints (default 1,000). */
  limit?: string;
}

/** The script: `-e`, `--file F`, `--file -` (stdin) or SQL piped into stdin. */
async function scriptOf(options: SqlOptions, io: Io): Promise<{ script: string; source?: string }> {
  if (options.execute !== undefined && options.file !== undefined) throw new CliError('give either -e "SQL" or --file F, not both', { exitCode: EXIT_CRASH });
  if (options.execute !== undefined) return { script: options.execute };
  if (options.file !== undefined && options.file !== '-') return { script: readFileSync(resolve(io.cwd, options.file), 'utf8'), source: options.file };
  if (options.file === '-' || (io.stdin && !io.stdin.isTTY)) return { script: await io.stdin!.read(), source: options.file === '-' ? '<stdin>' : undefined };
  throw new CliError('no SQL given', { hint: 'give -e "SQL", --file F, or pipe it in: echo "SELECT 1" | lake sql', exitCode: EXIT_CRASH });
}

function tableLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0) throw new CliError(`--limit must be a whole number ≥ 0, got '${text}'`, { exitCode: EXIT_CRASH });
  return limit;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The local engine's DuckDB also runs its own syntax (`1::int`, QUALIFY, `FROM range(3)`, `{'a': 1}`), which Athena
 * rejects: a statement is first checked as `lake lint` checks it (the Trino grammar), with lint's message at the
 * statement's line and column in the script. Loaded on first use: most statements are in the grammar-free subset.
 */
async function syntaxFailure(statement: Statement, source: string | undefined): Promise<string | undefined> {
  const { checkSyntax } = await import('../../lint/syntax.js');
  const [error] = await checkSyntax(statement.text);
  if (!error) return undefined;
  const at = { line: statement.line + error.line - 1, col: error.line === 1 ? statement.col + error.col - 1 : error.col };
  const text = { file: source ?? '<sql>', sql: ' '.repeat(statement.col - 1) + statement.text, bodyLine: statement.line };
  const where = source ? `${source}:${at.line}:${at.col}` : `line ${at.line}:${at.col}`;
  const message = withSourceExcerpt(`${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`, text, at);
  return `statement ${statement.index + 1} (${where}: ${firstLine(statement.text)}) failed: ${message}`;
}

/**
 * The statement's result; a syntax error Athena would raise fails it on the local engine too (syntaxFailure), after
 * the engine's own refusal of DuckDB statements (COPY, ATTACH, PRAGMA…), which names them better than the grammar.
 */
async function execute(engine: Engine, statement: Statement, database: string, source: string | undefined): Promise<QueryResult> {
  if (engine instanceof AthenaLocalEngine) {
    refuseEngineStatements(statement.text);
    const syntax = await syntaxFailure(statement, source);
    if (syntax) throw new CliError(syntax);
  }
  return engine.execute(statement.text, { database });
}

export async function runSql(options: SqlOptions, io: Io): Promise<number> {
  const limit = tableLimit(options.limit);
  if (options.file === '-' && !io.stdin) throw new CliError('--file -: no standard input to read', { exitCode: EXIT_CRASH });
  const { script, source } = await scriptOf(options, io);
  const statements = splitStatements(script);
  if (statements.length === 0) throw new CliError('no SQL statement to run', { exitCode: EXIT_CRASH });

  const { engine, database } = await openEngine(io, { ...options, command: 'lake sql' });
  try {
    if (options.each) {
      let failed = 0;
      for (const statement of statements) {
        try {
          const result = await execute(engine, statement, database, source);
          io.stdout(`${toJson({ ok: true, columns: result.columns, rows: result.rows })}\n`);
        } catch (error) {
          failed++;
          io.stdout(`${toJson({ ok: false, error: errorText(error) })}\n`);
        }
      }
      return failed > 0 ? EXIT_FAILURE : EXIT_OK;
    }
    let last: QueryResult | undefined;
    for (const statement of statements) {
      try {
        last = await execute(engine, statement, database, source);
      } catch (error) {
        if (error instanceof CliError) throw error;
        // Columns of the statement's first line count from where it starts in the script.
        const text = { file: source ?? '<sql>', sql: ' '.repeat(statement.col - 1) + statement.text, bodyLine: statement.line };
        const found = locateEngineError(errorText(error), text);
        const at = found ?? { line: statement.line, col: statement.col };
        const where = source ? `${source}:${at.line}:${at.col}` : `line ${at.line}:${at.col}`;
        const message = found ? withSourceExcerpt(errorText(error), text, found) : errorText(error);
        throw new CliError(`statement ${statement.index + 1} (${where}: ${firstLine(statement.text)}) failed: ${message}`);
      }
    }
    io.stdout(formatResult(last!, options.format, limit));
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}
