// Step Functions ResetLock → the P2 lock removed if this execution still holds it.
import { releaseLock } from './lib/batch.js';

export const handler = async (event: unknown) => releaseLock(event);
