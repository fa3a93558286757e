// Starts the SME journey on Step Functions (locally, the engine behind AWS_ENDPOINT_URL_SFN).
// The execution is named after the application and carries IDs only.
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

const sfn = new SFNClient({});

/** What every journey execution receives: IDs only, never names, e-mails or free text. */
export interface JourneyInput {
  readonly applicationId: string;
  readonly programmeId: string;
}

/**
 * Starts one journey execution named after the application; a repeated call with the same input
 * is idempotent on Step Functions' side.
 */
export async function startJourney(stateMachineArn: string, input: JourneyInput): Promise<string> {
  const result = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      name: input.applicationId,
      input: JSON.stringify({ applicationId: input.applicationId, programmeId: input.programmeId }),
    }),
  );
  return result.executionArn ?? '';
}

/** What every monitoring execution receives: IDs and the cycle number only. */
export interface MonitoringInput {
  readonly projectId: string;
  readonly applicationId: string;
  readonly programmeId: string;
  readonly cycle: number;
}

/** The execution of a cycle is named after the project and the cycle (unique, idempotent start). */
export const monitoringExecutionName = (projectId: string, cycle: number) => `${projectId}-c${cycle}`;

/** Starts a monitoring cycle's execution; starting one that exists already is not an error. */
export async function startMonitoringCycle(
  stateMachineArn: string,
  input: MonitoringInput,
  executionName: string = monitoringExecutionName(input.projectId, input.cycle),
): Promise<void> {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: executionName,
        input: JSON.stringify({
          projectId: input.projectId,
          applicationId: input.applicationId,
          programmeId: input.programmeId,
          cycle: input.cycle,
        }),
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
  }
}
