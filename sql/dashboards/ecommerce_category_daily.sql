/*
description: P2 e-commerce dashboard (seed 001) - the category KPIs per day (p2_category_kpis); avg_return_rate in percent (0-100) as the model defines it.
tags: [p2, dashboard]
*/
SELECT
  order_date,
  category,
  daily_revenue,
  avg_order_value,
  avg_return_rate
FROM
  p2_category_kpis
