// Node selection, dbt-style: `name`, `name+` (and everything downstream), `+name` (and everything upstream),
// `+name+`, `tag:x`, `path:sql/transforms/p1`, `kind:model`, or a file path. Space-separated selectors are a union.
import { isAbsolute, relative } from 'node:path';
import { ProjectError } from './errors.js';
import { KIND_FOLDERS, type NodeKind, type Project, type ProjectNode } from './model.js';

const posix = (path: string) => path.replaceAll('\\', '/').replace(/^\.\//, '').replace(/\/+$/, '');

function closure(project: Project, start: ProjectNode[], direction: 'upstream' | 'downstream'): ProjectNode[] {
  const seen = new Set<string>();
  const stack = start.map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(project.node(id)?.[direction] ?? []));
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
    if (!Object.hasOwn(KIND_FOLDERS, kind)) throw selectorError(base, `kind must be one of ${Object.keys(KIND_FOLDERS).join(', ')}`);
    return project.nodes.filter((n) => n.kind === kind);
  }
  if (base.startsWith('path:') || base.includes('/') || base.endsWith('.sql')) {
    const raw = base.startsWith('path:') ? base.slice(5) : base;
    const path = posix(isAbsolute(raw) ? relative(project.root, raw) : raw);
    return project.nodes.filter((n) => n.file === path || n.file.startsWith(`${path}/`));
  }
  const name = base.toLowerCase();
  // A node id (`analytics.orders`, `alert:x`), its name, or a table it produces (qualified or not).
  return project.nodes.filter(
    (n) => n.id === name || n.name.toLowerCase() === name || n.produces.some((t) => t === name || t.endsWith(`.${name}`)),
  );
}

const selectorError = (selector: string, hint: string) =>
  new ProjectError([{ severity: 'error', rule: 'selector', message: `selector '${selector}' matches no SQL file`, hint, line: 1, col: 1 }]);

/** The nodes a selector picks, in run order. No selector: every node. Throws when a selector matches nothing. */
export function selectNodes(project: Project, selector?: string): ProjectNode[] {
  const terms = (selector ?? '').split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...project.nodes];
  const picked = new Set<string>();
  for (const term of terms) {
    const up = term.startsWith('+');
    const down = term.endsWith('+') && term.length > 1;
    const base = term.slice(up ? 1 : 0, down ? -1 : undefined);
    const matched = matchBase(project, base);
    if (matched.length === 0) {
      throw selectorError(term, 'use a model or table name, tag:<tag>, path:<folder>, kind:<ddl|model|alert|dashboard> or a file path; `lake graph` lists every node');
    }
    const selected = [...matched, ...(up ? closure(project, matched, 'upstream') : []), ...(down ? closure(project, matched, 'downstream') : [])];
    for (const n of selected) picked.add(n.id);
  }
  return project.nodes.filter((n) => picked.has(n.id));
}
