/*
description: >
  P1 customer interactions per hour, channel and interaction type: volume, ratings and the negative ones
  (rating <= 2, the seed's alert rule). negative_share is over rated interactions, as on the support dashboard.
  A NULL channel is reported as 'unknown'.
owner: customer-support
tags: [p1, kpi]
materialized: incremental
period: hour
partitioned_by: [dt, hour]
schedule: cron(5 * * * ? *)
# Seed 002's tier SLOs: the hour's KPIs land within 2 hours, and 99 % of the runs of a day succeed.
slo:
  freshness: 2h
  success: 99%
*/
SELECT
  date_trunc('hour', "timestamp") AS hour_start,
  coalesce(channel, 'unknown') AS channel,
  interaction_type,
  count(*) AS interactions,
  count(rating) AS rated_interactions,
  avg(rating) AS avg_rating,
  count_if(rating <= 2) AS negative_interactions,
  CAST(count_if(rating <= 2) AS DOUBLE) / nullif(count(rating), 0) AS negative_share,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR) AS dt,
  hour("timestamp") AS hour
FROM
  crm_data
WHERE
  "timestamp" >= ${period_start}
  AND "timestamp" < ${period_end}
  -- crm_data is partitioned by the hour of "timestamp": read only the hours of the period.
  AND year * 1000000 + month * 10000 + day * 100 + hour BETWEEN year(${period_start}) * 1000000 + month(${period_start}) * 10000 + day(${period_start}) * 100 + hour(${period_start}) AND year(${period_end}) * 1000000 + month(${period_end}) * 10000 + day(${period_end}) * 100 + hour(${period_end})
GROUP BY
  date_trunc('hour', "timestamp"),
  coalesce(channel, 'unknown'),
  interaction_type,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR),
  hour("timestamp")
