import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTestFiles, parseTestFile, TestDefinitionError } from '../../src/testing/spec.js';

const ROOT = join(import.meta.dirname, '../fixtures/sql-tests');

function problems(text: string): string[] {
  try {
    parseTestFile(text, 'tests/sql/x.yaml');
  } catch (error) {
    if (error instanceof TestDefinitionError) return error.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    throw error;
  }
  throw new Error('expected a definition error');
}

describe('unit-test files', () => {
  it('reads tests with the file model as default, fixtures in both forms, and positions', () => {
    const tests = parseTestFile(
      [
        'model: daily_orders',
        'tests:',
        '  - name: one',
        '    given:',
        '      orders:',
        '        - { order_id: o1 }',
        '      shop.customers:',
        '        columns: { segment: varchar }',
        '        rows: [{ customer_id: 1 }]',
        '    expect:',
        '      rows: []',
        '  - name: two',
        '    model: segment_revenue',
        '    vars: { now: "2025-03-10 12:00:00", min_rating: 2 }',
        '    expect: { ordered: true, tolerance: 0.01, rows: [{ a: 1 }] }',
      ].join('\n'),
      'tests/sql/x.yaml',
    );
    expect(tests).toEqual([
      {
        name: 'one',
        model: 'daily_orders',
        file: 'tests/sql/x.yaml',
        line: 3,
        vars: {},
        given: [
          { table: 'orders', rows: [{ order_id: 'o1' }], columns: {}, line: 6 },
          { table: 'shop.customers', rows: [{ customer_id: 1 }], columns: { segment: 'varchar' }, line: 8 },
        ],
        expect: { rows: [], ordered: false, tolerance: 1e-9, line: 11 },
      },
      {
        name: 'two',
        model: 'segment_revenue',
        file: 'tests/sql/x.yaml',
        line: 12,
        vars: { now: '2025-03-10 12:00:00', min_rating: 2 },
        given: [],
        expect: { rows: [{ a: 1 }], ordered: true, tolerance: 0.01, line: 15 },
      },
    ]);
  });

  it('names the file and line of every mistake', () => {
    expect(problems('tests:\n  - name: a\n    expect: { rows: [] }\n')).toEqual([
      "tests/sql/x.yaml:2: test 'a' names no model (give model: in the test or at the top of the file)",
    ]);
    expect(problems('model: m\ntests:\n  - name: a\n    expcet: { rows: [] }\n')).toEqual([
      'tests/sql/x.yaml:3: tests.0.expect: Invalid input: expected object, received undefined',
      'tests/sql/x.yaml:3: tests.0: Unrecognized key: "expcet" (expcet)',
    ]);
    expect(problems('model: m\ntests:\n  - name: a\n    given:\n      orders: 5\n    expect: { rows: [] }\n')[0]).toMatch(
      /^tests\/sql\/x.yaml:5: tests.0.given.orders: /,
    );
    expect(problems('model: m\ntests:\n  - name: a\n    expect: { rows: [] }\n  - name: a\n    expect: { rows: [] }\n')).toEqual([
      "tests/sql/x.yaml:5: two tests are named 'a'",
    ]);
    expect(problems('model: m\ntests: [\n')[0]).toMatch(/^tests\/sql\/x.yaml:\d+: not valid YAML/);
  });

  it('finds test files under tests/sql and beside the models', async () => {
    expect(await findTestFiles(ROOT, 'sql')).toEqual([
      'sql/transforms/interactions_hourly.test.yaml',
      'tests/sql/alerts.yaml',
      'tests/sql/dim_customer.yaml',
      'tests/sql/orders.yaml',
    ]);
  });
});
