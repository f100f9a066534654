// Setup file of `npm test` (vitest.config.ts): test files share one module graph per fork (`isolate: false`), and the
// AWS SDK's client classes are loaded once per process. aws-sdk-client-mock's `mockClient(S3Client)` stubs the class's
// `send` with sinon's default sandbox, for every later file too, until restored: a file that forgets to restore would
// answer another file's real client calls from its stubs (tests/reliability/aws-faults.test.ts then saw no request).
// Restoring the default sandbox after each file keeps every file's clients its own. aws-sdk-client-mock is CommonJS,
// so its sinon is sinon's CommonJS build (an ESM `import` would load the other build, with a sandbox of its own).
import { createRequire } from 'node:module';
import type { SinonSandbox } from 'sinon';
import { afterAll } from 'vitest';

const sinon = createRequire(import.meta.url)('sinon') as SinonSandbox;

afterAll(() => sinon.restore());
