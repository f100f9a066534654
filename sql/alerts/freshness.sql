/*
description: >
  Freshness of every pipeline's landing data, one row per stale source (a per-source alert): P1 interactions and P4
  domain events stream (latest record more than 60 minutes before the evaluation time, or none in two days); P2
  order batches and P3 customer extracts are daily (the next one is overdue 60 minutes after the day it should
  cover has ended: the seed's slo_timeliness_minutes).
owner: data-platform
tags: [p1, p2, p3, p4, data-quality]
schedule: rate(1 hour)
alert:
  condition: rows > 0
  key: source
  severity: warning
  message: "Stale data in {source}: latest {latest}, {lag_minutes} minutes old (allowed {max_lag_minutes})"
  channels: [console, file]
  cooldown: 6h
  recovery: true
*/
WITH
  latest AS (
    SELECT
      'p1.crm_data' AS source,
      max("timestamp") AS latest,
      60 AS max_lag_minutes
    FROM
      crm_data
    WHERE
      "timestamp" < ${now}
      AND year * 10000 + month * 100 + day >= year(${now} - INTERVAL '2' DAY) * 10000 + month(${now} - INTERVAL '2' DAY) * 100 + day(${now} - INTERVAL '2' DAY)
    UNION ALL
    SELECT
      'p4.domain_events',
      max(
        CAST(from_iso8601_timestamp(event_time) AS TIMESTAMP)
      ),
      60
    FROM
      p4_domain_events
    WHERE
      CAST(from_iso8601_timestamp(event_time) AS TIMESTAMP) < ${now}
      AND year * 10000 + month * 100 + day >= year(${now} - INTERVAL '2' DAY) * 10000 + month(${now} - INTERVAL '2' DAY) * 100 + day(${now} - INTERVAL '2' DAY)
    UNION ALL
    -- a daily batch covers its order day: it is due when that day has ended
    SELECT
      'p2.orders',
      max(CAST(order_date AS TIMESTAMP) + INTERVAL '1' DAY),
      1440 + 60
    FROM
      p2_raw_orders
    WHERE
      CAST(order_date AS TIMESTAMP) < ${now}
    UNION ALL
    SELECT
      'p3.customers',
      max(
        CAST(extract_date AS TIMESTAMP) + INTERVAL '1' DAY
      ),
      1440 + 60
    FROM
      p3_raw_customers
    WHERE
      CAST(extract_date AS TIMESTAMP) < ${now}
  )
SELECT
  source,
  latest,
  date_diff('minute', latest, ${now}) AS lag_minutes,
  max_lag_minutes
FROM
  latest
WHERE
  latest IS NULL
  OR date_diff('minute', latest, ${now}) > max_lag_minutes
ORDER BY
  source
