// Hand probes of the URL functions (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt39"): Trino reads
// a URL with java.net.URI, NULL where it throws; the local engine split it with a regular expression and answered
// where java.net.URI rejects the text (a second '#', '[' in a path, a scheme not starting with a letter, ISO control
// characters, an empty authority or opaque part, malformed IPv6 literals), read no host in IPv4 forms Java takes
// (01.02.03.04) and none in an IPv6 literal with a scope id, and decoded an escaped surrogate (ED A0 80) as three
// U+FFFD where Java's UTF-8 decoder writes one. Every value and type below is Trino 476's answer, asked of the shared
// Trino; the first group answered differently before (src/dialect/shims/java-uri.ts), the second agreed and stays.
import { describeFunctions } from './functions/harness.js';

describeFunctions('url_extract_* of texts java.net.URI rejects: NULL', [
  ['a second #', "url_extract_fragment('http://x.com/a#b#c')", null, 'varchar'],
  ['the host of a URL with a second #', "url_extract_host('http://x.com/a#b#c')", null, 'varchar'],
  ['[ in a path', "url_extract_path('http://x.com/a[1]')", null, 'varchar'],
  ['[ after an escape in a path', "url_extract_path('http://x.com/%41[')", null, 'varchar'],
  ['a control character', "url_extract_path('http://x.com/a' || chr(1))", null, 'varchar'],
  ['DEL', "url_extract_path('http://x.com/a' || chr(127))", null, 'varchar'],
  ['a C1 control (NEL)', "url_extract_path('http://x.com/a' || chr(133))", null, 'varchar'],
  ['U+0080', "url_extract_host('http://x.com/' || chr(128))", null, 'varchar'],
  ['U+009F', "url_extract_path('http://x.com/a' || chr(159))", null, 'varchar'],
  ['a scheme starting with a digit', "url_extract_protocol('1http://x.com/')", null, 'varchar'],
  ['its path', "url_extract_path('1http://x.com/')", null, 'varchar'],
  ['an empty scheme', "url_extract_path(':x')", null, 'varchar'],
  ['_ in a scheme', "url_extract_protocol('a_b://x.com/')", null, 'varchar'],
  ['a scheme alone', "url_extract_host('http:')", null, 'varchar'],
  ['an empty opaque part', "url_extract_path('mailto:')", null, 'varchar'],
  ['an empty opaque part before a fragment', "url_extract_path('mailto:#x')", null, 'varchar'],
  ['an empty authority at the end', "url_extract_host('http://')", null, 'varchar'],
  ['// alone', "url_extract_host('//')", null, 'varchar'],
  ['an IPvFuture literal', "url_extract_host('http://[v1.x]/')", null, 'varchar'],
  ['a literal of no hex digits', "url_extract_host('http://[zz]/')", null, 'varchar'],
  ['an unclosed literal', "url_extract_host('http://[::1/')", null, 'varchar'],
  ['nine groups', "url_extract_host('http://[1:2:3:4:5:6:7:8:9]/')", null, 'varchar'],
  ['two ::', "url_extract_host('http://[1::2::3]/')", null, 'varchar'],
  ['a group of five digits', "url_extract_host('http://[12345::]/')", null, 'varchar'],
  ['text after the literal', "url_extract_host('http://[::1]x/')", null, 'varchar'],
]);

describeFunctions('url_extract_* where java.net.URI reads another part', [
  // A port past the int range makes the authority registry-based: no host, no port.
  ['a port past 2^31 - 1', "url_extract_port('http://x.com:2147483648/')", null, 'bigint'],
  ['a port of 20 digits', "url_extract_port('http://x.com:99999999999999999999/')", null, 'bigint'],
  // Java's IPv4 bytes may have leading zeros (any number of digits up to 255).
  ['an IPv4 host with leading zeros', "url_extract_host('http://01.02.03.04/')", '01.02.03.04', 'varchar'],
  ['an IPv4 host 0001', "url_extract_host('http://1.2.3.0001/')", '1.2.3.0001', 'varchar'],
  ['an IPv6 literal with a scope id', "url_extract_host('http://[::1%eth0]/')", '[::1%eth0]', 'varchar'],
  // U+FEFF is a format character, not a space to Java: it stands unescaped.
  ['a BOM in a path', "url_extract_path('http://x.com/a' || chr(65279))", '/a\uFEFF', 'varchar'],
  // Java's UTF-8 decoder replaces an encoded surrogate by one U+FFFD.
  ['an escaped surrogate in a path', "url_extract_path('http://x.com/%ED%A0%80')", '/\uFFFD', 'varchar'],
  ['an escaped half surrogate in a path', "url_extract_path('http://x.com/%ED%A0')", '/\uFFFD', 'varchar'],
  ['url_decode of an escaped surrogate', "url_decode('%ED%A0%80x')", '\uFFFDx', 'varchar'],
  ['url_decode of two of its bytes', "url_decode('%ED%A0')", '\uFFFD', 'varchar'],
  ['url_decode of two of its bytes and a letter', "url_decode('%ED%A0A')", '\uFFFDA', 'varchar'],
]);

describeFunctions('url_extract_* that agreed before and still do', [
  ['a host', "url_extract_host('http://www.example.com:8080/a/b?x=1&y=2#frag')", 'www.example.com', 'varchar'],
  ['a port', "url_extract_port('http://www.example.com:8080/a/b?x=1')", 8080, 'bigint'],
  ['a decoded path', "url_extract_path('http://x.com/%C3%A4')", '/ä', 'varchar'],
  ['a query with brackets and an escape', "url_extract_query('http://x.com/?a=[%41]')", 'a=[A]', 'varchar'],
  ['a registry-based host (é)', "url_extract_host('http://münchen.de/a')", '', 'varchar'],
  ['a registry-based host (_)', "url_extract_host('http://a_b.com:80/')", '', 'varchar'],
  ['its port', "url_extract_port('http://a_b.com:80/')", null, 'bigint'],
  ['an IPv6 host', "url_extract_host('http://[::ffff:1.2.3.4]/')", '[::ffff:1.2.3.4]', 'varchar'],
  ['a space', "url_extract_path('http://x.com/a b')", null, 'varchar'],
  ['a malformed escape', "url_extract_host('http://x%zz.com/')", null, 'varchar'],
  ['an opaque URI', "url_extract_protocol('mailto:me@x.com')", 'mailto', 'varchar'],
  ['its path', "url_extract_path('mailto:me@x.com')", '', 'varchar'],
  ['an empty authority before a path', "url_extract_path('http:///a')", '/a', 'varchar'],
  ['the last label starting with a digit', "url_extract_host('http://1.2.3.256/')", '', 'varchar'],
  ['a trailing dot', "url_extract_host('HTTP://x.com./a')", 'x.com.', 'varchar'],
  ['a parameter', "url_extract_parameter('http://x.com/a?x=1&y=2&x=3', 'x')", '1', 'varchar'],
  ['a parameter with +', "url_extract_parameter('http://x.com/a?x=a+b', 'x')", 'a b', 'varchar'],
  ['an emoji in a path', "url_extract_host('http://x.com/🙂')", 'x.com', 'varchar'],
  ['an ideographic space', "url_extract_path('http://x.com/a' || chr(12288))", null, 'varchar'],
  ['url_decode', "url_decode('a+b%20c%C3%A9')", 'a b cé', 'varchar'],
  ['url_decode of a lone byte', "url_decode('%FF')", '\uFFFD', 'varchar'],
]);
