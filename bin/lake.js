#!/usr/bin/env node
// The CLI is bundled by scripts/build.mjs (run by `npm ci` through `prepare`) so it starts fast.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 optimizes a function once it has run through a budget of bytecode (66 KB by default). A command's JavaScript
// (the dialect's translator above all) runs for a second or two, so the optimizing compiler's threads spent more CPU
// compiling it than the optimized code saved: four times the budget leaves that to the code that stays hot (issue 18,
// `npm start`: ~0.6 s less CPU on those threads, the main thread's unchanged). Set before the bundle is compiled.
setFlagsFromString('--interrupt-budget=270336');

const bundle = fileURLToPath(new URL('../dist/lake.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('lake: dist/lake.js is missing; run `npm run build` (npm ci runs it for you).');
  process.exit(2);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
