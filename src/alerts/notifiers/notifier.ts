// A notifier delivers one notice to one channel, or throws DeliveryError. Retrying inside one run (backoff) is the
// notifier's business; keeping a failed delivery for the next run is the outbox's (see ../state.ts).
import { LakeError } from '../../errors.js';
import type { Notice } from '../state.js';

export interface Notifier {
  /** Where this notifier delivers, for reports (`console`, `webhook https://…`). Never contains a secret token. */
  readonly target: string;
  send(notice: Notice): Promise<void>;
}

export class DeliveryError extends LakeError {
  override readonly name: string = 'DeliveryError';
  constructor(
    message: string,
    readonly details: { attempts?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

/** One line for humans: `[CRITICAL] p1_negative_interactions: Alert: 11 negative …`. */
export function noticeLine(notice: Notice): string {
  const key = notice.key === null ? '' : ` [${notice.key}]`;
  const kind = notice.kind === 'firing' ? '' : ` (${notice.kind.replace('_', ' ')})`;
  return `[${notice.severity.toUpperCase()}] ${notice.alert}${key}${kind}: ${notice.message}`;
}
