// Trino's IPADDRESS on the local engine (https://trino.io/docs/current/language/types.html#ipaddress).
//
// Trino keeps a 16-byte IPv6 value, an IPv4 address as ::ffff:a.b.c.d (IpAddressOperators), orders it by those bytes
// unsigned big-endian (IpAddressType.compareBigEndian), reads text with Guava's InetAddresses.forString and writes it
// with InetAddresses.toAddrString (IPv4-mapped as dotted IPv4, IPv6 per RFC 5952). Locally the value is the struct
// IP_STRUCT around those 16 bytes: DuckDB compares a BLOB byte by byte, unsigned, so =, <, ORDER BY, min/max, DISTINCT
// and GROUP BY behave as Trino's; src/engines/duckdb/types.ts names the struct `ipaddress` and prints its text.
import { BLOB, BOOLEAN, VARCHAR, type DuckDBScalarFunction } from '@duckdb/node-api';
import { bytesOf, udf } from './scalar-udf.js';
import { floatingToVarchar } from './json-canonical.js';

export const IP_STRUCT = 'STRUCT(trino_ipaddress BLOB)';
/** The struct's one field name, by which the result mapping recognises an ipaddress. */
export const IP_FIELD = 'trino_ipaddress';

// --- Guava InetAddresses.forString -----------------------------------------------------------------------------------

/**
 * Java's Character.digit(c, radix) for one UTF-16 unit: ASCII digits and letters, any other decimal digit (Unicode Nd,
 * whose digits come in runs of ten from 0), and the fullwidth Latin letters; -1 otherwise.
 */
function javaDigit(c: string, radix: number): number {
  const code = c.charCodeAt(0);
  let value = -1;
  if (code >= 0x30 && code <= 0x39) value = code - 0x30;
  else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) value = (code | 0x20) - 0x61 + 10;
  else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) value = ((code - 0xff21) % 0x20) + 10;
  else if (/\p{Nd}/u.test(c)) {
    let start = code;
    while (start > 0 && /\p{Nd}/u.test(String.fromCharCode(start - 1))) start--;
    value = (code - start) % 10;
  }
  return value < radix ? value : -1;
}

function parseOctet(part: string): number | undefined {
  if (part.length === 0 || part.length > 3 || (part.length > 1 && part[0] === '0')) return undefined;
  let octet = 0;
  for (const c of part) {
    const digit = javaDigit(c, 10);
    if (digit < 0) return undefined;
    octet = octet * 10 + digit;
  }
  return octet > 255 ? undefined : octet;
}

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets = parts.map(parseOctet);
  return octets.every((o) => o !== undefined) ? (octets as number[]) : undefined;
}

function parseHextet(part: string): number | undefined {
  if (part.length === 0 || part.length > 4) return undefined;
  let hextet = 0;
  for (const c of part) hextet = (hextet << 4) | javaDigit(c, 16);
  return hextet;
}

function ipv6Bytes(text: string): number[] | undefined {
  const colons = text.split(':').length - 1;
  if (colons < 2 || colons > 8) return undefined;
  let skipped = 8 - (colons + 1);
  let hasSkip = false;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== ':' || text[i + 1] !== ':') continue;
    if (hasSkip) return undefined;
    hasSkip = true;
    skipped++;
    if (i === 0) skipped++;
    if (i === text.length - 2) skipped++;
  }
  if (text[0] === ':' && text[1] !== ':') return undefined;
  if (text.at(-1) === ':' && text.at(-2) !== ':') return undefined;
  if (hasSkip && skipped <= 0) return undefined;
  if (!hasSkip && colons + 1 !== 8) return undefined;
  const hextets: number[] = [];
  let start = text[0] === ':' ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf(':', start);
    if (end < 0) end = text.length;
    if (text[start] === ':') for (let i = 0; i < skipped; i++) hextets.push(0);
    else {
      const hextet = parseHextet(text.slice(start, end));
      if (hextet === undefined) return undefined;
      hextets.push(hextet);
    }
    start = end + 1;
  }
  return hextets.flatMap((h) => [h >> 8, h & 0xff]);
}

