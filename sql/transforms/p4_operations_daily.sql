/*
description: >
  P4 operations metrics per day (seed 003's operations dashboard): orders shipped that day and their processing
  time from OrderPlaced to OrderShipped, time to pay for orders paid that day (placements up to 14 days before the
  period are looked up), and payment attempts: payment_success_rate = OrderPaid / (OrderPaid + PaymentFailed) events.
owner: operations
tags: [p4, kpi]
materialized: incremental
period: day
partitioned_by: [dt]
# after p4_events (00:20)
schedule: cron(45 0 * * ? *)
*/
WITH
  day_events AS (
    SELECT
      order_id,
      event_type,
      event_ts,
      dt
    FROM
      p4_events
    WHERE
      event_type IN ('OrderPaid', 'PaymentFailed', 'OrderShipped')
      AND dt >= CAST(CAST(${period_start} AS DATE) AS VARCHAR)
      AND dt < CAST(CAST(${period_end} AS DATE) AS VARCHAR)
  ),
  placed AS (
    SELECT
      order_id,
      min(event_ts) AS placed_at
    FROM
      p4_events
    WHERE
      event_type = 'OrderPlaced'
      AND dt >= CAST(
        CAST(${period_start} - INTERVAL '14' DAY AS DATE) AS VARCHAR
      )
      AND dt < CAST(CAST(${period_end} AS DATE) AS VARCHAR)
    GROUP BY
      order_id
  ),
  timed AS (
    SELECT
      e.dt,
      e.event_type,
      -- whole milliseconds (BIGINT): their average is exact, so reruns give the same value to the last bit
      date_diff('millisecond', p.placed_at, e.event_ts) AS ms_since_placed
    FROM
      day_events AS e
      LEFT JOIN placed AS p ON p.order_id = e.order_id
      AND p.placed_at <= e.event_ts
  )
SELECT
  count_if(event_type = 'OrderShipped') AS orders_shipped,
  avg(
    CASE
      WHEN event_type = 'OrderShipped' THEN ms_since_placed
    END
  ) / 3600000 AS avg_hours_to_ship,
  CAST(
    max(
      CASE
        WHEN event_type = 'OrderShipped' THEN ms_since_placed
      END
    ) AS DOUBLE
  ) / 3600000 AS max_hours_to_ship,
  avg(
    CASE
      WHEN event_type = 'OrderPaid' THEN ms_since_placed
    END
  ) / 60000 AS avg_minutes_to_pay,
  count_if(event_type = 'OrderPaid') AS payments_succeeded,
  count_if(event_type = 'PaymentFailed') AS payments_failed,
  CAST(count_if(event_type = 'OrderPaid') AS DOUBLE) / nullif(
    count_if(event_type IN ('OrderPaid', 'PaymentFailed')),
    0
  ) AS payment_success_rate,
  dt
FROM
  timed
GROUP BY
  dt
