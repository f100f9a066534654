/*
description: P1 (seed 000) - too many negative customer interactions (rating <= 2) in the last hour.
owner: customer-support
tags: [p1]
schedule: rate(1 hour)
alert:
  condition: count > 10
  severity: critical
  message: "Alert: {count} negative interactions (rating <= 2) detected in the last hour"
  channels: [console, file]
  cooldown: 1h
  recovery: true
*/
-- ${window_start} .. ${now} is the hour before the evaluation time, so a run for a past hour gives the same answer.
-- The partition predicates keep Athena from scanning every hour: files are partitioned by the hour of "timestamp", and
-- a one-hour window touches at most the hour it starts in and the hour it ends in.
SELECT
  count(*) AS count
FROM
  crm_data
WHERE
  "timestamp" >= ${window_start}
  AND "timestamp" < ${now}
  AND rating <= 2
  AND (
    (
      year = year(${window_start})
      AND month = month(${window_start})
      AND day = day(${window_start})
      AND hour = hour(${window_start})
    )
    OR (
      year = year(${now})
      AND month = month(${now})
      AND day = day(${now})
      AND hour = hour(${now})
    )
  )
