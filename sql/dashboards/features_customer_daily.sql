/*
description: P5 customer-features dashboard (seed 004) - the daily per-customer features (interaction count, average rating, negatives) over P1 interactions.
tags: [p5, dashboard]
*/
SELECT
  CAST("timestamp" AS DATE) AS day,
  customer_id,
  count(*) AS interaction_count_1d,
  avg(rating) AS avg_rating_1d,
  sum(CASE WHEN rating <= 2 THEN 1 ELSE 0 END) AS negative_count_1d
FROM crm_data
WHERE customer_id IS NOT NULL
GROUP BY CAST("timestamp" AS DATE), customer_id
