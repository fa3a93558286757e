// The one gateway to Step Functions (locally, the engine behind AWS_ENDPOINT_URL_SFN): starting the
// journey, monitoring and onboarding executions, stopping them, and handing a human task's answer to
// the waiting state. Inputs carry IDs and codes only, never names, e-mails or free text. AWS's
// "already exists", "does not exist" and "token gone" answers become return values here, so use
// cases never look at SDK error names.
import {
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';

const sfn = new SFNClient({});

const errorNamed = (error: unknown, ...names: string[]) =>
  error instanceof Error && names.includes(error.name);

/** The ARN of an execution of a state machine, from its name. */
export const executionArnOf = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** The ARN of an application's journey execution (named after the application). */
export const journeyExecutionArn = (stateMachineArn: string, applicationId: string) =>
  executionArnOf(stateMachineArn, applicationId);

/** What every journey execution receives: IDs only, never names, e-mails or free text. */
export interface JourneyInput {
  readonly applicationId: string;
  readonly programmeId: string;
}

/**
 * Starts one journey execution named after the application. Exactly one per application: a repeated
 * call while it runs is idempotent on Step Functions' side, and once it has ended Step Functions
 * answers "already exists" — both are 'already_started' here.
 */
export async function startJourney(
  stateMachineArn: string,
  input: JourneyInput,
): Promise<'started' | 'already_started'> {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: input.applicationId,
        input: JSON.stringify({ applicationId: input.applicationId, programmeId: input.programmeId }),
      }),
    );
    return 'started';
  } catch (error) {
    if (errorNamed(error, 'ExecutionAlreadyExists')) return 'already_started';
    throw error;
  }
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
    if (!errorNamed(error, 'ExecutionAlreadyExists')) throw error;
  }
}

/** What every collaboration execution receives: IDs and the cycle number only (0: the invitations). */
export interface CollaborationCycleInput {
  readonly collaborationId: string;
  readonly programmeId: string;
  readonly cycle: number;
}

/** A collaboration cycle's execution name: `<collaborationId>-c<cycle>`. */
export const collaborationExecutionName = (collaborationId: string, cycle: number) =>
  `${collaborationId}-c${cycle}`;

/** Starts a collaboration's cycle (once: "already exists" means a retry found it started). */
export async function startCollaborationCycle(
  stateMachineArn: string,
  input: CollaborationCycleInput,
): Promise<void> {
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: collaborationExecutionName(input.collaborationId, input.cycle),
        input: JSON.stringify({
          collaborationId: input.collaborationId,
          programmeId: input.programmeId,
          cycle: input.cycle,
        }),
      }),
    );
  } catch (error) {
    if (!errorNamed(error, 'ExecutionAlreadyExists')) throw error;
  }
}

/** Starts a registered manager's onboarding (vetting) execution, named after the manager. */
export async function startOnboarding(stateMachineArn: string, managerId: string): Promise<void> {
  await sfn.send(
    new StartExecutionCommand({ stateMachineArn, name: managerId, input: JSON.stringify({ managerId }) }),
  );
}

/** How a withdrawn application's journey is stopped (codes and a fixed sentence: execution history). */
export const withdrawalStop = { error: 'Withdrawn', cause: 'The SME withdrew the application.' } as const;

/**
 * Stops an execution if it is still running. The error and cause are codes and fixed sentences:
 * they go into the execution history, so never free text or personal data.
 * @returns 'stopped', 'not_running' (finished already) or 'not_found'
 */
export async function stopExecutionIfRunning(
  executionArn: string,
  reason: { error: string; cause: string },
  options: { checkFirst?: boolean } = {},
): Promise<'stopped' | 'not_running' | 'not_found'> {
  try {
    if (options.checkFirst) {
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return 'not_running';
    }
    await sfn.send(new StopExecutionCommand({ executionArn, ...reason }));
    return 'stopped';
  } catch (error) {
    if (errorNamed(error, 'ExecutionDoesNotExist')) return 'not_found';
    throw error;
  }
}

/**
 * Hands a human task's answer to the state waiting on its token.
 * @returns 'delivered', or 'token_gone' when the state no longer waits on this token (timed out,
 *   re-entered with a fresh token, or the execution ended)
 */
export async function sendTaskSuccess(
  taskToken: string,
  output: string,
): Promise<'delivered' | 'token_gone'> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output }));
    return 'delivered';
  } catch (error) {
    if (errorNamed(error, 'TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken')) return 'token_gone';
    throw error;
  }
}
