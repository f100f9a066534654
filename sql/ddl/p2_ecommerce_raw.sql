/*
description: >
  P2 landing (seed 001): the rows of orders_*.csv, order_items_*.csv and products.csv that passed validation (header,
  types, keys, referential integrity), as typed Parquet, one folder per processed batch.
tags: [p2]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS p2_raw_orders (
  order_id BIGINT,
  user_id BIGINT,
  order_date DATE,
  total_amount DECIMAL(12, 2),
  status STRING
)
PARTITIONED BY (batch_id STRING)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/raw/ecommerce/orders/';

CREATE EXTERNAL TABLE IF NOT EXISTS p2_raw_order_items (
  order_id BIGINT,
  product_id BIGINT,
  quantity INT,
  unit_price DECIMAL(12, 2)
)
PARTITIONED BY (batch_id STRING)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/raw/ecommerce/order_items/';

CREATE EXTERNAL TABLE IF NOT EXISTS p2_raw_products (
  product_id BIGINT,
  category STRING,
  name STRING,
  price DECIMAL(12, 2)
)
PARTITIONED BY (batch_id STRING)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/raw/ecommerce/products/'
