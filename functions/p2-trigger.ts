// EventBridge (S3 Object Created under incoming/) → take the P2 lock and start the state machine once per file set.
import type { S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { trigger } from './lib/batch.js';

// The event only says that something landed: the trigger lists incoming/ itself, so one execution covers every file.
export const handler = async (_event: S3ObjectCreatedNotificationEvent) => trigger();
