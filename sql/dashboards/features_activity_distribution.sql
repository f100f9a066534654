/*
description: P5 customer-features dashboard (seed 004) - how many customers had N interactions on a day (p5_customer_features).
tags: [p5, dashboard]
*/
SELECT
  "date" AS day,
  interaction_count_1d AS interactions_per_day,
  count(*) AS customers
FROM
  p5_customer_features
GROUP BY
  "date",
  interaction_count_1d
