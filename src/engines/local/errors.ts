import { EngineError } from '../engine.js';
import type { TableRef } from '../../dialect/lake-actions.js';

/** An error carrying Athena's error code and, where known, Trino's `line L:C:` position prefix. */
export function athenaError(code: string, message: string, at?: { line?: number; col?: number }): EngineError {
  const where = at?.line !== undefined ? `line ${at.line}:${at.col ?? 1}: ` : '';
  return new EngineError(`${code}: ${where}${message}`, { code, retryable: false });
}

export const tableNotFound = (t: TableRef): EngineError => athenaError('TABLE_NOT_FOUND', `Table 'awsdatacatalog.${t.database}.${t.name}' does not exist`, t);

export const schemaNotFound = (database: string, at?: { line?: number; col?: number }): EngineError =>
  athenaError('SCHEMA_NOT_FOUND', `Schema '${database}' does not exist. Create it first: CREATE DATABASE ${database}`, at);