/** `a:b:1.2.3.4` → `a:b:102:304`, as Guava rewrites an embedded dotted quad before reading the hextets. */
function dottedQuadToHex(text: string): string | undefined {
  const lastColon = text.lastIndexOf(':');
  const quad = ipv4Bytes(text.slice(lastColon + 1));
  if (!quad) return undefined;
  return `${text.slice(0, lastColon + 1)}${((quad[0] << 8) | quad[1]).toString(16)}:${((quad[2] << 8) | quad[3]).toString(16)}`;
}

const mapped = (ipv4: readonly number[]): Uint8Array => Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...ipv4]);

/**
 * An IPv6 address with a `%scope`: Guava keeps a decimal scope (an interface index; empty is 0), looks any other up
 * among the network interfaces of the machine it runs on (Trino 476 reads 'fe80::1%lo' where `lo` exists, and
 * fails on 'fe80::1%nosuchif'), and rejects a scope on an IPv4-mapped address. The Athena worker's interfaces are
 * unknown locally, so a named scope fails with that reason rather than guessing.
 */
export class NamedScopeError extends Error {}

function withScope(text: string, bytes: Uint8Array, scope: string): Uint8Array | undefined {
  if (isMappedIpv4(bytes)) return undefined;
  if (/^[0-9]{0,9}$/.test(scope)) return bytes;
  throw new NamedScopeError(`Cannot read the IP address '${text}' locally: its scope '${scope}' names a network interface of the Athena worker`);
}

/**
 * The 16 bytes of an address text as Guava's InetAddresses.forString reads it (what Trino's CAST and literal use), or
 * undefined: dotted IPv4 without leading zeros, IPv6 with at most one `::` and an optional trailing dotted quad, a
 * `%scope` suffix dropped on IPv6 only. IPv4 becomes ::ffff:a.b.c.d.
 */
export function parseIpAddress(text: string): Uint8Array | undefined {
  let hasColon = false;
  let hasDot = false;
  let percent = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '.') hasDot = true;
    else if (c === ':') {
      if (hasDot) return undefined;
      hasColon = true;
    } else if (c === '%') {
      percent = i;
      break;
    } else if (javaDigit(c, 16) < 0) return undefined;
  }
  if (hasColon) {
    let ipv6: string | undefined = text;
    if (hasDot) ipv6 = dottedQuadToHex(ipv6);
    if (ipv6 === undefined) return undefined;
    if (percent >= 0) ipv6 = ipv6.slice(0, percent);
    const bytes = ipv6Bytes(ipv6);
    if (!bytes || percent < 0) return bytes && Uint8Array.from(bytes);
    return withScope(text, Uint8Array.from(bytes), text.slice(percent + 1));
  }
  if (!hasDot || percent >= 0) return undefined;
  const ipv4 = ipv4Bytes(text);
  return ipv4 && mapped(ipv4);
}

// --- Guava InetAddresses.toAddrString --------------------------------------------------------------------------------

function isMappedIpv4(b: Uint8Array): boolean {
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
}

