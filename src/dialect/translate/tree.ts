// Tokens nested into groups — `( … )`, `[ … ]` and `CASE … END` — so a rewrite can see a call's arguments or an
// operator's operands while every untouched token keeps its exact text.
import { isTrivia, keyword, type Token } from '../tokens.js';

export interface TokenNode {
  kind: 'token';
  token: Token;
}

export interface GroupNode {
  kind: 'group';
  /** `(`, `[` or the CASE keyword. */
  open: Token;
  /** `)`, `]` or END; missing when the text ends inside the group. */
  close?: Token;
  items: Node[];
}

export type Node = TokenNode | GroupNode;

const CLOSER: Record<string, string> = { '(': ')', '[': ']', CASE: 'END' };

function opener(t: Token): string {
  if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) return t.text;
  return keyword(t) === 'CASE' ? 'CASE' : '';
}

function closes(t: Token, open: string): boolean {
  const want = CLOSER[open];
  return open === 'CASE' ? keyword(t) === want : t.kind === 'punct' && t.text === want;
}

export function buildTree(tokens: readonly Token[]): Node[] {
  const root: Node[] = [];
  const stack: { group: GroupNode; open: string }[] = [];
  const current = () => (stack.length ? stack[stack.length - 1].group.items : root);
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (top && closes(token, top.open)) {
      top.group.close = token;
      stack.pop();
      continue;
    }
    const open = opener(token);
    if (open) {
      const group: GroupNode = { kind: 'group', open: token, items: [] };
      current().push(group);
      stack.push({ group, open });
      continue;
    }
    current().push({ kind: 'token', token });
  }
  return root;
}

export function nodeText(node: Node): string {
  if (node.kind === 'token') return node.token.text;
  return node.open.text + node.items.map(nodeText).join('') + (node.close?.text ?? '');
}

export const firstToken = (node: Node): Token => (node.kind === 'token' ? node.token : node.open);

export const isTriviaNode = (n: Node | undefined): boolean => n !== undefined && n.kind === 'token' && isTrivia(n.token);

export const isParen = (n: Node | undefined, open = '('): n is GroupNode => n !== undefined && n.kind === 'group' && n.open.text === open;

export const isCase = (n: Node | undefined): boolean => n !== undefined && n.kind === 'group' && keyword(n.open) === 'CASE';

/** Splits a group's items on top-level commas. */
export function splitArgs(items: readonly Node[]): Node[][] {
  const args: Node[][] = [[]];
  for (const n of items) {
    if (n.kind === 'token' && n.token.kind === 'punct' && n.token.text === ',') args.push([]);
    else args[args.length - 1].push(n);
  }
  return args.length === 1 && args[0].every(isTriviaNode) ? [] : args;
}

/**
 * A call's arguments: as splitArgs, but the commas after an aggregate's `ORDER BY` separate its sort keys
 * (`array_agg(x ORDER BY a, b)` has one argument), not arguments.
 */
export function splitCallArgs(items: readonly Node[]): Node[][] {
  const order = items.findIndex((n, k) => nodeKeyword(n) === 'ORDER' && nodeKeyword(items.slice(k + 1).find((m) => !isTriviaNode(m))) === 'BY');
  if (order < 0) return splitArgs(items);
  const before = splitArgs(items.slice(0, order));
  const last = before.pop() ?? [];
  return [...before, [...last, ...items.slice(order)]];
}

/**
 * Whether a word token of `items`, at any depth, is one of `words` (upper case). A pass whose every finding and rewrite
 * starts at such a word returns its input (copied) without its walk where there is none (issue 18).
 */
export function holdsWord(items: readonly Node[], words: ReadonlySet<string>): boolean {
  for (const n of items) if (n.kind === 'group' ? words.has(keyword(n.open)) || holdsWord(n.items, words) : words.has(keyword(n.token))) return true;
  return false;
}

/** Non-trivia nodes of a sequence. */
export const meaningful = (items: readonly Node[]): Node[] => items.filter((n) => !isTriviaNode(n));

/** Upper-cased word of a node, '' for anything else. */
export const nodeKeyword = (n: Node | undefined): string => (n && n.kind === 'token' ? keyword(n.token) : '');
