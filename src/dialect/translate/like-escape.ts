// LIKE … ESCAPE with literals: Trino 476 fails when the escape string is not one character ("Escape string must be a
// single character") and when the escape character is followed by anything but '%', '_' or itself ("Escape character
// must be followed by '%', '_' or the escape character itself"); DuckDB accepts '' (no escape) and reads `#b` as `b`,
// so 'ab' LIKE 'a#b' ESCAPE '#' was true locally. Found by the third hunt; refused at the pattern, never run.
import { keyword, stringValue, type Token } from '../tokens.js';
import { isTriviaNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

const HINT = "escape only '%', '_' and the escape character itself, with one character: 'a#_b' ESCAPE '#'";

/** A plain string literal ('…', not U&'…' or X'…'). */
const isStringLiteral = (node: Node | undefined): node is { kind: 'token'; token: Token } =>
  node?.kind === 'token' && node.token.kind === 'string' && node.token.text.startsWith("'");

/** Where the escape character of `pattern` is misused: the escaped code point, or undefined when all are well formed. */
function misusedEscape(pattern: string, escape: string): string | undefined {
  const chars = [...pattern];
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] !== escape) continue;
    const next = chars[k + 1];
    if (next !== '%' && next !== '_' && next !== escape) return next ?? '';
    k++;
  }
  return undefined;
}

export function refuseBadLikeEscapes(items: readonly Node[], report: Report): void {
  const nodes = items.filter((n) => !isTriviaNode(n));
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    if (node.kind === 'group') {
      refuseBadLikeEscapes(node.items, report);
      continue;
    }
    if (keyword(node.token) !== 'ESCAPE' || !isStringLiteral(nodes[k + 1])) continue;
    const escapeToken = (nodes[k + 1] as { token: Token }).token;
    const escape = stringValue(escapeToken);
    // Java counts UTF-16 units: an escape outside the BMP (🙂) is two, refused by Trino 476 as well.
    if (escape.length !== 1) {
      report(escapeToken, 'like-escape', `ESCAPE ${escapeToken.text} fails on Athena: "Escape string must be a single character"`, HINT);
      continue;
    }
    const [like, pattern] = [nodes[k - 2], nodes[k - 1]];
    if (like?.kind !== 'token' || keyword(like.token) !== 'LIKE' || !isStringLiteral(pattern)) continue;
    const misused = misusedEscape(stringValue(pattern.token), escape);
    if (misused !== undefined)
      report(
        pattern.token,
        'like-escape',
        `LIKE ${pattern.token.text} ESCAPE ${escapeToken.text} fails on Athena: "Escape character must be followed by '%', '_' or the escape character itself"`,
        HINT,
      );
  }
}
