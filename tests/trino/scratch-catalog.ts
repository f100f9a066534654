// An Iceberg catalog of its own over a fresh folder, for one test file of the tier: tables left on a reused Trino
// (or by another file running beside it) can never collide with the file's tables.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { trinoUrl } from './oracle.js';

export interface ScratchCatalog {
  name: string;
  drop(): Promise<void>;
}

export async function createScratchCatalog(prefix: string): Promise<ScratchCatalog> {
  const admin = new TrinoEngine({ url: trinoUrl(), catalog: 'system' });
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const folder = mkdtempSync(join(tmpdir(), `lake-trino-${prefix}-`));
  await admin.execute(
    `CREATE CATALOG ${name} USING iceberg WITH ("iceberg.catalog.type" = 'TESTING_FILE_METASTORE', ` +
      `"hive.metastore.catalog.dir" = 'local:///', "fs.native-local.enabled" = 'true', "local.location" = '${folder}')`,
  );
  return { name, drop: async () => void (await admin.execute(`DROP CATALOG ${name}`)) };
}
