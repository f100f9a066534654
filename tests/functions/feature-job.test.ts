// feature-job: the daily feature model runs for yesterday on Athena, then exactly that day's rows are written to the
// feature table (DynamoDB) keyed by customer_id.
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/feature-job.js';
import { resetLake } from '../../functions/lib/lake.js';
import { fakeAthena, fixtureProject } from './fakes.js';

const project = fixtureProject({
  'ddl/crm_data.sql':
    "CREATE EXTERNAL TABLE IF NOT EXISTS crm_data (customer_id INT, rating INT, `timestamp` TIMESTAMP) STORED AS PARQUET LOCATION 's3://${lake_bucket}/processed/'",
  'transforms/p5_customer_features.sql':
    '/*\nschedule: cron(0 2 * * ? *)\nmaterialized: incremental\nperiod: day\npartitioned_by: [date]\nexternal_location: s3://${lake_bucket}/features/daily/\n*/\n' +
    'SELECT customer_id, count(*) AS interaction_count_1d, CAST("timestamp" AS DATE) AS "date" FROM crm_data\nWHERE "timestamp" >= ${period_start} AND "timestamp" < ${period_end}\nGROUP BY customer_id, CAST("timestamp" AS DATE)',
});
const env = {
  LAKEHOUSE_ROOT: project.root,
  LAKE_STAGE: 'prod',
  LAKE_BUCKET: 'deployed-bucket',
  ATHENA_WORKGROUP: 'wg',
  GLUE_DATABASE: 'lakehouse',
  FEATURE_TABLE: 'Features',
  FEATURE_KEY: 'customer_id',
  FEATURE_DATE_COLUMN: 'date',
};

beforeAll(() => {
  Object.assign(process.env, env);
  resetLake();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  for (const name of Object.keys(env)) delete process.env[name];
  project.remove();
  resetLake();
  vi.restoreAllMocks();
});

describe('feature-job', () => {
  it("runs the model for yesterday, then serves that day's rows by customer_id", async () => {
    const athena = fakeAthena((sql) => {
      if (sql.startsWith('SHOW TABLES'))
        return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [['p5_customer_features']] };
      if (sql.startsWith('SELECT DISTINCT')) return { columns: [{ name: 'date', type: 'date' }], rows: [['2025-03-09']] };
      if (sql.startsWith('INSERT')) return { updateCount: 2 };
      if (sql.startsWith('SELECT * FROM "lakehouse"."p5_customer_features"')) {
        return {
          columns: [
            { name: 'customer_id', type: 'integer' },
            { name: 'interaction_count_1d', type: 'bigint' },
            { name: 'date', type: 'date' },
          ],
          rows: [
            ['7', '3', '2025-03-09'],
            ['8', '1', '2025-03-09'],
          ],
        };
      }
      return { statementType: 'DDL' };
    });
    const s3 = mockClient(S3Client);
    s3.on(ListObjectsV2Command).resolves({});
    s3.on(DeleteObjectsCommand).resolves({});
    s3.on(PutObjectCommand).resolves({});
    const ddb = mockClient(DynamoDBClient);
    ddb.on(UpdateItemCommand).resolves({ Attributes: { version: { N: '1' } } });

    const result = await handler({ kind: 'model', name: 'p5_customer_features', time: '2025-03-10T02:00:00Z' });

    expect(result).toMatchObject({ rowsWritten: 2, served: 2 });
    expect(athena.statements.at(-1)).toBe(`SELECT * FROM "lakehouse"."p5_customer_features" WHERE "date" >= DATE '2025-03-09' AND "date" < DATE '2025-03-10'`);
    const items = ddb.commandCalls(UpdateItemCommand).map((c) => c.args[0].input);
    expect(items.map((i) => [i.TableName, i.Key?.pk?.S])).toEqual([
      ['Features', '7'],
      ['Features', '8'],
    ]);
    expect(items[0].ExpressionAttributeValues?.[':value']).toEqual({
      M: { customer_id: { N: '7' }, interaction_count_1d: { N: '3' }, date: { S: '2025-03-09' } },
    });
  });
});
