// The macro shims a connection needs, defined when first needed. DuckDB binds a macro's body when it is created, so
// creating all ~200 at every engine open cost ~65 ms of CPU (issue 18), while a statement uses a handful. A macro is
// created before the first statement whose SQL names it, after every macro its own body names, and otherwise in the
// order of the full list.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SESSION_COLUMN_WORDS } from './session-word-macros.js';

/**
 * Every shim is named `trino_…`, but for the session words that replace DuckDB's session functions
 * (session-word-macros.ts); a text naming one (or a struct field or column of the same spelling) asks for it.
 */
const SHIM_NAME = new RegExp(`trino_\\w+|\\b(?:${SESSION_COLUMN_WORDS.join('|')})\\b`, 'gi');

/**
 * Macros no text names, defined with a connection's first statement: json_extract stands in for DuckDB's own, which
 * DuckDB calls for a member of a JSON value (macros.ts), so that j.foo fails as in Athena.
 */
const ALWAYS = ['json_extract'];

interface MacroDefinition {
  name: string;
  sql: string;
  /** Other macros its body names. */
  uses: string[];
}

function definitionsOf(statements: readonly string[]): Map<string, MacroDefinition> {
  const heads = statements.map((sql) => {
    const head = /^CREATE OR REPLACE TEMP MACRO "?(\w+)"?/.exec(sql);
    if (!head) throw new Error(`internal: not a macro definition: ${sql.slice(0, 80)}`);
    return { name: head[1], bodyAt: head[0].length };
  });
  const known = new Set(heads.map((h) => h.name));
  return new Map(
    statements.map((sql, i) => {
      const { name, bodyAt } = heads[i];
      const uses = [...new Set(sql.slice(bodyAt).match(SHIM_NAME) ?? [])].filter((n) => n !== name && known.has(n));
      return [name, { name, sql, uses }];
    }),
  );
}

export class MacroSet {
  private readonly definitions: Map<string, MacroDefinition>;
  private readonly order: Map<string, number>;
  private readonly defined = new Set<string>();

  constructor(statements: readonly string[]) {
    this.definitions = definitionsOf(statements);
    this.order = new Map([...this.definitions.keys()].map((name, i) => [name, i]));
  }

  /**
   * Names of the macros `texts` refer to, with everything they need, not yet defined, in creation order: each after
   * the macros its body names (a macro may name one listed after it, as trino_cast_json names trino_fail), otherwise
   * in the order of the full list.
   */
  missingFor(texts: readonly string[]): string[] {
    const seen = new Set<string>();
    const ordered: string[] = [];
    const byListOrder = (names: Iterable<string>) => [...names].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    const visit = (name: string) => {
      if (seen.has(name) || this.defined.has(name)) return;
      const definition = this.definitions.get(name);
      if (!definition) return;
      seen.add(name);
      for (const used of byListOrder(definition.uses)) visit(used);
      ordered.push(name);
    };
    for (const name of ALWAYS) visit(name);
    for (const name of byListOrder(new Set(texts.flatMap((text) => (text.match(SHIM_NAME) ?? []).map((name) => name.toLowerCase()))))) visit(name);
    return ordered;
  }

  /** Creates, in one batch, the macros `texts` need that this connection does not have yet. */
  async defineFor(connection: DuckDBConnection, texts: readonly string[]): Promise<void> {
    const missing = this.missingFor(texts);
    if (missing.length === 0) return;
    await connection.run(missing.map((name) => this.definitions.get(name)!.sql).join(';\n'));
    for (const name of missing) this.defined.add(name);
  }
}
