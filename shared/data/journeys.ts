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
