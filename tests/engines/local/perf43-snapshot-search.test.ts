// The catalog snapshot's listings found by binary search (issue 18, perf43): a scratch engine of `lake lint` adds one
// table per model, and each addition searched the snapshot's tables, its database's relations and (for a view) its
// views from the start, O(tables²) over 1,000 models. The listings are kept in DuckDB's order (the byte order of the
// names, catalog-order.test.ts), so a binary search finds a name or its place. What must not change: every listing in
// the order a fresh read gives, a name created twice refused, a dropped name gone, each table readable by its name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { SeededRandom } from '../../../src/ingest/random.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  // As lake lint's shards open theirs: in memory, with the bind cache (new empty tables kept and written in batches).
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-perf43-')), inMemory: true, bindCache: true });
  await engine.execute('CREATE DATABASE d');
  await engine.execute("CREATE TABLE d.src (id bigint, v double) LOCATION 's3://lake/src/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
});
afterAll(async () => {
  await engine.close();
});

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const ctas = (name: string) =>
  `CREATE TABLE d.${name} WITH (table_type = 'ICEBERG', location = 's3://lake/${name}/') AS SELECT id, sum(v) AS v FROM d.src GROUP BY id WITH NO DATA`;
const listed = async (sql: string) => (await engine.execute(sql, { database: 'd' })).rows.map((row) => String(row[0]));

describe('the catalog snapshot, searched by halves', () => {
  it('keeps tables and views created in any order in the catalog order, refuses a name twice and forgets a dropped one', async () => {
    const random = new SeededRandom(43);
    // Names whose places test the search's edges: prefixes of each other, `_` between digits and letters, lengths.
    const base = ['a', 'a0', 'a_', 'a_0', 'aa', 'ab', 'b', 'm1', 'm10', 'm100', 'm11', 'm2', 'm9', 'z', 'z_z', 'zz'];
    const names = [...base, ...Array.from({ length: 40 }, (_, i) => `t${random.int(0, 999)}_${i}`)];
    for (let i = names.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [names[i], names[j]] = [names[j], names[i]];
    }
    const tables = names.filter((_, i) => i % 5 !== 3);
    const views = names.filter((_, i) => i % 5 === 3);
    for (const [i, name] of names.entries()) {
      if (i % 5 === 3) await engine.execute(`CREATE VIEW d.${name} AS SELECT id FROM d.src`, { database: 'd' });
      else
        expect(await engine.createEmptyTable(ctas(name), { database: 'd' })).toEqual([
          { name: 'id', type: 'bigint' },
          { name: 'v', type: 'double' },
        ]);
    }
    const all = [...names, 'src'].sort(byBytes);
    expect(await listed('SHOW TABLES IN d')).toEqual(all);
    expect(await listed('SHOW VIEWS IN d')).toEqual([...views].sort(byBytes));
    // The catalog's descriptions, as DuckDB orders them, hold each new table once.
    expect(await listed("SELECT name FROM awsdatacatalog.__lake.tables WHERE database = 'd' ORDER BY name")).toEqual([...tables, 'src'].sort(byBytes));
    for (const name of [...base.filter((n) => tables.includes(n)), tables[0], tables.at(-1)!]) {
      expect((await engine.execute(`SELECT count(*) FROM d.${name}`)).rows).toEqual([[0]]);
      await expect(engine.createEmptyTable(ctas(name), { database: 'd' })).rejects.toThrow(/already exists/);
    }
    // Dropped names leave every listing; created again, they come back in their places.
    const dropped = [tables[0], tables[1], views[0]];
    await engine.execute(`DROP TABLE d.${tables[0]}`);
    await engine.execute(`DROP TABLE d.${tables[1]}`);
    await engine.execute(`DROP VIEW d.${views[0]}`);
    expect(await listed('SHOW TABLES IN d')).toEqual(all.filter((n) => !dropped.includes(n)));
    expect(await listed('SHOW VIEWS IN d')).toEqual(views.slice(1).sort(byBytes));
    await expect(engine.execute(`SELECT * FROM d.${tables[0]}`)).rejects.toThrow(new RegExp(tables[0]));
    await engine.createEmptyTable(ctas(tables[1]), { database: 'd' });
    await engine.execute(`CREATE VIEW d.${views[0]} AS SELECT id FROM d.src`, { database: 'd' });
    expect(await listed('SHOW TABLES IN d')).toEqual(all.filter((n) => n !== tables[0]));
    expect(await listed('SHOW VIEWS IN d')).toEqual([...views].sort(byBytes));
  });
});
