// Step Functions CheckFileThreshold → due / waiting / empty, from the files under incoming/ and the waiting marker.
import { threshold } from './lib/batch.js';

export const handler = async (event: unknown) => threshold(event);
