// Writes docs/functions.md from the function table (src/dialect/functions). Run: npm run docs:functions
import { writeFileSync } from 'node:fs';
import { renderFunctionsDoc } from '../src/dialect/functions/doc.js';

const target = new URL('../docs/functions.md', import.meta.url);
writeFileSync(target, renderFunctionsDoc());
console.log(`wrote ${target.pathname}`);
