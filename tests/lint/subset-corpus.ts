// What the fast syntax paths' tests (hive-subset, trino-subset) check against dt-sql-parser's grammars: the grammar's
// own verdict, and the repository's and the bench's statements of one grammar.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HiveSQL, TrinoSQL } from 'dt-sql-parser';
import { writeModelsProject } from '../../bench/models.js';
import { splitStatements } from '../../src/dialect/statements.js';
import { statementGrammar } from '../../src/lint/statement-grammar.js';

/** True when the grammar parses the text without a syntax error. */
export function grammarAccepts(grammar: HiveSQL | TrinoSQL, text: string): boolean {
  let failed = false;
  const parser = grammar.createParser(text, () => {
    failed = true;
  });
  parser.buildParseTrees = false;
  parser.program();
  return !failed;
}

const REPO = new URL('../../', import.meta.url).pathname;
function sqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sqlFiles(join(dir, e.name)) : e.name.endsWith('.sql') ? [join(dir, e.name)] : [],
  );
}

type Grammar = ReturnType<typeof statementGrammar>;
const statementsOf = (grammar: Grammar, files: string[]) =>
  files
    .flatMap((f) => splitStatements(readFileSync(f, 'utf8')))
    .map((s) => s.text)
    .filter((s) => statementGrammar(s) === grammar);

/** The grammar's statements in the project's sql/ folder, and also in tests/fixtures and samples when `all`. */
export function repoStatements(grammar: Grammar, all: boolean): string[] {
  const dirs = all ? ['sql', join('tests', 'fixtures'), 'samples'] : ['sql'];
  return statementsOf(
    grammar,
    dirs.flatMap((d) => sqlFiles(join(REPO, d))),
  );
}

/** The grammar's statements in a bench project of `models` generated models. */
export function benchStatements(grammar: Grammar, models: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), `lake-${grammar}-subset-`));
  try {
    writeModelsProject(dir, models);
    return statementsOf(grammar, sqlFiles(join(dir, 'sql')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
