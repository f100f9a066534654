// java.net.URI's parse of a URI reference (RFC 2396 with RFC 2732's IPv6 literals and Java's deviations), as Trino's
// url_extract_* functions read it: `new URI(text)`, NULL when it throws. Written from the grammar and from Trino 476's
// answers (docs/issue-15-audit.md, "… branch hunt39"), not from Java's source. A regular expression split the text
// before, which answered where java.net.URI rejects the text: a second `#`, `[` in a path, a scheme not starting with
// a letter, ISO control characters, an empty authority, malformed IPv6 literals.

/** Thrown where java.net.URI throws URISyntaxException: the whole URI is invalid (NULL in Trino). */
class UriSyntax extends Error {}

/** A character class: the characters a component may hold as written; `escaped` adds `%XX` and visible non-ASCII. */
interface CharClass {
  chars: string;
  escaped: boolean;
}

const DIGIT = '0123456789';
const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUM = ALPHA + DIGIT;
const HEX = `${DIGIT}abcdefABCDEF`;
const MARK = "-_.!~*'()";
const UNRESERVED = ALPHANUM + MARK;
const RESERVED = ';/?:@&=+$,[]';
const URIC: CharClass = { chars: RESERVED + UNRESERVED, escaped: true };
const PATH: CharClass = { chars: `${UNRESERVED}:@&=+$,;/`, escaped: true };
const USERINFO: CharClass = { chars: `${UNRESERVED};:&=+$,`, escaped: true };
const REG_NAME: CharClass = { chars: `${UNRESERVED}$,;:@&=+`, escaped: true };
const SERVER: CharClass = { chars: `${USERINFO.chars}${ALPHANUM}-.:@[]`, escaped: true };
/** The server characters with a bare `%` (an IPv6 scope id); java.net.URI applies it to every authority with a `]` after its start. */
const SERVER_PERCENT: CharClass = { chars: `${SERVER.chars}%`, escaped: true };
const SCHEME: CharClass = { chars: `${ALPHANUM}+-.`, escaped: false };
const plain = (chars: string): CharClass => ({ chars, escaped: false });

/** Character.isSpaceChar (Unicode Zs, Zl, Zp) or Character.isISOControl. */
const SPACE_OR_CONTROL = /[\p{Zs}\p{Zl}\p{Zp}\u0000-\u001f\u007f-\u009f]/u;

export interface JavaUri {
  scheme: string | null;
  host: string | null;
  port: number;
  /** Raw (still escaped) components; null where the URI has none. */
  path: string | null;
  query: string | null;
  fragment: string | null;
}

class Parser {
  scheme: string | null = null;
  host: string | null = null;
  port = -1;
  path: string | null = null;
  query: string | null = null;
  fragment: string | null = null;
  private ipv6Bytes = 0;

  constructor(private readonly input: string) {}

  private at(p: number, end: number, c: string): boolean {
    return p < end && this.input.startsWith(c, p) && p + c.length <= end;
  }

  /** The first position from `start` holding a character of `stop`, `end` when none; -1 when one of `err` comes first. */
  private scanTo(start: number, end: number, err: string, stop: string): number {
    for (let p = start; p < end; p++) {
      const c = this.input[p];
      if (err.includes(c)) return -1;
      if (stop.includes(c)) return p;
    }
    return end;
  }

  /** Past `c` when it is at `start`, else `start`. */
  private scanChar(start: number, end: number, c: string): number {
    return this.at(start, end, c) ? start + 1 : start;
  }

  /** Past the run of characters of `cls` from `start`; a `%` not followed by two hex digits in an escaped class throws. */
  private scan(start: number, end: number, cls: CharClass): number {
    let p = start;
    while (p < end) {
      const c = this.input[p];
      if (c !== '\u0000' && c.charCodeAt(0) < 128 && cls.chars.includes(c)) {
        p++;
        continue;
      }
      if (!cls.escaped) break;
      if (c === '%') {
        if (p + 3 <= end && HEX.includes(this.input[p + 1]) && HEX.includes(this.input[p + 2])) {
          p += 3;
          continue;
        }
        throw new UriSyntax('Malformed escape pair');
      }
      // Visible characters past US-ASCII stand unescaped (each UTF-16 unit, so a surrogate pair passes too).
      if (c.charCodeAt(0) > 128 && !SPACE_OR_CONTROL.test(c)) {
        p++;
        continue;
      }
      break;
    }
    return p;
  }

  private checkChars(start: number, end: number, cls: CharClass): void {
    if (this.scan(start, end, cls) < end) throw new UriSyntax('Illegal character');
  }

