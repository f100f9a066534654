// EventBridge (every minute) → poll the interactions API for RUN_SECONDS into Kinesis; invalid records to invalid/.
import type { ScheduledEvent } from 'aws-lambda';
import { produce } from './lib/producer.js';

// The schedule's event carries nothing the producer needs: each run polls for RUN_SECONDS from now.
export const handler = async (_event: ScheduledEvent) => produce();
