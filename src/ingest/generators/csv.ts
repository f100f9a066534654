/** CSV text with a header line; values holding a comma, quote or newline are quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const quote = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
  return `${header.join(',')}\n${rows.map((row) => row.map(quote).join(',')).join('\n')}${rows.length ? '\n' : ''}`;
}
