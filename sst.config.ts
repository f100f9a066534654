// `npx sst deploy --stage <name>` deploys the lakehouse; stage settings live in stacks/config.ts.
import type { SSTConfig } from 'sst';
import { Alarms } from './stacks/Alarms.js';
import { Alerting } from './stacks/Alerting.js';
import { Batch } from './stacks/Batch.js';
import { Budgets } from './stacks/Budgets.js';
import { Athena } from './stacks/Athena.js';
import { Catalog } from './stacks/Catalog.js';
import { stageConfig } from './stacks/config.js';
import { Dashboards } from './stacks/Dashboards.js';
import { Features } from './stacks/Features.js';
import { Firehose } from './stacks/Firehose.js';
import { GitHubDeploy } from './stacks/GitHubDeploy.js';
import { LookupApi } from './stacks/LookupApi.js';
import { ScheduledSql } from './stacks/ScheduledSql.js';
import { Storage } from './stacks/Storage.js';
import { Streaming } from './stacks/Streaming.js';

export default {
  config() {
    return { name: 'sql-lakehouse', region: 'us-east-1' };
  },
  async stacks(app) {
    app.setDefaultFunctionProps({
      runtime: 'nodejs22.x',
      architecture: 'arm_64',
      // X-Ray's PutTraceSegments only works with `Resource: *`; structured logs are enough here.
      tracing: 'disabled',
    });
    // Stacks that read sql/ load the project asynchronously, so each is awaited in dependency order.
    app.stack(Storage).stack(Alerting).stack(Athena);
    await app.stack(Catalog);
    app.stack(Firehose).stack(Streaming);
    await app.stack(Features);
    await app.stack(ScheduledSql);
    await app.stack(Batch);
    await app.stack(LookupApi);
    // Empty unless the stage has a QuickSight principal (stacks/config.ts).
    await app.stack(Dashboards);
    app.stack(Alarms).stack(Budgets);
    // The account's GitHub OIDC provider and deploy role: only on the stage that names the repository.
    if (stageConfig(app.stage).github.repository) app.stack(GitHubDeploy);
  },
} satisfies SSTConfig;
