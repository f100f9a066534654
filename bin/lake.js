#!/usr/bin/env node
// The CLI is bundled by scripts/build.mjs (run by `npm ci` through `prepare`) so it starts fast.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/lake.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('lake: dist/lake.js is missing; run `npm run build` (npm ci runs it for you).');
  process.exit(2);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
