import { AthenaClient } from '@aws-sdk/client-athena';
import type { AthenaEngineConfig } from './config.js';

/**
 * The SDK client for an engine config. Credentials come from the SDK's default provider chain (the Lambda role in
 * production). The SDK's own retries stay on for transport errors; query-level retries are the engine's.
 */
export function createAthenaClient(config: Pick<AthenaEngineConfig, 'region' | 'sdkMaxAttempts'>): AthenaClient {
  return new AthenaClient({
    ...(config.region ? { region: config.region } : {}),
    ...(config.sdkMaxAttempts ? { maxAttempts: config.sdkMaxAttempts } : {}),
  });
}
