// One strategy per model kind (cf. SQLMesh's evaluation strategies): each takes an Engine and never asks which.
import { materializeIncremental } from './incremental.js';
import { materializeMerge } from './merge.js';
import { materializeTable } from './table.js';
import type { MaterializeStrategy } from './types.js';
import { materializeView } from './view.js';

export type MaterializationKind = 'view' | 'table' | 'incremental' | 'merge';

export const STRATEGIES: Record<MaterializationKind, MaterializeStrategy> = {
  view: materializeView,
  table: materializeTable,
  incremental: materializeIncremental,
  merge: materializeMerge,
};

export { materializeIncremental, materializeMerge, materializeTable, materializeView };
export * from './types.js';
