/*
description: >
  P3 staging zone, CRM customers: per extract day one cleansed, typed row per customer (the latest updated_at of
  the extract). Rows that break the feed's contract are in p3_quarantine_customers instead.
owner: data-platform
tags: [p3, staging]
materialized: incremental
period: day
partitioned_by: [extract_date]
external_location: s3://${lake_bucket}/staging/customer360/customers/
*/
SELECT
  customer_id,
  email,
  first_name,
  last_name,
  country,
  city,
  segment,
  is_active,
  signup_date,
  updated_at,
  extract_date
FROM
  p3_customers_checked
WHERE
  quarantine_reason IS NULL
  AND extract_date >= CAST(${period_start} AS DATE)
  AND extract_date < CAST(${period_end} AS DATE)
