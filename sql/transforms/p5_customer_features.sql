/*
description: >
  P5 daily customer features (seed 004), one row per customer with interactions that day, for models and real-time
  lookup: interaction_count_1d, avg_rating_1d (rated interactions only), negative_count_1d (rating <= 2),
  complaint_count_1d, channel_count_1d (distinct channels), last_interaction_at. Files land in
  features/daily/date=YYYY-MM-DD/ as in the seed.
owner: data-science
tags: [p5, features]
materialized: incremental
period: day
partitioned_by: [date]
external_location: s3://${lake_bucket}/features/daily/
schedule: cron(0 2 * * ? *)
serve: { table: CustomerFeatures, key: [customer_id] }
*/
SELECT
  customer_id,
  count(*) AS interaction_count_1d,
  avg(rating) AS avg_rating_1d,
  count_if(rating <= 2) AS negative_count_1d,
  count_if(interaction_type = 'complaint') AS complaint_count_1d,
  count(DISTINCT channel) AS channel_count_1d,
  max("timestamp") AS last_interaction_at,
  CAST("timestamp" AS DATE) AS "date"
FROM
  crm_data
WHERE
  "timestamp" >= ${period_start}
  AND "timestamp" < ${period_end}
  -- crm_data is partitioned by the hour of "timestamp": read only the days of the period.
  AND year * 10000 + month * 100 + day BETWEEN year(${period_start}) * 10000 + month(${period_start}) * 100 + day(${period_start}) AND year(${period_end}) * 10000 + month(${period_end}) * 100 + day(${period_end})
GROUP BY
  customer_id,
  CAST("timestamp" AS DATE)
