// Message templates: `Alert: {count} negative interactions (rating <= 2) detected in the last hour`. `{name}` is a
// result column (case-insensitive) or one of the evaluation fields (alert, severity, key, rows, now, window_start);
// `{{` and `}}` are literal braces.
import { LakeError } from '../errors.js';
import type { SqlValue } from '../engines/engine.js';

export class TemplateError extends LakeError {
  override readonly name: string = 'TemplateError';
}

const FIELD = /\{\{|\}\}|\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}|\{|\}/g;

/** The `{field}` names a template uses, lower case. Throws on an unbalanced brace. */
export function templateFields(template: string): string[] {
  const fields: string[] = [];
  for (const m of template.matchAll(FIELD)) {
    if (m[0] === '{{' || m[0] === '}}') continue;
    if (!m[1]) throw new TemplateError(`unbalanced '${m[0]}' at column ${m.index + 1} of message '${template}' (write {{ or }} for a literal brace)`);
    fields.push(m[1].toLowerCase());
  }
  return fields;
}

/** A value as it reads in a message: numbers plainly, NULL as NULL, arrays and maps as JSON. */
export function messageText(value: SqlValue | undefined): string {
  if (value === undefined || value === null) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** Renders `template` with `fields` (keys matched case-insensitively). Throws naming a field that has no value. */
export function renderTemplate(template: string, fields: Readonly<Record<string, SqlValue>>): string {
  templateFields(template);
  const byName = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  return template.replace(FIELD, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const key = name!.toLowerCase();
    if (!byName.has(key)) {
      throw new TemplateError(`message field {${name}} is neither a result column nor an evaluation field (have: ${[...byName.keys()].join(', ')})`);
    }
    return messageText(byName.get(key));
  });
}
