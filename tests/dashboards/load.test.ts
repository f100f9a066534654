// Dashboard files: valid ones load with their defaults; broken ones fail with the file, the field and its line.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DashboardError, loadDashboards, parseDashboard } from '../../src/dashboards/load.js';
import { checkAgainstViews } from '../../src/dashboards/query.js';
import { FIXTURE } from './fixture.js';

const FILE = 'sql/dashboards/broken.dashboard.yaml';

function errorsOf(text: string): string[] {
  try {
    parseDashboard(text, FILE, { database: 'db' });
  } catch (error) {
    if (error instanceof DashboardError) return error.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    throw error;
  }
  throw new Error('expected the dashboard to be rejected');
}

const valid = `title: T
visuals:
  - id: a
    type: line
    title: A
    view: v
    x: day
    y: n
`;

describe('dashboard files', () => {
  it('loads the fixture dashboards with defaults filled in', () => {
    const dashboards = loadDashboards(FIXTURE, { database: 'shop' });
    expect(dashboards.map((d) => [d.name, d.file, d.database])).toEqual([
      ['operations', 'sql/dashboards/operations.dashboard.yaml', 'shop'],
      ['sales', 'sql/dashboards/sales.dashboard.yaml', 'shop'],
    ]);
    const sales = dashboards[1];
    expect(sales.visuals.map((v) => v.type)).toEqual(['kpi', 'kpi', 'gauge', 'line', 'bar', 'stacked_bar', 'donut', 'pie', 'table']);
    expect(sales.visuals[4]).toMatchObject({ aggregation: 'sum', format: 'number', layout: { width: 4, height: 1 } });
    expect(sales.quicksight).toEqual({ import_mode: 'SPICE', refresh: { interval: 'DAILY', time: '03:00', timezone: 'UTC' } });
    expect(dashboards[0].quicksight.import_mode).toBe('DIRECT_QUERY');
  });

  it.each([
    ['an unknown field, with its line', valid.replace('    y: n', '    y: n\n    colour: red'), [`${FILE}:9: unknown field 'colour' in 'visuals.0'`]],
    ['a missing measure', valid.replace('    y: n\n', ''), [`${FILE}:3: 'visuals.0.y': line visuals need 'y' (the measure column)`]],
    [
      'an unknown visual type',
      valid.replace('type: line', 'type: radar'),
      [expect.stringMatching(new RegExp(`^${FILE}:4: 'visuals.0.type': Invalid option: expected one of .*\\(got "radar"\\)`))],
    ],
    [
      'a field that does not belong',
      valid.replace('type: line', 'type: kpi').replace('    x: day\n', '    x: day\n    max: 3\n'),
      [`${FILE}:7: 'visuals.0.x': 'x' has no meaning for kpi visuals`, `${FILE}:8: 'visuals.0.max': 'max' has no meaning for kpi visuals`],
    ],
    [
      'a gauge without its maximum',
      'title: T\nvisuals:\n  - { id: g, type: gauge, title: G, view: v, y: n }\n',
      [`${FILE}:3: 'visuals.0.max': gauge visuals need 'max' (the value of a full dial)`],
    ],
    ['duplicate visual ids', `${valid}  - { id: a, type: kpi, title: B, view: v, y: n }\n`, [`${FILE}:9: 'visuals.1.id': duplicate visual id 'a'`]],
    ['no visuals', 'title: T\nvisuals: []\n', [expect.stringMatching(new RegExp(`^${FILE}:2: 'visuals': Too small`))]],
    [
      'a bad refresh time',
      `${valid}quicksight:\n  refresh: { time: "25:00" }\n`,
      [`${FILE}:10: 'quicksight.refresh.time': must be HH:MM (24-hour) (got "25:00")`],
    ],
    [
      'a view name that is not an identifier',
      valid.replace('view: v', 'view: "v; DROP TABLE x"'),
      [expect.stringContaining(`${FILE}:6: 'visuals.0.view': must be a plain identifier`)],
    ],
    ['YAML that does not parse', 'title: T\nvisuals:\n  - id: a\n   type: line\n', [expect.stringMatching(new RegExp(`^${FILE}:4: not valid YAML`))]],
  ])('rejects %s', (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  it('reports every broken file of a project at once', () => {
    const root = mkdtempSync(join(tmpdir(), 'lake-dash-load-'));
    mkdirSync(join(root, 'sql', 'dashboards'), { recursive: true });
    writeFileSync(join(root, 'sql', 'dashboards', 'a.dashboard.yaml'), 'title: A\n');
    writeFileSync(join(root, 'sql', 'dashboards', 'b.dashboard.yaml'), valid.replace('type: line', 'type: gauge'));
    writeFileSync(join(root, 'sql', 'dashboards', 'view.sql'), 'SELECT 1 AS n');
    expect(() => loadDashboards(root, { database: 'db' })).toThrowError(
      /sql\/dashboards\/a\.dashboard\.yaml:1:1: error \[dashboard\/schema\] 'visuals': Invalid input: expected array, received undefined\n[\s\S]*b\.dashboard\.yaml:7:5: error \[dashboard\/schema\] 'visuals.0.x': 'x' has no meaning for gauge/,
    );
  });

  it('checks columns against the views, pointing at the field', () => {
    const dashboard = parseDashboard(`${valid}    series: chanel\nfilters:\n  - { id: p, type: date_range, column: name }\n`, FILE, { database: 'db' });
    const problems = checkAgainstViews(dashboard, {
      v: [
        { name: 'day', type: 'date' },
        { name: 'n', type: 'bigint' },
        { name: 'channel', type: 'varchar' },
        { name: 'name', type: 'varchar' },
      ],
    });
    expect(problems.map((d) => `${d.line}: ${d.message} (${d.hint ?? ''})`)).toEqual([
      "9: 'visuals.0.series': view 'v' has no column 'chanel' (its columns: day, n, channel, name)",
      "11: 'filters.0.column': date_range filters need a DATE or TIMESTAMP column; 'name' is varchar ()",
    ]);
    const textMeasure = parseDashboard(valid.replace('y: n', 'y: channel'), FILE, { database: 'db' });
    expect(
      checkAgainstViews(textMeasure, {
        v: [
          { name: 'day', type: 'date' },
          { name: 'channel', type: 'varchar' },
        ],
      })[0].message,
    ).toBe("'visuals.0.y': 'channel' is varchar; sum needs a number");
  });

  it("checks that a view's data_start (where its data starts, for the partial first period) is a DATE or TIMESTAMP", () => {
    const dashboard = parseDashboard(valid, FILE, { database: 'db' });
    const columns = (type: string) => ({
      v: [
        { name: 'day', type: 'date' },
        { name: 'n', type: 'bigint' },
        { name: 'data_start', type },
      ],
    });
    expect(checkAgainstViews(dashboard, columns('timestamp(3)'))).toEqual([]);
    expect(checkAgainstViews(dashboard, columns('date'))).toEqual([]);
    expect(checkAgainstViews(dashboard, columns('varchar')).map((d) => `${d.line}: ${d.message}`)).toEqual([
      "6: 'visuals.0.view': view 'v' returns 'data_start' as varchar; it must be a DATE or TIMESTAMP (UTC, without time zone)",
    ]);
    expect(checkAgainstViews(dashboard, columns('timestamp(3) with time zone'))).toHaveLength(1);
  });

  it('checks column titles and table sort columns against the views', () => {
    const text = `title: T\ncolumn_titles: { n: Orders, revenu: Revenue }\nvisuals:\n  - { id: t, type: table, title: T, view: v, columns: [day, n], sort: { column: channel } }\n  - { id: u, type: table, title: U, view: v, sort: { column: nope, descending: true } }\n`;
    const dashboard = parseDashboard(text, FILE, { database: 'db' });
    const columns = {
      v: [
        { name: 'day', type: 'date' },
        { name: 'n', type: 'bigint' },
        { name: 'channel', type: 'varchar' },
      ],
    };
    expect(checkAgainstViews(dashboard, columns).map((d) => `${d.line}: ${d.message}`)).toEqual([
      "4: 'visuals.0.sort.column': the table does not show 'channel'",
      "5: 'visuals.1.sort.column': view 'v' has no column 'nope'",
      "2: 'column_titles.revenu': no view of this dashboard has a column 'revenu'",
    ]);
    expect(() => parseDashboard(valid.replace('    y: n\n', '    y: n\n    sort: { column: day }\n'), FILE, { database: 'db' })).toThrowError(
      /'sort' has no meaning for line visuals/,
    );
  });
});
