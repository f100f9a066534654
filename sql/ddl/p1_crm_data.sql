/*
description: P1 customer interactions as the consumer writes them (seed 000), one Parquet file per batch per hour.
tags: [p1]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS crm_data (
  customer_id INT,
  interaction_type STRING,
  `timestamp` TIMESTAMP,
  channel STRING,
  rating INT,
  message_excerpt STRING,
  ingestion_time TIMESTAMP
)
PARTITIONED BY (year INT, month INT, day INT, hour INT)
STORED AS PARQUET
LOCATION 's3://${lake_bucket}/processed/'
TBLPROPERTIES ('parquet.compression' = 'SNAPPY')
