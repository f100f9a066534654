/*
description: >
  P3 data contracts (seed 002) as data-quality checks, one row per violated check (a per-check alert). Feed checks
  cover the extracts of the evaluation window: customers not-null / format / type rules (each quarantine reason),
  completeness >= 99.5 % (distinct customer ids in the extract that reached staging), primary key unique in staging,
  orders and events rows that failed typing. Curated checks cover the dimension as it is: email unique among
  current customers (unique_keys), exactly one current version per customer, no open version before a newer one.
owner: data-platform
tags: [p3, data-quality]
schedule: cron(0 3 * * ? *)
alert:
  condition: rows > 0
  key: check
  severity: critical
  message: "Data contract violation in {feed}: {check} - {failing} of {total} rows ({detail})"
  channels: [console, file]
  cooldown: 1d
  recovery: true
*/
WITH
  customers AS (
    SELECT
      *
    FROM
      p3_customers_checked
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
  ),
  customer_rules AS (
    SELECT
      'customers' AS feed,
      'customers.' || quarantine_reason AS "check",
      count(*) AS failing,
      (
        SELECT
          count(*)
        FROM
          customers
      ) AS total,
      'rows quarantined' AS detail
    FROM
      customers
    WHERE
      quarantine_reason <> 'duplicate'
    GROUP BY
      quarantine_reason
  ),
  completeness AS (
    SELECT
      'customers' AS feed,
      'customers.completeness' AS "check",
      count(DISTINCT raw_customer_id) - count(
        DISTINCT CASE
          WHEN quarantine_reason IS NULL THEN customer_id
        END
      ) AS failing,
      count(DISTINCT raw_customer_id) AS total,
      'customer ids in the extract missing from staging; contract: >= 99.5 % complete' AS detail
    FROM
      customers
  ),
  staged_keys AS (
    SELECT
      'customers' AS feed,
      'customers.primary_key_unique' AS "check",
      count(*) - count(
        DISTINCT CAST(extract_date AS VARCHAR) || ':' || CAST(customer_id AS VARCHAR)
      ) AS failing,
      count(*) AS total,
      'staged rows repeating a customer_id within an extract' AS detail
    FROM
      p3_stg_customers
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
  ),
  -- Ids in the raw extracts against rows that reached staging typed (one per id and extract day).
  raw_ids AS (
    SELECT
      'orders' AS feed,
      count(DISTINCT order_id) AS total
    FROM
      p3_raw_orders
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
    UNION ALL
    SELECT
      'events',
      count(DISTINCT event_id)
    FROM
      p3_raw_events
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
  ),
  typed_rows AS (
    SELECT
      'orders' AS feed,
      count(*) AS typed,
      'order ids whose rows failed typing (customer_id, order_ts, amount)' AS detail
    FROM
      p3_stg_orders
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
    UNION ALL
    SELECT
      'events',
      count(*),
      'event ids whose rows failed typing (customer_id, event_ts)'
    FROM
      p3_stg_events
    WHERE
      extract_date >= CAST(${window_start} AS DATE)
      AND extract_date < CAST(${now} AS DATE)
  ),
  typing AS (
    SELECT
      r.feed,
      r.feed || '.typed' AS "check",
      r.total - t.typed AS failing,
      r.total,
      t.detail
    FROM
      raw_ids AS r
      JOIN typed_rows AS t ON t.feed = r.feed
  ),
  current_versions AS (
    SELECT
      customer_id,
      email,
      count_if(is_current) AS current_versions
    FROM
      p3_customer_dim
    GROUP BY
      customer_id,
      email
  ),
  dim_rules AS (
    SELECT
      'customer_dim' AS feed,
      'customer_dim.email_unique' AS "check",
      (
        SELECT
          coalesce(sum(customers), 0)
        FROM
          (
            SELECT
              email,
              count(*) AS customers
            FROM
              p3_customer_dim
            WHERE
              is_current
            GROUP BY
              email
            HAVING
              count(*) > 1
          ) AS shared
      ) AS failing,
      (
        SELECT
          count(*)
        FROM
          p3_customer_dim
        WHERE
          is_current
      ) AS total,
      'current customers sharing an e-mail address' AS detail
    UNION ALL
    SELECT
      'customer_dim',
      'customer_dim.one_current_version',
      count_if(current_versions <> 1),
      count(*),
      'customers without exactly one current version'
    FROM
      (
        SELECT
          customer_id,
          sum(current_versions) AS current_versions
        FROM
          current_versions
        GROUP BY
          customer_id
      ) AS c
    UNION ALL
    SELECT
      'customer_dim',
      'customer_dim.closed_versions',
      count_if(
        is_current = (valid_to IS NOT NULL)
        OR valid_to <= valid_from
      ),
      count(*),
      'versions whose valid_to does not match is_current or does not follow valid_from'
    FROM
      p3_customer_dim
  ),
  checks AS (
    SELECT
      *
    FROM
      customer_rules
    UNION ALL
    SELECT
      *
    FROM
      completeness
    UNION ALL
    SELECT
      *
    FROM
      staged_keys
    UNION ALL
    SELECT
      *
    FROM
      typing
    UNION ALL
    SELECT
      *
    FROM
      dim_rules
  )
SELECT
  feed,
  "check",
  failing,
  total,
  detail
FROM
  checks
WHERE
  CASE
    WHEN "check" = 'customers.completeness' THEN total > 0
    AND CAST(total - failing AS DOUBLE) / total < 0.995
    ELSE failing > 0
  END
ORDER BY
  "check"
