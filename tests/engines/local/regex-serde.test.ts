// RegexSerDe tables (the AWS log tables of the Athena User Guide: ALB, ELB, CloudFront) read locally as Athena reads
// them: each line matched whole by 'input.regex' (java.util.regex with DOTALL, as Hive's and Trino's RegexSerDe),
// column k from group k, a typed column NULL when its text does not parse, and a line that does not match a row of
// NULLs. A pattern RE2 would read otherwise is refused when the table is created, not answered differently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLake, tempLake, writeLakeFile } from '../../dialect/lake-helpers.js';

// The example log entry of https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html
// ("HTTP entry"), as one line.
const ALB_LINE =
  'http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 ' +
  '"GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 ' +
  '"Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-"';

describe('RegexSerDe tables', () => {
  it("reads the Athena User Guide's ALB access-log table over an ALB log line, and a line that does not match as NULLs", async () => {
    const lakeRoot = tempLake();
    const engine = await openLake(lakeRoot);
    try {
      const ddl = readFileSync('tests/fixtures/athena-ddl/alb-access-logs.sql', 'utf8').replace(/LOCATION '[^']*'/, "LOCATION 's3://logs/alb/'");
      await engine.execute(ddl);
      writeLakeFile(lakeRoot, 'logs/alb/part-1.log.gz', `${ALB_LINE}\nnot an alb line\n`);
      const result = await engine.execute(
        'SELECT type, client_ip, client_port, target_port, request_processing_time, elb_status_code, received_bytes, request_verb, request_url, user_agent, ssl_cipher, trace_id, actions_executed, target_status_code_list FROM alb_logs ORDER BY type NULLS LAST',
      );
      expect(result.columns.map((c) => c.type)).toEqual([
        'varchar',
        'varchar',
        'integer',
        'integer',
        'double',
        'integer',
        'bigint',
        'varchar',
        'varchar',
        'varchar',
        'varchar',
        'varchar',
        'varchar',
        'varchar',
      ]);
      expect(result.rows).toEqual([
        [
          'http',
          '192.168.131.39',
          2817,
          80,
          0,
          200,
          34,
          'GET',
          'http://www.example.com:80/',
          'curl/7.46.0',
          '-',
          'Root=1-58337262-36d228ad5d99923122bbe354',
          'forward',
          '200',
        ],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
      ]);
      await expect(engine.execute("INSERT INTO alb_logs (type) VALUES ('x')")).rejects.toThrow(/RegexSerDe table cannot be written/);
    } finally {
      await engine.close();
    }
  });

  it('reads typed columns leniently (NULL when the text is no number) and skips header lines', async () => {
    const lakeRoot = tempLake();
    const engine = await openLake(lakeRoot);
    try {
      await engine.execute(`CREATE EXTERNAL TABLE kv (k string, n int, rest string)
        ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
        WITH SERDEPROPERTIES ('input.regex' = '(\\\\w+)=([^ ]*) ?(.*)')
        LOCATION 's3://logs/kv/' TBLPROPERTIES ('skip.header.line.count' = '1')`);
      writeLakeFile(lakeRoot, 'logs/kv/a.txt', 'header line\na=1 tail\nb=x\n');
      expect((await engine.execute('SELECT k, n, rest FROM kv ORDER BY k')).rows).toEqual([
        ['a', 1, 'tail'],
        ['b', null, ''],
      ]);
    } finally {
      await engine.close();
    }
  });

  it.each([
    ['a group inside ?', '(a)? (b)', /group 1 may not take part/],
    ['a group on one side of |', '(a)|(b)', /group 1 may not take part/],
    ['a word boundary', '\\\\b(\\\\w+)', /non-ASCII letters/],
    ['the case-insensitive property', '(a)', /ASCII only/],
  ])('refuses %s when the table is created', async (_what, pattern, message) => {
    const engine = await openLake();
    try {
      const caseInsensitive = _what.includes('case') ? ", 'input.regex.case.insensitive' = 'true'" : '';
      await expect(
        engine.execute(`CREATE EXTERNAL TABLE r (a string, b string) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'
          WITH SERDEPROPERTIES ('input.regex' = '${pattern}'${caseInsensitive}) LOCATION 's3://logs/r/'`),
      ).rejects.toThrow(message);
    } finally {
      await engine.close();
    }
  });
});
