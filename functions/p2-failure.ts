// Step Functions NotifyFailure/LogFailure → the error to SNS and one P2PipelineFailures metric.
import { notifyFailure, type P2State } from './lib/batch.js';

export const handler = async (event: P2State & { error?: { Error?: string; Cause?: string } }) => notifyFailure(event);
