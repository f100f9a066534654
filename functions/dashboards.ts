// CloudFormation (Dashboards stack, via the CDK Provider framework) → dashboard views on Athena and QuickSight
// resources published, updated or removed; `{"action":"publish"}` republishes by hand.
import type { CdkCustomResourceEvent } from 'aws-lambda';
import { onDashboardsEvent } from './lib/dashboards.js';

export const handler = (event: CdkCustomResourceEvent | { action: 'publish' }) => onDashboardsEvent(event);
