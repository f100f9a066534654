import type { Command } from 'commander';
import type { Io } from './io.js';

/** Runs a command's work; resolves to its exit code. */
export type Action = (io: Io) => Promise<number>;

/**
 * A CLI command: declares its options on `program` and hands its work to `run`. Keep a command's module light at the
 * top level; import engines and AWS clients inside the action so `lake --help` stays fast.
 */
export type RegisterCommand = (program: Command, run: (action: Action) => void) => void;
