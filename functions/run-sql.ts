// EventBridge → one model of sql/transforms for the period that just ended, on Athena (ScheduledSql stack).
import { runScheduledModel } from './lib/scheduled.js';

export const handler = async (event: unknown) => {
  const summary = await runScheduledModel(event);
  return { runId: summary.runId, rowsWritten: summary.rowsWritten, bytesScanned: summary.bytesScanned };
};
