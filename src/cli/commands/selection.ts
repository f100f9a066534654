// The dbt-style selection flags shared by run, test, graph and lint: positional selectors and `--select` are a union,
// `--exclude` is taken away (syntax: src/project/selector.ts).
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { Selection } from '../../project/selector.js';
import type { Io } from '../io.js';

export const SELECTOR_SYNTAX = 'name, name+, +name, 2+name, name+1, tag:x, path:sql/transforms/p1, kind:model, a file; a,b = both';

export interface SelectionFlags {
  select?: string[];
  exclude?: string[];
}

/** Adds `-s, --select` and `--exclude` (each repeatable, each taking one or more selectors). */
export function withSelectionOptions(command: Command): Command {
  return command
    .option('-s, --select <selector...>', `nodes to include (union; with positional selectors too): ${SELECTOR_SYNTAX}`)
    .option('--exclude <selector...>', 'nodes to leave out of the selection (same syntax)');
}

/** File-path selectors are typed relative to the working directory; the project matches them relative to its root. */
function rootRelativePart(part: string, io: Io, root: string): string {
  const [, prefix, base, suffix] = /^(\d*\+)?(.*?)(\+\d*)?$/.exec(part)!;
  if (base.includes(':') || !(base.includes('/') || base.endsWith('.sql'))) return part;
  return (prefix ?? '') + relative(root, resolve(io.cwd, base)).split(sep).join('/') + (suffix ?? '');
}

const rootRelative = (term: string, io: Io, root: string) =>
  term
    .split(/\s+/)
    .filter(Boolean)
    .map((t) =>
      t
        .split(',')
        .map((part) => rootRelativePart(part, io, root))
        .join(','),
    )
    .join(' ');

/** The selection a command was given, with file paths made relative to the project root. */
export function selectionOf(positional: readonly string[], flags: SelectionFlags, io: Io, root: string): Selection {
  return {
    select: [...positional, ...(flags.select ?? [])].map((t) => rootRelative(t, io, root)),
    exclude: (flags.exclude ?? []).map((t) => rootRelative(t, io, root)),
  };
}
