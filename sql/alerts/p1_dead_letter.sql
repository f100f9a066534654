/*
description: P1 (seed 000) - the consumer's dead-letter queue received records in the last hour.
owner: customer-support
tags: [p1]
schedule: rate(1 hour)
alert:
  condition: records > 0
  severity: warning
  message: "P1 consumer dead-letter queue: {records} records in {messages} messages in the last hour (latest error: {last_error})"
  channels: [console, file]
  cooldown: 1h
  recovery: true
*/
SELECT
  count(*) AS messages,
  coalesce(sum(cardinality(records)), 0) AS records,
  max_by(error, failedat) AS last_error
FROM
  p1_dead_letter
WHERE
  CAST(from_iso8601_timestamp(failedat) AS TIMESTAMP) >= ${window_start}
  AND CAST(from_iso8601_timestamp(failedat) AS TIMESTAMP) < ${now}
