// LIKE … ESCAPE with literals: Trino 476 fails when the escape string is not one character ("Escape string must be a
// single character") and when the escape character is followed by anything but '%', '_' or itself ("Escape character
// must be followed by '%', '_' or the escape character itself"); DuckDB accepts '' (no escape) and reads `#b` as `b`,
// so 'ab' LIKE 'a#b' ESCAPE '#' was true locally. Found by the third hunt; refused at the pattern, never run. A pattern
// or escape that is not a literal is checked while running (checkLikeEscapes, the trino_like_pattern macro).
import { keyword, stringValue, type Token } from '../tokens.js';
import { operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';
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

const STRING_LITERAL_TEXT = /^'(?:[^']|'')*'$/;

/**
 * `s LIKE p ESCAPE e` where p or e is not a string literal (a column, a call): the pattern becomes
 * `trino_like_pattern(s, p, e)` (string-macros.ts), which fails with Trino's message where e is not one character or
 * p misuses it (`'a#'`, `'a#b'` with '#'), as Trino 476 does for each row whose value is not NULL; DuckDB read `#b` as
 * `b` and answered. Only where ESCAPE is written: a pattern without one has nothing to misuse.
 */
export function checkLikeEscapes(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].kind !== 'boundary' || parts[i].text.toUpperCase() !== 'ESCAPE') continue;
    const pattern = operand(parts, i, -1);
    const escape = operand(parts, i, 1);
    const likeAt = pattern ? previous(parts, pattern[0]) : -1;
    if (!pattern || !escape || parts[likeAt]?.text.toUpperCase() !== 'LIKE') continue;
    const [p, e] = [textOf(parts, pattern).trim(), textOf(parts, escape).trim()];
    if (STRING_LITERAL_TEXT.test(p) && STRING_LITERAL_TEXT.test(e)) continue; // checked at lint (refuseBadLikeEscapes)
    const notAt = previous(parts, likeAt);
    const subject = operand(parts, parts[notAt]?.text.toUpperCase() === 'NOT' ? notAt : likeAt, -1);
    // Trino answers NULL for a NULL subject without reading the pattern; a subject not found is checked as not NULL.
    const s = subject ? textOf(parts, subject).trim() : "''";
    parts.splice(pattern[0], pattern[1] - pattern[0] + 1, { kind: 'operand', text: `trino_like_pattern(${s}, ${p}, ${e})` });
    i -= pattern[1] - pattern[0];
  }
}
