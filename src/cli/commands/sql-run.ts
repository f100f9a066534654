import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QueryResult } from '../../engines/engine.js';
import { firstLine, splitStatements } from '../../dialect/statements.js';
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
          const result = await engine.execute(statement.text, { database });
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
        last = await engine.execute(statement.text, { database });
      } catch (error) {
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
