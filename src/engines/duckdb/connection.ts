import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import dataAccessors from '@duckdb/node-api/lib/vectors/dataAccessors.js';

// @duckdb/node-api decodes every VARCHAR value with one shared `new TextDecoder()`, which drops a leading U+FEFF: a
// value that starts with it came back without it (Trino 476 keeps it; length() saw it in both). Decoding with
// ignoreBOM keeps every character.
(dataAccessors as { textDecoder: TextDecoder }).textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

export interface DuckDbConnectionOptions {
  /** Database file; ':memory:' for a throw-away session. */
  path: string;
  /** Where DuckDB may look for extensions. Kept inside the project so nothing reaches for the network. */
  extensionDirectory?: string;
  threads?: number;
}

/**
 * Opens DuckDB the way every local session must be set up: offline (no extension auto-install), UTC whatever the
 * process `TZ` is, and integer division as Trino does it.
 */
export async function openDuckDb(options: DuckDbConnectionOptions): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  };
  if (options.extensionDirectory) config.extension_directory = options.extensionDirectory;
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(options.path, config);
  const connection = await instance.connect();
  // TimeZone cannot be an instance option; it must be set per connection.
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run('SET integer_division = true');
  // Trino sorts by a constant that is no position (ORDER BY NULL, 'a', 1.5) as by any constant: no effect. DuckDB's
  // binder refused it ("ORDER BY non-integer literal has no effect") unless allowed.
  await connection.run('SET order_by_non_integer_literal = true');
  return { instance, connection };
}

export const defaultExtensionDirectory = (lakeRoot: string): string => join(lakeRoot, '.duckdb', 'extensions');

/** The local catalog (the stand-in for Glue), attached as `awsdatacatalog` one statement at a time (catalog-access.ts). */
export const lakeCatalogPath = (lakeRoot: string): string => join(lakeRoot, '.duckdb', 'catalog.duckdb');
