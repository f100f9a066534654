// A local lake folder is marked when the tool creates it, and only a marked folder is ever emptied (`lake run --demo`
// resets its lake). Anything else — the project itself (`--lake .`), `sql/`, a home directory, a folder of user files —
// is refused, whatever it contains: "looks like a lake" or "is inside the project" are guesses, the marker is a fact.
import { LakeError } from '../errors.js';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into every lake folder the tool creates. */
export const LAKE_MARKER = '.lake-folder';

const MARKER_TEXT = 'This folder is a local lake created by `lake`. Commands that reset the lake (lake run --demo) may delete everything in it.\n';

/** A folder the tool will not reset: it names the folder and says why. */
export class LakeFolderError extends LakeError {
  override readonly name = 'LakeFolderError';
}

const isEmptyDir = (path: string): boolean => readdirSync(path).length === 0;

/** Whether `root` carries the marker of a lake folder created by the tool. */
export function isLakeFolder(root: string): boolean {
  try {
    return lstatSync(join(root, LAKE_MARKER)).isFile();
  } catch {
    return false;
  }
}

/**
 * Creates the lake folder with its marker when it does not exist or is empty. A folder that already holds files is
 * left as it is: a lake created earlier keeps its marker, and a folder of someone else's files never gets one.
 */
export function claimLakeFolder(root: string): void {
  try {
    if (existsSync(root)) {
      if (!statSync(root).isDirectory()) return;
      if (!isEmptyDir(root)) return;
    }
    mkdirSync(root, { recursive: true });
    try {
      writeFileSync(join(root, LAKE_MARKER), MARKER_TEXT, { flag: 'wx' });
    } catch (error) {
      // Another process opening the same new lake wrote it first.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    throw accessError(root, error) ?? error;
  }
}

/** A folder the user may not enter, list or write (or a file in the way) is the user's setup, not a crash: exit 1. */
function accessError(root: string, error: unknown): LakeFolderError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS' && code !== 'ENOTDIR') return undefined;
  return new LakeFolderError(`cannot use ${root} as the lake folder: ${(error as Error).message}`, {
    hint: 'check the permissions of that folder and its parents, or choose another lake folder with --lake',
  });
}

/**
 * Empties a lake folder the tool created (keeping the folder itself and its marker, so a symlinked lake stays a
 * symlink), or creates a new one. Throws LakeFolderError for anything else.
 */
export function resetLakeFolder(root: string): void {
  try {
    emptyLakeFolder(root);
  } catch (error) {
    throw accessError(root, error) ?? error;
  }
}

function emptyLakeFolder(root: string): void {
  if (!existsSync(root)) {
    claimLakeFolder(root);
    return;
  }
  if (!statSync(root).isDirectory()) {
    throw new LakeFolderError(`${root} is not a folder: not using it as a lake`);
  }
  if (isEmptyDir(root)) {
    claimLakeFolder(root);
    return;
  }
  if (!isLakeFolder(root)) {
    throw new LakeFolderError(
      `${root} is not a lake folder created by lake (it has no ${LAKE_MARKER} marker) and it is not empty: refusing to delete what it holds`,
    );
  }
  for (const entry of readdirSync(root)) {
    if (entry !== LAKE_MARKER) rmSync(join(root, entry), { recursive: true, force: true });
  }
}
