// Writes every synthesized CloudFormation template (the test stage, with a QuickSight principal so the Dashboards stack
// is not empty) to the folder given as argument, for the AWS linters of `npm run test:aws`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICKSIGHT_PRINCIPAL_ENV } from '../stacks/config.js';
import { synthesize } from '../tests/stacks/synth.js';

const out = process.argv[2];
if (!out) throw new Error('usage: vite-node scripts/synth-templates.ts <folder>');
process.env[QUICKSIGHT_PRINCIPAL_ENV] ??= 'arn:aws:quicksight:us-east-1:123456789012:group/default/lakehouse-authors';
const synth = await synthesize('test');
mkdirSync(out, { recursive: true });
for (const [stack, template] of synth.templates) writeFileSync(join(out, `${stack}.template.json`), JSON.stringify(template, null, 1));
process.stdout.write(`${synth.templates.size} templates in ${out}\n`);
