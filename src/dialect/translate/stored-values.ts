// The values UPDATE … SET and MERGE (SET, INSERT VALUES) write into a table. No table column holds an ipaddress (Hive
// and Iceberg have no such type), so Trino 476 fails there: "UPDATE table column types don't match SET expressions:
// Table: [varchar], Expressions: [ipaddress]" (TYPE_MISMATCH, MERGE alike). DuckDB would write the local struct's text
// into a varchar column, so such a value is refused while DuckDB binds it, from its type alone.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { IP_STRUCT } from '../shims/ip-address.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

const SET_ENDS = new Set(['WHERE', 'WHEN', 'FROM']);

/** The value as it is, or a binder error when its type holds an ipaddress. */
function storable(value: string): string {
  const text = value.trim();
  if (text === '' || /^default$/i.test(text)) return value;
  const [lead, trail] = [/^\s*/.exec(value)?.[0] ?? '', /\s*$/.exec(value)?.[0] ?? ''];
  return `${lead}{'trino_v': ${text}}[CASE WHEN typeof([${text}]) LIKE '%${IP_STRUCT}%' THEN '${REFUSED_KEY_MARKER}ip-stored' ELSE 'trino_v' END]${trail}`;
}

const isComma = (n: Node) => n.kind === 'token' && n.token.kind === 'punct' && n.token.text === ',';
const isEquals = (n: Node) => n.kind === 'token' && n.token.kind === 'op' && n.token.text === '=';

/**
 * Renders an UPDATE or MERGE statement (its top-level nodes) with `render`, each value it assigns made storable:
 * `SET c = e, …` up to WHERE / WHEN, and the row of MERGE's `INSERT … VALUES (…)`.
 */
export function renderStoredValues(items: readonly Node[], render: (nodes: readonly Node[]) => string): string {
  let out = '';
  let plain: Node[] = [];
  const flush = () => {
    out += render(plain);
    plain = [];
  };
  for (let i = 0; i < items.length; i++) {
    const word = nodeKeyword(items[i]);
    if (word === 'VALUES') {
      const next = items.findIndex((n, k) => k > i && meaningful([n]).length > 0);
      if (next > i && isParen(items[next])) {
        flush();
        const row = splitArgs(items[next].items).map((value) => storable(render(value)));
        out += items.slice(i, next).map(nodeText).join('') + `(${row.join(',')})`;
        i = next;
        continue;
      }
    }
    if (word !== 'SET') {
      plain.push(items[i]);
      continue;
    }
    plain.push(items[i]);
    flush();
    let assignment: Node[] = [];
    const assign = () => {
      const equals = assignment.findIndex(isEquals);
      out += equals < 0 ? render(assignment) : render(assignment.slice(0, equals + 1)) + storable(render(assignment.slice(equals + 1)));
      assignment = [];
    };
    for (i++; i < items.length && !SET_ENDS.has(nodeKeyword(items[i])); i++) {
      if (isComma(items[i])) {
        assign();
        out += ',';
      } else assignment.push(items[i]);
    }
    assign();
    i--;
  }
  flush();
  return out;
}
