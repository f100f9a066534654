// Counts the pipeline reports to CloudWatch itself (producer API failures, P2 failures), in the project's namespace.
import { PutMetricDataCommand, StandardUnit, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export async function putCount(
  client: CloudWatchClient,
  namespace: string,
  metricName: string,
  value: number,
  dimensions: Record<string, string> = {},
  at: Date = new Date(),
): Promise<void> {
  await client.send(
    new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        {
          MetricName: metricName,
          Value: value,
          Unit: StandardUnit.Count,
          Timestamp: at,
          Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
        },
      ],
    }),
  );
}