  parse(): void {
    const n = this.input.length;
    let p = this.scanTo(0, n, '/?#', ':');
    if (p >= 0 && this.at(p, n, ':')) {
      if (p === 0) throw new UriSyntax('Expected scheme name');
      if (!ALPHA.includes(this.input[0])) throw new UriSyntax('Illegal character in scheme name');
      this.checkChars(1, p, SCHEME);
      this.scheme = this.input.slice(0, p);
      p++;
      if (this.at(p, n, '/')) p = this.parseHierarchical(p, n);
      else {
        // An opaque part (mailto:x@y): not empty, then only a fragment may follow.
        const q = this.scanTo(p, n, '', '#');
        if (q <= p) throw new UriSyntax('Expected scheme-specific part');
        this.checkChars(p, q, URIC);
        p = q;
      }
    } else p = this.parseHierarchical(0, n);
    if (this.at(p, n, '#')) {
      this.checkChars(p + 1, n, URIC);
      this.fragment = this.input.slice(p + 1, n);
      p = n;
    }
    if (p < n) throw new UriSyntax('Expected end of URI');
  }

  private parseHierarchical(start: number, n: number): number {
    let p = start;
    if (this.at(p, n, '/') && this.at(p + 1, n, '/')) {
      p += 2;
      const q = this.scanTo(p, n, '', '/?#');
      if (q > p) p = this.parseAuthority(p, q);
      // An empty authority only before a path, query or fragment.
      else if (q >= n) throw new UriSyntax('Expected authority');
    }
    let q = this.scanTo(p, n, '', '?#');
    this.checkChars(p, q, PATH);
    this.path = this.input.slice(p, q);
    p = q;
    if (this.at(p, n, '?')) {
      p++;
      q = this.scanTo(p, n, '', '#');
      this.checkChars(p, q, URIC);
      this.query = this.input.slice(p, q);
      p = q;
    }
    return p;
  }

  private parseAuthority(start: number, n: number): number {
    const p = start;
    const serverChars = this.scan(p, n, this.scanTo(p, n, '', ']') > p ? SERVER_PERCENT : SERVER) === n;
    const regChars = this.scan(p, n, REG_NAME) === n;
    if (regChars && !serverChars) return n;
    let q = p;
    let failure: UriSyntax | undefined;
    if (serverChars) {
      try {
        q = this.parseServer(p, n);
        if (q < n) throw new UriSyntax('Expected end of authority');
      } catch (error) {
        if (!(error instanceof UriSyntax)) throw error;
        // Not a server: read as a registry-based authority (no host, no port) if its characters allow.
        this.host = null;
        this.port = -1;
        failure = error;
        q = p;
      }
    }
    if (q < n && !regChars) throw failure ?? new UriSyntax('Illegal character in authority');
    return n;
  }

  private parseServer(start: number, n: number): number {
    let p = start;
    let q = this.scanTo(p, n, '/?#', '@');
    if (q >= p && this.at(q, n, '@')) {
      this.checkChars(p, q, USERINFO);
      p = q + 1;
    }
    if (this.at(p, n, '[')) {
      p++;
      q = this.scanTo(p, n, '/?#', ']');
      if (!(q > p && this.at(q, n, ']'))) throw new UriSyntax('Expected closing bracket for IPv6 address');
      const r = this.scanTo(p, q, '', '%');
      if (r > p && r < q) {
        this.parseIPv6Reference(p, r);
        if (r + 1 === q) throw new UriSyntax('Scope id expected');
        this.checkChars(r + 1, q, plain(ALPHANUM));
      } else this.parseIPv6Reference(p, q);
      this.host = this.input.slice(p - 1, q + 1);
      p = q + 1;
    } else {
      q = this.parseIPv4Address(p, n);
      if (q <= p) q = this.parseHostname(p, n);
      p = q;
    }
    if (this.at(p, n, ':')) {
      p++;
      q = this.scanTo(p, n, '', '/');
      if (q > p) {
        this.checkChars(p, q, plain(DIGIT));
        const port = Number(this.input.slice(p, q));
        if (port > 2147483647) throw new UriSyntax('Malformed port number');
        this.port = port;
        p = q;
      }
    }
    if (p < n) throw new UriSyntax('Expected port number');
    return p;
  }

  /** A run of digits up to 255 (any number of them: 0001 is 1), else `start`. */
  private scanByte(start: number, n: number): number {
    const q = this.scan(start, n, plain(DIGIT));
    if (q <= start) return q;
    return Number(this.input.slice(start, q)) > 255 ? start : q;
  }

  /** Four bytes joined by dots from `start`; -1 where the digits and dots there are none, or (strict) not all of them. */
  private scanIPv4Address(start: number, n: number, strict: boolean): number {
    const m = this.scan(start, n, plain(`${DIGIT}.`));
    if (m <= start || (strict && m !== n)) return -1;
    let p = start;
    for (let part = 0; part < 4; part++) {
      if (part > 0) {
        const dot = this.scanChar(p, m, '.');
        if (dot <= p) throw new UriSyntax('Malformed IPv4 address');
        p = dot;
      }
      const q = this.scanByte(p, m);
      if (q <= p) throw new UriSyntax('Malformed IPv4 address');
      p = q;
    }
    if (p < m) throw new UriSyntax('Malformed IPv4 address');
    return p;
  }

