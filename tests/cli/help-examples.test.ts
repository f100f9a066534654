// Every example printed by `lake <command> --help` works on the example project: each one runs here, in help order,
// on a copy of the project whose lake the `lake run --demo` example builds first. A help text that shows a command a
// new user cannot run as written fails this test.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'lake.js');

/** Command paths (`['dashboard', 'serve']`) of every command that has no subcommands. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => (c.commands.length > 0 ? commandPaths(c, [...prefix, c.name()]) : [[...prefix, c.name()]]));
}

/** The lines under "Examples" in a help text. */
function examplesOf(help: string): string[] {
  const start = help.search(/^Examples[^\n]*:$/m);
  if (start < 0) return [];
  const lines = help.slice(start).split('\n').slice(1);
  const end = lines.findIndex((l) => !l.startsWith('  '));
  return (end < 0 ? lines : lines.slice(0, end)).map((l) => l.trim()).filter(Boolean);
}

/** Shell words: spaces split, double quotes group. */
function words(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

const HELPS = (() => {
  const program = buildProgram(captureIo(REPO), () => undefined);
  return commandPaths(program);
})();

describe('every --help example works on the example project', () => {
  const root = mkdtempSync(join(tmpdir(), 'lake-help-examples-'));
  const quicksight = mockClient(QuickSightClient);
  const examples: string[] = [];

  beforeAll(async () => {
    for (const path of ['lakehouse.yaml', 'sql', 'samples', 'tests/sql']) cpSync(join(REPO, path), join(root, path), { recursive: true });
    for (const path of HELPS) {
      const io = captureIo(root);
      expect(await main([...path, '--help'], io)).toBe(0);
      examples.push(...examplesOf(io.out));
    }
    // The demo builds the lake every other example reads; it runs first.
    examples.sort((a, b) => Number(b === 'lake run --demo') - Number(a === 'lake run --demo'));
    quicksight.onAnyCommand().resolves({});
  });
  afterAll(() => {
    quicksight.restore();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds examples in the help of every command', () => {
    expect(examples.length).toBeGreaterThan(25);
    expect(examples[0]).toBe('lake run --demo');
    for (const path of HELPS)
      expect(
        examples.some((e) => e.startsWith(`lake ${path.join(' ')}`)),
        path.join(' '),
      ).toBe(true);
  });

  it('runs each one with exit code 0', async () => {
    const failures: string[] = [];
    for (const example of examples) {
      for (const part of example.split(' && ')) {
        const [left, right] = part.includes(' | ') ? part.split(' | ') : [undefined, part];
        const argv = words(right);
        expect(argv[0], example).toBe('lake');
        const server = LONG_RUNNING.find((l) => argv.slice(1, 1 + l.command.length).join(' ') === l.command.join(' '));
        if (server) {
          const code = await serveUntilItAnswers(argv.slice(1), root, server);
          if (code !== 0) failures.push(`${example}: exit ${code}`);
          continue;
        }
        const io = captureIo(root);
        if (left) {
          const piped = words(left);
          expect(piped[0], example).toBe('echo');
          io.stdin = { isTTY: false, read: async () => `${piped.slice(1).join(' ')}\n` };
        }
        const code = await main(argv.slice(1), io);
        if (code !== 0) failures.push(`${example}: exit ${code}\n${io.err}${io.out.slice(-2000)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

/** Commands that serve until Ctrl-C: what they print when ready, and a request with the status it must answer. */
const LONG_RUNNING = [
  { command: ['dashboard', 'serve'], ready: /Serving dashboards at (http:\/\/127\.0\.0\.1:\d+)\//, path: '/', status: 200 },
  { command: ['api'], ready: /Lookup API at (http:\/\/127\.0\.0\.1:\d+)/, path: '/v1/OrderKPIs/1900-01-01', status: 404 },
];

/** A long-running example: started as a real process, it must serve a page, then stop cleanly on Ctrl-C. */
async function serveUntilItAnswers(args: string[], cwd: string, server: (typeof LONG_RUNNING)[number]): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = server.ready.exec(out);
      if (match) resolve(`${match[1]}${server.path}`);
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`lake ${args.join(' ')} exited with ${code}: ${out}`)));
  });
  const page = await fetch(url);
  expect(page.status).toBe(server.status);
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  return exit;
}
