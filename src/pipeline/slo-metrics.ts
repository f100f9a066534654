// The metrics model runs emit on AWS for their SLO alarms (stacks/Alarms.ts), as CloudWatch embedded metric format
// (EMF) log lines: a Lambda function's JSON log line with an `_aws` block becomes metric data points, with no
// PutMetricData call and no IAM grant (CloudWatch User Guide, "Specification: Embedded metric format").
// One line per model run of a model with an `slo:`: ModelRunSucceeded 1/0 and ModelRunFailed 0/1 under the
// dimensions Deployment (the deployed stage's Athena workgroup, unique per stage and app) and Model (its table id).
import type { ProjectNode } from '../project/model.js';
import type { RunRecord } from './reporter.js';

export const SLO_NAMESPACE = 'Lakehouse/SLO';
export const SLO_METRIC = { succeeded: 'ModelRunSucceeded', failed: 'ModelRunFailed' } as const;
export const SLO_DIMENSIONS = ['Deployment', 'Model'] as const;

export function sloMetricLines(records: readonly RunRecord[], models: readonly ProjectNode[], deployment: string, at: Date): string[] {
  const withSlo = new Set(models.filter((n) => n.kind === 'model' && n.header.slo).map((n) => n.id));
  return records
    .filter((r) => r.kind === 'model' && withSlo.has(r.node) && (r.status === 'success' || r.status === 'failed'))
    .map((r) =>
      JSON.stringify({
        _aws: {
          Timestamp: at.getTime(),
          CloudWatchMetrics: [
            {
              Namespace: SLO_NAMESPACE,
              Dimensions: [[...SLO_DIMENSIONS]],
              Metrics: [
                { Name: SLO_METRIC.succeeded, Unit: 'Count' },
                { Name: SLO_METRIC.failed, Unit: 'Count' },
              ],
            },
          ],
        },
        Deployment: deployment,
        Model: r.node,
        [SLO_METRIC.succeeded]: r.status === 'success' ? 1 : 0,
        [SLO_METRIC.failed]: r.status === 'failed' ? 1 : 0,
      }),
    );
}
