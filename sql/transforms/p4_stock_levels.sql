/*
description: >
  P4 current stock per product: the stock_level of its latest StockChanged event, and is_low_stock when that is
  below the reorder point of 50 units (the operations dashboard's low-stock table). Of changes at the same instant
  (several lines of one order) the lowest level is the latest.
owner: operations
tags: [p4, kpi]
materialized: table
# after p4_events (00:20)
schedule: cron(45 0 * * ? *)
*/
WITH
  ranked AS (
    SELECT
      product_id,
      stock_level,
      event_ts,
      row_number() OVER (
        PARTITION BY
          product_id
        ORDER BY
          event_ts DESC,
          stock_level
      ) AS recency
    FROM
      p4_events
    WHERE
      event_type = 'StockChanged'
  )
SELECT
  product_id,
  stock_level,
  event_ts AS last_change_at,
  stock_level < 50 AS is_low_stock
FROM
  ranked
WHERE
  recency = 1
