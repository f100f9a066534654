// Checks a command input against the SDK's own service schema (the Smithy model the client ships for
// serialization): every required member present, no member the API does not know, the right value kinds,
// unions with exactly one member. Type-checking catches most of this at compile time; this catches what `as`,
// spreads and optional chaining let through, and checks the shapes at run time as QuickSight would.
import {
  CreateAnalysisRequest$,
  CreateDashboardRequest$,
  CreateDataSetRequest$,
  CreateDataSourceRequest$,
  CreateRefreshScheduleRequest$,
} from '@aws-sdk/client-quicksight';
import { NormalizedSchema } from '@smithy/core/schema';
import type { QuickSightResources } from '../../src/dashboards/quicksight/index.js';

type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

export function schemaProblems(value: unknown, schema: SchemaRef, path = '$'): string[] {
  const ns = NormalizedSchema.of(schema);
  if (value === undefined) return [];
  if (ns.isStructSchema() || ns.isUnionSchema()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a ${ns.getName()} object`];
    const raw = ns.getSchema() as unknown[];
    const members = new Map<string, NormalizedSchema>(ns.structIterator());
    const problems: string[] = [];
    const required = ns.isUnionSchema() ? 0 : Number(raw[6] ?? 0);
    [...members.keys()].slice(0, required).forEach((name) => {
      if ((value as Record<string, unknown>)[name] === undefined) problems.push(`${path}.${name}: required by ${ns.getName()}`);
    });
    const present = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (ns.isUnionSchema() && present.length !== 1) problems.push(`${path}: a ${ns.getName()} union needs exactly one member (has ${present.length})`);
    for (const [name, member] of present) {
      const memberSchema = members.get(name);
      if (!memberSchema) problems.push(`${path}.${name}: not a member of ${ns.getName()}`);
      else problems.push(...schemaProblems(member, memberSchema, `${path}.${name}`));
    }
    return problems;
  }
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) return [`${path}: expected a list`];
    return value.flatMap((item, i) => schemaProblems(item, ns.getValueSchema(), `${path}[${i}]`));
  }
  if (ns.isMapSchema()) {
    if (typeof value !== 'object' || value === null) return [`${path}: expected a map`];
    return Object.entries(value).flatMap(([k, v]) => schemaProblems(v, ns.getValueSchema(), `${path}.${k}`));
  }
  if (ns.isStringSchema()) return typeof value === 'string' ? [] : [`${path}: expected a string`];
  if (ns.isNumericSchema()) return typeof value === 'number' ? [] : [`${path}: expected a number`];
  if (ns.isBooleanSchema()) return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
  if (ns.isTimestampSchema()) return value instanceof Date ? [] : [`${path}: expected a Date`];
  return [];
}

/** Every input of `resources` checked against its request schema in the SDK. */
export function allSchemaProblems(resources: QuickSightResources): string[] {
  return [
    ...schemaProblems(resources.dataSource, CreateDataSourceRequest$, 'dataSource'),
    ...resources.dashboards.flatMap((d) => [
      ...d.dataSets.flatMap((input) => schemaProblems(input, CreateDataSetRequest$, `${d.name}.dataSet`)),
      ...d.refreshSchedules.flatMap((input) => schemaProblems(input, CreateRefreshScheduleRequest$, `${d.name}.refresh`)),
      ...schemaProblems(d.analysis, CreateAnalysisRequest$, `${d.name}.analysis`),
      ...schemaProblems(d.dashboard, CreateDashboardRequest$, `${d.name}.dashboard`),
    ]),
  ];
}
