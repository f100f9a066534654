// One strategy per model kind (cf. SQLMesh's evaluation strategies): each takes an Engine and never asks which.
import { materializeAppend } from './append.js';
import { materializeIncremental } from './incremental.js';
import { materializeMerge } from './merge.js';
import { materializeScd2 } from './scd2.js';
import { materializeTable } from './table.js';
import type { MaterializeStrategy } from './types.js';
import { materializeView } from './view.js';

/** `incremental` replaces the partitions a run writes (insert_overwrite); `append` inserts; `merge` upserts. */
export type MaterializationKind = 'view' | 'table' | 'incremental' | 'merge' | 'append' | 'scd2';

export const STRATEGIES: Record<MaterializationKind, MaterializeStrategy> = {
  view: materializeView,
  table: materializeTable,
  incremental: materializeIncremental,
  merge: materializeMerge,
  append: materializeAppend,
  scd2: materializeScd2,
};

export { materializeAppend, materializeIncremental, materializeMerge, materializeScd2, materializeTable, materializeView };
export * from './types.js';
