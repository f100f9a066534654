// SQS (the P1 dead-letter queue) → each dead letter as JSON under dead-letter/ in the lake, where p1_dead_letter reads it.
import type { SQSEvent } from 'aws-lambda';
import { archiveDeadLetters } from './lib/dead-letters.js';

export const handler = async (event: SQSEvent) => archiveDeadLetters(event);
