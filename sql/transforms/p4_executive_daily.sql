/*
description: >
  P4 executive metrics per day (seed 003's executive dashboard): revenue (sum of OrderPaid amounts), orders placed
  and paid, average paid order value, new customers (CustomerRegistered), active customers (distinct customers with
  any event), paying customers, and conversion_rate = paying customers / active customers.
owner: analytics
tags: [p4, kpi]
materialized: incremental
period: day
partitioned_by: [dt]
# after p4_events (00:20)
schedule: cron(45 0 * * ? *)
*/
SELECT
  coalesce(
    sum(
      CASE
        WHEN event_type = 'OrderPaid' THEN amount
      END
    ),
    0
  ) AS revenue,
  count_if(event_type = 'OrderPlaced') AS orders_placed,
  count_if(event_type = 'OrderPaid') AS orders_paid,
  CAST(
    sum(
      CASE
        WHEN event_type = 'OrderPaid' THEN amount
      END
    ) AS DOUBLE
  ) / nullif(count_if(event_type = 'OrderPaid'), 0) AS avg_order_value,
  count_if(event_type = 'CustomerRegistered') AS new_customers,
  count(DISTINCT customer_id) AS active_customers,
  count(
    DISTINCT CASE
      WHEN event_type = 'OrderPaid' THEN customer_id
    END
  ) AS paying_customers,
  CAST(
    count(
      DISTINCT CASE
        WHEN event_type = 'OrderPaid' THEN customer_id
      END
    ) AS DOUBLE
  ) / nullif(count(DISTINCT customer_id), 0) AS conversion_rate,
  dt
FROM
  p4_events
WHERE
  dt >= CAST(CAST(${period_start} AS DATE) AS VARCHAR)
  AND dt < CAST(CAST(${period_end} AS DATE) AS VARCHAR)
GROUP BY
  dt
