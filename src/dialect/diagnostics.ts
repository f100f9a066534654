// A finding about SQL text, produced by the translator's checks, the lint rules and the project loader alike.
import { LakeError } from '../errors.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `syntax`, `unfaithful/regexp-replace-backref`, `header/schema`, `dag/unknown-table`. */
  rule: string;
  message: string;
  /** What to write instead, where there is a portable alternative. */
  hint?: string;
  /** File relative to the project root, when the SQL came from a file. */
  file?: string;
  /** 1-based position in the file (or in the SQL text when there is no file). */
  line: number;
  col: number;
}

export const formatDiagnostic = (d: Diagnostic): string =>
  `${d.file ?? '<sql>'}:${d.line}:${d.col}: ${d.severity} [${d.rule}] ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;

/** Thrown when SQL is rejected before execution (unfaithful construct, unsupported statement). */
export class DialectError extends LakeError {
  override readonly name: string = 'DialectError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}
