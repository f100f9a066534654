/*
description: >
  P2 staging: every order as the latest batch that delivered it (batch ids sort by time), the one definition
  p2_order_kpis, p2_category_kpis and p2_order_status_daily read. A view, so nothing is copied: p2_raw_orders is
  partitioned by batch_id only, so a reader's order_date filter never pruned files, and Athena reads only the columns
  a reader uses (bytes scanned, what it bills, are those of the hand-copied CTE).
owner: ecommerce
tags: [p2, staging]
materialized: view
*/
SELECT
  order_id,
  user_id,
  order_date,
  total_amount,
  status,
  batch_id
FROM
  (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          order_id
        ORDER BY
          batch_id DESC
      ) AS version
    FROM
      p2_raw_orders
  ) AS ranked
WHERE
  version = 1
