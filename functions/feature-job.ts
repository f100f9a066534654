// EventBridge (02:00 UTC) → the P5 feature model for yesterday on Athena, then its rows into the feature table.
import { logEvent } from './lib/environment.js';
import { runFeatureJob } from './lib/features.js';
import type { ScheduledSqlEvent } from './lib/scheduled.js';

export const handler = async (event: ScheduledSqlEvent) => {
  const { summary, served } = await runFeatureJob(event);
  logEvent('features_served', { runId: summary.runId, rows: served.rows });
  return { runId: summary.runId, rowsWritten: summary.rowsWritten, served: served.rows };
};
