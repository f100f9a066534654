// How a model's header becomes its materialization request: every header key that shapes the write has an effect.
import { describe, expect, it } from 'vitest';
import { materializationOf, materializeRequest, modelLocation } from '../../src/pipeline/steps.js';
import { analyzeProject } from '../../src/project/loader.js';
import { makeProject } from '../project/project-helpers.js';

async function nodeOf(header: string) {
  const root = makeProject({ 'sql/transforms/m.sql': `/*\n${header}\n*/\nSELECT 1 AS id, CAST('a' AS varchar) AS dt` });
  const { project, diagnostics } = await analyzeProject(root);
  expect(diagnostics).toEqual([]);
  return project.node('analytics.m')!;
}

const vars = { lake_bucket: 'bucket-local' };

describe('model header → materialization', () => {
  it('incremental_strategy picks the strategy: insert_overwrite (default), merge, append', async () => {
    expect(materializationOf(await nodeOf('materialized: incremental\npartitioned_by: [dt]'))).toBe('incremental');
    expect(materializationOf(await nodeOf('materialized: incremental\nincremental_strategy: insert_overwrite\npartitioned_by: [dt]'))).toBe('incremental');
    expect(materializationOf(await nodeOf('materialized: incremental\ntable_type: iceberg\nincremental_strategy: merge\nunique_key: [id]'))).toBe('merge');
    expect(materializationOf(await nodeOf('materialized: incremental\nincremental_strategy: append'))).toBe('append');
    expect(materializationOf(await nodeOf('materialized: view'))).toBe('view');
  });

  it('table_type, format, unique_key and external_location reach the request', async () => {
    const iceberg = materializeRequest(await nodeOf('materialized: incremental\ntable_type: iceberg\nincremental_strategy: merge\nunique_key: [id]'), vars);
    expect(iceberg).toMatchObject({ tableType: 'ICEBERG', uniqueKey: ['id'], location: 's3://bucket-local/curated/analytics/m/' });
    const json = materializeRequest(await nodeOf('materialized: table\nformat: json\nexternal_location: s3://${lake_bucket}/x/m/'), vars);
    expect(json).toMatchObject({ tableType: 'HIVE', format: 'JSON', location: 's3://bucket-local/x/m/' });
    expect(materializeRequest(await nodeOf('format: parquet'), vars).format).toBe('PARQUET');
    expect(modelLocation(await nodeOf('materialized: view'), vars)).toBeUndefined();
  });
});
