// Trino query/expression SQL → DuckDB SQL with Trino's semantics (function shims, operator and literal rewrites).
// Constructs that cannot be made faithful are refused with a DialectError rather than run with a different answer.
import { refuseAutoIdentifiers, rewriteGroupByAuto } from './group-by-auto.js';
import { inlineScalarSelects } from './scalar-selects.js';
import { refuseScalarSubqueryRows } from './scalar-subquery-rows.js';
import { unquoteAggregateNames } from './quoted-aggregates.js';
import { MAY_BE_UNKNOWN } from './column-operands.js';
import { unknownSelectNames } from './unknown-names.js';
import { DialectError, type Diagnostic } from '../diagnostics.js';
import { tokenize, type Token } from '../tokens.js';
import { checkConditionTypes, checkMergeCondition } from './condition-types.js';
import { ExpressionRewriter } from './expressions.js';
import type { TranslateContext } from './index.js';
import { nameUnnestColumns, refuseUnnestJoinConditions, rewriteOuterLateralJoins } from './unnest-columns.js';
import { ctasUnknownColumns, nameSelectItems, topLevelValuesColumns } from './select-names.js';
import { renderStoredValues } from './stored-values.js';
import { buildTree, meaningful, nodeKeyword, splitCallArgs, type Node } from './tree.js';
import { valuesColumnCells } from './try-escapes.js';
import { hashOrderedAliases, MAY_NAME_HASH_ORDERED, MAY_SELECT_HASH_ORDERED, unreadHashOrderCalls } from './hash-orders.js';
import { rewriteWithinGroup } from './within-group.js';
import { rewriteGroupBy } from './group-by.js';
import { refuseTimeTravel } from './time-travel.js';
import { refuseNaturalJoin } from './natural-join.js';
import { checkHiddenAliasWidths, refuseMismatchedColumnAliases } from './column-aliases.js';
import { inlineRandomCtes, refuseMaterializedCtes } from './inlined-ctes.js';
import { refuseForwardWindowNames } from './window-names.js';
import { refuseWindowFilter } from './window-filter.js';
import { refuseDistinctOrderBy } from './distinct-order.js';
import { refuseReturnedRowLists } from './row-lists.js';
import { refuseBadLikeEscapes } from './like-escape.js';
import { excludeUsingColumnsFromStars, refuseQualifiedUsingColumns } from './using-columns.js';
import { refuseCodepointOfVarchar } from './codepoint-argument.js';
import { refuseVisiblyMistypedOperands } from './visible-operand-types.js';
import { numbersRunIntoText } from './number-literals.js';
import { refuseRowPatterns } from './row-pattern.js';
import { refusePivots } from './pivot-clauses.js';
import { refuseRepeatedRandomLambdas } from './random-lambdas.js';
import { qualifyLateralAliases } from './lateral-aliases.js';
import { checkMapGroups, checkZonedGroups, makesZonedValues } from './zoned-groups.js';
import { checkZonedExtremes } from './zoned-extremes.js';
import { checkMapRows, checkZonedRows } from './zoned-rows.js';
import { checkRepeatedStarNames } from './star-names.js';
import { refuseRecursiveQueries } from './recursive-steps.js';
import { refuseRecursiveReferences, unrollRecursiveQueries } from './recursive-unroll.js';
import { inlineWindowChains, refuseNamedWindowFrames } from './named-window-frames.js';
import { refuseUnplannedCorrelations, withCatalogColumns } from './correlated-subqueries.js';
import { expandRowStars, refuseColumnStars } from './column-stars.js';
import { checkRowValueCells } from './row-values-cells.js';
import { tableSamplePercentages } from './table-sample.js';
import { checkInlinedJsonParses, refuseViewJsonCasts } from './inlined-json-parse.js';
import { rewriteFetchWithTies } from './fetch-with-ties.js';
import { castDecimalsBesideFloats } from './floating-decimals.js';
import { type CatalogColumn, withQueries, withQueryNames } from './known-types.js';
import { rewriteTableSequences } from './table-sequence.js';
import { readTypeContext } from './type-context.js';

export interface ExpressionTranslation {
  sql: string;
  diagnostics: Diagnostic[];
}

