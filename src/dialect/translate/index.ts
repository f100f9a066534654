// Athena statement → the steps that give the same effect on DuckDB. One entry point; each statement family has its
// own module (ddl.ts, dml.ts, query.ts) so the translator for a construct lives in one place.
import { bindHeavyArgumentsOnce } from './bind-once.js';
import type { LakeAction } from '../lake-actions.js';
import { isTrivia, keyword, tokenize } from '../tokens.js';
import { translateCatalogStatement, translateCreateTable } from './ddl.js';
import { translateInsert, translateMerge, translateUpdateOrDelete } from './dml.js';
import type { CatalogColumn } from './known-types.js';
import { translateQuery, type QueryTranslations } from './query.js';
import { translateUnload } from './unload.js';

export { columnsOfRelationsNamed, namesRelation } from './zoned-groups.js';
export { sortedOutsideQuery } from './sorted-outside.js';
export type { CatalogColumn } from './known-types.js';

export interface TranslateContext {
  /** Local lake folder: `s3://BUCKET/KEY` ↔ `<lakeRoot>/BUCKET/KEY`. */
  lakeRoot: string;
  /** Default database for unqualified names. */
  database: string;
  /**
   * Lower-case names of the catalog's views whose columns are zoned timestamps: a statement naming one gets the
   * DISTINCT, GROUP BY and min/max checks of zoned values (zoned-groups.ts), as one that makes them.
   */
  zonedViews?: ReadonlySet<string>;
  /**
   * Lower-case names of the columns that the views a statement reads made with json_parse (inlined-json-parse.ts
   * jsonParsedViewColumns): a cast of one to an array, map or row is refused (refuseViewJsonCasts).
   */
  jsonParsedColumns?: ReadonlySet<string>;
  /**
   * Lower-case names of the hash-ordered map columns (`map_agg(k, v) AS m`, hash-orders.ts) of the catalog's tables
   * and views the statement names (LakeCatalog.hashOrderedRelations): `map_keys(m)` of one is refused as
   * `map_keys(map_agg(k, v))` is, and a CTAS, INSERT or view passing one on records it again.
   */
  hashOrderedColumns?: ReadonlySet<string>;
  /**
   * Columns (in order, with their Trino types) of the catalog's tables the statement names, by lower-case qualified
   * name (`db.table`): a set operation's column whose branches' types are known to meet is not checked while DuckDB
   * binds (known-types.ts, set-operation-types.ts).
   */
  columnTypes?: ReadonlyMap<string, readonly CatalogColumn[]>;
  /** Query translations made before for the same inputs, and where new ones are kept (`lake lint`, issue 18). */
  queries?: QueryTranslations;
}

/**
 * A step of a translated statement: DuckDB SQL to run, or a catalog/storage action the local engine performs
 * (src/dialect/lake-actions.ts). The step marked `result` gives the statement's result.
 */
export type TranslationStep = { kind: 'sql'; sql: string; result?: boolean } | { kind: 'action'; action: LakeAction; result?: boolean };

export interface Translation {
  steps: TranslationStep[];
}

const action = (a: LakeAction): Translation => ({ steps: [{ kind: 'action', action: a, result: true }] });

/**
 * One Athena statement as the local engine runs it: DuckDB SQL steps and catalog actions. A function call whose
 * arguments DuckDB would bind thousands of times binds them once (bind-once.ts).
 */
export function translateStatement(sql: string, ctx: TranslateContext): Translation {
  const { steps } = translateStatementSteps(sql, ctx);
  return { steps: steps.map((step) => (step.kind === 'sql' ? { ...step, sql: bindHeavyArgumentsOnce(step.sql) } : step)) };
}

function translateStatementSteps(sql: string, ctx: TranslateContext): Translation {
  const words = tokenize(sql)
    .filter((t) => !isTrivia(t))
    .slice(0, 4)
    .map(keyword);
  const [first, second, third] = words;
  switch (first) {
    case 'CREATE':
      if (second === 'TABLE' || (second === 'EXTERNAL' && third === 'TABLE')) return action(translateCreateTable(sql, ctx));
      return action(translateCatalogStatement(sql, ctx));
    case 'DROP':
    case 'ALTER':
    case 'MSCK':
    case 'SHOW':
    case 'DESCRIBE':
    case 'DESC':
      return action(translateCatalogStatement(sql, ctx));
    case 'INSERT':
      return action(translateInsert(sql, ctx));
    case 'UPDATE':
    case 'DELETE':
      return action(translateUpdateOrDelete(sql, ctx));
    case 'MERGE':
      return action(translateMerge(sql, ctx));
    case 'UNLOAD':
      return action(translateUnload(sql, ctx));
    default: {
      const query = explainPrefixLength(sql);
      if (query === 0) return { steps: [{ kind: 'sql', sql: translateQuery(sql, ctx), result: true }] };
      // The prefix is blanked, not cut, so that the positions of the query's diagnostics still hold.
      const translated = translateQuery(sql.slice(0, query).replace(/[^\n]/g, ' ') + sql.slice(query), ctx);
      return { steps: [{ kind: 'sql', sql: `${sql.slice(0, query)}${translated.trimStart()}`, result: true }] };
    }
  }
}

/**
 * The length of `EXPLAIN [ANALYZE] [VERBOSE] [(TYPE … | FORMAT …)]` before a query (0 without one): the query is
 * translated alone, as its rewrites take the whole text for a query (a set operation's made `EXPLAIN SELECT …` its
 * first branch, a parser error).
 */
function explainPrefixLength(sql: string): number {
  const tokens = tokenize(sql).filter((t) => !isTrivia(t));
  if (keyword(tokens[0]) !== 'EXPLAIN') return 0;
  let i = 1;
  while (keyword(tokens[i]) === 'ANALYZE' || keyword(tokens[i]) === 'VERBOSE') i++;
  if (tokens[i]?.text === '(' && ['TYPE', 'FORMAT'].includes(keyword(tokens[i + 1]))) {
    let depth = 0;
    for (; i < tokens.length; i++) {
      if (tokens[i].text === '(') depth++;
      else if (tokens[i].text === ')' && --depth === 0) break;
    }
    i++;
  }
  return tokens[i]?.start ?? sql.length;
}
