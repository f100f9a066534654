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
SELECT
  status,
  count(*) AS orders,
  order_date
FROM
  p2_latest_orders
WHERE
  order_date >= CAST(${period_start} AS DATE)
  AND order_date < CAST(${period_end} AS DATE)
GROUP BY
  status,
  order_date
