import type { ObjectStore } from '../../storage/object-store/index.js';
import type { Clock } from '../clock.js';

export interface IngestTarget {
  store: ObjectStore;
  bucket: string;
  /** Local lake folder (the P2 lock file lives there). */
  lakeRoot: string;
  clock: Clock;
}

/** Why one record (or the whole file) was set aside; `line` is 1-based where the record has one. */
export interface IngestIssue {
  file: string;
  line?: number;
  reason: string;
  error: string;
}
