// Hive's partition folder naming (`k=v/`), shared by every writer and reader of the lake, local or S3.

/** Hive escapes these characters in partition folder names (FileUtils.escapePathName). */
const HIVE_ESCAPED = /["#%'*/:=?\\\x7f{}[\]^\x00-\x1f]/g;
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

export function escapePartitionValue(value: string | null): string {
  if (value === null || value === '') return HIVE_DEFAULT_PARTITION;
  return value.replace(HIVE_ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function unescapePartitionValue(text: string): string | null {
  if (text === HIVE_DEFAULT_PARTITION) return null;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `year=2025/month=03` for keys and (unescaped) values. */
export const partitionPath = (keys: readonly string[], values: readonly (string | null)[]): string =>
  keys.map((k, i) => `${k}=${escapePartitionValue(values[i])}`).join('/');
