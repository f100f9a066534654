/*
description: >
  P2 category-level KPIs per order day (seed 001's CategoryKPIs): daily_revenue (sum of quantity * unit_price of
  the day's order items in the category), avg_order_value (that revenue over the distinct orders with an item in
  the category), avg_return_rate (percentage of those orders with status 'returned', 0-100). Orders and their items
  come from the latest batch that delivered the order; a product's category from the latest products.csv.
owner: ecommerce
tags: [p2, kpi]
materialized: incremental
period: day
partitioned_by: [order_date]
serve: { table: CategoryKPIs, key: [category, order_date] }
*/
WITH
  orders AS (
    SELECT
      order_id,
      order_date,
      status,
      batch_id
    FROM
      p2_latest_orders
    WHERE
      order_date >= CAST(${period_start} AS DATE)
      AND order_date < CAST(${period_end} AS DATE)
  ),
  ranked_products AS (
    SELECT
      product_id,
      category,
      row_number() OVER (
        PARTITION BY
          product_id
        ORDER BY
          batch_id DESC
      ) AS version
    FROM
      p2_raw_products
  ),
  order_lines AS (
    SELECT
      p.category,
      o.order_id,
      o.order_date,
      o.status,
      i.quantity * i.unit_price AS line_revenue
    FROM
      orders AS o
      JOIN p2_raw_order_items AS i ON i.order_id = o.order_id
      AND i.batch_id = o.batch_id
      JOIN ranked_products AS p ON p.product_id = i.product_id
      AND p.version = 1
  )
SELECT
  category,
  sum(line_revenue) AS daily_revenue,
  CAST(sum(line_revenue) AS DOUBLE) / count(DISTINCT order_id) AS avg_order_value,
  100 * CAST(
    count(
      DISTINCT CASE
        WHEN status = 'returned' THEN order_id
      END
    ) AS DOUBLE
  ) / count(DISTINCT order_id) AS avg_return_rate,
  order_date
FROM
  order_lines
GROUP BY
  category,
  order_date
