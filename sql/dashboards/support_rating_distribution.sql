/*
description: P1 customer-support dashboard - how many interactions got each rating (1-5), per day and channel.
tags: [p1, dashboard]
*/
SELECT
  CAST("timestamp" AS DATE) AS day,
  channel,
  rating,
  count(*) AS interactions
FROM crm_data
WHERE rating IS NOT NULL
GROUP BY CAST("timestamp" AS DATE), channel, rating
