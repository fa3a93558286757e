// Errors the local service answers with, named as AWS names them (the name is the error code), and
// the engine's own: a task's failure as the library matches it, a heartbeat timeout, a stop.
import type { StopReason } from './internals.ts';

export class StepFunctionsError extends Error {
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
  }
}
export class ExecutionAlreadyExists extends StepFunctionsError {
  constructor(message: string) {
    super('ExecutionAlreadyExists', message);
  }
}
export class ExecutionDoesNotExist extends StepFunctionsError {
  constructor(message: string) {
    super('ExecutionDoesNotExist', message);
  }
}
export class StateMachineDoesNotExist extends StepFunctionsError {
  constructor(message: string) {
    super('StateMachineDoesNotExist', message);
  }
}
export class InvalidName extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidName', message);
  }
}
export class InvalidArn extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidArn', message);
  }
}
export class InvalidDefinition extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidDefinition', message);
  }
}
export class InvalidExecutionInput extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidExecutionInput', message);
  }
}
export class InvalidOutput extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidOutput', message);
  }
}
export class InvalidToken extends StepFunctionsError {
  constructor(message: string) {
    super('InvalidToken', message);
  }
}
export class TaskDoesNotExist extends StepFunctionsError {
  constructor(message: string) {
    super('TaskDoesNotExist', message);
  }
}
export class TaskTimedOut extends StepFunctionsError {
  constructor(message: string) {
    super('TaskTimedOut', message);
  }
}
export class ExecutionNotRedrivable extends StepFunctionsError {
  constructor(message: string) {
    super('ExecutionNotRedrivable', message);
  }
}
export class ValidationException extends StepFunctionsError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** Ends the library's retries and catches at once: neither retryable nor catchable. */
export class TerminalError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export class StoppedError extends TerminalError {
  readonly reason: StopReason;
  constructor(reason: StopReason) {
    super('LocalStepFunctions.Stopped', `Execution run stopped (${reason})`);
    this.reason = reason;
  }
}

/** A task failure as the library matches it: name = ASL error, message = cause. */
export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

export class HeartbeatTimeout extends Error {
  constructor() {
    super('States.HeartbeatTimeout');
    this.name = 'States.HeartbeatTimeout';
  }
}

/**
 * The library's States.TaskFailed wildcard excludes timeouts by class (instanceof its internal
 * StatesTimeoutError, not exported), so timeouts raised by this engine must be instances of that
 * class: it is captured once from a tiny machine whose task times out.
 */

export function toTaskFailure(error: unknown): Error {
  if (error instanceof TaskFailure || error instanceof HeartbeatTimeout) return error;
  if (error instanceof Error && error.name === 'States.Timeout') return error;
  if (error instanceof Error) {
    const name = error.name || 'Error';
    return new TaskFailure(name, JSON.stringify({ errorMessage: error.message, errorType: name }));
  }
  return new TaskFailure('Error', JSON.stringify({ errorMessage: String(error), errorType: 'Error' }));
}
