import { ProjectError, loadProject, selectNodes, type ProjectNode } from '../../project/loader.js';
import { CliError, EXIT_OK } from '../errors.js';
import { toJson } from '../format.js';
import type { Io } from '../io.js';
import { requireProjectRoot } from './project-paths.js';
import { selectionOf, type SelectionFlags } from './selection.js';

export interface GraphOptions extends SelectionFlags {
  stage?: string;
  format: 'text' | 'json' | 'mermaid';
}

const KIND_SHAPES: Record<ProjectNode['kind'], [string, string]> = {
  ddl: ['[(', ')]'],
  model: ['[', ']'],
  alert: ['{{', '}}'],
  dashboard: ['[/', '/]'],
};

function mermaid(nodes: ProjectNode[]): string {
  const key = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const [open, close] = KIND_SHAPES[n.kind];
    lines.push(`  ${key.get(n.id)}${open}"${n.id.replaceAll('"', '#quot;')}"${close}`);
  }
  for (const n of nodes) for (const up of n.upstream) if (key.has(up)) lines.push(`  ${key.get(up)} --> ${key.get(n.id)}`);
  return `${lines.join('\n')}\n`;
}

function text(nodes: ProjectNode[]): string {
  return nodes
    .map((n) => [`${n.id} [${n.kind}] ${n.file}`, ...n.upstream.map((up) => `  <- ${up}`)].join('\n'))
    .join('\n')
    .concat(nodes.length > 0 ? '\n' : '');
}

export async function runGraph(selector: string[], options: GraphOptions, io: Io): Promise<number> {
  const root = requireProjectRoot(io);
  let nodes: ProjectNode[];
  try {
    const project = await loadProject(root, { stage: options.stage });
    nodes = selectNodes(project, selectionOf(selector, options, io, root));
  } catch (error) {
    if (error instanceof ProjectError) throw new CliError(error.message, { hint: '`lake lint` lists every problem with its fix' });
    throw error;
  }
  if (options.format === 'json') {
    const selected = new Set(nodes.map((n) => n.id));
    const edges = nodes.flatMap((n) => n.upstream.filter((up) => selected.has(up)).map((up) => ({ from: up, to: n.id })));
    const shown = nodes.map(({ id, name, kind, file, produces, dependsOn, upstream, downstream, header }) => ({
      id,
      name,
      kind,
      file,
      description: header.description,
      owner: header.owner,
      tags: header.tags,
      produces,
      dependsOn,
      upstream,
      downstream,
    }));
    io.stdout(`${toJson({ nodes: shown, edges })}\n`);
  } else io.stdout(options.format === 'mermaid' ? mermaid(nodes) : text(nodes));
  return EXIT_OK;
}
