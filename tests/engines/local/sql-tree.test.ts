// objects(): the walk partition-filters.ts and evaluated-once.ts make over DuckDB's parse tree (json_serialize_sql).
import { describe, expect, it } from 'vitest';
import { type Json, objects } from '../../../src/engines/local/sql-tree.js';

describe('objects', () => {
  it('yields every object depth first, each before what it holds, arrays in order', () => {
    const tree = { id: 'a', list: [{ id: 'b', child: { id: 'c' } }, 1, null, [{ id: 'd' }]], next: { id: 'e', values: ['x', { id: 'f' }] } };
    expect([...objects(tree)].map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect([...objects([{ id: 'g' }, [{ id: 'h' }]])].map((o) => o.id)).toEqual(['g', 'h']);
    expect([...objects('text')]).toEqual([]);
  });

  it("reads an object's children after the caller has seen it (a caller may replace them)", () => {
    const tree: Json = { id: 'a', child: { id: 'old' } };
    const seen: unknown[] = [];
    for (const node of objects(tree)) {
      seen.push(node.id);
      if (node.id === 'a') node.child = { id: 'new' };
    }
    expect(seen).toEqual(['a', 'new']);
  });

  it('walks a deep tree', () => {
    let deep: Json = { id: 0 };
    for (let i = 1; i <= 20_000; i++) deep = { id: i, inner: deep };
    expect([...objects(deep)]).toHaveLength(20_001);
  });
});