/** Trino's text of an ipaddress: dotted IPv4 when IPv4-mapped, else IPv6 with the first longest run (≥ 2) of zero groups as `::`. */
export function ipAddressText(bytes: Uint8Array): string {
  if (isMappedIpv4(bytes)) return Array.from(bytes.slice(12)).join('.');
  const hextets = Array.from({ length: 8 }, (_v, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  let best = { start: -1, length: 0 };
  let runStart = -1;
  for (let i = 0; i <= 8; i++) {
    if (i < 8 && hextets[i] === 0) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      if (i - runStart > best.length) best = { start: runStart, length: i - runStart };
      runStart = -1;
    }
  }
  if (best.length < 2) return hextets.map((h) => h.toString(16)).join(':');
  const head = hextets.slice(0, best.start).map((h) => h.toString(16));
  const tail = hextets.slice(best.start + best.length).map((h) => h.toString(16));
  return `${head.join(':')}::${tail.join(':')}`;
}

// --- casts and contains ----------------------------------------------------------------------------------------------

/** CAST(varchar AS ipaddress): Trino's INVALID_CAST_ARGUMENT for text Guava does not read. */
export function castTextToIpAddress(text: string): Uint8Array {
  const bytes = parseIpAddress(text);
  if (!bytes) throw new Error(`Cannot cast value to IPADDRESS: ${text}`);
  return bytes;
}

/** CAST(varbinary AS ipaddress): 4 bytes are an IPv4 address, 16 an IPv6 one; another length fails. */
export function castBinaryToIpAddress(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 4) return mapped(Array.from(bytes));
  if (bytes.length === 16) return bytes;
  throw new Error(`Invalid IP address binary length: ${bytes.length}`);
}

/** Java's Integer.parseInt: an optional sign and decimal digits within 32 bits, or `For input string: "…"`. */
function javaParseInt(text: string): number {
  const fail = () => new Error(`For input string: "${text}"`);
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const digits = text.slice(sign.length);
  if (digits.length === 0) throw fail();
  let value = 0;
  for (const c of digits) {
    const digit = javaDigit(c, 10);
    if (digit < 0) throw fail();
    value = value * 10 + digit;
    if (value > 2 ** 31) throw fail();
  }
  const signed = sign === '-' ? -value : value;
  if (signed > 2 ** 31 - 1) throw fail();
  return signed;
}

/** Trino checks the IPv4 form of a CIDR by this pattern (Java's \d is ASCII), not by the parsed address. */
const IPV4_PATTERN = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;

const bigintOf = (bytes: Uint8Array): bigint => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);

/** A network of contains(): its 16 bytes and how many leading bits an address must share with them. */
interface Network {
  bytes: Uint8Array;
  bits: number;
}

/**
 * Trino 476's reading of contains()'s network text (IpAddressFunctions.contains): `address/length`; a dotted IPv4
 * network compares within ::ffff:0:0/96 and must have no host bits set; any other network is IPv6 (host bits
 * ignored). The errors and their order are Trino's.
 */
function parseNetwork(network: string): Network {
  const separator = network.indexOf('/');
  if (separator < 0) throw new Error('Invalid CIDR');
  const base = network.slice(0, separator);
  const bytes = parseIpAddress(base);
  if (!bytes) throw new Error('Invalid network IP address');
  let bits = javaParseInt(network.slice(separator + 1));
  if (bits < 0) throw new Error('Invalid prefix length');
  if (IPV4_PATTERN.test(base)) {
    const hostMask = bits > 32 ? 0 : 0xffffffff >>> bits;
    const ipv4 = Number(bigintOf(bytes.slice(12)));
    if (bits > 32 || (bits < 32 && (ipv4 & hostMask) !== 0)) throw new Error('Invalid CIDR');
    bits += 96;
  } else if (bits > 128) throw new Error('Invalid CIDR');
  return { bytes, bits };
}

/**
 * The error Trino 476 raises for this network text that try() does not catch: Java's NumberFormatException for a
 * prefix length that is not an int ("For input string: \"x\"", a GENERIC_INTERNAL_ERROR), where "Invalid CIDR" and the
 * other argument errors are NULL inside try(). Undefined when the text reads, or fails only as try() catches.
 */
export function networkErrorEscapingTry(network: string): string | undefined {
  try {
    parseNetwork(network);
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('For input string')) return message;
  }
  return undefined;
}

/** The last networks read: a column of addresses is usually tested against a few constant networks. */
const networks = new Map<string, Network>();

/** contains(network, address): whether the address shares the network's leading bits. */
export function cidrContains(network: string, address: Uint8Array): boolean {
  let parsed = networks.get(network);
  if (!parsed) {
    parsed = parseNetwork(network);
    if (networks.size >= 256) networks.clear();
    networks.set(network, parsed);
  }
  const { bytes, bits } = parsed;
  const whole = bits >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== address[i]) return false;
  const rest = bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (bytes[whole] & mask) === (address[whole] & mask);
}

