import { describe, expect, it } from 'vitest';
import { formatSqlFile } from '../../src/project/format.js';

describe('formatSqlFile', () => {
  it('formats the body, keeps the header byte-for-byte and ${var} placeholders intact', () => {
    const header = '/*\nmaterialized:   incremental   # odd spacing stays\ntags: [p1]\n*/';
    const text = `${header}\nselect a, count(*) as n from   crm_data where ts >= \${period_start} and b = '\${lake_bucket}' group by a`;
    const { text: out, unformatted } = formatSqlFile(text);
    expect(unformatted).toEqual([]);
    expect(out.startsWith(`${header}\n`)).toBe(true);
    expect(out).toBe(`${header}
select
  a,
  count(*) as n
from
  crm_data
where
  ts >= \${period_start}
  and b = '\${lake_bucket}'
group by
  a
`);
    expect(formatSqlFile(out).text).toBe(out);
  });

  it('leaves Hive DDL as written and formats the Trino statements around it', () => {
    const ddl =
      "CREATE EXTERNAL TABLE IF NOT EXISTS t (\n    a STRING\n)\nROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'\nLOCATION 's3://${lake_bucket}/t/'";
    const text = `${ddl};\nMSCK   REPAIR TABLE t;\ncreate or replace view v as select a from t;\n`;
    const { text: out } = formatSqlFile(text);
    expect(out).toBe(`${ddl};\n\nMSCK   REPAIR TABLE t;\n\ncreate or replace view v as\nselect\n  a\nfrom\n  t;\n`);
    expect(formatSqlFile(out).text).toBe(out);
  });

  it('keeps comments, including ones between statements and before a semicolon', () => {
    const text = '-- first\nSELECT 1 AS a; -- trailing\n/* block */ SELECT 2 AS b -- last words\n;\n';
    const { text: out } = formatSqlFile(text);
    for (const comment of ['-- first', '-- trailing', '/* block */', '-- last words']) expect(out).toContain(comment);
    // The `;` after a line comment goes on its own line, so it is not commented out.
    expect(out).toMatch(/-- last words\n;\n$/);
    expect(formatSqlFile(out).text).toBe(out);
  });

  it('leaves a file it cannot read unchanged', () => {
    const text = "SELECT 'unterminated";
    expect(formatSqlFile(text)).toEqual({ text, unformatted: [expect.objectContaining({ line: 1 })] });
  });

  it('changes nothing in a formatted file and keeps an empty body empty', () => {
    expect(formatSqlFile('/* tags: [a] */').text).toBe('/* tags: [a] */');
    const formatted = 'SELECT\n  1 AS a\n';
    expect(formatSqlFile(formatted).text).toBe(formatted);
  });
});
