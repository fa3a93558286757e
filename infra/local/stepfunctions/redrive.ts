// RedriveExecution's rules, as AWS applies them: which executions can be redriven (stopped as
// FAILED, TIMED_OUT or ABORTED, within 14 days, fewer than 1,000 times, with room in the history
// and a top-level state to restart from), a retried call with the same clientToken answered again,
// and what a redrive resets on the execution. engine.ts records the event and starts the run.
import {
  type ExecutionRecord,
  HISTORY_LIMIT,
  type MachineEntry,
  REDRIVE_LIMIT,
  REDRIVE_PERIOD_MS,
} from './internals.ts';

/** Why RedriveExecution would refuse the execution; undefined when it can be redriven. */
export function notRedrivableReason(
  exec: ExecutionRecord,
  machines: ReadonlyMap<string, MachineEntry>,
): string | undefined {
  if (exec.status === 'RUNNING' || exec.status === 'SUCCEEDED') {
    return `Execution is ${exec.status} and cannot be redriven`;
  }
  if (exec.stopDate !== undefined && Date.now() - exec.stopDate > REDRIVE_PERIOD_MS) {
    return 'Execution stopped more than 14 days ago and can no longer be redriven';
  }
  if ((exec.redriveCount ?? 0) >= REDRIVE_LIMIT) {
    return `Execution has been redriven ${REDRIVE_LIMIT} times, the maximum`;
  }
  if (exec.history.length >= HISTORY_LIMIT - 1) {
    return `Execution history has reached ${HISTORY_LIMIT - 1} events and cannot be redriven`;
  }
  if (exec.error === 'States.DataLimitExceeded') {
    return 'Execution failed with States.DataLimitExceeded and cannot be redriven';
  }
  const machine = machines.get(exec.stateMachineArn);
  if (!machine) return `State machine ${exec.stateMachineArn} does not exist`;
  if (!exec.position || !machine.compiled.topLevel.has(exec.position.stateName)) {
    return 'Execution has no state to redrive from';
  }
  return undefined;
}

/** The date to answer again when the call repeats the redrive under way (same clientToken). */
export function repeatedRedrive(exec: ExecutionRecord, clientToken: string | undefined): number | undefined {
  if (
    exec.status === 'RUNNING' &&
    clientToken !== undefined &&
    clientToken === exec.redriveClientToken &&
    exec.redriveDate !== undefined
  ) {
    return exec.redriveDate;
  }
  return undefined;
}

/** Puts the execution back to RUNNING (its end forgotten, the redrive counted); returns its date. */
export function markRedriven(exec: ExecutionRecord, clientToken: string | undefined): number {
  exec.status = 'RUNNING';
  delete exec.stopDate;
  delete exec.output;
  delete exec.error;
  delete exec.cause;
  exec.redriveCount = (exec.redriveCount ?? 0) + 1;
  exec.redriveDate = Date.now();
  if (clientToken !== undefined) exec.redriveClientToken = clientToken;
  else delete exec.redriveClientToken;
  return exec.redriveDate;
}
