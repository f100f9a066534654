// The function table: every Trino function the local engine knows, by family, and the lookup the translator and
// `lake lint` share. Default-deny: a name that is not here is refused (src/dialect/translate/expressions.ts).
import { AGGREGATE } from './aggregate.js';
import { ARRAY } from './array.js';
import { BINARY } from './binary.js';
import { BITWISE } from './bitwise.js';
import { CONDITIONAL } from './conditional.js';
import { DATETIME } from './datetime.js';
import { refused, type FunctionEntry, type FunctionFamily } from './entry.js';
import { IP } from './ip.js';
import { JSON } from './json.js';
import { MAP } from './map.js';
import { MATH } from './math.js';
import { REFUSED_FAMILIES } from './refused.js';
import { REGEXP } from './regexp.js';
import { STRING } from './string.js';
import { URL } from './url.js';
import { WINDOW } from './window.js';

export { DUCKDB_ONLY } from './duckdb-only.js';
export * from './entry.js';

/** Families in the order docs/functions.md lists them. */
export const FAMILIES: readonly { name: string; functions: FunctionFamily; calls?: FunctionEntry['calls'] }[] = [
  { name: 'Conditional and session', functions: CONDITIONAL },
  { name: 'Mathematical', functions: MATH },
  { name: 'Bitwise', functions: BITWISE },
  { name: 'String', functions: STRING },
  { name: 'Regular expression', functions: REGEXP },
  { name: 'Binary and hashing', functions: BINARY },
  { name: 'JSON', functions: JSON },
  { name: 'URL', functions: URL },
  { name: 'IP address', functions: IP },
  { name: 'Date and time', functions: DATETIME },
  { name: 'Array and lambda', functions: ARRAY },
  { name: 'Map', functions: MAP },
  { name: 'Aggregate', functions: AGGREGATE, calls: 'aggregate' },
  { name: 'Window', functions: WINDOW, calls: 'window' },
  { name: 'Refused families (sketches, machine learning, geospatial, colors, Teradata)', functions: REFUSED_FAMILIES },
];

function merge(): ReadonlyMap<string, FunctionEntry> {
  const table = new Map<string, FunctionEntry>();
  for (const family of FAMILIES) {
    for (const [name, entry] of Object.entries(family.functions)) {
      if (table.has(name)) throw new Error(`function table: ${name} is listed twice (second time in ${family.name})`);
      table.set(name, family.calls ? { ...entry, calls: family.calls } : entry);
    }
  }
  return table;
}

export const FUNCTION_TABLE: ReadonlyMap<string, FunctionEntry> = merge();

const GEOSPATIAL = refused('geospatial functions are not available locally', 'great-circle distance with sin/cos/asin on latitude and longitude columns');

/** Whether `name` (any case) is a Trino aggregate function the local engine knows. */
export const isAggregateFunction = (name: string): boolean => FUNCTION_TABLE.get(name.toLowerCase())?.calls === 'aggregate';

/** The entry for a function name (any case), or undefined when the local engine does not know it. */
export function lookupFunction(name: string): FunctionEntry | undefined {
  const lower = name.toLowerCase();
  return FUNCTION_TABLE.get(lower) ?? (lower.startsWith('st_') ? GEOSPATIAL : undefined);
}
