import { describe, expect, it } from 'vitest';
import { ProjectError } from '../../src/project/errors.js';
import {
  dateVariable,
  identifierVariable,
  interpolateText,
  projectVariables,
  substituteVariables,
  timestampVariable,
  variableUses,
  type Variables,
} from '../../src/project/variables.js';
import { ProjectConfigSchema } from '../../src/project/config.js';

const vars: Variables = {
  lake_bucket: 'lake-prod',
  min_rating: 2,
  ratio: 0.25,
  negative: -3,
  big: 9007199254740993n,
  enabled: true,
  region: "eu'west",
  database: identifierVariable('analytics'),
  period_start: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)),
  period_end: timestampVariable(new Date(Date.UTC(2025, 0, 2, 4))),
  day: dateVariable('2025-01-02'),
};

describe('substituteVariables', () => {
  const cases: Array<[string, string, string]> = [
    ['string in a literal', "LOCATION 's3://${lake_bucket}/x/'", "LOCATION 's3://lake-prod/x/'"],
    ['bare string → string literal', 'WHERE b = ${lake_bucket}', "WHERE b = 'lake-prod'"],
    ['number → numeric literal', 'WHERE rating <= ${min_rating} AND r > ${ratio}', 'WHERE rating <= 2 AND r > 0.25'],
    ['negative number is parenthesised', 'SELECT x-${negative}', 'SELECT x-(-3)'],
    ['bigint', 'SELECT ${big}', 'SELECT 9007199254740993'],
    ['boolean', 'WHERE ${enabled}', 'WHERE TRUE'],
    ['Date → TIMESTAMP literal', 'WHERE ts >= ${period_start}', "WHERE ts >= TIMESTAMP '2025-01-02 03:04:05.006'"],
    ['typed timestamp', 'WHERE ts < ${period_end}', "WHERE ts < TIMESTAMP '2025-01-02 04:00:00.000'"],
    ['date → DATE literal', 'WHERE d = ${day}', "WHERE d = DATE '2025-01-02'"],
    ['timestamp inside a literal is its text', "SELECT '${period_start}'", "SELECT '2025-01-02 03:04:05.006'"],
    ['identifier → quoted identifier', 'SELECT * FROM ${database}.orders', 'SELECT * FROM "analytics".orders'],
    ['string in name position → quoted identifier', 'SELECT * FROM ${lake_bucket}.t', 'SELECT * FROM "lake-prod".t'],
    ['inside a quoted identifier', 'SELECT * FROM "${database}"."t"', 'SELECT * FROM "analytics"."t"'],
    ['comments are left alone', '-- uses ${unknown}\nSELECT 1 /* ${also_unknown} */', '-- uses ${unknown}\nSELECT 1 /* ${also_unknown} */'],
    ['spaces around names: ${ name }', 'SELECT ${ min_rating }', 'SELECT 2'],
  ];
  it.each(cases)('%s', (_name, sql, expected) => {
    expect(substituteVariables(sql, vars)).toBe(expected);
  });

  it('cannot be used to inject SQL', () => {
    const evil: Variables = {
      quote: "x' OR '1'='1",
      close_ident: 'a"; DROP TABLE t; --',
      comment: "x'; -- ",
      ident: identifierVariable('t"; DROP TABLE users; --'),
    };
    expect(substituteVariables('SELECT * FROM t WHERE a = ${quote}', evil)).toBe("SELECT * FROM t WHERE a = 'x'' OR ''1''=''1'");
    expect(substituteVariables("SELECT * FROM t WHERE a = '${comment}'", evil)).toBe("SELECT * FROM t WHERE a = 'x''; -- '");
    expect(substituteVariables('SELECT * FROM "${close_ident}"', evil)).toBe('SELECT * FROM "a""; DROP TABLE t; --"');
    expect(substituteVariables('SELECT * FROM ${ident}', evil)).toBe('SELECT * FROM "t""; DROP TABLE users; --"');
    // Adjacent literals would merge into one: the value is spaced off.
    expect(substituteVariables("SELECT 'a'${quote}", evil)).toBe("SELECT 'a' 'x'' OR ''1''=''1'");
  });

  it('rejects values that cannot be a literal of their position', () => {
    expect(() => substituteVariables('SELECT ${n}', { n: Number.NaN })).toThrow(/not a finite number/);
    expect(() => substituteVariables('SELECT * FROM ${n}.t', { n: 5 })).toThrow(/cannot stand for a table or database name/);
    expect(() => substituteVariables('SELECT ${d}', { d: dateVariable('2025-02-30') })).toThrow(/not a date/);
    expect(() => substituteVariables('SELECT ${d}', { d: new Date('garbage') })).toThrow(/invalid date/);
  });

  it('names the file and line of unknown variables', () => {
    let error: unknown;
    try {
      substituteVariables("SELECT 1\nFROM t\nWHERE a = ${nope} AND b = 'x${also_nope}'", { x: 1 }, { file: 'sql/transforms/m.sql', lineOffset: 4 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProjectError);
    const { diagnostics } = error as ProjectError;
    expect(diagnostics.map((d) => [d.file, d.line, d.col, d.message])).toEqual([
      ['sql/transforms/m.sql', 7, 11, 'unknown variable ${nope}'],
      ['sql/transforms/m.sql', 7, 29, 'unknown variable ${also_nope}'],
    ]);
    expect((error as Error).message).toContain('sql/transforms/m.sql:7:11: error [variables/unknown] unknown variable ${nope}');
  });

  // https://docs.aws.amazon.com/athena/latest/ug/partition-projection-setting-up.html: Athena fills the
  // `${partition_key}` placeholders of storage.location.template itself.
  it('leaves partition projection placeholders to Athena and still substitutes project variables there', () => {
    const ddl =
      "CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (day string) LOCATION 's3://${b}/t/'\nTBLPROPERTIES ('storage.location.template' = 's3://${b}/t/${day}/', \"storage.location.template\" = \"s3://${b}/${day}\")";
    expect(substituteVariables(ddl, { b: 'bucket' })).toBe(
      "CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (day string) LOCATION 's3://bucket/t/'\nTBLPROPERTIES ('storage.location.template' = 's3://bucket/t/${day}/', \"storage.location.template\" = \"s3://bucket/${day}\")",
    );
    expect(variableUses(ddl).map((u) => [u.name, u.template ?? false])).toEqual([
      ['b', false],
      ['b', true],
      ['day', true],
      ['b', true],
      ['day', true],
    ]);
    // Anywhere else an unknown name is still an error.
    expect(() => substituteVariables("SELECT 's3://${day}/'", { b: 'bucket' })).toThrow(/unknown variable \$\{day\}/);
  });

  it('builds project variables: stage values plus stage and database built-ins and run-time values', () => {
    const config = ProjectConfigSchema.parse({ database: 'lakehouse', stages: { prod: { variables: { lake_bucket: 'b-prod' } } } });
    const built = projectVariables(config, 'prod', { now: new Date(0) });
    expect(substituteVariables("SELECT '${lake_bucket}', ${stage}, ${now} FROM ${database}.t", built)).toBe(
      `SELECT 'b-prod', 'prod', TIMESTAMP '1970-01-01 00:00:00.000' FROM "lakehouse".t`,
    );
    expect(interpolateText('s3://${lake_bucket}/x/${stage}/', built)).toBe('s3://b-prod/x/prod/');
  });
});
