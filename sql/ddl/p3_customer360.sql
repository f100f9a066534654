/*
description: >
  P3 Customer360 (seed 002). Raw zone: the source extracts as they arrive, one folder per feed and extract day, every
  CSV column as STRING (typing and cleansing is staging's job, so a bad value is quarantined, not a failed read).
  (The curated SCD type 2 customer dimension is the scd2 model transforms/p3_customer_dim.)
tags: [p3]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS p3_raw_customers (
  customer_id STRING,
  email STRING,
  first_name STRING,
  last_name STRING,
  country STRING,
  city STRING,
  segment STRING,
  is_active STRING,
  signup_date STRING,
  updated_at STRING
)
PARTITIONED BY (extract_date DATE)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
LOCATION 's3://${lake_bucket}/raw/customer360/customers/'
TBLPROPERTIES ('skip.header.line.count' = '1');

CREATE EXTERNAL TABLE IF NOT EXISTS p3_raw_orders (
  order_id STRING,
  customer_id STRING,
  order_ts STRING,
  amount STRING,
  currency STRING,
  status STRING
)
PARTITIONED BY (extract_date DATE)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
LOCATION 's3://${lake_bucket}/raw/customer360/orders/'
TBLPROPERTIES ('skip.header.line.count' = '1');

CREATE EXTERNAL TABLE IF NOT EXISTS p3_raw_events (
  event_id STRING,
  customer_id STRING,
  event_type STRING,
  event_ts STRING,
  session_id STRING,
  device STRING
)
PARTITIONED BY (extract_date DATE)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${lake_bucket}/raw/customer360/events/';
