/*
description: P4 executive dashboard (seed 003) - one row per customer and day with any event, so active customers count exactly over any date range.
tags: [p4, dashboard]
*/
SELECT DISTINCT
  CAST(dt AS DATE) AS day,
  customer_id
FROM
  p4_events
WHERE
  customer_id IS NOT NULL
