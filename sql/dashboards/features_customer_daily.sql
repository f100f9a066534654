/*
description: P5 customer-features dashboard (seed 004) - the daily per-customer features (p5_customer_features).
tags: [p5, dashboard]
*/
SELECT
  "date" AS day,
  customer_id,
  interaction_count_1d,
  avg_rating_1d,
  negative_count_1d,
  complaint_count_1d,
  channel_count_1d
FROM
  p5_customer_features
