// EventBridge → one model of sql/transforms for the period that just ended, on Athena (ScheduledSql stack).
import { runScheduledModel, type ScheduledSqlEvent } from './lib/scheduled.js';

export const handler = async (event: ScheduledSqlEvent) => {
  const summary = await runScheduledModel(event);
  return { runId: summary.runId, rowsWritten: summary.rowsWritten, bytesScanned: summary.bytesScanned };
};
