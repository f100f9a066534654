// HTTP API (IAM-authorized) → GET /v1/<Table>/<key> → one DynamoDB GetItem (functions/lib/lookup.ts).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENV, requireEnv } from './lib/environment.js';
import { lookupHandler, parseServedTables } from './lib/lookup.js';

// Built once per container; built again only if the served tables change under it (a warm module that another
// configuration reuses, as tests running in one process do, must not answer from the first one's tables).
let built: { servedTables: string; answer: ReturnType<typeof lookupHandler> } | undefined;

export const handler = async (event: APIGatewayProxyEventV2) => {
  const servedTables = requireEnv(ENV.servedTables);
  if (built?.servedTables !== servedTables) built = { servedTables, answer: lookupHandler(parseServedTables(servedTables), new DynamoDBClient({})) };
  return built.answer(event);
};
