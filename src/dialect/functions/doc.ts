// docs/functions.md, generated from the function table (`npm run docs:functions`; a test fails when it is stale).
import { describeArity, DUCKDB_ONLY, FAMILIES, FUNCTION_TABLE, type FunctionEntry } from './index.js';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function status(e: FunctionEntry): string {
  switch (e.run.kind) {
    case 'duckdb':
      return 'DuckDB built-in, same semantics';
    case 'builtin':
      return `DuckDB \`${e.run.to}\``;
    case 'shim':
      return `shim \`${e.run.to}\``;
    case 'rewrite':
      return 'translator rewrite';
    case 'refused':
      return '**refused**';
  }
}

function details(e: FunctionEntry): string {
  if (e.run.kind === 'refused') return `${e.run.reason}. Instead: \`${e.run.instead}\``;
  return e.note ?? '';
}

export function countFunctions(): { total: number; faithful: number; refused: number } {
  const entries = [...FUNCTION_TABLE.values()];
  const refused = entries.filter((e) => e.run.kind === 'refused').length;
  return { total: entries.length, faithful: entries.length - refused, refused };
}

export function renderFunctionsDoc(): string {
  const { total, faithful, refused } = countFunctions();
  const lines = [
    '# Trino functions on the local engine',
    '',
    '<!-- Generated from src/dialect/functions by `npm run docs:functions`. Do not edit by hand. -->',
    '',
    'The local engine runs a function call only as this table says; any other call is an error at its',
    '`file:line:col`, in `lake lint` and before a run alike. A function runs as a DuckDB built-in with the same',
    'semantics, a DuckDB built-in under another name, a `trino_*` shim (macro or UDF, src/dialect/shims) or a',
    'rewrite of the call (src/dialect/translate/functions.ts); or it is refused, with the reason and what to write',
    'instead, which runs on Athena and locally. Argument counts, where listed, are the only ones accepted.',
    '',
    `${total} functions: ${faithful} run locally with Athena's answer, ${refused} are refused. Geospatial \`ST_*\``,
    'functions not listed by name are refused too.',
    '',
  ];
  for (const family of FAMILIES) {
    lines.push(`## ${family.name}`, '', '| Function | Local | Arguments | Notes |', '|---|---|---|---|');
    for (const [name, e] of Object.entries(family.functions).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| \`${name}\` | ${status(e)} | ${e.arity ? describeArity(e.arity) : ''} | ${cell(details(e))} |`);
    }
    lines.push('');
  }
  lines.push(
    '## DuckDB functions that Athena does not have',
    '',
    'They run in DuckDB but fail on Athena, so the local engine refuses them and names what to write instead.',
    '',
    '| DuckDB | Write on Athena |',
    '|---|---|',
    ...Object.entries(DUCKDB_ONLY)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, instead]) => `| \`${name}\` | \`${cell(instead)}\` |`),
    '',
  );
  return lines.join('\n');
}
