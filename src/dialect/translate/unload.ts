// Athena's UNLOAD (https://docs.aws.amazon.com/athena/latest/ug/unload.html):
//   UNLOAD (query) TO 's3://bucket/prefix/' WITH (format = '…' [, compression = '…'] [, compression_level = n]
//     [, field_delimiter = '…'] [, partitioned_by = ARRAY['col', …]])
// `lake lint` checks the statement with parseUnload and the query with the Trino grammar; the engine writes the
// query's rows as files at the location (src/engines/local/lake-unload.ts).
import type { LakeAction } from '../lake-actions.js';
import { ctasProperties, syntaxError, type PropertyValue } from '../ddl-parse.js';
import { TokenCursor } from '../parse-cursor.js';
import type { Token } from '../tokens.js';
import type { TranslateContext } from './index.js';
import { translateQuery } from './query.js';

export interface UnloadStatement {
  query: string;
  /** Offsets of `(` and just after `)` around the query in the statement text. */
  queryStart: number;
  queryEnd: number;
  /** Line and column of the query's first token in the statement. */
  queryAt: { line: number; col: number };
  location: string;
  format: string;
  compression?: string;
  fieldDelimiter?: string;
  partitionedBy: string[];
}

const FORMATS = ['PARQUET', 'ORC', 'AVRO', 'JSON', 'TEXTFILE'];
const PROPERTIES = ['format', 'compression', 'compression_level', 'field_delimiter', 'partitioned_by'];

const refuse = (message: string, at: Token | undefined) => syntaxError(message, at?.line ?? 1, at?.col ?? 1);

export function parseUnload(sql: string): UnloadStatement {
  const c = new TokenCursor(sql);
  c.expectKeyword('UNLOAD');
  const open = c.pos;
  const first = c.peek(1);
  const query = c.parenthesized();
  const queryStart = c.tokenAt(open)!.start;
  const queryEnd = c.tokenAt(c.pos - 1)!.start + 1;
  if (!query.trim()) throw c.error('expected a query inside UNLOAD ( … )', c.tokenAt(open));
  c.expectKeyword('TO');
  const locationAt = c.peek();
  const location = c.expectString("an 's3://bucket/prefix/' location");
  if (!/^s3:\/\/[^/]+/.test(location)) throw refuse("the UNLOAD location must be 's3://bucket/prefix/'", locationAt);
  const withAt = c.peek();
  c.expectKeyword('WITH');
  const propertiesAt = c.pos;
  const properties: Record<string, PropertyValue> = ctasProperties(c);
  if (!c.atEnd()) throw c.error('unexpected text after WITH ( … )');
  const unknown = Object.keys(properties).find((k) => !PROPERTIES.includes(k));
  if (unknown) throw refuse(`unknown UNLOAD property '${unknown}': expected one of ${PROPERTIES.join(', ')}`, c.tokenAt(propertiesAt + 1));
  const format = properties.format;
  if (typeof format !== 'string' || !FORMATS.includes(format.toUpperCase())) {
    throw refuse(`UNLOAD needs format = ${FORMATS.map((f) => `'${f}'`).join(' | ')}`, withAt);
  }
  const partitionedBy = properties.partitioned_by;
  if (partitionedBy !== undefined && !(Array.isArray(partitionedBy) && partitionedBy.every((p) => typeof p === 'string'))) {
    throw refuse("partitioned_by must be ARRAY['column', …]", withAt);
  }
  return {
    query,
    queryStart,
    queryEnd,
    queryAt: { line: first?.line ?? 1, col: first?.col ?? 1 },
    location,
    format: format.toUpperCase(),
    ...(properties.compression !== undefined ? { compression: String(properties.compression) } : {}),
    ...(properties.field_delimiter !== undefined ? { fieldDelimiter: String(properties.field_delimiter) } : {}),
    partitionedBy: (partitionedBy ?? []) as string[],
  };
}

export function translateUnload(sql: string, ctx: TranslateContext): LakeAction {
  const stmt = parseUnload(sql);
  return {
    type: 'unload',
    spec: {
      sourceSql: translateQuery(stmt.query, ctx, { at: stmt.queryAt }),
      location: stmt.location,
      format: stmt.format,
      ...(stmt.compression !== undefined ? { compression: stmt.compression } : {}),
      ...(stmt.fieldDelimiter !== undefined ? { fieldDelimiter: stmt.fieldDelimiter } : {}),
      partitionedBy: stmt.partitionedBy,
    },
  };
}
