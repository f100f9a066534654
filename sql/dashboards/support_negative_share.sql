/*
description: P1 customer-support dashboard - share of rated interactions that were negative (rating <= 2), per day and channel.
tags: [p1, dashboard]
*/
SELECT
  CAST("timestamp" AS DATE) AS day,
  channel,
  count(rating) AS rated_interactions,
  sum(CASE WHEN rating <= 2 THEN 1 ELSE 0 END) AS negative_interactions,
  CAST(sum(CASE WHEN rating <= 2 THEN 1 ELSE 0 END) AS DOUBLE) / nullif(count(rating), 0) AS negative_share
FROM crm_data
WHERE rating IS NOT NULL
GROUP BY CAST("timestamp" AS DATE), channel
