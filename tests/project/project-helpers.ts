// Builds throw-away projects on disk for loader, lint and CLI tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
export { captureIo } from '../helpers/io.js';

export const DEFAULT_CONFIG = `name: t
database: analytics
stages:
  local:
    variables:
      lake_bucket: bucket-local
`;

/** Writes `files` (paths relative to the project root) and a lakehouse.yaml; returns the root. */
export function makeProject(files: Record<string, string>, config = DEFAULT_CONFIG): string {
  const root = mkdtempSync(join(tmpdir(), 'lake-project-'));
  writeFileSync(join(root, 'lakehouse.yaml'), config);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export const FIXTURE = new URL('../fixtures/projects/tiny', import.meta.url).pathname;
