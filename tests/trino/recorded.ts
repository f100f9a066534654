import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where the dialect tests' queries are recorded (ignored cache folder), under the repository `root`. */
export const recordedSqlFile = (root = process.cwd()): string => join(root, '.cache', 'trino', 'recorded-sql.jsonl');
/** Written when a recording is whole: the hash of the sources it was recorded from (recordingInputsHash). */
const stampFile = (root: string): string => `${recordedSqlFile(root)}.stamp`;

/** The dialect tests whose queries are recorded. */
export const RECORDED_TESTS = 'tests/dialect';

export interface RecordedQuery {
  sql: string;
  file: string;
}

/** A recorded line: a query, or the mark that a test file started (so a whole recording can be told apart). */
type RecordedLine = RecordedQuery | { started: string };

const typeScriptFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => join(e.parentPath, e.name))
        .sort()
    : [];

/** The recorded test files, relative to `root`. */
const recordedTestFiles = (root: string): string[] =>
  typeScriptFiles(join(root, RECORDED_TESTS))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => relative(root, f));

/** What a recording depends on: the text of every source and test file (the tests' SQL, and harnesses that build it). */
function recordingInputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of [...typeScriptFiles(join(root, 'src')), ...typeScriptFiles(join(root, 'tests'))])
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Starts a recording: the previous one, and its stamp, are removed. */
export function startRecording(root = process.cwd()): void {
  mkdirSync(dirname(recordedSqlFile(root)), { recursive: true });
  rmSync(recordedSqlFile(root), { force: true });
  rmSync(stampFile(root), { force: true });
}

/** Appends one line to the recording (record-setup.ts, in each test file's worker). */
export function recordLine(line: RecordedLine, root = process.cwd()): void {
  writeFileSync(recordedSqlFile(root), `${JSON.stringify(line)}\n`, { flag: 'a' });
}

function recordedLines(root: string): RecordedLine[] {
  if (!existsSync(recordedSqlFile(root))) return [];
  return readFileSync(recordedSqlFile(root), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as RecordedLine);
}

/**
 * Ends a recording: when every recorded test file started (a whole run, not a selection of files), the recording is
 * stamped with the sources' hash, so `npm run test:trino` can replay it instead of running the dialect tests again
 * (`npm test` records as it runs them; .ci/run runs the tier right after it).
 */
export function finishRecording(root = process.cwd()): void {
  const started = new Set(recordedLines(root).flatMap((line) => ('started' in line ? [relative(root, line.started)] : [])));
  const files = recordedTestFiles(root);
  if (files.length > 0 && files.every((file) => started.has(file))) writeFileSync(stampFile(root), recordingInputsHash(root));
}

/** Whether the recording is whole and was made from the sources as they are now. */
export function recordingIsCurrent(root = process.cwd()): boolean {
  const stamp = stampFile(root);
  return existsSync(recordedSqlFile(root)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === recordingInputsHash(root);
}

/** The recorded queries, each once. */
export function recordedQueries(root = process.cwd()): RecordedQuery[] {
  const seen = new Map<string, RecordedQuery>();
  for (const line of recordedLines(root)) if ('sql' in line && !seen.has(line.sql)) seen.set(line.sql, line);
  return [...seen.values()];
}
