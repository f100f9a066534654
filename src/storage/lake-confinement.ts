// Everything the local engine and object store write lands inside the lake folder, judged on real paths: a symbolic
// link inside the lake that points elsewhere (`lake/bucket/t -> /home/me`) would otherwise carry a rename, a mkdir or a
// delete out of it, since the file system follows links. Path strings alone (S3 keys without `..`) cannot see that.
import { LakeError } from '../errors.js';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A write that would land outside the lake folder. A user error (exit 1), never carried out. */
export class OutsideLakeError extends LakeError {
  override readonly name: string = 'OutsideLakeError';
}

const isErrno = (error: unknown, code: string) => typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;

/** The real path `path` has or would have once created: its deepest existing ancestor resolved, the rest appended. */
function realPathOf(path: string): string {
  const missing: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    // A name that does not exist, not even as a link, is asked of lstat without an exception: most writes name a file
    // not yet there, and the ENOENT realpath threw built an Error with its stack each time (issue 18: ~2,000 object
    // writes per `npm start`). Any other answer, or an lstat error, goes the way it went before.
    let missingName = false;
    try {
      missingName = lstatSync(current, { throwIfNoEntry: false }) === undefined;
    } catch {
      // realpath below reports it
    }
    if (missingName) {
      if (dirname(current) === current) return join(current, ...missing.reverse());
      missing.push(basename(current));
      continue;
    }
    try {
      // The C library's realpath: one call, where Node's own resolves the path a component at a time (~40 -> ~20 µs per
      // write's check; `npm start` checks ~2,000 object writes). The same real path on POSIX systems.
      return join(realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      // A link whose target does not exist: creating through it would create the target, wherever it points.
      if (lstatOrUndefined(current)?.isSymbolicLink())
        throw new OutsideLakeError(`${current} is a symbolic link to a missing target: the local lake does not write through it`);
      if (dirname(current) === current) return join(current, ...missing.reverse());
      missing.push(basename(current));
    }
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Throws an OutsideLakeError unless `path` (existing or about to be created) resolves inside `lakeRoot`. */
export function assertInsideLake(lakeRoot: string, path: string): void {
  const root = realPathOf(lakeRoot);
  const real = realPathOf(path);
  const rel = relative(root, real);
  if (rel.split(sep)[0] === '..' || isAbsolute(rel)) {
    throw new OutsideLakeError(`refusing to write ${path}: it resolves to ${real}, outside the lake ${root} (through a symbolic link)`);
  }
}

/**
 * assertInsideLake for many paths below one folder (a table's partitions): the folder is judged once, then each folder
 * on the way down once, by lstat. A real folder below a folder inside the lake is inside; a missing one will be created
 * there; a symbolic link is judged as assertInsideLake judges it (where it points). A write of 168 partitions made
 * ~25 file-system calls per partition through assertInsideLake, ~2 here (issue 18: ~20 ms of CPU per 336 partitions).
 */
export function insideLakeBelow(lakeRoot: string, folder: string): (path: string) => void {
  assertInsideLake(lakeRoot, folder);
  const top = resolve(folder);
  const judged = new Set<string>();
  return (path: string) => {
    const rel = relative(top, resolve(path));
    if (rel === '') return;
    if (rel.split(sep)[0] === '..' || isAbsolute(rel)) return assertInsideLake(lakeRoot, path);
    let current = top;
    for (const part of rel.split(sep)) {
      current = join(current, part);
      if (judged.has(current)) continue;
      const stat = lstatOrUndefined(current);
      if (stat === undefined) return; // missing: it and what is below it will be created inside `current`'s parent
      if (stat.isSymbolicLink()) return assertInsideLake(lakeRoot, path);
      judged.add(current);
    }
  };
}
