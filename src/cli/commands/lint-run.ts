import { formatDiagnostic } from '../../dialect/diagnostics.js';
import { lintProject } from '../../lint/lint.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { toJson } from '../format.js';
import { paintFor } from '../color.js';
import type { Io } from '../io.js';
import { projectRelativePaths, requireProjectRoot } from './project-paths.js';
import { selectionOf, type SelectionFlags } from './selection.js';

export interface LintCommandOptions extends SelectionFlags {
  stage?: string;
  format: 'text' | 'json';
  /** false with --no-cache */
  cache: boolean;
  /** false with --no-bind */
  bind: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runLint(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const root = requireProjectRoot(io);
  const selected = paths.length > 0 ? projectRelativePaths(io, root, paths) : undefined;
  const { files, diagnostics } = await lintProject(root, {
    stage: options.stage,
    paths: selected,
    selection: selectionOf([], options, io, root),
    cache: options.cache,
    bind: options.bind,
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (options.format === 'json') {
    io.stdout(`${toJson({ files: files.length, errors, warnings, diagnostics })}\n`);
  } else {
    const paint = paintFor(io);
    const severity = (d: (typeof diagnostics)[number]) => (d.severity === 'error' ? paint.fail('error') : paint.warn('warning'));
    for (const d of diagnostics) io.stdout(`${formatDiagnostic(d).replace(` ${d.severity} [`, ` ${severity(d)} [`)}\n`);
    io.stdout(`${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  }
  return errors > 0 ? EXIT_FAILURE : EXIT_OK;
}
