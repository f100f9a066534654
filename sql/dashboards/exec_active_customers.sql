/*
description: P4 executive dashboard (seed 003) - one row per customer and day with any event, so active customers count exactly over any date range.
tags: [p4, dashboard]
*/
SELECT DISTINCT
  CAST(dt AS DATE) AS day,
  customer_id,
  -- Where the events start (their first hour): the dashboard marks a first day it covers only partly.
  min(date_trunc('hour', event_ts)) OVER () AS data_start
FROM
  p4_events
WHERE
  customer_id IS NOT NULL