export interface QueryOptions {
  /** The query of a CTAS: every output column needs a name (Trino's MISSING_COLUMN_NAME otherwise). */
  ctas?: boolean;
  /**
   * Where the query text starts in its statement (a view's, CTAS's, INSERT's, MERGE's or UNLOAD's query), so errors
   * name the statement's line and column, not the query's.
   */
  at?: { line: number; col: number };
  /** Views whose columns are zoned timestamps (TranslateContext.zonedViews): their rows are checked as zoned values. */
  zonedRelations?: ReadonlySet<string>;
  /** Columns the views the statement reads made with json_parse (TranslateContext.jsonParsedColumns). */
  jsonParsedColumns?: ReadonlySet<string>;
  /** Hash-ordered map columns of the tables and views the statement reads (TranslateContext.hashOrderedColumns). */
  hashOrderedColumns?: ReadonlySet<string>;
  /** The catalog's column types of the tables the statement names, and its default database (TranslateContext.columnTypes). */
  columnTypes?: { columns: ReadonlyMap<string, readonly CatalogColumn[]>; database: string };
}

const SET_OPERATION_WORD = /\b(?:UNION|INTERSECT|EXCEPT)\b/i;

/** Positions in a query that starts at `at` of its statement. */
const shiftedTo =
  (at: { line: number; col: number }) =>
  (t: Token): { line: number; col: number } => ({ line: t.line + at.line - 1, col: t.line === 1 ? t.col + at.col - 1 : t.col });

