// Part 2 of the replay of the dialect tests' SQL on both engines (tests/trino/dialect-replay.ts).
import { replayPart } from './dialect-replay.js';

replayPart(2);
