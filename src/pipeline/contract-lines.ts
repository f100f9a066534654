// File lines of the keys of a node's `contract:` header section, so every check names where it is declared.
// The loader keeps the parsed header, not its positions; the header is small, so it is read again here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { positionAt } from '../project/errors.js';
import type { ProjectNode } from '../project/model.js';
import { yamlOffset } from '../project/yaml-issues.js';

/** Line of `contract.<key>[.<item>]`; falls back to the nearest parent, then to the header's first line. */
export type ContractLines = (key: string, item?: string | number) => number;

export function contractLines(root: string, node: ProjectNode): ContractLines {
  let text: string;
  try {
    text = readFileSync(join(root, node.file), 'utf8');
  } catch {
    return () => 1;
  }
  const start = /^\ufeff?\s*/.exec(text)![0].length;
  const close = text.indexOf('*/', start);
  if (!text.startsWith('/*', start) || close < 0) return () => 1;
  const headerOffset = start + 2;
  const doc = parseDocument(text.slice(headerOffset, close));
  const lineOf = (path: Array<string | number>): number | undefined => {
    const offset = yamlOffset(doc, path);
    return offset === undefined ? undefined : positionAt(text, headerOffset + offset).line;
  };
  return (key, item) => lineOf(item === undefined ? ['contract', key] : ['contract', key, item]) ?? positionAt(text, start).line;
}
