// Which Chromium the browser tests drive, so that `npm ci && npm test` is enough on a fresh Linux machine:
// 1. CHROMIUM_PATH, when set (an explicit choice is never second-guessed: a wrong path is an error);
// 2. a system Chromium on PATH (`chromium`, `chromium-browser`);
// 3. the Chromium build shipped inside the `@sparticuz/chromium` devDependency (Linux x64), unpacked once into
//    node_modules/.cache/ (per package version).
// When none is found, launching fails with a message saying how to get one: a browser test never skips silently.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SYSTEM_NAMES = ['chromium', 'chromium-browser'];

export const HOW_TO_GET_CHROMIUM =
  'the browser tests need Chromium: run `npm ci` on Linux x64 (it installs @sparticuz/chromium), ' +
  'or install Chromium (e.g. `apt-get install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome binary';

export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  /** Project root: where node_modules (and its .cache) is. */
  root: string;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function onPath(names: readonly string[], path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Unpacks @sparticuz/chromium's brotli files into node_modules/.cache/sparticuz-chromium-<version>/. The package
 * unpacks into os.tmpdir() with no locking; running it in a child whose TMPDIR is a fresh folder, then renaming that
 * folder into place, keeps concurrent test files (and other checkouts sharing /tmp) from seeing a half-written binary.
 */
function unpackSparticuz(root: string): string | undefined {
  const packageJson = join(root, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!existsSync(packageJson)) return undefined;
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const cache = join(root, 'node_modules', '.cache');
  const target = join(cache, `sparticuz-chromium-${version}`);
  const binary = join(target, 'chromium');
  if (isExecutable(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'sparticuz-chromium-unpacking-'));
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; await c.executablePath();"], {
      cwd: root,
      env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another test file unpacked it first: use theirs.
      if (!isExecutable(binary)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** The Chromium binary to launch, or an error saying how to get one. */
export function findChromium(search: ChromiumSearch = { env: process.env, platform: process.platform, arch: process.arch, root: ROOT }): string {
  const explicit = search.env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file; ${HOW_TO_GET_CHROMIUM}`);
    return explicit;
  }
  const system = onPath(SYSTEM_NAMES, search.env.PATH);
  if (system) return system;
  if (search.platform === 'linux' && search.arch === 'x64') {
    const packaged = unpackSparticuz(search.root);
    if (packaged) return packaged;
  }
  throw new Error(
    `no Chromium found (CHROMIUM_PATH unset, no ${SYSTEM_NAMES.join(' or ')} on PATH, no @sparticuz/chromium for ${search.platform}-${search.arch}); ${HOW_TO_GET_CHROMIUM}`,
  );
}
