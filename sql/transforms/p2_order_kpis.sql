/*
description: >
  P2 order-level KPIs per order day (seed 001's OrderKPIs): total_orders (distinct orders), total_revenue (sum of
  the orders' total_amount, all statuses: gross bookings), total_items_sold (sum of item quantities),
  return_rate (percentage of the day's orders with status 'returned', 0-100), unique_customers (distinct user_id).
  An order delivered by more than one batch counts once, from the latest batch (batch ids sort by time).
owner: ecommerce
tags: [p2, kpi]
materialized: incremental
period: day
partitioned_by: [order_date]
serve: { table: OrderKPIs, key: [order_date] }
*/
WITH
  orders AS (
    SELECT
      order_id,
      user_id,
      order_date,
      total_amount,
      status,
      batch_id
    FROM
      p2_latest_orders
    WHERE
      order_date >= CAST(${period_start} AS DATE)
      AND order_date < CAST(${period_end} AS DATE)
  ),
  items_per_order AS (
    SELECT
      o.order_id,
      sum(i.quantity) AS items
    FROM
      orders AS o
      JOIN p2_raw_order_items AS i ON i.order_id = o.order_id
      AND i.batch_id = o.batch_id
    GROUP BY
      o.order_id
  )
SELECT
  count(*) AS total_orders,
  sum(o.total_amount) AS total_revenue,
  coalesce(sum(ipo.items), 0) AS total_items_sold,
  100 * CAST(count_if(o.status = 'returned') AS DOUBLE) / count(*) AS return_rate,
  count(DISTINCT o.user_id) AS unique_customers,
  o.order_date
FROM
  orders AS o
  LEFT JOIN items_per_order AS ipo ON ipo.order_id = o.order_id
GROUP BY
  o.order_date
