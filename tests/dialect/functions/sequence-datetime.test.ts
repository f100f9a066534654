// sequence(start, stop, step) over dates and timestamps, as Trino 476 answers it (the shared oracle): the k-th element
// is start + k * step, so month steps from the 31st give the last day of shorter months and the 31st again; elements
// of timestamps are timestamp(3) whatever the precision written; the step must be whole days between dates; a zero
// step, a step away from the stop and more than 10000 entries fail.
// https://trino.io/docs/current/functions/array.html#sequence
import { describeFunctions } from './harness.js';

describeFunctions(
  'sequence over dates and timestamps',
  [
    [
      'timestamps by a day',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-03 00:00:00', INTERVAL '1' DAY)",
      ['2024-01-01 00:00:00.000', '2024-01-02 00:00:00.000', '2024-01-03 00:00:00.000'],
      'array(timestamp(3))',
    ],
    [
      'timestamps by a month, each from the start',
      "sequence(TIMESTAMP '2024-01-31 10:00:00', TIMESTAMP '2024-04-30 00:00:00', INTERVAL '1' MONTH)",
      ['2024-01-31 10:00:00.000', '2024-02-29 10:00:00.000', '2024-03-31 10:00:00.000'],
      'array(timestamp(3))',
    ],
    [
      'timestamps by -2 months',
      "sequence(TIMESTAMP '2024-05-31 12:00:00.500', TIMESTAMP '2024-01-01 00:00:00', INTERVAL '-2' MONTH)",
      ['2024-05-31 12:00:00.500', '2024-03-31 12:00:00.500', '2024-01-31 12:00:00.500'],
      'array(timestamp(3))',
    ],
    [
      'timestamps by -12 hours',
      "sequence(TIMESTAMP '2024-01-02 00:00:00', TIMESTAMP '2024-01-01 00:00:00', INTERVAL '-12' HOUR)",
      ['2024-01-02 00:00:00.000', '2024-01-01 12:00:00.000', '2024-01-01 00:00:00.000'],
      'array(timestamp(3))',
    ],
    [
      'timestamps by half a second',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 00:00:01.500', INTERVAL '0.5' SECOND)",
      ['2024-01-01 00:00:00.000', '2024-01-01 00:00:00.500', '2024-01-01 00:00:01.000', '2024-01-01 00:00:01.500'],
      'array(timestamp(3))',
    ],
    [
      'timestamps by a year past the stop',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00', INTERVAL '1' YEAR)",
      ['2024-01-01 00:00:00.000'],
      'array(timestamp(3))',
    ],
    [
      'start equal to stop',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1' DAY)",
      ['2024-01-01 00:00:00.000'],
      'array(timestamp(3))',
    ],
    [
      'a date and a timestamp are timestamps',
      "sequence(DATE '2024-01-01', TIMESTAMP '2024-01-02 12:00:00', INTERVAL '12' HOUR)",
      ['2024-01-01 00:00:00.000', '2024-01-01 12:00:00.000', '2024-01-02 00:00:00.000', '2024-01-02 12:00:00.000'],
      'array(timestamp(3))',
    ],
    ['exactly 10000 minutes', "cardinality(sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-07 22:39:00', INTERVAL '1' MINUTE))", 10000, 'bigint'],
    ['a NULL stop', "sequence(TIMESTAMP '2024-01-01 00:00:00', NULL, INTERVAL '1' DAY)", null, 'array(timestamp(3))'],
    ['a NULL step', "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00', NULL)", null, 'array(timestamp(3))'],
    ['dates by a day', "sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '1' DAY)", ['2024-01-01', '2024-01-02', '2024-01-03'], 'array(date)'],
    ['dates by -1 day', "sequence(DATE '2024-01-03', DATE '2024-01-01', INTERVAL '-1' DAY)", ['2024-01-03', '2024-01-02', '2024-01-01'], 'array(date)'],
    ['dates by 48 hours', "sequence(DATE '2024-01-01', DATE '2024-01-05', INTERVAL '48' HOUR)", ['2024-01-01', '2024-01-03', '2024-01-05'], 'array(date)'],
    [
      'dates by a month, each from the start',
      "sequence(DATE '2024-01-31', DATE '2024-04-30', INTERVAL '1' MONTH)",
      ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'],
      'array(date)',
    ],
    [
      'dates by -1 month',
      "sequence(DATE '2024-05-31', DATE '2024-01-01', INTERVAL '-1' MONTH)",
      ['2024-05-31', '2024-04-30', '2024-03-31', '2024-02-29', '2024-01-31'],
      'array(date)',
    ],
    [
      'dates by a year from a leap day',
      "sequence(DATE '2020-02-29', DATE '2024-03-01', INTERVAL '1' YEAR)",
      ['2020-02-29', '2021-02-28', '2022-02-28', '2023-02-28', '2024-02-29'],
      'array(date)',
    ],
    [
      'dates by -1 month stopping before the day',
      "sequence(DATE '2024-03-15', DATE '2024-01-20', INTERVAL '-1' MONTH)",
      ['2024-03-15', '2024-02-15'],
      'array(date)',
    ],
    // Trino 476 counts Joda's months from the start to the stop; the last element may pass the stop by its day.
    [
      'dates by -1 month from a month end, past the stop',
      "sequence(DATE '2016-06-30', DATE '2016-01-31', INTERVAL '-1' MONTH)",
      ['2016-06-30', '2016-05-30', '2016-04-30', '2016-03-30', '2016-02-29', '2016-01-30'],
      'array(date)',
    ],
    [
      'dates by -1 month from a day before the month end',
      "sequence(DATE '2016-06-29', DATE '2016-01-31', INTERVAL '-1' MONTH)",
      ['2016-06-29', '2016-05-29', '2016-04-29', '2016-03-29', '2016-02-29'],
      'array(date)',
    ],
    [
      'a date column by -2 months from a month end',
      "sequence(d, DATE '2015-02-28', INTERVAL '-2' MONTH) FROM (VALUES DATE '2016-03-31') t(d)",
      ['2016-03-31', '2016-01-31', '2015-11-30', '2015-09-30', '2015-07-31', '2015-05-31', '2015-03-31'],
      'array(date)',
    ],
    [
      'timestamps by -1 month from a month end, the time after the stop',
      "sequence(TIMESTAMP '2016-06-30 10:00:00', TIMESTAMP '2016-01-31 09:00:00', INTERVAL '-1' MONTH)",
      [
        '2016-06-30 10:00:00.000',
        '2016-05-30 10:00:00.000',
        '2016-04-30 10:00:00.000',
        '2016-03-30 10:00:00.000',
        '2016-02-29 10:00:00.000',
        '2016-01-30 10:00:00.000',
      ],
      'array(timestamp(3))',
    ],
    ['exactly 10000 months', "cardinality(sequence(DATE '1000-01-01', DATE '1833-04-01', INTERVAL '1' MONTH))", 10000, 'bigint'],
    [
      'a date column by a day',
      "sequence(d, d + INTERVAL '2' DAY, INTERVAL '1' DAY) FROM (VALUES DATE '2024-01-01') t(d)",
      ['2024-01-01', '2024-01-02', '2024-01-03'],
      'array(date)',
    ],
    ['a NULL date', "sequence(CAST(NULL AS DATE), DATE '2024-01-02', INTERVAL '1' DAY)", null, 'array(date)'],
  ],
  [
    ['a zero step between timestamps', "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-03 00:00:00', INTERVAL '0' DAY)", /step must not be zero/],
    ['a zero month step between dates', "sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '0' MONTH)", /step must not be zero/],
    ['a zero day step between dates', "sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '0' DAY)", /step must not be zero/],
    [
      'timestamps stepping away from the stop',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-03 00:00:00', INTERVAL '-1' DAY)",
      /sequence stop value should be greater than or equal to start value if step is greater than zero/,
    ],
    [
      'dates stepping away from the stop',
      "sequence(DATE '2024-01-03', DATE '2024-01-01', INTERVAL '1' DAY)",
      /sequence stop value should be greater than or equal to start value/,
    ],
    [
      'dates stepping away by months',
      "sequence(DATE '2024-01-01', DATE '2023-01-01', INTERVAL '1' MONTH)",
      /sequence stop value should be greater than or equal to start value/,
    ],
    [
      'dates by an hour',
      "sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '1' HOUR)",
      /sequence step must be a day interval if start and end values are dates/,
    ],
    [
      'dates by 36 hours',
      "sequence(DATE '2024-01-01', DATE '2024-01-05', INTERVAL '36' HOUR)",
      /sequence step must be a day interval if start and end values are dates/,
    ],
    [
      '10001 minutes',
      "sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-07 22:40:00', INTERVAL '1' MINUTE)",
      /must not have more than 10000 entries/,
    ],
    ['10001 months', "sequence(DATE '1000-01-01', DATE '1833-05-01', INTERVAL '1' MONTH)", /must not have more than 10000 entries/],
    ['40 years of days', "sequence(DATE '2000-01-01', DATE '2040-01-01', INTERVAL '1' DAY)", /must not have more than 10000 entries/],
  ],
);
