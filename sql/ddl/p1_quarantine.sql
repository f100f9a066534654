/*
description: >
  P1 records that never reached crm_data (seed 000): what the producer rejected (invalid/, one JSON document per
  record with error, record, timestamp: one line each, one object per poll) and the consumer's dead-letter queue (one
  JSON message per failed batch or record, with every record and its error).
tags: [p1, quarantine]
*/
CREATE EXTERNAL TABLE IF NOT EXISTS p1_invalid_interactions (
  error STRING,
  record STRING,
  `timestamp` STRING
)
PARTITIONED BY (year INT, month INT, day INT)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${lake_bucket}/invalid/';

CREATE EXTERNAL TABLE IF NOT EXISTS p1_dead_letter (
  source STRING,
  batchid STRING,
  error STRING,
  records ARRAY<STRUCT<record: STRING, error: STRING, sequencenumber: STRING>>,
  failedat STRING
)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${lake_bucket}/dead-letter/crm/'
