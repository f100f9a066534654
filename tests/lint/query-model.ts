// A query model of `sql` (its table analytics.t, in sql/transforms/t.sql), as the loader makes one: shared by the lint
// tests that call the rules on a model directly.
import type { ProjectNode } from '../../src/project/model.js';

export const modelOf = (sql: string): ProjectNode => ({
  id: 'analytics.t',
  name: 't',
  kind: 'model',
  file: 'sql/transforms/t.sql',
  header: { tags: [] } as unknown as ProjectNode['header'],
  sql,
  bodyLine: 4,
  database: 'analytics',
  produces: ['analytics.t'],
  dependsOn: [],
  upstream: [],
  downstream: [],
});
