import { describe, expect, it } from 'vitest';
import { parseSqlFile } from '../../src/project/header-block.js';

const file = 'sql/transforms/x.sql';

describe('SQL file headers', () => {
  it('parses the YAML block that opens the file and finds where the SQL starts', () => {
    const text = '/*\nmaterialized: incremental\nperiod: hour\npartitioned_by: [dt]\ntags: [p1, kpi]\n*/\nSELECT 1\nFROM t\n';
    const parsed = parseSqlFile(text, file, 'model');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.header).toMatchObject({ materialized: 'incremental', period: 'hour', tags: ['p1', 'kpi'] });
    expect(parsed.sql).toBe('SELECT 1\nFROM t\n');
    expect(parsed.bodyLine).toBe(7);
    expect(parsed.headerLine).toBe(1);
  });

  it('applies defaults: no header is fine; models are tables, dashboards views', () => {
    const model = parseSqlFile('SELECT 1', file, 'model');
    expect(model.diagnostics).toEqual([]);
    expect(model.header).toMatchObject({ materialized: 'table', tags: [], partitioned_by: [] });
    expect(model.sql).toBe('SELECT 1');
    expect(model.bodyLine).toBe(1);
    expect(parseSqlFile('SELECT 1', 'sql/dashboards/d.sql', 'dashboard').header.materialized).toBe('view');
    expect(parseSqlFile('/* materialized: view */ SELECT 1', file, 'model').header.materialized).toBe('view');
    expect(parseSqlFile('CREATE TABLE t (a INT)', 'sql/ddl/t.sql', 'ddl').header.materialized).toBeUndefined();
  });

  it('keeps columns when SQL follows the header on its closing line', () => {
    const parsed = parseSqlFile('/* tags: [a] */ SELECT 1', file, 'model');
    expect(parsed.bodyLine).toBe(1);
    expect(parsed.sql).toBe(`${' '.repeat(15)} SELECT 1`);
    expect(parsed.sql.indexOf('SELECT') + 1).toBe('/* tags: [a] */ SELECT 1'.indexOf('SELECT') + 1);
  });

  it('rejects unknown keys at their line and suggests the key meant', () => {
    const parsed = parseSqlFile('/*\ntags: [a]\nmaterialised: table\n*/\nSELECT 1', file, 'model');
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        file,
        line: 3,
        col: 1,
        rule: 'header/unknown-key',
        message: "unknown header key 'materialised'",
        hint: "did you mean 'materialized'?",
      }),
    ]);
  });

  it('names the bad value and the line and column of its key, also inside nested sections', () => {
    const model = parseSqlFile('\n/*\ndescription: x\nmaterialized: tabel\n*/\nSELECT 1', file, 'model');
    expect(model.diagnostics).toEqual([
      expect.objectContaining({ rule: 'header/schema', line: 4, col: 1, message: expect.stringMatching(/^header 'materialized': .*\(got "tabel"\)$/) }),
    ]);
    const text = '\n/*\ndescription: x\nschedule: rate(1 hour)\nalert:\n  condition: count > 1\n  message: hi\n  severity: loud\n  colour: red\n*/\nSELECT 1';
    const parsed = parseSqlFile(text, 'sql/alerts/a.sql', 'alert');
    const byRule = (rule: string) => parsed.diagnostics.filter((d) => d.rule === rule);
    expect(byRule('header/schema')).toEqual([
      expect.objectContaining({ line: 8, col: 3, message: expect.stringMatching(/^header 'alert.severity': .*\(got "loud"\)$/) }),
    ]);
    expect(byRule('header/unknown-key')).toEqual([expect.objectContaining({ line: 9, col: 3, message: "unknown header key 'alert.colour'" })]);
  });

  it('reports schedule errors from the schedule parser at the schedule line', () => {
    const parsed = parseSqlFile('/*\nschedule: rate(1 hours)\n*/\nSELECT 1', file, 'model');
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('rate(1 hour)') })]);
  });

  it('reports YAML syntax errors with their line', () => {
    const parsed = parseSqlFile('/*\ntags: [a\nname: x\n*/\nSELECT 1', file, 'model');
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'header/yaml', file });
    expect(parsed.diagnostics[0].line).toBeGreaterThanOrEqual(2);
    expect(parsed.diagnostics[0].line).toBeLessThanOrEqual(4);
  });

  it('rejects an opening comment that is prose rather than YAML keys', () => {
    const parsed = parseSqlFile('/* Daily revenue per category */\nSELECT 1', file, 'model');
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ rule: 'header/yaml', line: 1, hint: expect.stringContaining('description:') })]);
  });

  it('validates serve: a key-value table and key columns, on models only, with a partition column for a period', () => {
    const ok = parseSqlFile(
      '/*\nperiod: day\npartitioned_by: [order_date]\nserve: { table: CategoryKPIs, key: [category, order_date] }\n*/\nSELECT 1',
      file,
      'model',
    );
    expect(ok.diagnostics).toEqual([]);
    expect(ok.header.serve).toEqual({ table: 'CategoryKPIs', key: ['category', 'order_date'] });
    const noKey = parseSqlFile('/*\nserve: { table: T, key: [] }\n*/\nSELECT 1', file, 'model');
    expect(noKey.diagnostics).toEqual([expect.objectContaining({ rule: 'header/schema', line: 2, message: expect.stringContaining("header 'serve.key'") })]);
    const typo = parseSqlFile('/*\nserve: { table: T, keys: [id] }\n*/\nSELECT 1', file, 'model');
    expect(typo.diagnostics.map((d) => d.rule)).toContain('header/unknown-key');
    const noPartition = parseSqlFile('/*\nperiod: day\n\nserve: { table: T, key: [id] }\n*/\nSELECT 1', file, 'model');
    expect(noPartition.diagnostics).toEqual([
      expect.objectContaining({ rule: 'header/serve', line: 4, message: expect.stringContaining("needs 'partitioned_by'") }),
    ]);
    const view = parseSqlFile('/*\nserve: { table: T, key: [id] }\n*/\nSELECT 1', 'sql/dashboards/d.sql', 'dashboard');
    expect(view.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'header/unknown-key',
        line: 2,
        message: "unknown header key 'serve'",
        hint: expect.stringContaining("'serve' applies to models"),
      }),
    ]);
  });

  it('requires alerts to have a schedule and an alert section', () => {
    const parsed = parseSqlFile('/*\ntags: [p1]\n*/\nSELECT count(*) AS count FROM t', 'sql/alerts/a.sql', 'alert');
    expect(parsed.diagnostics.map((d) => d.message)).toEqual(["alert files need a 'schedule' in their header", "alert files need a 'alert' in their header"]);
    const ok = parseSqlFile('/*\nschedule: rate(1 hour)\nalert:\n  condition: count > 10\n  message: "{count} bad"\n*/\nSELECT 1', 'sql/alerts/a.sql', 'alert');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.header.alert).toMatchObject({ severity: 'warning', channels: ['console'], cooldown: '1h' });
  });
});
