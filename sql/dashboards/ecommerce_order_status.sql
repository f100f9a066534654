/*
description: P2 e-commerce dashboard (seed 001) - orders per day and status (an order delivered by several batches counts once).
tags: [p2, dashboard]
*/
SELECT order_date, status, count(DISTINCT order_id) AS orders
FROM p2_raw_orders
GROUP BY order_date, status
