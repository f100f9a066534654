/*
description: P2 e-commerce dashboard (seed 001) - the order KPIs per day (p2_order_kpis); return_rate in percent (0-100) as the model defines it.
tags: [p2, dashboard]
*/
SELECT
  order_date,
  total_orders,
  total_revenue,
  total_items_sold,
  return_rate,
  unique_customers
FROM
  p2_order_kpis
