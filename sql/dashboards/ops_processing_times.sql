/*
description: P4 operations dashboard (seed 003) - processing times per day (p4_operations_daily), one row per measure so they share a chart.
tags: [p4, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  'placed to paid' AS stage,
  avg_minutes_to_pay / 60 AS avg_hours
FROM
  p4_operations_daily
UNION ALL
SELECT
  CAST(dt AS DATE) AS day,
  'placed to shipped' AS stage,
  avg_hours_to_ship AS avg_hours
FROM
  p4_operations_daily
