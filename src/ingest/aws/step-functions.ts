// Starts Step Functions executions idempotently: the execution name is derived from what the run is about (bucket,
// the set of files), so a duplicate S3 event or a retried trigger cannot start a second run for the same input.
import { createHash } from 'node:crypto';
import { DescribeExecutionCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';

/** Execution names: 1–80 characters from [A-Za-z0-9-_]. */
export function executionName(prefix: string, parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80 - digest.length - 1);
  return `${safePrefix}-${digest}`;
}

export interface StartedExecution {
  executionArn: string;
  /** False when an execution with this name already existed (nothing new was started). */
  started: boolean;
}

export async function startExecutionOnce(client: SFNClient, stateMachineArn: string, name: string, input: unknown): Promise<StartedExecution> {
  try {
    const response = await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    return { executionArn: response.executionArn ?? '', started: true };
  } catch (error) {
    // Standard workflows return the existing execution for the same name and input; a different input under the
    // same name raises ExecutionAlreadyExists, which for us means "this file set is already being processed".
    if (!(error instanceof Error) || error.name !== 'ExecutionAlreadyExists') throw error;
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    await client.send(new DescribeExecutionCommand({ executionArn }));
    return { executionArn, started: false };
  }
}
