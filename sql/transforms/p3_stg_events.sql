/*
description: >
  P3 staging zone, web events feed: typed (event_ts as TIMESTAMP, customer_id as BIGINT), one row per event_id per
  extract day. Events without an event_id, customer_id or parseable event_ts are left out here and counted by the
  contract check (alerts/p3_contract_violations).
owner: data-platform
tags: [p3, staging]
materialized: incremental
period: day
partitioned_by: [extract_date]
external_location: s3://${lake_bucket}/staging/customer360/events/
*/
WITH
  typed AS (
    SELECT
      nullif(trim(event_id), '') AS event_id,
      try_cast(trim(customer_id) AS BIGINT) AS customer_id,
      nullif(lower(trim(event_type)), '') AS event_type,
      -- only ISO-8601 text is parsed; anything else is NULL (and quarantined or dropped)
      CASE
        WHEN regexp_like(
          trim(event_ts),
          '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$'
        ) THEN CAST(
          from_iso8601_timestamp(trim(event_ts)) AT TIME ZONE 'UTC' AS TIMESTAMP
        )
      END AS event_ts,
      nullif(trim(session_id), '') AS session_id,
      nullif(lower(trim(device)), '') AS device,
      extract_date
    FROM
      p3_raw_events
    WHERE
      extract_date >= CAST(${period_start} AS DATE)
      AND extract_date < CAST(${period_end} AS DATE)
  ),
  ranked AS (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          extract_date,
          event_id
        ORDER BY
          event_ts,
          event_type,
          session_id
      ) AS copy
    FROM
      typed
    WHERE
      event_id IS NOT NULL
      AND customer_id IS NOT NULL
      AND event_ts IS NOT NULL
  )
SELECT
  event_id,
  customer_id,
  event_type,
  event_ts,
  session_id,
  device,
  extract_date
FROM
  ranked
WHERE
  copy = 1
