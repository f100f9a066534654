/*
description: >
  P3 staging logic for the CRM customer feed, one row per raw row: the cleansed, typed values (trimmed; e-mail
  lower-cased; empty strings as NULL) and the reason the row is quarantined, if it is: a contract violation
  (customer_id and email not null, email well-formed, typed columns parse) or a duplicate of the customer's row in
  the same extract (the latest updated_at is kept). p3_stg_customers and p3_quarantine_customers split it, so every
  raw row lands in exactly one of them.
owner: data-platform
tags: [p3, staging]
materialized: view
*/
WITH
  typed AS (
    SELECT
      extract_date,
      customer_id AS raw_customer_id,
      email AS raw_email,
      is_active AS raw_is_active,
      signup_date AS raw_signup_date,
      updated_at AS raw_updated_at,
      try_cast(trim(customer_id) AS BIGINT) AS customer_id,
      nullif(lower(trim(email)), '') AS email,
      nullif(trim(first_name), '') AS first_name,
      nullif(trim(last_name), '') AS last_name,
      nullif(upper(trim(country)), '') AS country,
      nullif(trim(city), '') AS city,
      nullif(lower(trim(segment)), '') AS segment,
      try_cast(lower(trim(is_active)) AS BOOLEAN) AS is_active,
      try_cast(trim(signup_date) AS DATE) AS signup_date,
      -- only ISO-8601 text is parsed; anything else is NULL (and quarantined or dropped)
      CASE
        WHEN regexp_like(
          trim(updated_at),
          '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$'
        ) THEN CAST(
          from_iso8601_timestamp(trim(updated_at)) AT TIME ZONE 'UTC' AS TIMESTAMP
        )
      END AS updated_at
    FROM
      p3_raw_customers
  ),
  checked AS (
    SELECT
      *,
      CASE
        WHEN customer_id IS NULL THEN 'missing_customer_id'
        WHEN email IS NULL THEN 'missing_email'
        WHEN NOT regexp_like(email, '^[^@\s]+@[^@\s]+\.[^@\s]+$') THEN 'invalid_email'
        WHEN updated_at IS NULL THEN 'bad_updated_at'
        WHEN is_active IS NULL THEN 'bad_is_active'
        WHEN signup_date IS NULL
        AND nullif(trim(raw_signup_date), '') IS NOT NULL THEN 'bad_signup_date'
      END AS contract_violation
    FROM
      typed
  ),
  ranked AS (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          extract_date,
          customer_id,
          contract_violation IS NULL
        ORDER BY
          updated_at DESC,
          email,
          city,
          country,
          segment,
          is_active,
          first_name,
          last_name
      ) AS copy
    FROM
      checked
  )
SELECT
  extract_date,
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
  raw_customer_id,
  raw_email,
  raw_is_active,
  raw_signup_date,
  raw_updated_at,
  coalesce(
    contract_violation,
    CASE
      WHEN copy > 1 THEN 'duplicate'
    END
  ) AS quarantine_reason
FROM
  ranked
