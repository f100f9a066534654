/*
description: P2 e-commerce dashboard (seed 001) - orders per day and status (p2_order_status_daily, each order once with its status from the latest batch).
tags: [p2, dashboard]
*/
SELECT
  order_date,
  status,
  orders
FROM
  p2_order_status_daily
