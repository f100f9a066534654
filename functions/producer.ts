// EventBridge (every minute) → poll the interactions API for RUN_SECONDS into Kinesis; invalid records to invalid/.
import { produce } from './lib/producer.js';

export const handler = async () => produce();
