// Data-contract checks: each check of a table's contract (src/project/contract.ts) compiles to one Athena query that
// returns the failing rows (0 rows = pass), so the same checks run locally and on Athena in production. The runner
// calls them after each model; `lake test` calls them over the local lake.
//
// Two checks need more than "rows returned":
// - schema: types come from the column metadata of `SELECT * … LIMIT 0`. Both engines report Trino types there, while
//   `information_schema.columns` on the local engine reports DuckDB type names. Athena names only the outer type of a
//   complex column (`array`), so complex columns are compared on their outer type when that is all the engine gives.
// - freshness (and assertions that use `${now}`): the compiled SQL keeps `${now}`; runCheck binds it per run.
import type { Column, Engine, SqlValue } from '../engines/engine.js';
import { canonicalType, contractsWithoutTable, loadContractFiles, type CheckSeverity, type Contract, type FileContract } from '../project/contract.js';
import { ProjectError } from '../project/errors.js';
import type { Project, ProjectNode } from '../project/model.js';
import { projectVariables, substituteVariables, timestampVariable } from '../project/variables.js';
import { contractLines, type ContractLines } from './contract-lines.js';

export interface CompiledCheck {
  /** `<table>:<kind>[:<detail>]`, unique within a project. */
  id: string;
  /** Qualified table the check is about. */
  table: string;
  kind: string;
  severity: 'error' | 'warn';
  /** One Athena query returning the failing rows; may contain `${now}` (bound by runCheck). */
  sql: string;
  description: string;
  /** Where the check is declared. */
  file: string;
  line: number;
  /** schema checks: the declared columns, in canonical Trino type names. */
  expectedColumns?: Column[];
  /**
   * not_null and accepted_values: the condition a row of the table fails the check by (`sql` returns rows only when
   * some row meets it), so checks of one table can count their failing rows in one scan (checkRunner).
   */
  failingRows?: string;
  /**
   * primary_key, unique, relationships, row_count and completeness: `sql` selects only its grouping keys and counts, so
   * the number of rows it returns can be taken inside the table's shared statement (checkRunner) with nothing evaluated
   * that its own query would not evaluate.
   */
  rowsCountable?: boolean;
}

export interface CheckResult {
  check: CompiledCheck;
  passed: boolean;
  /** Failing rows (schema: drifted columns). */
  failures: number;
  /** Up to SAMPLE_ROWS failing rows. */
  sample: SqlValue[][];
  /** Columns of `sample`. */
  sampleColumns?: string[];
  /** The query could not run (missing table, bad SQL): the check counts as failed. */
  error?: string;
}

export const SAMPLE_ROWS = 5;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (table: string): string => table.split('.').map(quote).join('.');
const stringLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const valueLiteral = (value: string | number | boolean): string =>
  typeof value === 'string' ? stringLiteral(value) : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);

const INTERVAL_UNITS = { s: 'SECOND', m: 'MINUTE', h: 'HOUR', d: 'DAY' } as const;

/** The table a node's contract describes: a model's own table, or (ddl) `contract.table` / the file's first table. */
export function contractTable(node: ProjectNode): string | undefined {
  const contract = node.header.contract;
  if (!contract || node.produces.length === 0) return undefined;
  if (!contract.table) return node.produces[0];
  const wanted = contract.table.toLowerCase();
  return node.produces.find((t) => t === wanted || t.endsWith(`.${wanted}`));
}

interface ContractSource {
  table: string;
  contract: Contract;
  file: string;
  line: ContractLines;
}

// Contract files are read once per loaded project.
const fileContracts = new WeakMap<Project, FileContract[]>();

/** Contracts from `<sql>/contracts/*.yaml`; throws ProjectError (file:line) for invalid files or unknown tables. */
export function contractFilesOf(project: Project): FileContract[] {
  let loaded = fileContracts.get(project);
  if (!loaded) {
    loaded = loadContractFiles(project.root, project.config.sql, project.config.database);
    const produced = new Set(project.nodes.flatMap((n) => n.produces));
    const unknown = contractsWithoutTable(loaded, produced);
    if (unknown.length > 0) throw new ProjectError(unknown);
    fileContracts.set(project, loaded);
  }
  return loaded;
}

/** The columns the contract of a model's own table declares (names and Trino types, in order), if one declares them. */
export function declaredColumns(node: ProjectNode, project: Project): { name: string; type: string }[] | undefined {
  const own = `${node.database}.${node.name}`;
  const header = node.header.contract && contractTable(node) === own ? [node.header.contract] : [];
  const files = contractFilesOf(project)
    .filter((c) => c.table === own)
    .map((c) => c.contract);
  const columns = [...header, ...files].find((c) => c.columns)?.columns;
  return columns && Object.entries(columns).map(([name, type]) => ({ name, type }));
}

