import { describe, expect, it } from 'vitest';
import { cellEquals, diffRows, isEmptyDiff } from '../../src/testing/diff.js';
import { diffLines } from '../../src/testing/format.js';

describe('cell comparison', () => {
  it.each([
    [0.1 + 0.2, 0.3, 'double', 1e-9, true],
    [1.0, 1.01, 'double', 0.001, false],
    [1.0, 1.01, 'double', 0.1, true],
    [3, 3, 'bigint', 0, true],
    ['3', 3, 'bigint', 0, true],
    [3.5, 3, 'bigint', 0, false],
    [9007199254740993n, 9007199254740993n, 'bigint', 0, true],
    ['1.5', '1.50', 'decimal(10,2)', 0, true],
    [1.5, '1.50', 'decimal(10,2)', 0, true],
    ['1.51', '1.50', 'decimal(10,2)', 0, false],
    ['2025-03-01 10:00', '2025-03-01 10:00:00.000', 'timestamp(3)', 0, true],
    ['2025-03-01T10:00:00Z', '2025-03-01 10:00:00.000', 'timestamp(3)', 0, true],
    ['2025-03-01', '2025-03-01', 'date', 0, true],
    [null, null, 'varchar', 0, true],
    [null, 'x', 'varchar', 0, false],
    ['', null, 'varchar', 0, false],
    [true, true, 'boolean', 0, true],
    [[1, 2], [1, 2], 'array(integer)', 0, true],
    [[1, 2], [2, 1], 'array(integer)', 0, false],
    [{ a: 1.0 }, { a: 1 }, 'map(varchar, double)', 0, true],
  ])('%o vs %o (%s, tolerance %d): %s', (expected, actual, type, tolerance, equal) => {
    expect(cellEquals(expected, actual, type, tolerance)).toBe(equal);
  });
});

const output = {
  columns: [
    { name: 'day', type: 'date' },
    { name: 'orders', type: 'bigint' },
    { name: 'revenue', type: 'double' },
  ],
  rows: [
    ['2025-03-01', 2, 10.5],
    ['2025-03-02', 1, 7],
    ['2025-03-03', 4, 1],
  ],
};

describe('row diff', () => {
  it('matches rows in any order, comparing only the columns a row names', () => {
    const diff = diffRows(
      [
        { day: '2025-03-03', orders: 4 },
        { day: '2025-03-01', revenue: 10.5 },
        { day: '2025-03-02', orders: 1, revenue: 7 },
      ],
      output,
      { ordered: false, tolerance: 0 },
    );
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('reports changed cells, missing and unexpected rows', () => {
    const diff = diffRows(
      [
        { day: '2025-03-01', orders: 2, revenue: 11 },
        { day: '2025-03-09', orders: 9, revenue: 9 },
      ],
      output,
      { ordered: false, tolerance: 0 },
    );
    expect(diff.changed).toEqual([
      {
        expected: { day: '2025-03-01', orders: 2, revenue: 11 },
        actual: { day: '2025-03-01', orders: 2, revenue: 10.5 },
        cells: [{ column: 'revenue', expected: 11, actual: 10.5 }],
      },
    ]);
    expect(diff.missing).toEqual([{ day: '2025-03-09', orders: 9, revenue: 9 }]);
    expect(diff.unexpected).toEqual([
      { day: '2025-03-02', orders: 1, revenue: 7 },
      { day: '2025-03-03', orders: 4, revenue: 1 },
    ]);
    expect(diffLines(diff)).toEqual([
      '2 expected rows, 3 rows returned; compared columns: day, orders, revenue',
      '~ changed    {day: 2025-03-01, orders: 2}: revenue: expected 11, got 10.5',
      '- missing    {day: 2025-03-09, orders: 9, revenue: 9}',
      '+ unexpected {day: 2025-03-02, orders: 1, revenue: 7}',
      '+ unexpected {day: 2025-03-03, orders: 4, revenue: 1}',
    ]);
  });

  it('compares row by row when ordered', () => {
    const diff = diffRows([{ day: '2025-03-02' }, { day: '2025-03-01' }], output, { ordered: true, tolerance: 0 });
    expect(diff.changed.map((c) => [c.position, c.cells])).toEqual([
      [1, [{ column: 'day', expected: '2025-03-02', actual: '2025-03-01' }]],
      [2, [{ column: 'day', expected: '2025-03-01', actual: '2025-03-02' }]],
    ]);
    expect(diff.unexpected).toEqual([{ day: '2025-03-03' }]);
  });

  it('fails on an expected column the output does not have', () => {
    expect(() => diffRows([{ dy: '2025-03-01' }], output, { ordered: false, tolerance: 0 })).toThrow(
      "expected column 'dy' is not in the output (columns: day, orders, revenue)",
    );
  });
});
