/*
description: P1 customer-support dashboard - interactions per day, channel and type, with the negative ones (rating <= 2), the hourly KPIs (p1_interaction_kpis_hourly) summed per day (a NULL channel is 'unknown' there).
tags: [p1, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  channel,
  interaction_type,
  sum(interactions) AS interactions,
  sum(rated_interactions) AS rated_interactions,
  sum(negative_interactions) AS negative_interactions,
  -- Where the KPIs start (their first hour): the dashboard marks a first day it covers only partly.
  min(min(hour_start)) OVER () AS data_start
FROM
  p1_interaction_kpis_hourly
GROUP BY
  dt,
  channel,
  interaction_type
