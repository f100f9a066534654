/*
description: >
  P1 rating distribution per day and channel: how many interactions got each rating (1-5; NULL = not rated).
owner: customer-support
tags: [p1, kpi]
materialized: incremental
period: day
partitioned_by: [dt]
schedule: cron(15 0 * * ? *)
*/
SELECT
  coalesce(channel, 'unknown') AS channel,
  rating,
  count(*) AS interactions,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR) AS dt
FROM
  crm_data
WHERE
  "timestamp" >= ${period_start}
  AND "timestamp" < ${period_end}
  -- crm_data is partitioned by the hour of "timestamp": read only the days of the period.
  AND year * 10000 + month * 100 + day BETWEEN year(${period_start}) * 10000 + month(${period_start}) * 100 + day(${period_start}) AND year(${period_end}) * 10000 + month(${period_end}) * 100 + day(${period_end})
GROUP BY
  coalesce(channel, 'unknown'),
  rating,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR)
