// EventBridge (S3 Object Created under incoming/) → take the P2 lock and start the state machine once per file set.
import { trigger } from './lib/batch.js';

export const handler = async () => trigger();
