// Node selection, dbt-style. A term is `name`, `tag:x`, `path:sql/transforms/p1`, `kind:model` or a file path, with
// graph operators: `name+` (and everything downstream), `+name` (and everything upstream), `2+name` / `name+1` (only
// that many levels), `+name+`. `a,b` is an intersection; several terms (space-separated, or repeated `--select`) are a
// union; `--exclude` terms are removed from it.
import { LakeError } from '../errors.js';
import { isAbsolute, relative } from 'node:path';
import { KIND_FOLDERS, type NodeKind, type Project, type ProjectNode } from './model.js';
import { closestNames } from './suggest.js';

/** `--select` / `--exclude` as given (each entry may hold several space-separated terms). */
export interface Selection {
  select?: readonly string[];
  exclude?: readonly string[];
}

/** A string is a union of space-separated terms (the positional form); undefined selects everything. */
export type SelectorInput = string | Selection | undefined;

/** A selector that is malformed or matches nothing. Not a file problem: it has no file:line. */
export class SelectorError extends LakeError {
  override readonly name: string = 'SelectorError';
  constructor(message: string, hint?: string) {
    super(message, { hint });
  }
}

const posix = (path: string) => path.replaceAll('\\', '/').replace(/^\.\//, '').replace(/\/+$/, '');
const termsOf = (entries: readonly string[] | undefined): string[] => (entries ?? []).flatMap((e) => e.split(/\s+/)).filter(Boolean);

/** Nodes reached from `start` going `direction`, at most `depth` edges away (undefined: all of them). */
function closure(project: Project, start: ProjectNode[], direction: 'upstream' | 'downstream', depth?: number): ProjectNode[] {
  const seen = new Set<string>(start.map((n) => n.id));
  let frontier = start.map((n) => n.id);
  for (let level = 0; frontier.length > 0 && (depth === undefined || level < depth); level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of project.node(id)?.[direction] ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return [...seen].map((id) => project.node(id)!);
}

function matchBase(project: Project, base: string): ProjectNode[] {
  if (base.startsWith('tag:')) {
    const tag = base.slice(4);
    return project.nodes.filter((n) => n.header.tags.includes(tag));
  }
  if (base.startsWith('kind:')) {
    const kind = base.slice(5) as NodeKind;
    if (!Object.hasOwn(KIND_FOLDERS, kind)) throw new SelectorError(`selector '${base}': kind must be one of ${Object.keys(KIND_FOLDERS).join(', ')}`);
    return project.nodes.filter((n) => n.kind === kind);
  }
  if (base.startsWith('path:') || base.includes('/') || base.endsWith('.sql')) {
    const raw = base.startsWith('path:') ? base.slice(5) : base;
    const path = posix(isAbsolute(raw) ? relative(project.root, raw) : raw);
    return project.nodes.filter((n) => n.file === path || n.file.startsWith(`${path}/`));
  }
  const name = base.toLowerCase();
  // A node id (`analytics.orders`, `alert:x`), its name, or a table it produces (qualified or not).
  return project.nodes.filter((n) => n.id === name || n.name.toLowerCase() === name || n.produces.some((t) => t === name || t.endsWith(`.${name}`)));
}

/** What a selector could have meant: names, tags and folders of the project close to the one given. */
function suggestionFor(project: Project, base: string): string | undefined {
  let candidates: string[];
  let word = base;
  if (base.startsWith('tag:')) {
    candidates = [...new Set(project.nodes.flatMap((n) => n.header.tags))].map((t) => `tag:${t}`);
  } else if (base.startsWith('path:') || base.includes('/') || base.endsWith('.sql')) {
    const folders = project.nodes.flatMap((n) =>
      n.file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    );
    const prefix = base.startsWith('path:') ? 'path:' : '';
    candidates = [...new Set([...folders, ...project.nodes.map((n) => n.file)])].map((p) => `${prefix}${p}`);
  } else {
    candidates = project.nodes.flatMap((n) => [n.name, ...n.produces.map((t) => t.split('.').pop()!)]);
    word = base.replace(/^[a-z]+:/, '');
  }
  const close = closestNames(word, candidates, { maxDistance: Math.max(2, Math.floor(word.length / 3)), limit: 3 });
  return close.length > 0 ? `did you mean ${close.map((c) => `'${c}'`).join(' or ')}? \`lake graph\` lists every node` : undefined;
}

const GENERAL_HINT =
  'use a model or table name, tag:<tag>, path:<folder>, kind:<ddl|model|alert|dashboard> or a file path (with +, n+, a,b); `lake graph` lists every node';

/** One term with its graph operators: `[n]+base+[n]`. */
function matchTerm(project: Project, term: string, flag: string): ProjectNode[] {
  const parsed = /^(?:(\d*)\+)?(.*?)(?:\+(\d*))?$/.exec(term)!;
  const [, upDepth, base, downDepth] = parsed;
  if (!base) throw new SelectorError(`${flag}'${term}' names no node`, GENERAL_HINT);
  const matched = matchBase(project, base);
  if (matched.length === 0) {
    throw new SelectorError(`${flag}'${term}' matches no node in the project`, suggestionFor(project, base) ?? GENERAL_HINT);
  }
  const depth = (text: string | undefined) => (text ? Number(text) : undefined);
  return [
    ...matched,
    ...(upDepth !== undefined ? closure(project, matched, 'upstream', depth(upDepth)) : []),
    ...(downDepth !== undefined ? closure(project, matched, 'downstream', depth(downDepth)) : []),
  ];
}

/** The ids a union of terms picks; each term may be an intersection `a,b`. */
function pick(project: Project, terms: string[], flag: string): Set<string> {
  const picked = new Set<string>();
  for (const term of terms) {
    const parts = term.split(',').filter(Boolean);
    let ids: Set<string> | undefined;
    for (const part of parts) {
      const these = new Set(matchTerm(project, part, flag).map((n) => n.id));
      ids = ids ? new Set([...ids].filter((id) => these.has(id))) : these;
    }
    for (const id of ids ?? []) picked.add(id);
  }
  return picked;
}

/** Whether a selector narrows anything (no terms at all selects every node). */
export function selectsEverything(selector: SelectorInput): boolean {
  if (selector === undefined) return true;
  if (typeof selector === 'string') return termsOf([selector]).length === 0;
  return termsOf(selector.select).length === 0 && termsOf(selector.exclude).length === 0;
}

/** The nodes a selector picks, in run order. No selector: every node. Throws SelectorError when a term matches nothing. */
export function selectNodes(project: Project, selector?: SelectorInput): ProjectNode[] {
  const { select, exclude } = typeof selector === 'string' ? { select: [selector], exclude: [] } : (selector ?? {});
  const selectTerms = termsOf(select);
  const excludeTerms = termsOf(exclude);
  const picked = selectTerms.length > 0 ? pick(project, selectTerms, 'selector ') : undefined;
  const dropped = pick(project, excludeTerms, '--exclude selector ');
  return project.nodes.filter((n) => (picked ? picked.has(n.id) : true) && !dropped.has(n.id));
}
