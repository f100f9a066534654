// Everything lake prints goes through Io (src/cli/io.ts): commands run in-process in tests, and output cannot
// interleave behind the progress bar's back. Only processIo itself touches the process streams.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

describe('output goes through Io', () => {
  it('no module under src but src/cli/io.ts writes to process.stdout, process.stderr or the console', () => {
    const writers = sourceFiles('src')
      .filter((file) => relative('src', file) !== join('cli', 'io.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /process\.std(out|err)\b|console\.(log|error|warn|info)\(/.test(line) ? [`${relative('.', file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(writers).toEqual([]);
  });
});
