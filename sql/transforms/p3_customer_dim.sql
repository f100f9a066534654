/*
description: >
  P3 curated zone: the SCD type 2 customer dimension (seed 002), an Iceberg table versioned from the staged extracts
  of the run's days, in updated_at order. A staged row starts a new version when its tracked attributes (check_cols)
  differ from the version before it (the current one in the table, or the previous staged row); each new version is
  valid from its updated_at until the next one (valid_to NULL and is_current while it is the latest), and the version
  that was current is closed at the first new one. Staged rows not newer than the current version are ignored, so
  rerunning days (or older days) leaves the table as it is.
owner: data-platform
tags: [p3, curated]
materialized: scd2
unique_key: [customer_id]
updated_at: updated_at
check_cols: [email, first_name, last_name, country, city, segment, is_active, signup_date]
period: day
external_location: s3://${lake_bucket}/curated/customer360/customer_dim/
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
  p3_stg_customers
WHERE
  extract_date >= CAST(${period_start} AS DATE)
  AND extract_date < CAST(${period_end} AS DATE)
