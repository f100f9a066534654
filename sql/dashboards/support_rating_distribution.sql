/*
description: P1 customer-support dashboard - how many interactions got each rating (1-5), per day and channel (p1_rating_distribution_daily).
tags: [p1, dashboard]
*/
SELECT
  CAST(dt AS DATE) AS day,
  channel,
  rating,
  interactions
FROM
  p1_rating_distribution_daily
WHERE
  rating IS NOT NULL
