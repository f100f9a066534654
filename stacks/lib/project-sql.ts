// What the stacks read from the project's SQL files: the scheduled transforms and alerts (one EventBridge rule each)
// and the external tables (Glue CfnTables). The one place stacks touch sql/, so swapping in the project loader
// (src/project/loader.ts) and the DDL parser (src/dialect) changes nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { HeaderSchema, type Header } from '../../src/project/header.js';
import { parseSchedule, toEventBridge } from '../../src/project/schedule.js';
import { projectConfig, projectRoot } from '../config.js';
import type { ExternalTableDefinition } from './glue-table.js';

export type ScheduledKind = 'model' | 'alert';

export interface ScheduledSql {
  kind: ScheduledKind;
  /** Model or alert name (header `name`, else the file name). */
  name: string;
  /** Path relative to the project root, for descriptions. */
  file: string;
  /** EventBridge schedule expression. */
  expression: string;
}

const FOLDERS: Record<string, ScheduledKind> = { transforms: 'model', alerts: 'alert' };

function sqlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(folder, f));
}

/** The YAML block comment that opens a SQL file (src/project/header.ts describes it). */
export function readHeader(file: string): Header {
  const text = readFileSync(file, 'utf8');
  const block = /^\s*\/\*([\s\S]*?)\*\//.exec(text);
  const yaml = block ? parse(block[1]) : undefined;
  const parsed = HeaderSchema.safeParse(yaml && typeof yaml === 'object' ? yaml : {});
  if (!parsed.success) throw new Error(`${file}: invalid header: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Every transform and alert whose header has a `schedule`, in file order. */
export function scheduledSql(root: string = projectRoot()): ScheduledSql[] {
  const sqlRoot = join(root, projectConfig().sql);
  const scheduled: ScheduledSql[] = [];
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    for (const file of sqlFiles(join(sqlRoot, folder))) {
      const header = readHeader(file);
      if (!header.schedule) continue;
      scheduled.push({ kind, name: header.name ?? basename(file, '.sql'), file: relative(root, file), expression: toEventBridge(parseSchedule(header.schedule)) });
    }
  }
  return scheduled;
}

/**
 * External tables declared in sql/ddl. Pending: the shared `CREATE EXTERNAL TABLE` parser (src/dialect,
 * `parseCreateTable`) has not landed, so no DDL file is turned into a table yet; the Glue mapping itself
 * (glue-table.ts) is complete and tested against this interface.
 */
export function ddlTables(_variables: Record<string, string>): ExternalTableDefinition[] {
  return [];
}

/** `${name}` → value; an unknown variable is an error (a table must not point at a literal `${…}` path). */
export function substituteVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (!(name in variables)) throw new Error(`unknown variable \${${name}} in '${text}'`);
    return variables[name];
  });
}
