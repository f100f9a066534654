// A project with broken files, for the commands that keep production going (run, test, alert, schedule): a file with
// a load error (header, variables, unknown table, cycle, or one the caller checks: Athena's grammar) is broken; it and everything downstream of it are blocked,
// everything else loads and runs. Problems outside the project's SQL files (lakehouse.yaml) still stop everything.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { errorCount, ProjectError } from './errors.js';
import { analyzeProject, type LoadOptions } from './loader.js';
import type { Project, ProjectNode } from './model.js';

export interface PartialProject {
  project: Project;
  /** The load errors, each naming its file. */
  problems: Diagnostic[];
  /** Node id → why it cannot run: its own file's first error, or the broken node upstream of it. */
  blocked: Map<string, string>;
  /** The blocked nodes whose own file has the error (the others are only downstream of one). */
  broken: Set<string>;
}

export interface PartialLoadOptions extends LoadOptions {
  /**
   * More errors of a loaded file (the caller's: Athena's grammar, which the project layer does not know); a file with
   * one is broken like a file that does not load.
   */
  checkNode?: (node: ProjectNode) => Promise<readonly Diagnostic[]>;
}

export async function loadPartialProject(root: string, options: PartialLoadOptions = {}): Promise<PartialProject> {
  const { project, sources, diagnostics } = await analyzeProject(root, options);
  const { checkNode } = options;
  if (checkNode) for (const node of project.nodes) diagnostics.push(...(await checkNode(node)));
  const problems = diagnostics.filter((d) => d.severity === 'error');
  const sqlFiles = new Set(sources.map((n) => n.file));
  const outside = problems.filter((d) => d.file === undefined || !sqlFiles.has(d.file));
  if (outside.length > 0) throw new ProjectError(outside);
  const blocked = new Map<string, string>();
  if (errorCount(problems) === 0) return { project, problems, blocked, broken: new Set() };
  const byFile = new Map<string, Diagnostic>();
  for (const d of problems) if (!byFile.has(d.file!)) byFile.set(d.file!, d);
  for (const node of project.nodes) {
    const problem = byFile.get(node.file);
    if (problem) blocked.set(node.id, `${node.file}:${problem.line}:${problem.col}: ${problem.message}`);
  }
  const broken = new Set(blocked.keys());
  // Downstream of a broken node; repeated because nodes caught in a cycle are not in topological order.
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of project.nodes) {
      if (blocked.has(node.id)) continue;
      const broken = node.upstream.find((up) => blocked.has(up));
      if (broken) {
        blocked.set(node.id, `upstream ${broken} does not load`);
        changed = true;
      }
    }
  }
  return { project, problems, blocked, broken };
}
