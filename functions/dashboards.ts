// CloudFormation (Dashboards stack, via the CDK Provider framework) → dashboard views on Athena and QuickSight
// resources published, updated or removed; `{"action":"publish"}` republishes by hand.
import { onDashboardsEvent } from './lib/dashboards.js';

export const handler = (event: unknown) => onDashboardsEvent(event);
