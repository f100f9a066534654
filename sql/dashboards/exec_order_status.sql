/*
description: P4 executive dashboard (seed 003) - orders placed per day by their status at the end of the day (p4_order_status_daily).
tags: [p4, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  status,
  orders
FROM
  p4_order_status_daily
