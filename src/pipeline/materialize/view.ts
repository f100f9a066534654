import { StatementLog, target } from './sql.js';
import type { MaterializeStrategy } from './types.js';

/** A view: the query itself, replaced on every run. */
export const materializeView: MaterializeStrategy = async (request, { engine }) => {
  const log = new StatementLog(engine, request.database);
  await log.run(`CREATE OR REPLACE VIEW ${target(request)} AS\n${request.selectSql}`);
  return log.outcome;
};
