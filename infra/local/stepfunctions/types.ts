// The local Step Functions service's public shapes, as the AWS SDK names them: state machines,
// executions, their history events, and the options of the engine.
export interface LocalStepFunctionsOptions {
  region: string;
  accountId: string;
  /** Where executions are persisted (one JSON file each); absent = memory only. */
  dataDir?: string;
  /**
   * Multiplies Wait durations, callback (.waitForTaskToken) and .sync timeouts and heartbeats,
   * Retry intervals and the execution timeout. Not the TimeoutSeconds of plain Lambda tasks.
   * @default 1
   */
  timeScale?: number;
  /**
   * Authorises what a state machine's role does itself (today: starting a nested execution);
   * resolves to a refusal message, or undefined when allowed. Absent = everything allowed.
   */
  authorize?: (request: {
    stateMachineArn: string;
    action: string;
    resource: string;
  }) => Promise<string | undefined>;
  /**
   * Whether the process clock (Date) already runs timeScale times faster (see infra/local/clock.ts):
   * then waits and timeouts keep their workflow durations in clock time and only the timers that
   * wait for them are shortened, so history timestamps, handlers and the engine share one clock.
   * Absent, the clock is real and the durations themselves are shortened.
   * @default false
   */
  sharedClock?: boolean;
}

export type TaskHandler = (
  payload: unknown,
  context: { executionArn: string; stateName: string; taskToken?: string },
) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface StateMachineListItem {
  stateMachineArn: string;
  name: string;
  type: 'STANDARD';
  creationDate: Date;
}

export interface StateMachineDescription extends StateMachineListItem {
  status: 'ACTIVE';
  definition: string;
  roleArn: string;
  loggingConfiguration: { level: 'OFF'; includeExecutionData: boolean };
  tracingConfiguration: { enabled: boolean };
}

export interface ExecutionListItem {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  redriveCount?: number;
  redriveDate?: Date;
}

export type RedriveStatus = 'REDRIVABLE' | 'NOT_REDRIVABLE';

export interface ExecutionDescription extends ExecutionListItem {
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveStatus: RedriveStatus;
  redriveStatusReason?: string;
}

export interface StateMachineForExecution {
  stateMachineArn: string;
  name: string;
  definition: string;
  roleArn: string;
  updateDate: Date;
  loggingConfiguration: { level: 'OFF'; includeExecutionData: boolean };
  tracingConfiguration: { enabled: boolean };
}

export type StateTypeName = 'Task' | 'Choice' | 'Pass' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export type HistoryEventType =
  | 'ExecutionStarted'
  | 'ExecutionSucceeded'
  | 'ExecutionFailed'
  | 'ExecutionAborted'
  | 'ExecutionTimedOut'
  | 'ExecutionRedriven'
  | `${StateTypeName}StateEntered`
  | `${StateTypeName}StateExited`
  | 'TaskScheduled'
  | 'TaskStarted'
  | 'TaskSubmitted'
  | 'TaskSucceeded'
  | 'TaskFailed'
  | 'TaskTimedOut'
  | 'LambdaFunctionScheduled'
  | 'LambdaFunctionStarted'
  | 'LambdaFunctionSucceeded'
  | 'LambdaFunctionFailed'
  | 'LambdaFunctionTimedOut'
  | 'MapStateStarted'
  | 'MapStateSucceeded'
  | 'MapStateFailed'
  | 'MapIterationStarted'
  | 'MapIterationSucceeded'
  | 'MapIterationFailed'
  | 'ParallelStateStarted'
  | 'ParallelStateSucceeded'
  | 'ParallelStateFailed';

export interface DataDetails {
  truncated: boolean;
}
export interface ErrorDetails {
  error?: string;
  cause?: string;
}
export interface TaskResource {
  resourceType: string;
  resource: string;
}

/** An event of the execution history, shaped like the AWS SDK's HistoryEvent (one details field). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: HistoryEventType;
  executionStartedEventDetails?: { input?: string; inputDetails?: DataDetails; roleArn: string };
  executionSucceededEventDetails?: { output?: string; outputDetails?: DataDetails };
  executionFailedEventDetails?: ErrorDetails;
  executionAbortedEventDetails?: ErrorDetails;
  executionTimedOutEventDetails?: ErrorDetails;
  executionRedrivenEventDetails?: { redriveCount: number };
  stateEnteredEventDetails?: { name: string; input?: string; inputDetails?: DataDetails };
  stateExitedEventDetails?: { name: string; output?: string; outputDetails?: DataDetails };
  taskScheduledEventDetails?: TaskResource & {
    region: string;
    parameters?: string;
    timeoutInSeconds?: number;
    heartbeatInSeconds?: number;
  };
  taskStartedEventDetails?: TaskResource;
  taskSubmittedEventDetails?: TaskResource & { output?: string; outputDetails?: DataDetails };
  taskSucceededEventDetails?: TaskResource & { output?: string; outputDetails?: DataDetails };
  taskFailedEventDetails?: TaskResource & ErrorDetails;
  taskTimedOutEventDetails?: TaskResource & ErrorDetails;
  lambdaFunctionScheduledEventDetails?: {
    resource: string;
    input?: string;
    inputDetails?: DataDetails;
    timeoutInSeconds?: number;
  };
  lambdaFunctionSucceededEventDetails?: { output?: string; outputDetails?: DataDetails };
  lambdaFunctionFailedEventDetails?: ErrorDetails;
  lambdaFunctionTimedOutEventDetails?: ErrorDetails;
  mapStateStartedEventDetails?: { length?: number };
  mapIterationStartedEventDetails?: { name: string; index: number };
  mapIterationSucceededEventDetails?: { name: string; index: number };
  mapIterationFailedEventDetails?: { name: string; index: number };
}
