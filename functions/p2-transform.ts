// Step Functions TransformFiles → the P2 KPI models on Athena for the batch's days, their rows into DynamoDB.
import { transform } from './lib/batch-transform.js';
import type { P2State } from './lib/batch.js';

export const handler = async (event: P2State & { batch?: { batchId?: string } }) => transform(event);
