// HTTP API (IAM-authorized) → GET /v1/<Table>/<key> → one DynamoDB GetItem (functions/lib/lookup.ts).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENV, requireEnv } from './lib/environment.js';
import { lookupHandler, parseServedTables } from './lib/lookup.js';

let answer: ReturnType<typeof lookupHandler> | undefined;

export const handler = async (event: APIGatewayProxyEventV2) => {
  answer ??= lookupHandler(parseServedTables(requireEnv(ENV.servedTables)), new DynamoDBClient({}));
  return answer(event);
};
