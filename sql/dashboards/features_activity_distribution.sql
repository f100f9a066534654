/*
description: P5 customer-features dashboard (seed 004) - how many customers had N interactions on a day.
tags: [p5, dashboard]
*/
SELECT day, interaction_count_1d AS interactions_per_day, count(*) AS customers
FROM (
  SELECT CAST("timestamp" AS DATE) AS day, customer_id, count(*) AS interaction_count_1d
  FROM crm_data
  WHERE customer_id IS NOT NULL
  GROUP BY CAST("timestamp" AS DATE), customer_id
)
GROUP BY day, interaction_count_1d
