import { literal, quote, requireLocation, StatementLog, tableExists, target } from './sql.js';
import { MaterializeError, type MaterializeStrategy } from './types.js';

/**
 * Upserts a query into an Iceberg table on unique_key (created by CTAS on the first run; an incremental model with
 * incremental_strategy: merge), or runs a user-written MERGE statement as it is (materialized: merge).
 */
export const materializeMerge: MaterializeStrategy = async (request, { engine }) => {
  const log = new StatementLog(engine, request.database);
  if (/^(?:\s|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*MERGE\b/i.test(request.selectSql)) {
    await log.run(request.selectSql);
    return log.outcome;
  }
  const keys = request.uniqueKey ?? [];
  if (keys.length === 0) throw new MaterializeError(`merge model ${request.database}.${request.name} needs unique_key (or a MERGE statement)`);
  if (!(await tableExists(engine, request.database, request.name))) {
    const location = requireLocation(request, 'merge');
    await log.run(
      `CREATE TABLE ${target(request)}\nWITH (table_type = 'ICEBERG', is_external = false, location = ${literal(location)})\nAS\n${request.selectSql}`,
    );
    return log.outcome;
  }
  const { columns } = await engine.execute(`SELECT * FROM (\n${request.selectSql}\n) AS src LIMIT 0`, { database: request.database });
  const names = columns.map((c) => c.name);
  const missing = keys.filter((k) => !names.includes(k));
  if (missing.length > 0) throw new MaterializeError(`unique_key column(s) ${missing.join(', ')} not in the query of ${request.database}.${request.name}`);
  const updates = names.filter((n) => !keys.includes(n));
  const merge = [
    `MERGE INTO ${target(request)} AS t`,
    `USING (\n${request.selectSql}\n) AS s`,
    `ON ${keys.map((k) => `t.${quote(k)} = s.${quote(k)}`).join(' AND ')}`,
    ...(updates.length > 0 ? [`WHEN MATCHED THEN UPDATE SET ${updates.map((n) => `${quote(n)} = s.${quote(n)}`).join(', ')}`] : []),
    `WHEN NOT MATCHED THEN INSERT (${names.map(quote).join(', ')}) VALUES (${names.map((n) => `s.${quote(n)}`).join(', ')})`,
  ].join('\n');
  await log.run(merge);
  return log.outcome;
};
