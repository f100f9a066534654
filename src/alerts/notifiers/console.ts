import { noticeLine, type Notifier } from './notifier.js';
import type { Notice } from '../state.js';

/** Writes each notice as one line through an injected writer (the core never prints). */
export class ConsoleNotifier implements Notifier {
  readonly target = 'console';
  constructor(private readonly write: (line: string) => void) {}

  async send(notice: Notice): Promise<void> {
    this.write(`${notice.at} ${noticeLine(notice)}\n`);
  }
}
