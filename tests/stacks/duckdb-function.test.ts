// The DuckDB functions (P1 consumer, P2 validate) must get the addon that loads on Lambda — linux, x64, glibc — whatever
// machine runs `sst deploy`. SST installs the function's packages with npm and the platform flags below; npm decides
// which optional platform package to install with its own check (npm-install-checks, as arborist calls it for
// optional dependencies: the configured os/cpu/libc, else the host's). Here that check runs with the configuration npm
// reads in the function's folder, for a glibc host, a musl host (Alpine) and a host without libc (macOS).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { checkPlatform, currentEnv } from 'npm-install-checks';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DUCKDB_FUNCTION, DUCKDB_PACKAGES, writeDuckDbNpmrc } from '../../stacks/lib/lake-function.js';

const root = join(import.meta.dirname, '../..');
const require = createRequire(join(root, 'package.json'));
const out = mkdtempSync(join(tmpdir(), 'duckdb-fn-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The flags SST's Node runtime passes to `npm install` for an x86_64 function (sst/runtime/handlers/node.js). */
const SST_FLAGS = ['--omit=optional', '--force', '--os=linux', '--cpu=x64'];

type PlatformPackage = { name: string; os?: string[]; cpu?: string[]; libc?: string[] };
const bindingsDir = dirname(require.resolve('@duckdb/node-bindings/package.json'));
const linuxX64 = JSON.parse(readFileSync(join(bindingsDir, '../node-bindings-linux-x64/package.json'), 'utf8')) as PlatformPackage;
/** The same package's siblings differ only in their platform fields (node-bindings' optionalDependencies). */
const sibling = (name: string, platform: Omit<PlatformPackage, 'name'>): PlatformPackage => ({ ...linuxX64, name, ...platform });

/** What npm reads for these settings in the function's folder, with SST's command-line flags on top. */
function npmConfig(cwd: string): { os: string; cpu: string; libc: string | null; include: string } {
  const text = execFileSync('npm', ['config', 'get', 'os', 'cpu', 'libc', 'include', ...SST_FLAGS], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const entries = Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
  return {
    os: entries.os,
    cpu: entries.cpu,
    libc: entries.libc === 'null' || entries.libc === 'undefined' || !entries.libc ? null : entries.libc,
    include: entries.include,
  };
}

/** Arborist's rule for an optional dependency: the configured os/cpu/libc, where unset the host's (npm-install-checks'
 *  currentEnv, which the simulated host replaces). */
const installs = (pkg: PlatformPackage, config: ReturnType<typeof npmConfig>): boolean => {
  try {
    checkPlatform(pkg, false, { os: config.os, cpu: config.cpu, libc: config.libc ?? undefined });
    return true;
  } catch {
    return false;
  }
};

type Host = { os: string; cpu: string; libc: string | undefined };
const simulateHost = (host: Host) => {
  vi.spyOn(currentEnv, 'os').mockReturnValue(host.os);
  vi.spyOn(currentEnv, 'cpu').mockReturnValue(host.cpu);
  vi.spyOn(currentEnv, 'libc').mockReturnValue(host.libc);
};
afterEach(() => vi.restoreAllMocks());

describe('DuckDB function packages', () => {
  it('SST still installs with the flags this test assumes', () => {
    const sst = readFileSync(require.resolve('sst/runtime/handlers/node.js'), 'utf8');
    for (const flag of ['"npm install"', '"--omit=optional"', '"--force"', '"--os=linux"', '"--cpu=x64"']) expect(sst).toContain(flag);
  });

  it.each<[string, Host]>([
    ['a glibc linux host', { os: 'linux', cpu: 'x64', libc: 'glibc' }],
    ['a musl host (Alpine)', { os: 'linux', cpu: 'x64', libc: 'musl' }],
    ['a host without libc (macOS on Apple silicon)', { os: 'darwin', cpu: 'arm64', libc: undefined }],
  ])('gets the glibc linux-x64 addon, and no other, from %s', async (_name, host) => {
    await writeDuckDbNpmrc(out);
    // SST writes the function's package.json before it runs npm install there.
    writeFileSync(join(out, 'package.json'), '{"dependencies":{}}');
    const config = npmConfig(out);
    simulateHost(host);
    expect(config.include).toContain('optional');
    expect(installs(linuxX64, config)).toBe(true);
    expect(installs(sibling('@duckdb/node-bindings-linux-x64-musl', { libc: ['musl'] }), config)).toBe(false);
    expect(installs(sibling('@duckdb/node-bindings-darwin-arm64', { os: ['darwin'], cpu: ['arm64'], libc: undefined }), config)).toBe(false);
    expect(installs(sibling('@duckdb/node-bindings-linux-arm64', { cpu: ['arm64'] }), config)).toBe(false);
  });

  it("the simulated host is the one npm's check sees (without a configured libc, a macOS host installs no linux addon)", () => {
    simulateHost({ os: 'darwin', cpu: 'arm64', libc: undefined });
    expect(installs(linuxX64, { os: 'linux', cpu: 'x64', libc: null, include: 'optional' })).toBe(false);
  });

  // Lambda runs x86_64 functions on x86-64: the addon must be an x86-64 ELF (e_machine 62), as the function's architecture says.
  it("ships native code for the function's architecture", () => {
    expect(DUCKDB_FUNCTION.architecture).toBe('x86_64');
    const header = readFileSync(join(bindingsDir, '../node-bindings-linux-x64/duckdb.node')).subarray(0, 20);
    expect(header.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(header.readUInt16LE(18)).toBe(62);
  });

  // Lambda quotas: a deployment package may be at most 250 MB unzipped (function code and layers together).
  it("stays under Lambda's 250 MB unzipped limit: bundle plus the installed packages", async () => {
    const size = (path: string): number =>
      statSync(path).isDirectory() ? readdirSync(path).reduce((n, f) => n + size(join(path, f)), 0) : statSync(path).size;
    const packageDirs = [...DUCKDB_PACKAGES, '@duckdb/node-bindings', '@duckdb/node-bindings-linux-x64', 'detect-libc'].map((p) =>
      dirname(require.resolve(`${p}/package.json`)),
    );
    let total = packageDirs.reduce((n, dir) => n + size(dir), 0);
    for (const handler of ['consumer', 'p2-validate']) {
      const result = await build({
        entryPoints: [join(root, 'functions', `${handler}.ts`)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        write: false,
        outdir: '/tmp/x',
        logLevel: 'silent',
        external: [...DUCKDB_PACKAGES],
      });
      total += result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
    }
    expect(total).toBeGreaterThan(10 * 1024 ** 2);
    expect(total).toBeLessThan(250 * 1024 ** 2);
  });
});
