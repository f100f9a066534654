// The shop fixture in a fresh temp folder: its base table loaded and its curated views created, as the pipeline would.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { splitStatements } from '../../src/dialect/statements.js';
import { loadConfig, type LoadedConfig } from '../../src/project/config.js';
export { captureIo } from '../helpers/io.js';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'dashboards', 'shop');

export interface Shop {
  root: string;
  lakeRoot: string;
  project: LoadedConfig;
}

/** Runs every statement of `script` on `engine`. */
export async function runScript(engine: AthenaLocalEngine, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await engine.execute(statement.text);
}

/** Creates `shop.<name>` for every sql/dashboards/<name>.sql of the project at `root`. */
export async function createViews(engine: AthenaLocalEngine, root: string): Promise<void> {
  const dir = join(root, 'sql', 'dashboards');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    await engine.execute(`CREATE OR REPLACE VIEW shop.${file.slice(0, -4)} AS\n${readFileSync(join(dir, file), 'utf8')}`);
  }
}

export async function prepareShop(): Promise<Shop> {
  const root = mkdtempSync(join(tmpdir(), 'lake-dash-'));
  cpSync(FIXTURE, root, { recursive: true });
  const lakeRoot = join(root, '.lake');
  const engine = await AthenaLocalEngine.open({ lakeRoot });
  try {
    await runScript(engine, readFileSync(join(root, 'seed.sql'), 'utf8'));
    await createViews(engine, root);
  } finally {
    await engine.close();
  }
  return { root, lakeRoot, project: loadConfig(root) };
}
