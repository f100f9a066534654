/*
description: P4 operations dashboard (seed 003) - payment success rate (succeeded / attempted) per day (p4_operations_daily).
tags: [p4, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  payment_success_rate AS success_rate,
  payments_succeeded + payments_failed AS attempts
FROM
  p4_operations_daily
