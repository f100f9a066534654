// Step Functions ResetLock → the P2 lock removed if this execution still holds it.
import { releaseLock, type P2State } from './lib/batch.js';

export const handler = async (event: P2State) => releaseLock(event);
