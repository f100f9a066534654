import { EngineError } from '../engine.js';
import type { TableRef } from '../../dialect/lake-actions.js';

/** An error carrying Athena's error code and, where known, Trino's `line L:C:` position prefix. */
export function athenaError(code: string, message: string, at?: { line?: number; col?: number }): EngineError {
  const where = at?.line !== undefined ? `line ${at.line}:${at.col ?? 1}: ` : '';
  return new EngineError(`${code}: ${where}${message}`, { code, retryable: false });
}

/** A column a table or UNLOAD cannot hold (hive-types.ts unwritableColumn), named with the type to CAST it to. */
export const unsupportedHiveType = (u: { column: { name: string; trinoType: string }; castTo: string }, at?: { line?: number; col?: number }): EngineError =>
  athenaError('NOT_SUPPORTED', `Unsupported Hive type: ${u.column.trinoType}. CAST the column to ${u.castTo} (column '${u.column.name}')`, at);

export const tableNotFound = (t: TableRef): EngineError => athenaError('TABLE_NOT_FOUND', `Table 'awsdatacatalog.${t.database}.${t.name}' does not exist`, t);

export const schemaNotFound = (database: string, at?: { line?: number; col?: number }): EngineError =>
  athenaError('SCHEMA_NOT_FOUND', `Schema '${database}' does not exist. Create it first: CREATE DATABASE ${database}`, at);
