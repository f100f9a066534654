// Step Functions TransformFiles → the P2 KPI models on Athena for the batch's days, their rows into DynamoDB.
import { transform } from './lib/batch-transform.js';

export const handler = async (event: unknown) => transform(event);
