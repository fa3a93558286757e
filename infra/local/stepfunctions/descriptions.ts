// The answers of the List* and Describe* operations, shaped as the AWS SDK shapes them, from the
// engine's records: a state machine (listed, described, or as an execution runs it) and an
// execution (listed or described, with whether it can be redriven).
import type { ExecutionRecord, MachineEntry } from './internals.ts';
import type {
  ExecutionDescription,
  ExecutionListItem,
  StateMachineDescription,
  StateMachineForExecution,
  StateMachineListItem,
} from './types.ts';

export function stateMachineListItem(machine: MachineEntry): StateMachineListItem {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    type: 'STANDARD',
    creationDate: new Date(machine.creationDate),
  };
}

export function stateMachineDescription(machine: MachineEntry, roleArn: string): StateMachineDescription {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition: JSON.stringify(machine.definition),
    roleArn,
    type: 'STANDARD',
    creationDate: new Date(machine.creationDate),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
}

/** The state machine an execution runs (locally: the definition registered now). */
export function stateMachineForExecution(machine: MachineEntry, roleArn: string): StateMachineForExecution {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    definition: JSON.stringify(machine.definition),
    roleArn,
    updateDate: new Date(machine.updateDate),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
}

export function executionListItem(exec: ExecutionRecord): ExecutionListItem {
  const item: ExecutionListItem = {
    executionArn: exec.executionArn,
    stateMachineArn: exec.stateMachineArn,
    name: exec.name,
    status: exec.status,
    startDate: new Date(exec.startDate),
  };
  if (exec.stopDate !== undefined) item.stopDate = new Date(exec.stopDate);
  if (exec.redriveCount) item.redriveCount = exec.redriveCount;
  if (exec.redriveDate !== undefined) item.redriveDate = new Date(exec.redriveDate);
  return item;
}

/** @param notRedrivable - why RedriveExecution would refuse it (redrive.ts), or undefined */
export function executionDescription(
  exec: ExecutionRecord,
  notRedrivable: string | undefined,
): ExecutionDescription {
  const description: ExecutionDescription = {
    ...executionListItem(exec),
    input: exec.input,
    redriveCount: exec.redriveCount ?? 0,
    redriveStatus: notRedrivable === undefined ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
  };
  if (exec.output !== undefined) description.output = exec.output;
  if (exec.error !== undefined) description.error = exec.error;
  if (exec.cause !== undefined) description.cause = exec.cause;
  if (notRedrivable !== undefined) description.redriveStatusReason = notRedrivable;
  return description;
}
