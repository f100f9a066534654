// Where a YAML document's problems are: the one place that maps a zod issue (or a path into the document) to the
// offset of the key the user wrote, for SQL headers, lakehouse.yaml, contract files and dashboard files alike.
import { isMap, isNode, isPair, isScalar, type Document } from 'yaml';
import type { z } from 'zod';

export type YamlPath = ReadonlyArray<string | number>;

/**
 * Offset of the key at `path` (of the item, for list items), falling back to the nearest parent that exists, then to
 * the document's start; undefined for an empty document. A key's line is what a user looks for, not its value's.
 */
export function yamlOffset(doc: Document, path: YamlPath): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[depth - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    const found = doc.getIn(path.slice(0, depth), true);
    if (isNode(found) && found.range) return found.range[0];
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : undefined;
}

/** One problem of a validated document, placed: an unknown key (one per key) or a bad value. */
export type YamlIssue =
  | { kind: 'unknown-key' /** Path of the map holding the key. */; parent: YamlPath; key: string; offset: number | undefined }
  | {
      kind: 'value';
      path: YamlPath;
      message: string /** ` (got "x")` when the value is a scalar the message does not name. */;
      got: string;
      offset: number | undefined;
    };

const plainPath = (issue: z.core.$ZodIssue): YamlPath => issue.path.filter((p): p is string | number => typeof p !== 'symbol');

/** The zod issues of validating `doc.toJS()` (at `base` inside the document), each at the offset of its key. */
export function yamlIssues(issues: readonly z.core.$ZodIssue[], doc: Document, base: YamlPath = []): YamlIssue[] {
  return issues.flatMap((issue): YamlIssue[] => {
    const path = [...base, ...plainPath(issue)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ kind: 'unknown-key', parent: path, key, offset: yamlOffset(doc, [...path, key]) }));
    }
    const value: unknown = path.length > 0 ? doc.getIn(path) : undefined;
    // Our own checks already name the value; zod's say what was expected, so add what was found.
    const got = issue.code === 'custom' || value === undefined || typeof value === 'object' ? '' : ` (got ${JSON.stringify(value)})`;
    return [{ kind: 'value', path, message: issue.message, got, offset: yamlOffset(doc, path) }];
  });
}
