/*
description: >
  P3 curated zone: the SCD type 2 customer dimension (seed 002), maintained by one MERGE per run over the staged
  extracts of the run's days, in updated_at order. A staged row starts a new version when its tracked attributes
  differ from the version before it (the current one in the table, or the previous staged row); each new version is
  valid until the next one (valid_to NULL and is_current while it is the latest), and the version that was current
  is closed at the first new one. Staged rows not newer than the current version are ignored, so rerunning days
  (or older days) leaves the table as it is.
owner: data-platform
tags: [p3, curated]
materialized: merge
period: day
*/
MERGE INTO p3_customer_dim AS t USING (
  WITH
    current_versions AS (
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
        valid_from
      FROM
        p3_customer_dim
      WHERE
        is_current
    ),
    candidates AS (
      -- the current version (as the starting point) followed by the newer staged rows of the run's days
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
        valid_from AS updated_at,
        CAST(NULL AS DATE) AS extract_date,
        false AS staged
      FROM
        current_versions
      UNION ALL
      SELECT
        s.customer_id,
        s.email,
        s.first_name,
        s.last_name,
        s.country,
        s.city,
        s.segment,
        s.is_active,
        s.signup_date,
        s.updated_at,
        s.extract_date,
        true AS staged
      FROM
        p3_stg_customers AS s
        LEFT JOIN current_versions AS c ON c.customer_id = s.customer_id
      WHERE
        s.extract_date >= CAST(${period_start} AS DATE)
        AND s.extract_date < CAST(${period_end} AS DATE)
        AND (
          c.valid_from IS NULL
          OR s.updated_at > c.valid_from
        )
    ),
    sequenced AS (
      SELECT
        *,
        row_number() OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS seq,
        lag(email) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_email,
        lag(first_name) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_first_name,
        lag(last_name) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_last_name,
        lag(country) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_country,
        lag(city) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_city,
        lag(segment) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_segment,
        lag(is_active) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_is_active,
        lag(signup_date) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at,
            staged
        ) AS prev_signup_date
      FROM
        candidates
    ),
    changes AS (
      SELECT
        *
      FROM
        sequenced
      WHERE
        staged
        AND (
          seq = 1
          OR email IS DISTINCT FROM prev_email
          OR first_name IS DISTINCT FROM prev_first_name
          OR last_name IS DISTINCT FROM prev_last_name
          OR country IS DISTINCT FROM prev_country
          OR city IS DISTINCT FROM prev_city
          OR segment IS DISTINCT FROM prev_segment
          OR is_active IS DISTINCT FROM prev_is_active
          OR signup_date IS DISTINCT FROM prev_signup_date
        )
    ),
    versions AS (
      SELECT
        *,
        row_number() OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at
        ) AS version_no,
        lead(updated_at) OVER (
          PARTITION BY
            customer_id
          ORDER BY
            updated_at
        ) AS next_valid_from
      FROM
        changes
    )
    -- closes the current version at the first new one (matches its row: one per customer)
  SELECT
    v.customer_id AS merge_key,
    v.customer_id,
    v.email,
    v.first_name,
    v.last_name,
    v.country,
    v.city,
    v.segment,
    v.is_active,
    v.signup_date,
    v.updated_at AS valid_from,
    v.updated_at AS valid_to,
    false AS is_current,
    v.extract_date
  FROM
    versions AS v
    JOIN current_versions AS c ON c.customer_id = v.customer_id
  WHERE
    v.version_no = 1
  UNION ALL
  -- every new version: a NULL key never matches, so each is inserted
  SELECT
    CAST(NULL AS BIGINT) AS merge_key,
    customer_id,
    email,
    first_name,
    last_name,
    country,
    city,
    segment,
    is_active,
    signup_date,
    updated_at AS valid_from,
    next_valid_from AS valid_to,
    next_valid_from IS NULL AS is_current,
    extract_date
  FROM
    versions
) AS s ON t.customer_id = s.merge_key
AND t.is_current WHEN MATCHED THEN
UPDATE
SET
  valid_to = s.valid_to,
  is_current = false WHEN NOT MATCHED
  AND s.merge_key IS NULL THEN INSERT (
    customer_id,
    email,
    first_name,
    last_name,
    country,
    city,
    segment,
    is_active,
    signup_date,
    valid_from,
    valid_to,
    is_current,
    extract_date
  )
VALUES
  (
    s.customer_id,
    s.email,
    s.first_name,
    s.last_name,
    s.country,
    s.city,
    s.segment,
    s.is_active,
    s.signup_date,
    s.valid_from,
    s.valid_to,
    s.is_current,
    s.extract_date
  )
