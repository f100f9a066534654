// Wiring for running alerts on one machine: state in a JSON file in the lake folder, notifiers from channel specs,
// history through the local object store into the lake bucket. Lambda handlers wire the same service with DynamoDB,
// SNS and S3 instead.
import { join } from 'node:path';
import type { Engine } from '../engines/engine.js';
import { JsonFileKeyValueStore } from '../storage/kv-store/json-file.js';
import { LocalObjectStore } from '../storage/object-store/index.js';
import type { Variables } from '../project/variables.js';
import { notifierFactory } from './channels.js';
import { AlertHistoryWriter, alertHistoryLocation } from './history.js';
import type { AlertRunDependencies } from './service.js';

export interface LocalAlertOptions {
  projectRoot: string;
  lakeRoot: string;
  stage: string;
  variables: Variables;
  engine: Engine;
  database: string;
  /** Where the console channel writes. */
  writeConsole: (text: string) => void;
}

/** Local state files, kept beside the local catalog (not inside a bucket: they are not lake data). */
export const localStatePath = (lakeRoot: string, name: 'alerts' | 'scheduler'): string => join(lakeRoot, '.state', `${name}.json`);
export const defaultNotificationsFile = (lakeRoot: string): string => join(lakeRoot, '.alerts', 'notifications.jsonl');

export function localAlertDependencies(options: LocalAlertOptions): AlertRunDependencies & { historyLocation: string } {
  const bucket = options.variables.lake_bucket;
  if (typeof bucket !== 'string' || bucket === '') {
    throw new Error(
      `stage '${options.stage}' defines no lake_bucket variable: alert_history is kept under s3://\${lake_bucket}/system/alert_history/ (set stages.${options.stage}.variables.lake_bucket in lakehouse.yaml)`,
    );
  }
  const historyLocation = alertHistoryLocation(bucket);
  return {
    engine: options.engine,
    database: options.database,
    variables: options.variables,
    state: new JsonFileKeyValueStore(localStatePath(options.lakeRoot, 'alerts')),
    notifierFor: notifierFactory({
      variables: options.variables,
      writeConsole: options.writeConsole,
      defaultFile: defaultNotificationsFile(options.lakeRoot),
      baseDir: options.projectRoot,
    }),
    history: new AlertHistoryWriter(new LocalObjectStore(options.lakeRoot), historyLocation),
    historyLocation,
  };
}
