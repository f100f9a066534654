// Colours for the human output of run, test and lint: only on a terminal, never when NO_COLOR is set (no-color.org).
import type { Io } from './io.js';

export interface Paint {
  ok(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
}

const identity = (text: string) => text;
export const PLAIN: Paint = { ok: identity, fail: identity, warn: identity, dim: identity };

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const COLORED: Paint = { ok: ansi(32), fail: ansi(31), warn: ansi(33), dim: ansi(2) };

/** Whether a process writing to this terminal should colour: a TTY, and NO_COLOR absent or empty. */
export const wantsColor = (isTTY: boolean, env: NodeJS.ProcessEnv): boolean => isTTY && !env.NO_COLOR;

export const paintFor = (io: Io): Paint => (io.color ? COLORED : PLAIN);