// --- the session's functions -----------------------------------------------------------------------------------------

export function ipAddressUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_ipaddress_parse', [VARCHAR], BLOB, ([s]) => castTextToIpAddress(String(s))),
    udf('trino_ipaddress_from_binary', [BLOB], BLOB, ([b]) => castBinaryToIpAddress(bytesOf(b))),
    udf('trino_ipaddress_text', [BLOB], VARCHAR, ([b]) => ipAddressText(bytesOf(b))),
    udf('trino_ipaddress_contains', [VARCHAR, BLOB], BOOLEAN, ([n, b]) => cidrContains(String(n), bytesOf(b))),
  ];
}

/**
 * `IPADDRESS '…'` as a constant; throws Trino's INVALID_LITERAL message for text it cannot read (or the reason a
 * named scope is refused).
 */
export function ipAddressLiteral(text: string): string {
  const bytes = parseIpAddress(text);
  if (!bytes) throw new Error(`'${text}' is not a valid IPADDRESS literal`);
  const escaped = Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  return `struct_pack(${IP_FIELD} := '${escaped}'::BLOB)`;
}

/** An ipaddress aggregate read back through its text (every branch of an `_any` shim must bind for any type). */
export const IP_FROM_ANY = `CAST(CAST(x AS VARCHAR) AS ${IP_STRUCT})`;
export const IS_IP = `typeof(x) = '${IP_STRUCT}'`;

/**
 * CAST(x AS array|map|row): Trino casts each ipaddress inside to or from varchar and varbinary; DuckDB would cast the
 * struct (its text is `{'trino_ipaddress': …}`). Such a cast fails with the element-wise form that runs locally.
 */
export function nestedIpCastGuard(value: string, targetSql: string): string {
  return `${targetSql.includes(IP_STRUCT) ? 'trino_ip_nested_to' : 'trino_ip_nested_from'}(${value})`;
}

const nestedFail = (what: string, to: string) =>
  `cast_to_type(trino_fail('CAST ${what} is not supported locally: cast each element, e.g. transform(a, x -> CAST(x AS ${to}))'), x)`;

const BOUNDED_FAIL = `trino_fail('Cannot cast ipaddress to varchar(' || n || ')')`;
const UUID_BOUNDED_FAIL = `trino_fail('Cannot cast uuid to varchar(' || n || ')')`;