  private parseIPv4Address(start: number, n: number): number {
    let p: number;
    try {
      p = this.scanIPv4Address(start, n, false);
    } catch (error) {
      if (error instanceof UriSyntax) return -1;
      throw error;
    }
    // Only a port may follow an address.
    if (p > start && p < n && this.input[p] !== ':') p = -1;
    if (p > start) this.host = this.input.slice(start, p);
    return p;
  }

  private parseHostname(start: number, n: number): number {
    let p = start;
    let last = -1;
    do {
      let q = this.scan(p, n, plain(ALPHANUM));
      if (q <= p) break;
      last = p;
      p = q;
      q = this.scan(p, n, plain(`${ALPHANUM}-`));
      if (q > p) {
        if (this.input[q - 1] === '-') throw new UriSyntax('Illegal character in hostname');
        p = q;
      }
      q = this.scanChar(p, n, '.');
      if (q <= p) break;
      p = q;
    } while (p < n);
    if (p < n && !this.at(p, n, ':')) throw new UriSyntax('Illegal character in hostname');
    if (last < 0) throw new UriSyntax('Expected hostname');
    // The last of several labels starts with a letter.
    if (last > start && !ALPHA.includes(this.input[last])) throw new UriSyntax('Illegal character in hostname');
    this.host = this.input.slice(start, p);
    return p;
  }

  private parseIPv6Reference(start: number, n: number): void {
    this.ipv6Bytes = 0;
    let p = start;
    let compressed = false;
    const q = this.scanHexSequence(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, '::')) {
        compressed = true;
        p = this.scanHexPost(p + 2, n);
      } else if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n);
        this.ipv6Bytes += 4;
      }
    } else if (this.at(p, n, '::')) {
      compressed = true;
      p = this.scanHexPost(p + 2, n);
    }
    if (p < n) throw new UriSyntax('Malformed IPv6 address');
    if (this.ipv6Bytes > 16) throw new UriSyntax('IPv6 address too long');
    if (!compressed && this.ipv6Bytes < 16) throw new UriSyntax('IPv6 address too short');
    if (compressed && this.ipv6Bytes === 16) throw new UriSyntax('Malformed IPv6 address');
  }

  private scanHexPost(start: number, n: number): number {
    if (start === n) return start;
    let p = start;
    const q = this.scanHexSequence(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n);
        this.ipv6Bytes += 4;
      }
    } else {
      p = this.takeIPv4Address(p, n);
      this.ipv6Bytes += 4;
    }
    return p;
  }

  /** Groups of 1-4 hex digits joined by single colons, stopping before `::` or an IPv4 address; -1 when none. */
  private scanHexSequence(start: number, n: number): number {
    const hex = plain(HEX);
    let q = this.scan(start, n, hex);
    if (q <= start || this.at(q, n, '.')) return -1;
    if (q > start + 4) throw new UriSyntax('IPv6 hexadecimal digit sequence too long');
    this.ipv6Bytes += 2;
    let p = q;
    while (p < n) {
      if (!this.at(p, n, ':') || this.at(p + 1, n, ':')) break;
      p++;
      q = this.scan(p, n, hex);
      if (q <= p) throw new UriSyntax('Expected digits for an IPv6 address');
      if (this.at(q, n, '.')) {
        p--;
        break;
      }
      if (q > p + 4) throw new UriSyntax('IPv6 hexadecimal digit sequence too long');
      this.ipv6Bytes += 2;
      p = q;
    }
    return p;
  }

  private takeIPv4Address(start: number, n: number): number {
    const p = this.scanIPv4Address(start, n, true);
    if (p <= start) throw new UriSyntax('Expected IPv4 address');
    return p;
  }
}

/** java.net.URI's parts of `text`, undefined where `new URI(text)` throws. */
export function parseJavaUri(text: string): JavaUri | undefined {
  const parser = new Parser(text);
  try {
    parser.parse();
  } catch (error) {
    if (error instanceof UriSyntax) return undefined;
    throw error;
  }
  const { scheme, host, port, path, query, fragment } = parser;
  return { scheme, host, port, path, query, fragment };
}

/**
 * Bytes as Java's UTF-8 decoder reads them with replacement (new String(bytes, UTF_8), CharsetDecoder REPLACE): as
 * TextDecoder does but for an encoded surrogate (ED A0-BF …), which Java replaces by one U+FFFD for the two or three
 * bytes where TextDecoder writes one per byte (Trino 476: url_decode('%ED%A0%80x') is '\uFFFDx').
 */
export function javaUtf8(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  let from = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xed || bytes[i + 1] < 0xa0 || bytes[i + 1] > 0xbf) continue;
    out += decoder.decode(bytes.subarray(from, i));
    out += '\uFFFD';
    i += bytes[i + 2] !== undefined && (bytes[i + 2] & 0xc0) === 0x80 ? 2 : 1;
    from = i + 1;
  }
  return out + decoder.decode(bytes.subarray(from));
}

/** URI.getPath(), getQuery() and getFragment(): each run of `%XX` escapes is UTF-8 bytes (Java's replacement). */
export function decodeUriComponent(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => javaUtf8(Uint8Array.from(run.slice(1).split('%'), (h) => Number.parseInt(h, 16))));
}
