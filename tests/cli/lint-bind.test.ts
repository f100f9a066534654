// `lake lint` binds: every model, dashboard view and alert runs over empty inputs with the tables' real types, so
// unknown columns, type errors, partitioned_by columns not returned and alert conditions naming missing columns are
// lint errors at file:line:col, without data.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

const lint = async (files: Record<string, string>) => {
  const io = captureIo(makeProject({ 'sql/ddl/reviews.sql': DDL, ...files }));
  const code = await main(['lint', '--no-cache'], io);
  return { code, lines: io.out.split('\n').filter((l) => l.startsWith('sql/')), out: io.out };
};

describe('lake lint binds every query over empty typed inputs', () => {
  it('a model selecting an unknown column on line 6: <file>:6 and the name, exit 1', async () => {
    const { code, lines, out } = await lint({
      'sql/transforms/ratings.sql': '/*\ntags: [x]\n*/\nSELECT\n  channel,\n  avg(ratng) AS avg_rating\nFROM reviews\nGROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^sql\/transforms\/ratings\.sql:6:7: error \[bind\/query\] Binder Error: Referenced column "ratng" not found/)]);
    expect(out).toContain('hint: columns there: "rating"');
  });

  it('a type error, and only the first of a chain (its downstream is not reported again)', async () => {
    const { code, lines } = await lint({
      'sql/transforms/typed.sql': "SELECT\n  channel,\n  rating + note AS bad\nFROM reviews\n",
      'sql/transforms/after_typed.sql': 'SELECT bad FROM typed\n',
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sql\/transforms\/typed\.sql:3:\d+: error \[bind\/query\] .*(Cannot|No function matches)/);
  });

  it('a partitioned_by column the query does not return, at the header line', async () => {
    const { code, lines } = await lint({
      'sql/transforms/parts.sql': '/*\nmaterialized: table\npartitioned_by: [dt]\n*/\nSELECT channel, count(*) AS n FROM reviews GROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual(["sql/transforms/parts.sql:3:1: error [bind/partitioned-by] partitioned_by column 'dt' is not returned by the query"]);
  });

  it('an alert condition, message field or key naming a column the query does not return', async () => {
    const { code, lines } = await lint({
      'sql/alerts/negatives.sql': '/*\nschedule: rate(1 hour)\nalert:\n  condition: negatives > 10\n  message: "{negative} negative reviews on {channel}"\n  key: chanel\n*/\nSELECT channel, count_if(rating <= 2) AS negative FROM reviews GROUP BY channel\n',
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "sql/alerts/negatives.sql:4:1: error [bind/alert-condition] alert condition 'negatives > 10' names 'negatives', which the query does not return",
      "sql/alerts/negatives.sql:6:1: error [bind/alert-key] alert key 'chanel' is not a column the query returns",
    ]);
  });

  it('a dashboard view and an alert query are bound too; a clean project binds without findings', async () => {
    const { lines } = await lint({
      'sql/dashboards/by_channel.sql': 'SELECT channel, count(*) AS n\nFROM reviews\nWHERE ratin > 0\nGROUP BY channel\n',
      'sql/alerts/any.sql': '/*\nschedule: rate(1 hour)\nalert:\n  condition: rows > 0\n  message: "{id}"\n*/\nSELECT id, notes FROM reviews\n',
    });
    expect(lines.map((l) => l.split(' [')[0])).toEqual(['sql/alerts/any.sql:7:12: error', 'sql/dashboards/by_channel.sql:3:7: error']);
    const clean = await lint({ 'sql/transforms/ok.sql': '/*\npartitioned_by: [channel]\nmaterialized: table\n*/\nSELECT rating, channel FROM reviews\n' });
    expect(clean.out).toBe('2 files checked: 0 errors, 0 warnings\n');
    expect(clean.code).toBe(0);
  });
});
