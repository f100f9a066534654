// A Hive struct field with a comment, `STRUCT<a: STRING COMMENT 'f'>` (Hive's DDL grammar: `col_name : data_type
// [COMMENT col_comment]`, which Athena's CREATE EXTERNAL TABLE takes): it passed `lake lint` and the local CREATE TABLE
// failed "expected '>'" (loud; shift37). The comment is no part of the type: the column is row(a varchar) as Athena
// reads a Glue struct<a:string> (Trino 476 has no Hive DDL to ask; the row type's spelling is Trino's, as for any Hive
// struct column in tests/dialect/ddl.test.ts).
import { describe, expect, it } from 'vitest';
import { formatHiveType, parseHiveType } from '../../src/dialect/hive-types.js';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a comment on a Hive struct field', () => {
  it.each([
    ["struct<a: string COMMENT 'f'>", 'struct<a:string>'],
    ["STRUCT<a: STRING COMMENT 'f', b: INT COMMENT 'a, b>'>", 'struct<a:string,b:int>'],
    ['array<struct<c:string COMMENT "d">>', 'array<struct<c:string>>'],
    ["map<string,struct<x:decimal(10,2) comment 'money'>>", 'map<string,struct<x:decimal(10,2)>>'],
  ])('%s is the type %s', (text, type) => {
    expect(formatHiveType(parseHiveType(text))).toBe(type);
  });

  it('a comment without its text is still a bad type', () => {
    expect(() => parseHiveType('struct<a: string COMMENT>')).toThrow(/bad type/);
  });

  it('a table with such a column is created and read', async () => {
    await engine.execute(
      "CREATE EXTERNAL TABLE hc (id INT, s STRUCT<a: STRING COMMENT 'f', b: INT COMMENT 'a, b>'>, m ARRAY<STRUCT<c:STRING COMMENT \"d\">>) STORED AS PARQUET LOCATION 's3://bucket/hc/'",
    );
    expect(await rowsAndTypes(engine, 'SELECT * FROM hc')).toEqual({ rows: [], types: ['integer', 'row(a varchar, b integer)', 'array(row(c varchar))'] });
  });
});
