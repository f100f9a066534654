// The dependency graph between SQL files, from the tables each file creates, fills and reads. Run order is
// topological; among nodes that are ready, the lower phase runs first (ddl, models, alerts, dashboards: each phase as
// early as its dependencies allow), then the lower id, so every run of the same project is in the same order.
import type { Diagnostic } from '../dialect/diagnostics.js';

export interface TablePosition {
  table: string;
  line: number;
  col: number;
}

export interface DagInput {
  id: string;
  file: string;
  /** Preference among ready nodes: the lower phase runs first. */
  phase: number;
  /** Tables this node creates (CREATE statements, or a model's own table). */
  creates: TablePosition[];
  /** Tables this node writes with DML (MERGE/INSERT into its own table) but another node creates. */
  fills: TablePosition[];
  /** Tables it reads or writes without producing them. */
  needs: TablePosition[];
}

export interface Dag {
  /** Node ids in run order; nodes caught in cycles come last, by id. */
  order: readonly string[];
  upstream: ReadonlyMap<string, readonly string[]>;
  downstream: ReadonlyMap<string, readonly string[]>;
  diagnostics: Diagnostic[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Inserts into an array sorted by `compare`, keeping it sorted. */
function insertSorted(list: string[], id: string, compare: (a: string, b: string) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], id) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, id);
}

export function buildDag(nodes: readonly DagInput[]): Dag {
  const diagnostics: Diagnostic[] = [];
  const byNode = new Map(nodes.map((n) => [n.id, n]));
  const creator = new Map<string, { node: DagInput; at: TablePosition }>();
  const fillers = new Map<string, DagInput[]>();

  for (const node of [...nodes].sort((a, b) => byId(a.file, b.file))) {
    for (const at of node.creates) {
      const first = creator.get(at.table);
      if (first && first.node !== node) {
        diagnostics.push({
          severity: 'error',
          rule: 'dag/duplicate-producer',
          message: `${at.table} is created by two files: ${first.node.file}:${first.at.line} and this one`,
          hint: 'keep one CREATE (or one model) per table; models that MERGE/INSERT into a table created in sql/ddl must not also create it',
          file: node.file,
          line: at.line,
          col: at.col,
        });
      } else if (!first) creator.set(at.table, { node, at });
    }
    for (const at of node.fills) fillers.set(at.table, [...(fillers.get(at.table) ?? []), node]);
  }

  // edge key `from\0to` → where `to` refers to what `from` provides
  const edges = new Map<string, TablePosition>();
  const upstream = new Map<string, Set<string>>(nodes.map((n) => [n.id, new Set<string>()]));
  const addEdge = (from: string, to: DagInput, at: TablePosition) => {
    if (from === to.id) return;
    upstream.get(to.id)!.add(from);
    if (!edges.has(`${from}\0${to.id}`)) edges.set(`${from}\0${to.id}`, at);
  };

  for (const node of nodes) {
    for (const at of node.fills) {
      const made = creator.get(at.table);
      if (made) addEdge(made.node.id, node, at);
      else {
        diagnostics.push({
          severity: 'error',
          rule: 'dag/unknown-table',
          message: `writes into ${at.table}, but no file creates it`,
          hint: `add a CREATE TABLE for ${at.table} under sql/ddl (or write the model as a SELECT)`,
          file: node.file,
          line: at.line,
          col: at.col,
        });
      }
    }
    for (const at of node.needs) {
      const providers = (fillers.get(at.table) ?? []).filter((f) => f !== node);
      const made = creator.get(at.table);
      if (providers.length > 0) for (const p of providers) addEdge(p.id, node, at);
      else if (made) addEdge(made.node.id, node, at);
      else {
        diagnostics.push({
          severity: 'error',
          rule: 'dag/unknown-table',
          message: `unknown table ${at.table}: no file under sql/ creates it`,
          hint: `create it in sql/ddl or sql/transforms, or check the spelling and database (unqualified names resolve to the file's database)`,
          file: node.file,
          line: at.line,
          col: at.col,
        });
      }
    }
  }

  const downstream = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const pending = new Map<string, number>();
  for (const [id, ups] of upstream) {
    pending.set(id, ups.size);
    for (const up of ups) downstream.get(up)!.push(id);
  }
  for (const list of downstream.values()) list.sort(byId);

  const runsBefore = (a: string, b: string) => byNode.get(a)!.phase - byNode.get(b)!.phase || byId(a, b);
  const ready = [...pending]
    .filter(([, n]) => n === 0)
    .map(([id]) => id)
    .sort(runsBefore);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const down of downstream.get(id)!) {
      const left = pending.get(down)! - 1;
      pending.set(down, left);
      if (left === 0) insertSorted(ready, down, runsBefore);
    }
  }

  if (order.length < nodes.length) {
    const placed = new Set(order);
    const stuck = nodes
      .map((n) => n.id)
      .filter((id) => !placed.has(id))
      .sort(byId);
    const reported = new Set<string>();
    for (const start of stuck) {
      if (reported.has(start)) continue;
      const cycle = findCycle(start, upstream, placed);
      if (!cycle || cycle.some((id) => reported.has(id))) continue;
      cycle.forEach((id) => reported.add(id));
      // cycle[k] reads what cycle[k+1] provides
      const steps = cycle.map((id, k) => {
        const next = cycle[(k + 1) % cycle.length];
        const at = edges.get(`${next}\0${id}`)!;
        return { node: byNode.get(id)!, next, at };
      });
      const first = steps[0];
      diagnostics.push({
        severity: 'error',
        rule: 'dag/cycle',
        message: `dependency cycle: ${steps.map((s) => `${s.node.id} (${s.node.file}:${s.at.line} reads ${s.at.table})`).join(' → ')} → ${first.node.id}`,
        hint: 'a table cannot depend on itself through other files; split one of the models or read an earlier table',
        file: first.node.file,
        line: first.at.line,
        col: first.at.col,
      });
    }
    order.push(...stuck);
  }

  const upstreamLists = new Map([...upstream].map(([id, ups]) => [id, [...ups].sort(byId)]));
  return { order, upstream: upstreamLists, downstream, diagnostics };
}

/** A cycle through `start` or reachable from it, following upstream edges among unplaced nodes. */
function findCycle(start: string, upstream: Map<string, Set<string>>, placed: Set<string>): string[] | undefined {
  const path: string[] = [];
  const onPath = new Map<string, number>();
  const done = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    onPath.set(id, path.length);
    path.push(id);
    for (const up of [...upstream.get(id)!].sort(byId)) {
      if (placed.has(up) || done.has(up)) continue;
      const at = onPath.get(up);
      if (at !== undefined) return path.slice(at);
      const found = visit(up);
      if (found) return found;
    }
    path.pop();
    onPath.delete(id);
    done.add(id);
    return undefined;
  };
  return visit(start);
}
