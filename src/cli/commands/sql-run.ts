import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QueryResult } from '../../engines/engine.js';
import { firstLine, splitStatements } from '../../dialect/statements.js';
import { openLocalEngine } from '../context.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { formatResult, toJson, type OutputFormat } from '../format.js';
import type { Io } from '../io.js';

export interface SqlOptions {
  lake?: string;
  database?: string;
  format: OutputFormat;
  execute?: string;
  file?: string;
  each?: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runSql(options: SqlOptions, io: Io): Promise<number> {
  if (Boolean(options.execute) === Boolean(options.file)) {
    throw new CliError('give exactly one of -e "SQL" or --file F', { exitCode: EXIT_CRASH });
  }
  const script = options.execute ?? readFileSync(resolve(io.cwd, options.file!), 'utf8');
  const statements = splitStatements(script);
  if (statements.length === 0) throw new CliError('no SQL statement to run', { exitCode: EXIT_CRASH });

  const { engine, database } = await openLocalEngine(io, { ...options, command: 'lake sql' });
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
        const where = options.file ? `${options.file}:${statement.line}` : `line ${statement.line}`;
        throw new CliError(
          `statement ${statement.index + 1} (${where}: ${firstLine(statement.text)}) failed: ${errorText(error)}`,
        );
      }
    }
    io.stdout(formatResult(last!, options.format));
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}
