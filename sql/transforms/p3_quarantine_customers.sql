/*
description: >
  P3 quarantine, CRM customers: raw rows kept out of staging, as they arrived, with the reason (missing_customer_id,
  missing_email, invalid_email, bad_updated_at, bad_is_active, bad_signup_date, duplicate). Raw rows of an extract =
  p3_stg_customers rows + these rows.
owner: data-platform
tags: [p3, quarantine]
materialized: incremental
period: day
partitioned_by: [extract_date]
external_location: s3://${lake_bucket}/quarantine/customer360/customers/
# P3 runs after the extracts of the day that ended (due by 01:00, alerts/freshness.sql); the quarantine view and its split first
schedule: cron(15 1 * * ? *)
*/
SELECT
  raw_customer_id AS customer_id,
  raw_email AS email,
  raw_is_active AS is_active,
  raw_signup_date AS signup_date,
  raw_updated_at AS updated_at,
  quarantine_reason,
  extract_date
FROM
  p3_customers_checked
WHERE
  quarantine_reason IS NOT NULL
  AND extract_date >= CAST(${period_start} AS DATE)
  AND extract_date < CAST(${period_end} AS DATE)
