import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { junitXml } from '../../testing/junit.js';
import { reportFailed, runTests } from '../../testing/suite.js';
import { loadConfig } from '../../project/config.js';
import { engineTarget, openTrinoEngine, type EngineFlags } from '../engine-choice.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { requireProjectRoot } from './project-paths.js';
import { selectionOf, type SelectionFlags } from './selection.js';
import { reportText } from './test-report.js';
import { toJson } from '../format.js';
import { paintFor } from '../color.js';
import { testResultsJson } from '../results-json.js';

export interface TestCommandOptions extends SelectionFlags, EngineFlags {
  junit?: string;
  stage?: string;
  lake?: string;
  /** false with --no-checks. */
  checks: boolean;
  format?: 'text' | 'json';
}

export async function runTestCommand(selector: string[], options: TestCommandOptions, io: Io): Promise<number> {
  const root = requireProjectRoot(io);
  const { config } = loadConfig(root);
  const target = engineTarget(options, config.stages[options.stage ?? config.default_stage]?.engine);
  const report = await runTests(root, {
    ...(target.kind === 'trino' ? { unitEngine: async (database: string) => openTrinoEngine(target, database) } : {}),
    selector: selectionOf(selector, options, io, root),
    stage: options.stage,
    checks: options.checks,
    lakeRoot: options.lake ? resolve(io.cwd, options.lake) : undefined,
  });
  io.stdout(options.format === 'json' ? `${toJson(testResultsJson(report, !reportFailed(report)))}\n` : reportText(report, paintFor(io)));
  if (options.junit) {
    const file = resolve(io.cwd, options.junit);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, junitXml(report));
  }
  return reportFailed(report) ? EXIT_FAILURE : EXIT_OK;
}
