// Hash orders through upstream models (issue 15; docs/issue-15-audit.md, hashv41's section): a model whose output
// column is a hash-built map (`map_agg(k, v) AS m`, hash-orders.ts) writes it in Athena's hash order, and Athena reads
// the stored entries back in that order; the local table holds the local order. `map_keys(m)` of that column in a
// downstream model reveals it as `map_keys(map_agg(k, v))` does, so `lake lint` refuses it there (file:line:col), by
// the column's name (as the statement's own names are read); a DDL file's view (`CREATE VIEW v AS SELECT map_agg(…) m`)
// too, its every statement read (its UPDATE and MERGE, its later views: scriptHashOrderedColumns). The local run sees them through its catalog (the tables and views they wrote:
// TranslateContext.hashOrderedColumns, hash-orders.ts queryHashOrderedOutputs).
import type { Diagnostic } from '../dialect/diagnostics.js';
import { tokenize } from '../dialect/tokens.js';
import {
  hashOrderedAliases,
  hashOrderRefusal,
  MAY_NAME_HASH_ORDERED,
  orderFreeArgumentCalls,
  outputHashOrderedColumns,
  scriptHashOrderedColumns,
  unreadHashOrderCalls,
} from '../dialect/translate/hash-orders.js';
import { buildTree, isParen, meaningful, nodeText, splitCallArgs, type GroupNode, type Node } from '../dialect/translate/tree.js';
import type { Project } from '../project/model.js';

const REVEALERS = /\bmap_(?:keys|values|entries)\s*\(/i;

/** The refusals of `map_keys`/`map_values`/`map_entries` of upstream models' hash-ordered columns, in the wanted files. */
export function upstreamHashOrderDiagnostics(project: Project, wanted: (file: string) => boolean): Diagnostic[] {
  const outputs = new Map<string, ReadonlySet<string>>();
  const diagnostics: Diagnostic[] = [];
  for (const node of project.nodes) {
    const seeds = new Set(node.upstream.flatMap((id) => [...(outputs.get(id) ?? [])]));
    if (seeds.size === 0 && !MAY_NAME_HASH_ORDERED.test(node.sql)) continue;
    let tree: Node[];
    try {
      tree = buildTree(tokenize(node.sql));
    } catch {
      continue; // the loader reported the unreadable text
    }
    // A model's query; a DDL file's every statement, each with what those before it wrote (`CREATE VIEW v AS SELECT
    // …`, a CTAS, INSERT, UPDATE … SET m = map_agg(…), MERGE), which its own later statements read too.
    if (node.kind === 'model') outputs.set(node.id, outputHashOrderedColumns(tree, splitCallArgs, seeds));
    if (node.kind === 'ddl') {
      const written = scriptHashOrderedColumns(node.sql, splitCallArgs, seeds);
      outputs.set(node.id, written);
      for (const name of written) seeds.add(name);
    }
    if (seeds.size === 0 || !wanted(node.file) || !REVEALERS.test(node.sql)) continue;
    // Only what the statement's own names do not refuse already (the translator reports those).
    const own = hashOrderedAliases(tree, splitCallArgs);
    const all = hashOrderedAliases(tree, splitCallArgs, seeds);
    const orderFree = new Set<GroupNode>(unreadHashOrderCalls(tree, splitCallArgs, all));
    const walk = (items: readonly Node[]) => {
      const m = meaningful(items);
      for (let i = 0; i < m.length; i++) {
        const n = m[i];
        const group = m[i + 1];
        if (n.kind === 'token' && n.token.kind === 'word' && isParen(group)) {
          const name = nodeText(n).toLowerCase();
          const args = splitCallArgs(group.items);
          for (const g of orderFreeArgumentCalls(name, args, splitCallArgs)) orderFree.add(g);
          const free = orderFree.has(group);
          const refusal = hashOrderRefusal(name, args, [], free, splitCallArgs, all);
          if (refusal && !hashOrderRefusal(name, args, [], free, splitCallArgs, own))
            diagnostics.push({
              severity: 'error',
              rule: 'unfaithful/hash-order',
              message: `${refusal.message} (the column is an upstream model's)`,
              hint: refusal.hint,
              file: node.file,
              line: n.token.line + node.bodyLine - 1,
              col: n.token.col,
            });
        }
        if (n.kind === 'group') walk(n.items);
      }
    };
    walk(tree);
  }
  return diagnostics;
}
