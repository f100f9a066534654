// One linear pass over a landed CSV (quote '"', escape '""', delimiter ','): where each record starts, how many fields
// it has, whether its quote is left open. P2 validation uses it to count the records of any file (CR, LF, CRLF or mixed
// line endings, as Hadoop's LineRecordReader under Athena's CSV tables accepts them), to set aside records of the wrong
// width before DuckDB's reader sees them (its per-field rejects cost O(fields²) on one wide line), and to hand DuckDB
// one normalised text (LF only) that its strict state machine reads.

export interface CsvRecord {
  /** 1-based line of the record's first character in the original file (CR, LF and CRLF each end a line). */
  line: number;
  /** The record's text without its line ending. */
  text: string;
  /** Number of fields (delimiters outside quotes + 1). */
  fields: number;
  /** A quoted field is still open at the end of the file: the record runs to the end. */
  unterminated: boolean;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/** The records of `text`, in order; blank records (only spaces/tabs, or nothing) are not records. */
export function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let line = 1;
  let start = 0;
  let startLine = 1;
  let fields = 1;
  let fieldStart = true;
  let quoted = false;
  const push = (end: number, unterminated: boolean) => {
    const record = text.slice(start, end);
    if (unterminated || record.trim() !== '') out.push({ line: startLine, text: record, fields, unterminated });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
        line++;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === COMMA) {
      fields++;
      fieldStart = true;
    } else if (c === LF || c === CR) {
      push(i, false);
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      start = i + 1;
      startLine = line;
      fields = 1;
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  if (start < text.length) push(text.length, quoted);
  return out;
}

/** The fields of one record (the header), quotes removed and `""` unescaped. */
export function csvFields(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  fields.push(field);
  return fields;
}
