// EventBridge → one alert of sql/alerts evaluated at its fire time; notices to SNS / logs (ScheduledSql stack).
import { evaluateScheduledAlert, type ScheduledSqlEvent } from './lib/scheduled.js';

export const handler = async (event: ScheduledSqlEvent) => {
  const report = await evaluateScheduledAlert(event);
  return { alert: report.alert, notices: report.notices.length, pending: report.pending.length };
};
