// Every `lake` command, in the order `lake --help` lists them. Add a command: one file in this folder, one line here.
import type { RegisterCommand } from '../command.js';
import { registerSql } from './sql.js';
import { registerRun } from './run.js';
import { registerLint } from './lint.js';
import { registerFmt } from './fmt.js';
import { registerGraph } from './graph.js';
import { registerDashboard } from './dashboard.js';
import { registerAlert } from './alert.js';
import { registerSchedule } from './schedule.js';
import { registerTest } from './test.js';
import { registerIngest } from './ingest.js';
import { registerRender } from './render.js';
import { registerApi } from './api.js';
import { registerCost } from './cost.js';
import { registerSlo } from './slo.js';

export const COMMANDS: RegisterCommand[] = [
  registerRun,
  registerSql,
  registerLint,
  registerFmt,
  registerGraph,
  registerRender,
  registerTest,
  registerDashboard,
  registerAlert,
  registerSchedule,
  registerIngest,
  registerApi,
  registerCost,
  registerSlo,
];
