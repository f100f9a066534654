// scripts/trino.sh stop, without Java: the Trino the tier started is stopped even when it was interrupted while
// starting (Ctrl-C during `npm run test:trino`), before it wrote its URL. A `sleep` stands in for the JVM.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/trino.sh');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('scripts/trino.sh stop', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it.each([
    ['a Trino still starting (no URL yet)', false],
    ['a Trino that answers', true],
  ])('stops %s', (_what, answered) => {
    const cache = mkdtempSync(join(tmpdir(), 'trino-stop-'));
    // Not this process's child (a child stopped here would stay a zombie that `kill -0` still finds until Node reaps it).
    const pid = Number(execFileSync('bash', ['-c', 'sleep 60 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).trim());
    cleanups.push(() => {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(cache, { recursive: true, force: true });
    });
    writeFileSync(join(cache, 'trino.pid'), `${pid}\n`);
    if (answered) writeFileSync(join(cache, 'trino.url'), 'http://127.0.0.1:1\n');

    execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TRINO_CACHE: cache }, stdio: 'pipe' });

    expect(alive(pid)).toBe(false);
  });
});

// scripts/trino.sh start, without Java: a stub JDK whose `java` writes its arguments down and answers /v1/info as a
// started Trino does. .ci/run starts with TRINO_AOT=use: an AOT cache that exists is used, none is recorded (its
// writing held CI's end for minutes: docs/performance.md, branch ci43); the default records one, as before.
describe('scripts/trino.sh start and the AOT cache', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  const STUB_JAVA = `#!/usr/bin/env node
const args = process.argv.slice(2);
if (args.includes('-XshowSettings:properties')) { console.error('    java.specification.version = 25'); process.exit(0); }
require('node:fs').writeFileSync(process.env.STUB_JAVA_ARGS, JSON.stringify(args));
const server = require('node:http').createServer((_q, r) => r.end('{"starting":false}'));
server.listen(0, '127.0.0.1', () => console.log('TRINO_READY http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

  /** Starts the script's Trino on a stub JDK; the JVM's arguments and whether an AOT cache is pending. */
  function start(env: Record<string, string>, withCache: boolean): { args: string[]; pending: boolean; aot: string } {
    const root = mkdtempSync(join(tmpdir(), 'trino-start-'));
    const cache = join(root, 'cache');
    const jdk = join(root, 'stub-jdk');
    const argsFile = join(root, 'java-args.json');
    const sum = execFileSync('bash', ['-c', 'cksum <"$0" | cut -d" " -f1', join(import.meta.dirname, '../../scripts/trino/pom.xml')], {
      encoding: 'utf8',
    }).trim();
    const build = join(cache, `476-${sum}`);
    mkdirSync(join(build, 'lib'), { recursive: true });
    writeFileSync(join(build, 'lib', '.complete'), '');
    writeFileSync(join(build, 'trino-oracle.jar'), ''); // newer than TrinoOracle.java: not compiled again
    mkdirSync(join(jdk, 'bin'), { recursive: true });
    writeFileSync(join(jdk, 'bin', 'java'), STUB_JAVA, { mode: 0o755 });
    const aot = join(build, 'trino-stub-jdk.aot');
    if (withCache) writeFileSync(aot, '');
    const scriptEnv = { ...process.env, ...env, TRINO_CACHE: cache, TRINO_JAVA_HOME: jdk, STUB_JAVA_ARGS: argsFile };
    cleanups.push(() => {
      execFileSync('bash', [SCRIPT, 'stop'], { env: scriptEnv, stdio: 'pipe' });
      rmSync(root, { recursive: true, force: true });
    });
    execFileSync('bash', [SCRIPT, 'start'], { env: scriptEnv, stdio: 'pipe' });
    return { args: JSON.parse(readFileSync(argsFile, 'utf8')) as string[], pending: existsSync(join(cache, 'trino.aot-pending')), aot };
  }

  it('records an AOT cache by default when there is none', () => {
    const { args, pending, aot } = start({ TRINO_AOT: '' }, false);
    expect(args).toContain(`-XX:AOTCacheOutput=${aot}`);
    expect(pending).toBe(true);
  });

  it('with TRINO_AOT=use, records none', () => {
    const { args, pending } = start({ TRINO_AOT: 'use' }, false);
    expect(args.filter((a) => a.startsWith('-XX:AOT'))).toEqual([]);
    expect(args).toContain('TrinoOracle');
    expect(pending).toBe(false);
  });

  it.each(['', 'use'])('uses a cache that exists (TRINO_AOT=%s)', (mode) => {
    const { args, pending, aot } = start({ TRINO_AOT: mode }, true);
    expect(args).toContain(`-XX:AOTCache=${aot}`);
    expect(args.filter((a) => a.startsWith('-XX:AOTCacheOutput'))).toEqual([]);
    expect(pending).toBe(false);
  });
});
