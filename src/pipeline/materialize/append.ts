import { literal, requireLocation, StatementLog, tableExists, target } from './sql.js';
import { MaterializeError, type MaterializeStrategy } from './types.js';

/**
 * dbt-athena's `append` incremental strategy: each run inserts its rows into the table (created empty, with the query's
 * columns, on the first run). Nothing is replaced, so rerunning a period adds its rows again.
 */
export const materializeAppend: MaterializeStrategy = async (request, { engine }) => {
  const location = requireLocation(request, 'append');
  const keys = request.partitionedBy ?? [];
  const log = new StatementLog(engine, request.database);
  if (!(await tableExists(engine, request.database, request.name))) {
    const props =
      request.tableType === 'ICEBERG'
        ? ["table_type = 'ICEBERG'", 'is_external = false', `location = ${literal(location)}`]
        : [`format = ${literal(request.format ?? 'PARQUET')}`, `external_location = ${literal(location)}`];
    if (keys.length > 0) {
      if (request.tableType === 'ICEBERG') throw new MaterializeError(`append model ${request.database}.${request.name}: partitioned_by is for Hive tables`);
      props.push(`partitioned_by = ARRAY[${keys.map(literal).join(', ')}]`);
    }
    await log.run(`CREATE TABLE ${target(request)}\nWITH (${props.join(', ')})\nAS\n${request.selectSql}\nWITH NO DATA`);
  }
  await log.run(`INSERT INTO ${target(request)}\n${request.selectSql}`);
  return log.outcome;
};
