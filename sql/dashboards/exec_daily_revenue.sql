/*
description: P4 executive dashboard (seed 003) - the executive metrics per day (p4_executive_daily).
tags: [p4, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  revenue,
  orders_placed,
  orders_paid,
  active_customers,
  paying_customers,
  conversion_rate
FROM
  p4_executive_daily
