/*
description: P4 operations dashboard (seed 003) - payment attempts per day by outcome (p4_operations_daily).
tags: [p4, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  'succeeded' AS outcome,
  payments_succeeded AS payments
FROM
  p4_operations_daily
UNION ALL
SELECT
  CAST(dt AS DATE) AS day,
  'failed' AS outcome,
  payments_failed AS payments
FROM
  p4_operations_daily
