/*
description: >
  P3 staging zone, orders feed: typed (amount as DECIMAL, order_ts as TIMESTAMP), status lower-cased, one row per
  order_id per extract day. Rows without an order_id, customer_id, order_ts or amount are left out here and counted
  by the contract check (alerts/p3_contract_violations).
owner: data-platform
tags: [p3, staging]
materialized: incremental
period: day
partitioned_by: [extract_date]
external_location: s3://${lake_bucket}/staging/customer360/orders/
*/
WITH
  typed AS (
    SELECT
      nullif(trim(order_id), '') AS order_id,
      try_cast(trim(customer_id) AS BIGINT) AS customer_id,
      -- only ISO-8601 text is parsed; anything else is NULL (and quarantined or dropped)
      CASE
        WHEN regexp_like(
          trim(order_ts),
          '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$'
        ) THEN CAST(
          from_iso8601_timestamp(trim(order_ts)) AT TIME ZONE 'UTC' AS TIMESTAMP
        )
      END AS order_ts,
      try_cast(trim(amount) AS DECIMAL(12, 2)) AS amount,
      nullif(upper(trim(currency)), '') AS currency,
      nullif(lower(trim(status)), '') AS status,
      extract_date
    FROM
      p3_raw_orders
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
          order_id
        ORDER BY
          order_ts DESC,
          status,
          amount
      ) AS copy
    FROM
      typed
    WHERE
      order_id IS NOT NULL
      AND customer_id IS NOT NULL
      AND order_ts IS NOT NULL
      AND amount IS NOT NULL
  )
SELECT
  order_id,
  customer_id,
  order_ts,
  amount,
  currency,
  status,
  extract_date
FROM
  ranked
WHERE
  copy = 1
