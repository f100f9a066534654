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
    try {
      return join(realpathSync(current), ...missing.reverse());
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
