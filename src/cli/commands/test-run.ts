import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
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

/**
 * V8 optimizes a function once it has run this much bytecode: four times Node 20's default (66 KB). `lake test` is a
 * short process whose translator, parsers and bindings run warm but not hot: optimizing them cost more CPU (V8's
 * compiler threads) than their optimized code saved (issue 18: ~0.15–0.25 s of ~2.5 s on the example). A function that
 * is really hot, such as a UDF called once per row of a large table, still reaches the optimizer after a few rows more.
 */
const OPTIMIZE_AFTER_BYTECODE = 270_336;

export async function runTestCommand(selector: string[], options: TestCommandOptions, io: Io): Promise<number> {
  setFlagsFromString(`--interrupt-budget=${OPTIMIZE_AFTER_BYTECODE}`);
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