/** Rewrites every expression in `sql`; diagnostics list what could not be made faithful. */
export function translateExpressions(sql: string, position?: (t: Token) => { line: number; col: number }, options: QueryOptions = {}): ExpressionTranslation {
  // Trino's array<T> and map<K, V> inside a CAST's type are given as array(T) and map(K, V); a `>>` outside any type
  // is DuckDB's shift (type-context.ts).
  const { tokens, shifts, typeParens } = readTypeContext(tokenize(sql));
  let uncommented = '';
  for (const t of tokens) uncommented += t.kind === 'comment' ? ' ' : t.text;
  const rewriter = new ExpressionRewriter(position, MAY_BE_UNKNOWN.test(uncommented), makesZonedValues(tokens, options.zonedRelations));
  const report = (at: Token, rule: string, message: string, hint?: string) => rewriter.report(at, rule, message, hint);
  rewriter.typeParens = typeParens;
  for (const { at, text, kind } of numbersRunIntoText(tokens)) {
    if (kind === 'identifier')
      report(at, 'syntax', `${text}: identifiers must not start with a digit (Athena's syntax error)`, `surround the identifier with double quotes: "${text}"`);
    else report(at, 'syntax', `${text}: two numeric literals in a row (Athena's syntax error)`, 'write one number: 0x10 + 0.5, not 0x10.5');
  }
  // `8 >> 2` (DuckDB's shift; Trino 476 SYNTAX_ERROR at the second >), refused there.
  for (const at of shifts) rewriter.reportDuckdbOperator(at, '>>', 'an operator');
  const built = buildTree(unquoteAggregateNames(tokens));
  refusePivots(built, report);
  refuseRepeatedRandomLambdas(built, report);
  refuseAutoIdentifiers(built, report);
  const tree = rewriteOuterLateralJoins(
    rewriteGroupBy(rewriteWithinGroup(qualifyLateralAliases(refuseRowPatterns(rewriteGroupByAuto(built, report), report), report), report), report),
    report,
  );
  if (MAY_BE_UNKNOWN.test(uncommented)) rewriter.unknownNames = unknownSelectNames(tree);
  // A date_add count read from literal VALUES rows, which Trino folds while planning (try-escapes.ts dateAddFoldFails).
  if (/\bdate_add\b/i.test(uncommented) && /\bVALUES\b/i.test(uncommented)) rewriter.valuesCells = valuesColumnCells(tree);
  // Two or more try() calls: each one's value is kept apart from DuckDB's common subexpressions (try-escapes.ts tryCall).
  const tries = (uncommented.match(/\btry\s*\(/gi) ?? []).length;
  if (tries > 1) rewriter.manyTries = true;
  // A try() over VALUES rows: Trino folds its AND or OR order-free (short-circuits.ts foldedOrderOperator).
  if (tries > 0) rewriter.holdsTry = true;
  // Columns named after a hash-ordered map (map_agg(k, v) AS m): map_keys(m) is refused as map_keys(map_agg(k, v)) is.
  // Also the hash-ordered columns of the catalog's tables and views the statement reads (options.hashOrderedColumns).
  const hashSeeds = options.hashOrderedColumns;
  if (hashSeeds || MAY_NAME_HASH_ORDERED.test(uncommented)) rewriter.hashOrderedColumns = hashOrderedAliases(tree, splitCallArgs, hashSeeds);
  // A subquery's hash-ordered column read only by order-free consumers (cardinality(a)) is not refused.
  if (MAY_SELECT_HASH_ORDERED.test(uncommented) && /\(\s*SELECT\b/i.test(uncommented))
    rewriter.unreadHashOrders = new Set([...unreadHashOrderCalls(tree, splitCallArgs, rewriter.hashOrderedColumns)].map((g) => g.open));
  // Set operations' columns of known types (count(*), literals, the catalog's columns) meet without a bind-time check.
  // The same types give the columns of each query level (known-types.ts levelColumnTypes).
  if (SET_OPERATION_WORD.test(uncommented) || (options.columnTypes && options.columnTypes.columns.size > 0))
    rewriter.knownTypes = { columns: new Map(), database: '', ...options.columnTypes, withNames: withQueryNames(tree), withQueries: withQueries(tree) };
  const zoned = options.zonedRelations;
  const grouped = checkZonedExtremes(
    checkZonedRows(checkZonedGroups(checkMapRows(checkMapGroups(unrollRecursiveQueries(inlineWindowChains(tree)))), tokens, zoned), tokens, zoned),
    tokens,
    zoned,
  );
  if (options.ctas)
    for (const { at, name } of ctasUnknownColumns(tree))
      report(
        at,
        'column-type-unknown',
        `Column type is unknown: ${name}: Athena fails the CREATE TABLE AS (COLUMN_TYPE_UNKNOWN); the local engine would write an integer column`,
        `give the NULL a type: CAST(NULL AS varchar) AS ${name}`,
      );
  refuseTimeTravel(tree, report);
  refuseNaturalJoin(tree, report);
  refuseMaterializedCtes(tree, report);
  refuseForwardWindowNames(tree, report);
  refuseNamedWindowFrames(tree, report);
  // A table's columns from the catalog (the local engine's run; `lake lint` has none): bare-name correlations and
  // `t.*` over a table with a column t are seen as over a relation whose columns the SQL shows.
  withCatalogColumns(options.columnTypes && { ...options.columnTypes, withNames: withQueryNames(tree) }, () => {
    refuseUnplannedCorrelations(tree, report);
    refuseColumnStars(tree, report);
  });
  refuseScalarSubqueryRows(tree, report);
  refuseMismatchedColumnAliases(tree, report);
  refuseWindowFilter(tree, report);
  refuseDistinctOrderBy(tree, report);
  refuseRecursiveQueries(tree, report);
  refuseRecursiveReferences(tree, report);
  refuseReturnedRowLists(tree, report);
  refuseBadLikeEscapes(tree, report);
  refuseQualifiedUsingColumns(tree, report);
  refuseUnnestJoinConditions(tree, report);
  refuseCodepointOfVarchar(tree, report);
  refuseVisiblyMistypedOperands(tree, report);
  refuseViewJsonCasts(tree, options.jsonParsedColumns, report);
  const verb = nodeKeyword(meaningful(tree)[0]);
  // An expression rendered on its own for a bind-time check; its diagnostics come from the main rendering.
  const renderAlone = (nodes: readonly Node[]) => new ExpressionRewriter(position).render(nodes);
  let out =
    verb === 'UPDATE' || verb === 'MERGE'
      ? // A MERGE's ON is a condition (condition-types.ts), read at the statement's top level.
        renderStoredValues(verb === 'MERGE' ? checkMergeCondition(tree) : tree, (nodes) => rewriter.render(nodes))
      : rewriter.render(
          expandRowStars(
            checkRowValueCells(
              inlineRandomCtes(
                checkConditionTypes(
                  rewriteFetchWithTies(
                    checkRepeatedStarNames(
                      checkHiddenAliasWidths(
                        excludeUsingColumnsFromStars(
                          inlineScalarSelects(
                            nameSelectItems(
                              nameUnnestColumns(
                                tableSamplePercentages(rewriteTableSequences(castDecimalsBesideFloats(checkInlinedJsonParses(grouped)), renderAlone, report)),
                                renderAlone,
                              ),
                              options.ctas,
                            ),
                          ),
                        ),
                      ),
                    ),
                    report,
                  ),
                ),
              ),
            ),
          ),
        );
  // A statement that is only VALUES: Trino names its columns _col0, _col1, … (DuckDB: col0, …).
  const columns = topLevelValuesColumns(tree);
  if (columns > 0) {
    const names = Array.from({ length: columns }, (_v, k) => `"_col${k}"`).join(', ');
    out = `SELECT * FROM (${out.replace(/[\s;]+$/, '')}) AS __values(${names})`;
  }
  return { sql: out, diagnostics: rewriter.diagnostics };
}

/** One translateExpressions result of a query, with the inputs that decide it (QueryTranslations). */
/** Translations of other queries that give this query's translation without translating it, or call `translate`. */
export interface SharedTranslations {
  /** `columnTypes`: the catalog's column types `translate` is given (lake lint's bind), part of what decides it. */
  translate(sql: string, options: QueryOptions, translate: () => ExpressionTranslation, columnTypes?: QueryOptions['columnTypes']): ExpressionTranslation;
}

export interface QueryTranslation {
  sql: string;
  ctas: boolean;
  at?: { line: number; col: number };
  translation: ExpressionTranslation;
}

/**
 * Query translations made once and read again (issue 18): `lake lint`'s rules translate a model's CTAS on the main
 * thread and its bind worker reads the result instead of translating the model a second time. A translation is a
 * function of the query's text, `ctas` and `at` alone when no zoned views or json_parse columns are given (those
 * queries are always translated), so an entry is used only for exactly those inputs; one with the catalog's column
 * types, of those and the types (the database, and each table's columns in the order given).
 */
export class QueryTranslations {
  private readonly byKey = new Map<string, QueryTranslation>();
  private readonly typed = new Map<string, ExpressionTranslation>();

  /** `shared`: where a query not translated here is asked first (lake lint's queries of one shape, src/lint/shape-translations.ts). */
  constructor(
    known: readonly QueryTranslation[] = [],
    private readonly shared?: SharedTranslations,
  ) {
    this.add(known);
  }

  private static key(sql: string, ctas: boolean, at: { line: number; col: number } | undefined): string {
    return `${ctas ? 1 : 0}:${at ? `${at.line}:${at.col}` : '-'}:${sql}`;
  }

  add(known: readonly QueryTranslation[]): void {
    for (const entry of known) this.byKey.set(QueryTranslations.key(entry.sql, entry.ctas, entry.at), entry);
  }

  /** The entries made or added so far (without the catalog's column types: those are kept apart, never handed on). */
  entries(): QueryTranslation[] {
    return [...this.byKey.values()];
  }

  /**
   * With `columnTypes` (lake lint's bind: a statement with a subquery or a set operation over the catalog's tables is
   * translated again with their column types) the translation is not one of the entries: it is asked of the shared
   * translations with those types, and kept apart under a key that holds them.
   */
  translate(sql: string, options: QueryOptions, translate: () => ExpressionTranslation, columnTypes?: QueryOptions['columnTypes']): ExpressionTranslation {
    const ctas = options.ctas === true;
    const key = QueryTranslations.key(sql, ctas, options.at);
    if (columnTypes) {
      const typedKey = `${columnTypes.database}\u0001${JSON.stringify([...columnTypes.columns])}\u0001${key}`;
      const typed = this.typed.get(typedKey);
      if (typed) return typed;
      const translation = this.shared ? this.shared.translate(sql, options, translate, columnTypes) : translate();
      this.typed.set(typedKey, translation);
      return translation;
    }
    const known = this.byKey.get(key);
    if (known) return known.translation;
    const translation = this.shared ? this.shared.translate(sql, options, translate) : translate();
    this.byKey.set(key, { sql, ctas, ...(options.at ? { at: { line: options.at.line, col: options.at.col } } : {}), translation });
    return translation;
  }
}

export function translateQuery(sql: string, ctx?: TranslateContext, options: QueryOptions = {}): string {
  const zonedRelations = ctx?.zonedViews;
  const jsonParsedColumns = ctx?.jsonParsedColumns;
  const hashOrderedColumns = ctx?.hashOrderedColumns;
  const columnTypes = ctx?.columnTypes && ctx.columnTypes.size > 0 ? { columns: ctx.columnTypes, database: ctx.database } : undefined;
  const translate = () =>
    translateExpressions(sql, options.at && shiftedTo(options.at), {
      ...options,
      ...(zonedRelations ? { zonedRelations } : {}),
      ...(jsonParsedColumns ? { jsonParsedColumns } : {}),
      ...(hashOrderedColumns ? { hashOrderedColumns } : {}),
      ...(columnTypes ? { columnTypes } : {}),
    });
  const queries =
    zonedRelations || jsonParsedColumns || hashOrderedColumns || options.zonedRelations || options.jsonParsedColumns || options.columnTypes
      ? undefined
      : ctx?.queries;
  const { sql: out, diagnostics } = queries ? queries.translate(sql, options, translate, columnTypes) : translate();
  if (diagnostics.some((d) => d.severity === 'error')) throw new DialectError(diagnostics);
  return out;
}
