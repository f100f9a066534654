// Step Functions NotifyFailure/LogFailure → the error to SNS and one P2PipelineFailures metric.
import { notifyFailure } from './lib/batch.js';

export const handler = async (event: unknown) => notifyFailure(event);
