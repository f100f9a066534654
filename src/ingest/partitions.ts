// Hive-style hour partitions the way Firehose and the seed consumer lay them out: zero-padded strings
// (`year=2025/month=03/day=07/hour=05`), always computed in UTC.

export interface HourPartition {
  year: string;
  month: string;
  day: string;
  hour: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function hourPartitionOf(epochMs: number): HourPartition {
  const d = new Date(epochMs);
  return { year: String(d.getUTCFullYear()), month: pad(d.getUTCMonth() + 1), day: pad(d.getUTCDate()), hour: pad(d.getUTCHours()) };
}

/** `year=YYYY/month=MM/day=DD/hour=HH` */
export const hourPartitionPath = (p: HourPartition): string => `year=${p.year}/month=${p.month}/day=${p.day}/hour=${p.hour}`;

const HOUR_MS = 3_600_000;
/** Each hour's partition path, by hour number since the epoch: a consumer batch's ~100 records fall in an hour or two. */
const hourPaths = new Map<number, string>();

/**
 * `hourPartitionPath(hourPartitionOf(epochMs))` without a Date and four strings per call (issue 18: the P1 consumer
 * asks once per record, 100,000 times per `npm start`). Epoch milliseconds count no leap seconds, so every instant of
 * one hour number has that hour's partition.
 */
export function hourPartitionPathOf(epochMs: number): string {
  // Date drops a fraction toward zero, and has no instant beyond ±8.64e15 ms (nor NaN): those take the long way.
  if (!Number.isInteger(epochMs) || Math.abs(epochMs) > 8.64e15) return hourPartitionPath(hourPartitionOf(epochMs));
  const hour = Math.floor(epochMs / HOUR_MS);
  let path = hourPaths.get(hour);
  if (path === undefined) {
    path = hourPartitionPath(hourPartitionOf(hour * HOUR_MS));
    if (hourPaths.size >= 10_000) hourPaths.clear();
    hourPaths.set(hour, path);
  }
  return path;
}

/** `year=YYYY/month=MM/day=DD` */
export const dayPartitionPath = (epochMs: number): string => {
  const p = hourPartitionOf(epochMs);
  return `year=${p.year}/month=${p.month}/day=${p.day}`;
};

/** Values in partition-key order, the shape Glue's BatchCreatePartition and ALTER TABLE ADD PARTITION take. */
export const hourPartitionValues = (p: HourPartition): string[] => [p.year, p.month, p.day, p.hour];

/** ISO-8601 date `YYYY-MM-DD` of an instant, in UTC. */
export const isoDate = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);
