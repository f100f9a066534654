// Step Functions CheckFileThreshold → due / waiting / empty, from the files under incoming/ and the waiting marker.
import { threshold, type P2State } from './lib/batch.js';

export const handler = async (event: P2State) => threshold(event);
