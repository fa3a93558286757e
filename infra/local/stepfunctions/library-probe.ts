// aws-local-stepfunctions raises its States.Timeout as an instance of a class it does not export:
// the probe runs a one-state machine that times out at once and keeps that class, so the engine can
// raise the very error the library's Catch and Retry match. It depends on the library's internals,
// which is why package.json pins the library to an exact version.

import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { LibInput } from './internals.ts';

export type ErrorConstructor0 = new () => Error;
let timeoutErrorClass: ErrorConstructor0 | undefined;
let timeoutErrorClassReady: Promise<void> | undefined;
export function captureTimeoutErrorClass(): Promise<void> {
  timeoutErrorClassReady ??= (async () => {
    try {
      const probe: StateMachineDefinition = {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:000000000000:function:t',
            TimeoutSeconds: 0.001,
            End: true,
          },
        },
      };
      const machine = new StateMachine(probe, { validationOptions: { noValidate: true } });
      const run = machine.run(null, {
        overrides: { taskResourceLocalHandlers: { T: () => new Promise<LibInput>(() => undefined) } },
      });
      await run.result;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof Error && cause.name === 'States.Timeout') {
        timeoutErrorClass = cause.constructor as ErrorConstructor0;
      }
    }
  })();
  return timeoutErrorClassReady;
}
export function statesTimeout(): Error {
  if (timeoutErrorClass) {
    try {
      return new timeoutErrorClass();
    } catch {
      // fall through
    }
  }
  const error = new Error('States.Timeout');
  error.name = 'States.Timeout';
  return error;
}
