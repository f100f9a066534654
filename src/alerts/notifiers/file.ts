import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Notice } from '../state.js';
import { DeliveryError, type Notifier } from './notifier.js';

/**
 * Appends each notice as one JSON line. One append of one line is a single write, so concurrent writers (O_APPEND)
 * never interleave inside a line.
 */
export class FileNotifier implements Notifier {
  readonly target: string;
  constructor(private readonly path: string) {
    this.target = `file ${path}`;
  }

  async send(notice: Notice): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, `${JSON.stringify(notice)}\n`);
    } catch (error) {
      throw new DeliveryError(`cannot append to ${this.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
