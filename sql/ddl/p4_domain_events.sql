/*
description: >
  P4 domain events as Firehose delivers them (seed 003): GZIP NDJSON, partitioned by the hour of event_time
  (domain-events/year=YYYY/month=MM/day=DD/hour=HH/), one flat schema for every event type (fields a type does not
  use are NULL). event_time stays the ISO-8601 text the application sent; curated models parse it. Records Firehose
  could not partition (no event_time) go to the error prefix, read by p4_domain_event_errors.
tags: [p4]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS p4_domain_events (
  event_id STRING,
  event_type STRING,
  event_time STRING,
  customer_id BIGINT,
  order_id STRING,
  product_id BIGINT,
  amount DECIMAL(12, 2),
  currency STRING,
  item_count INT,
  payment_method STRING,
  failure_reason STRING,
  carrier STRING,
  quantity_change INT,
  stock_level INT,
  country STRING,
  schema_version INT
)
PARTITIONED BY (year INT, month INT, day INT, hour INT)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${lake_bucket}/domain-events/';

-- Firehose error documents; the error prefix partitions by arrival time, not event time.
CREATE EXTERNAL TABLE IF NOT EXISTS p4_domain_event_errors (
  attemptsmade INT,
  arrivaltimestamp BIGINT,
  errorcode STRING,
  errormessage STRING,
  rawdata STRING
)
PARTITIONED BY (year INT, month INT, day INT, hour INT)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${lake_bucket}/errors/domain-events/processing-failed/'
