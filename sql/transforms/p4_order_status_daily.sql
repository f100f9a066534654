/*
description: >
  P4 order status distribution per day: the orders placed that day by their status at the end of the day - the
  latest of placed, payment_failed, paid, shipped (order events of the same instant rank in that order).
owner: analytics
tags: [p4, kpi]
materialized: incremental
period: day
partitioned_by: [dt]
# after p4_events (00:20)
schedule: cron(45 0 * * ? *)
*/
WITH
  placed AS (
    SELECT DISTINCT
      order_id,
      dt
    FROM
      p4_events
    WHERE
      event_type = 'OrderPlaced'
      AND dt >= CAST(CAST(${period_start} AS DATE) AS VARCHAR)
      AND dt < CAST(CAST(${period_end} AS DATE) AS VARCHAR)
  ),
  order_events AS (
    SELECT
      p.dt,
      CASE e.event_type
        WHEN 'OrderPlaced' THEN 'placed'
        WHEN 'PaymentFailed' THEN 'payment_failed'
        WHEN 'OrderPaid' THEN 'paid'
        WHEN 'OrderShipped' THEN 'shipped'
      END AS status,
      row_number() OVER (
        PARTITION BY
          e.order_id
        ORDER BY
          e.event_ts DESC,
          CASE e.event_type
            WHEN 'OrderShipped' THEN 4
            WHEN 'OrderPaid' THEN 3
            WHEN 'PaymentFailed' THEN 2
            ELSE 1
          END DESC
      ) AS recency
    FROM
      p4_events AS e
      -- events of the placement day only: the status at the end of that day
      JOIN placed AS p ON p.order_id = e.order_id
      AND p.dt = e.dt
    WHERE
      e.event_type IN (
        'OrderPlaced',
        'PaymentFailed',
        'OrderPaid',
        'OrderShipped'
      )
      AND e.dt >= CAST(CAST(${period_start} AS DATE) AS VARCHAR)
      AND e.dt < CAST(CAST(${period_end} AS DATE) AS VARCHAR)
  )
SELECT
  status,
  count(*) AS orders,
  dt
FROM
  order_events
WHERE
  recency = 1
GROUP BY
  status,
  dt