export const IP_MACROS: readonly string[] = [
  // CAST(x AS ipaddress): from varchar or varbinary only (Trino: "Cannot cast integer to ipaddress").
  `trino_to_ipaddress(x VARCHAR) AS struct_pack(${IP_FIELD} := trino_ipaddress_parse(x)),
     (x BLOB) AS struct_pack(${IP_FIELD} := trino_ipaddress_from_binary(x)),
     (x ${IP_STRUCT}) AS x,
     (x) AS cast_to_type(trino_fail('Cannot cast ' || lower(typeof(x)) || ' to ipaddress'), NULL::${IP_STRUCT})`,
  `trino_to_ipaddress_any(x) AS CASE WHEN ${IS_IP} THEN ${IP_FROM_ANY}
     WHEN typeof(x) = 'VARCHAR' THEN struct_pack(${IP_FIELD} := trino_ipaddress_parse(CAST(x AS VARCHAR)))
     ELSE cast_to_type(trino_fail('Cannot cast ' || lower(typeof(x)) || ' to ipaddress'), NULL::${IP_STRUCT}) END`,
  // CAST(x AS varbinary): an ipaddress gives its 16 bytes.
  `trino_to_varbinary(x ${IP_STRUCT}) AS x.${IP_FIELD},
     (x) AS CASE WHEN typeof(x) = 'JSON' THEN cast_to_type(trino_fail('Cannot cast json to varbinary'), NULL::BLOB) ELSE CAST(x AS BLOB) END`,
  // A value as array_join writes it: DuckDB's text, an ipaddress and a zoned timestamp as Trino's.
  // A timestamp with the digits of its precision (DuckDB's text drops a fraction's trailing zeros: Trino 476's
  // array_join(ARRAY[TIMESTAMP '2025-01-01 10:00:00.100'], ',') is '2025-01-01 10:00:00.100').
  `trino_text(x ${IP_STRUCT}) AS trino_ipaddress_text(x.${IP_FIELD}),
     (x) AS CASE WHEN typeof(x) IN ('TIMESTAMP', 'TIMESTAMP_S') THEN trino_timestamp_text_of(TRY_CAST(CAST(x AS VARCHAR) AS TIMESTAMP), ' ', typeof(x))
       -- A zoned value as CAST(… AS varchar) writes it (the untyped variant: x.trino_wall binds for a struct only).
       WHEN typeof(x) LIKE 'STRUCT(trino_instant %' THEN trino_to_varchar_any(x)
       -- Trino writes a double or real as CAST(x AS varchar) does (1.5E0, NaN).
       WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN ${floatingToVarchar('x')}
       -- Trino casts each element to varchar: an interval as its text, json as CAST(json AS varchar) (an object or
       -- array fails), and an array, map, row or varbinary not at all (OPERATOR_NOT_FOUND "Cannot cast varbinary to
       -- varchar"); DuckDB wrote '1 day', the JSON text, '[1]' and '\\x01'.
       -- (Through a varchar, so that the branch binds for any x; typeof folds, so only one branch is evaluated.)
       WHEN typeof(x) = 'INTERVAL' THEN trino_interval_text(CAST(CAST(x AS VARCHAR) AS INTERVAL))
       WHEN typeof(x) = 'JSON' THEN trino_json_to_varchar(CAST(CAST(x AS VARCHAR) AS JSON))
       WHEN typeof(x) = 'BLOB' OR typeof(x) LIKE '%[]' OR typeof(x) LIKE 'MAP(%' OR typeof(x) LIKE 'STRUCT(%'
         THEN cast_to_type(trino_fail('array_join of ' || CASE WHEN typeof(x) = 'BLOB' THEN 'varbinary' ELSE 'array, map or row' END
           || ' elements fails on Athena (Cannot cast them to varchar)'), '')
       ELSE CAST(x AS VARCHAR) END`,
  `trino_text_any(x) AS CASE WHEN ${IS_IP} THEN trino_ipaddress_text(struct_extract(${IP_FROM_ANY}, '${IP_FIELD}')) ELSE CAST(x AS VARCHAR) END`,
  `trino_ip_nested_from(x) AS CASE WHEN typeof(x) LIKE '%${IP_STRUCT}%' THEN ${nestedFail('of an array, map or row holding ipaddress values', 'varchar')} ELSE x END`,
  `trino_ip_nested_to(x) AS CASE WHEN typeof(x) NOT LIKE '%${IP_STRUCT}%' AND (typeof(x) LIKE '%VARCHAR%' OR typeof(x) LIKE '%BLOB%')
     THEN ${nestedFail('to an array, map or row of ipaddress', 'ipaddress')} ELSE x END`,
  // CAST(x AS varchar(n)): Trino casts an ipaddress or a uuid to unbounded varchar only (TYPE_MISMATCH "Cannot cast uuid
  // to varchar(50)"); anything else passes through.
  `trino_bounded_varchar_source(x ${IP_STRUCT}, n) AS cast_to_type(${BOUNDED_FAIL}, x), (x UUID, n) AS cast_to_type(${UUID_BOUNDED_FAIL}, x), (x, n) AS x`,
  `trino_bounded_varchar_source_any(x, n) AS CASE WHEN ${IS_IP} THEN cast_to_type(${BOUNDED_FAIL}, x)
     WHEN typeof(x) = 'UUID' THEN cast_to_type(${UUID_BOUNDED_FAIL}, x) ELSE x END`,
];
