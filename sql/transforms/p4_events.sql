/*
description: >
  P4 curated domain events: the Firehose NDJSON as typed Parquet, one folder per event day (a run covers whole days), event_ts parsed from the
  ISO-8601 event_time (UTC), one row per event_id (Firehose delivers at least once).
owner: analytics
tags: [p4, curated]
materialized: incremental
period: day
partitioned_by: [dt]
external_location: s3://${lake_bucket}/curated/domain_events/
# after Firehose's last buffer of the day that ended (300 s)
schedule: cron(20 0 * * ? *)
*/
WITH
  typed AS (
    SELECT
      event_id,
      event_type,
      CAST(
        from_iso8601_timestamp(event_time) AT TIME ZONE 'UTC' AS TIMESTAMP
      ) AS event_ts,
      customer_id,
      order_id,
      product_id,
      amount,
      currency,
      item_count,
      payment_method,
      failure_reason,
      carrier,
      quantity_change,
      stock_level,
      country,
      schema_version
    FROM
      p4_domain_events
      -- Firehose partitions by the hour of event_time: read only the days of the period.
    WHERE
      year * 10000 + month * 100 + day BETWEEN year(${period_start}) * 10000 + month(${period_start}) * 100 + day(${period_start}) AND year(${period_end}) * 10000 + month(${period_end}) * 100 + day(${period_end})
  ),
  ranked AS (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          event_id
        ORDER BY
          event_ts
      ) AS copy
    FROM
      typed
    WHERE
      event_ts >= ${period_start}
      AND event_ts < ${period_end}
  )
SELECT
  event_id,
  event_type,
  event_ts,
  customer_id,
  order_id,
  product_id,
  amount,
  currency,
  item_count,
  payment_method,
  failure_reason,
  carrier,
  quantity_change,
  stock_level,
  country,
  schema_version,
  CAST(CAST(event_ts AS DATE) AS VARCHAR) AS dt
FROM
  ranked
WHERE
  copy = 1