/** Every check of the contracts of the node's tables (header `contract:` and contract files), in declaration order. */
export function compileChecks(node: ProjectNode, project: Project): CompiledCheck[] {
  const sources: ContractSource[] = [];
  const contract = node.header.contract;
  if (contract) {
    const table = contractTable(node);
    if (!table) throw new Error(`${node.file}: contract.table '${contract.table}' is not a table this file creates (${node.produces.join(', ')})`);
    sources.push({ table, contract, file: node.file, line: contractLines(project.root, node) });
  }
  for (const c of contractFilesOf(project)) {
    // A table filled by a model and created by a ddl file is produced by both: its checks belong to the model.
    const producer = project.nodes.find((n) => n.kind === 'model' && n.produces.includes(c.table)) ?? project.nodes.find((n) => n.produces.includes(c.table));
    if (producer?.id === node.id) sources.push({ table: c.table, contract: c.contract, file: c.file, line: (key, item) => c.line(key, item) });
  }
  return sources.flatMap((source) => compileContract(source, node, project));
}

function compileContract({ table, contract, file, line }: ContractSource, node: ProjectNode, project: Project): CompiledCheck[] {
  const t = qualified(table);
  const checks: CompiledCheck[] = [];
  const add = (
    kind: string,
    detail: string | undefined,
    severity: CheckSeverity | undefined,
    sql: string,
    description: string,
    at: number,
    extra: Partial<CompiledCheck> = {},
  ) =>
    checks.push({
      id: `${table}:${kind}${detail ? `:${detail}` : ''}`,
      table,
      kind,
      severity: severity ?? contract.severity,
      sql,
      description,
      file,
      line: at,
      ...extra,
    });

  if (contract.columns) {
    const expectedColumns = Object.entries(contract.columns).map(([name, type]) => ({ name: name.toLowerCase(), type: canonicalType(type) }));
    const list = expectedColumns.map((c) => `${c.name} ${c.type}`).join(', ');
    add('schema', undefined, 'error', `SELECT * FROM ${t} LIMIT 0`, `columns are exactly: ${list}`, line('columns'), { expectedColumns });
  }
  if (contract.primary_key) {
    const { columns, severity } = Array.isArray(contract.primary_key) ? { columns: contract.primary_key, severity: undefined } : contract.primary_key;
    const cols = columns.map(quote).join(', ');
    add(
      'primary_key',
      columns.join(','),
      severity,
      `SELECT ${cols}, count(*) AS row_count FROM ${t} GROUP BY ${cols} HAVING count(*) > 1 OR ${columns.map((c) => `${quote(c)} IS NULL`).join(' OR ')}`,
      `(${columns.join(', ')}) is a primary key: never NULL, never duplicated`,
      line('primary_key'),
      { rowsCountable: true },
    );
  }
  for (const [i, entry] of (contract.unique ?? []).entries()) {
    const { columns, severity } =
      typeof entry === 'string' ? { columns: [entry], severity: undefined } : Array.isArray(entry) ? { columns: entry, severity: undefined } : entry;
    const cols = columns.map(quote).join(', ');
    add(
      'unique',
      columns.join(','),
      severity,
      `SELECT ${cols}, count(*) AS row_count FROM ${t} WHERE ${columns.map((c) => `${quote(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${cols} HAVING count(*) > 1`,
      `(${columns.join(', ')}) is unique`,
      line('unique', i),
      { rowsCountable: true },
    );
  }
  for (const [i, entry] of (contract.not_null ?? []).entries()) {
    const { column, severity } = typeof entry === 'string' ? { column: entry, severity: undefined } : entry;
    const failingRows = `${quote(column)} IS NULL`;
    add('not_null', column, severity, `SELECT * FROM ${t} WHERE ${failingRows}`, `${column} is never NULL`, line('not_null', i), { failingRows });
  }
  for (const [column, entry] of Object.entries(contract.accepted_values ?? {})) {
    const { values, severity } = Array.isArray(entry) ? { values: entry, severity: undefined } : entry;
    const failingRows = `${quote(column)} IS NOT NULL AND ${quote(column)} NOT IN (${values.map(valueLiteral).join(', ')})`;
    add(
      'accepted_values',
      column,
      severity,
      `SELECT ${quote(column)}, count(*) AS row_count FROM ${t} WHERE ${failingRows} GROUP BY ${quote(column)}`,
      `${column} is one of ${values.map(String).join(', ')}`,
      line('accepted_values', column),
      { failingRows },
    );
  }
  for (const [column, entry] of Object.entries(contract.relationships ?? {})) {
    const { to, severity } = typeof entry === 'string' ? { to: entry, severity: undefined } : entry;
    const parts = to.toLowerCase().split('.');
    const parentColumn = parts.pop()!;
    const parent = parts.length === 1 ? `${node.database}.${parts[0]}` : parts.join('.');
    add(
      'relationships',
      column,
      severity,
      `SELECT c.${quote(column)}, count(*) AS row_count FROM ${t} AS c LEFT JOIN ${qualified(parent)} AS p ON c.${quote(column)} = p.${quote(parentColumn)} ` +
        `WHERE c.${quote(column)} IS NOT NULL AND p.${quote(parentColumn)} IS NULL GROUP BY c.${quote(column)}`,
      `every ${column} exists in ${parent}.${parentColumn}`,
      line('relationships', column),
      { rowsCountable: true },
    );
  }
  if (contract.row_count) {
    const { min, max, severity } = contract.row_count;
    const bounds = [min !== undefined ? `count(*) < ${min}` : undefined, max !== undefined ? `count(*) > ${max}` : undefined].filter(Boolean);
    const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    add('row_count', undefined, severity, `SELECT count(*) AS row_count FROM ${t} HAVING ${bounds.join(' OR ')}`, `row count is ${range}`, line('row_count'), {
      rowsCountable: true,
    });
  }
  if (contract.freshness) {
    const { column, max_age, severity } = contract.freshness;
    const interval = `INTERVAL '${max_age.slice(0, -1)}' ${INTERVAL_UNITS[max_age.slice(-1) as keyof typeof INTERVAL_UNITS]}`;
    add(
      'freshness',
      column,
      severity,
      `SELECT max(${quote(column)}) AS latest, \${now} AS checked_at FROM ${t} HAVING max(${quote(column)}) IS NULL OR max(${quote(column)}) < \${now} - ${interval}`,
      `the newest ${column} is at most ${max_age} old`,
      line('freshness'),
    );
  }
  for (const [column, entry] of Object.entries(contract.completeness ?? {})) {
    const { min_percent, severity } = typeof entry === 'number' ? { min_percent: entry, severity: undefined } : entry;
    add(
      'completeness',
      column,
      severity,
      `SELECT count(*) AS row_count, count(${quote(column)}) AS non_null, CAST(count(${quote(column)}) AS DOUBLE) * 100 / nullif(count(*), 0) AS percent ` +
        `FROM ${t} HAVING count(*) > 0 AND CAST(count(${quote(column)}) AS DOUBLE) * 100 < ${min_percent} * CAST(count(*) AS DOUBLE)`,
      `${column} is filled in at least ${min_percent}% of rows`,
      line('completeness', column),
      { rowsCountable: true },
    );
  }
  for (const [i, assertion] of (contract.assertions ?? []).entries()) {
    add(
      'assertion',
      assertion.name,
      assertion.severity,
      bindProjectVariables(assertion.sql, project, file, line('assertions', i)),
      assertion.description ?? `${assertion.name}: the query returns no rows`,
      line('assertions', i),
    );
  }
  return checks;
}

const RUNTIME_MARKER = '__lake_runtime_now__';

/** Substitutes stage variables now and keeps `${now}` for runCheck. */
function bindProjectVariables(sql: string, project: Project, file: string, line: number): string {
  const marked = sql.replace(/\$\{\s*now\s*\}/g, RUNTIME_MARKER);
  const bound = substituteVariables(marked, projectVariables(project.config, project.stage), { file, lineOffset: line - 1 });
  return bound.replaceAll(RUNTIME_MARKER, '${now}').trim().replace(/;\s*$/, '');
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs one check: its query's rows are the failures. A query that cannot run is a failed check with `error`. */
export async function runCheck(engine: Engine, check: CompiledCheck, options: { database?: string; now?: Date } = {}): Promise<CheckResult> {
  const database = options.database ?? check.table.split('.')[0];
  try {
    if (check.kind === 'schema') return await runSchemaCheck(engine, check, database);
    const sql = check.sql.includes('${')
      ? substituteVariables(check.sql, { now: timestampVariable(options.now ?? new Date()) }, { file: check.file })
      : check.sql;
    // One query gives both the failure count and a sample.
    const sampled = (order: string) => `SELECT *, count(*) OVER () AS "__lake_failures" FROM (\n${sql}\n) AS "__lake_check"${order} LIMIT ${SAMPLE_ROWS}`;
    let result = await engine.execute(sampled(''), { database });
    const failures = result.rows.length === 0 ? 0 : Number(result.rows[0][result.columns.length - 1]);
    // Which failing rows LIMIT keeps, and their order, were the engine's choice (they changed from run to run): with
    // more than one, the sample is read again ordered by its columns (by position: the check's query may repeat a
    // name). Columns no ORDER BY takes (a map) keep the first sample.
    if (failures > 1) {
      const positions = result.columns.slice(0, -1).map((_, i) => i + 1);
      const ordered = await engine.execute(sampled(`\nORDER BY ${positions.join(', ')}`), { database }).catch(() => undefined);
      if (ordered) result = ordered;
    }
    return {
      check,
      passed: failures === 0,
      failures,
      sample: result.rows.map((row) => row.slice(0, -1)),
      sampleColumns: result.columns.slice(0, -1).map((c) => c.name),
    };
  } catch (error) {
    return { check, passed: false, failures: 0, sample: [], error: errorText(error) };
  }
}

/**
 * Runs checks as runCheck does, for a series in which no table changes (`lake test`'s checks, a model's checks after it
 * ran): the checks of one table that can be counted (not_null and accepted_values by their failing rows' condition,
 * primary_key, unique, relationships, row_count and completeness by the rows of their query) share one statement
 * counting each check's failing rows, instead of one statement each (the hourly KPI table's files were read once per
 * column; a view such as P3's customer view was evaluated once per check; each statement also paid the engine's own
 * work around it). A check whose count is not 0 runs its own query for the count and the sample, as before; if the
 * shared statement fails, every check runs its own query and reports its own error.
 */
export function checkRunner(
  engine: Engine,
  checks: readonly CompiledCheck[],
): (check: CompiledCheck, options?: { database?: string; now?: Date }) => Promise<CheckResult> {
  const counted = (check: CompiledCheck) => check.failingRows !== undefined || check.rowsCountable === true;
  const sharing = new Map<string, CompiledCheck[]>();
  for (const check of checks) if (counted(check)) sharing.set(check.table, [...(sharing.get(check.table) ?? []), check]);
  const statements = new Map<string, Promise<Map<CompiledCheck, number> | undefined>>();
  const failingCounts = (table: string, shared: CompiledCheck[], database: string) => {
    let statement = statements.get(table);
    if (!statement) {
      statement = engine.execute(sharedCountSql(table, shared), { database }).then(
        (result) => {
          const column = new Map(result.columns.map((c, i) => [c.name, i]));
          return new Map(shared.map((c, i) => [c, Number(result.rows[0]?.[column.get(`failing_${i}`) ?? -1] ?? Number.NaN)]));
        },
        () => undefined,
      );
      statements.set(table, statement);
    }
    return statement;
  };
  return async (check, options = {}) => {
    const shared = sharing.get(check.table) ?? [];
    if (counted(check) && shared.length > 1) {
      const counts = await failingCounts(check.table, shared, options.database ?? check.table.split('.')[0]);
      if (counts?.get(check) === 0) return { check, passed: true, failures: 0, sample: [] };
    }
    return runCheck(engine, check, options);
  };
}

/**
 * One statement giving `failing_<i>`, the failing rows of the i-th check: one scan of the table for the checks with a
 * failing rows' condition, and the row count of each other check's own query.
 */
function sharedCountSql(table: string, shared: readonly CompiledCheck[]): string {
  const byCondition = shared.flatMap((c, i) => (c.failingRows !== undefined ? [`count_if(${c.failingRows}) AS "failing_${i}"`] : []));
  const byQuery = shared.flatMap((c, i) => (c.failingRows === undefined ? [`(SELECT count(*) FROM (\n${c.sql}\n) AS "__lake_check") AS "failing_${i}"`] : []));
  const scan = byCondition.length > 0 ? `SELECT ${byCondition.join(', ')} FROM ${qualified(table)}` : undefined;
  const queries = byQuery.length > 0 ? `SELECT ${byQuery.join(', ')}` : undefined;
  if (scan && queries) return `SELECT * FROM (${scan}) AS "__lake_scan" CROSS JOIN (${queries}) AS "__lake_queries"`;
  return (scan ?? queries)!;
}

/** Types match when equal, or when the engine reports only the outer type of a complex column (Athena). */
const sameType = (expected: string, actual: string): boolean => expected === actual || (/^(array|map|row)$/.test(actual) && expected.startsWith(`${actual}(`));

async function runSchemaCheck(engine: Engine, check: CompiledCheck, database: string): Promise<CheckResult> {
  const expected = check.expectedColumns ?? [];
  const result = await engine.execute(check.sql, { database });
  const actual = new Map(result.columns.map((c) => [c.name.toLowerCase(), canonicalType(c.type)]));
  const drift: SqlValue[][] = [];
  for (const column of expected) {
    const type = actual.get(column.name);
    if (type === undefined) drift.push([column.name, column.type, null, 'missing']);
    else if (!sameType(column.type, type)) drift.push([column.name, column.type, type, 'type changed']);
  }
  for (const [name, type] of actual) {
    if (!expected.some((c) => c.name === name)) drift.push([name, null, type, 'not in contract']);
  }
  return {
    check,
    passed: drift.length === 0,
    failures: drift.length,
    sample: drift.slice(0, SAMPLE_ROWS),
    sampleColumns: ['column', 'expected_type', 'actual_type', 'problem'],
  };
}
