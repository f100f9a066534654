// Every ingestion component reports what it received and where each record went, so a pipeline can assert
// `received = accepted + quarantined` and show the reasons for what was set aside.

export interface IngestCounts {
  received: number;
  /** Records that reached the curated output (or, for a stream, were handed on). */
  accepted: number;
  /** Records set aside with a reason (invalid/, dead-letter, errors prefix, rejected rows). */
  quarantined: number;
  /** Quarantined records per reason code. */
  reasons: Record<string, number>;
}

export const emptyCounts = (): IngestCounts => ({ received: 0, accepted: 0, quarantined: 0, reasons: {} });

export function quarantine(counts: IngestCounts, reason: string, n = 1): void {
  counts.quarantined += n;
  counts.reasons[reason] = (counts.reasons[reason] ?? 0) + n;
}

/** Sums counts of several runs or components, reasons included. */
export function addCounts(target: IngestCounts, more: IngestCounts): IngestCounts {
  target.received += more.received;
  target.accepted += more.accepted;
  target.quarantined += more.quarantined;
  for (const [reason, n] of Object.entries(more.reasons)) target.reasons[reason] = (target.reasons[reason] ?? 0) + n;
  return target;
}

/** True when nothing went missing: every received record is either accepted or quarantined. */
export const countsBalance = (counts: IngestCounts): boolean => counts.received === counts.accepted + counts.quarantined;

/**
 * Counts of two stages in a row (producer then consumer): what the first received, what the last accepted, and what
 * either set aside. Balances when each stage does and the second received what the first accepted.
 */
export function chainCounts(first: IngestCounts, second: IngestCounts): IngestCounts {
  const chained = addCounts(addCounts(emptyCounts(), first), second);
  return { ...chained, received: first.received, accepted: second.accepted };
}
