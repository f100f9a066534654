/*
description: >
  P2 orders per order day and status (the e-commerce dashboard's status mix): each order counts once, with its
  status from the latest batch that delivered it (batch ids sort by time), as in p2_order_kpis.
owner: ecommerce
tags: [p2, kpi]
materialized: incremental
period: day
partitioned_by: [order_date]
*/
WITH
  ranked_orders AS (
    SELECT
      order_id,
      order_date,
      status,
      row_number() OVER (
        PARTITION BY
          order_id
        ORDER BY
          batch_id DESC
      ) AS version
    FROM
      p2_raw_orders
    WHERE
      order_date >= CAST(${period_start} AS DATE)
      AND order_date < CAST(${period_end} AS DATE)
  )
SELECT
  status,
  count(*) AS orders,
  order_date
FROM
  ranked_orders
WHERE
  version = 1
GROUP BY
  status,
  order_date
