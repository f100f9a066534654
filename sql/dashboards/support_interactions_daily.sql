/*
description: P1 customer-support dashboard - interactions per day, channel and type, with the negative ones (rating <= 2).
tags: [p1, dashboard]
*/
SELECT
  CAST("timestamp" AS DATE) AS day,
  channel,
  interaction_type,
  count(*) AS interactions,
  count(rating) AS rated_interactions,
  sum(CASE WHEN rating <= 2 THEN 1 ELSE 0 END) AS negative_interactions
FROM crm_data
GROUP BY CAST("timestamp" AS DATE), channel, interaction_type
