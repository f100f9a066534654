/*
description: P4 operations dashboard (seed 003) - products whose latest stock level is below the reorder point (p4_stock_levels).
tags: [p4, dashboard]
*/
SELECT
  product_id,
  stock_level,
  CAST(last_change_at AS DATE) AS last_change
FROM
  p4_stock_levels
WHERE
  is_low_stock
