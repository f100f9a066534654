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
  conversion_rate,
  -- Where the events start (their first hour): the dashboard marks a first day it covers only partly.
  (
    SELECT
      min(date_trunc('hour', event_ts))
    FROM
      p4_events
  ) AS data_start
FROM
  p4_executive_daily
