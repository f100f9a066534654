/*
description: P1 customer-support dashboard - share of rated interactions that were negative (rating <= 2), per day and channel, from the counts of p1_interaction_kpis_hourly (its negative_share, summed over the day's hours and types).
tags: [p1, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  channel,
  sum(rated_interactions) AS rated_interactions,
  sum(negative_interactions) AS negative_interactions,
  CAST(sum(negative_interactions) AS DOUBLE) / nullif(sum(rated_interactions), 0) AS negative_share,
  -- Where the KPIs start (their first hour): the dashboard marks a first day it covers only partly.
  min(min(hour_start)) OVER () AS data_start
FROM
  p1_interaction_kpis_hourly
GROUP BY
  dt,
  channel
HAVING
  sum(rated_interactions) > 0
