// One execution's run: the library's StateMachine built from the compiled definition (from the
// start, or from the last top-level state with its recorded input when resuming after a restart or
// redriving), each Task and Wait state handed to tasks.ts, the execution timeout armed, and the
// library's event log turned into the AWS history (states entered and exited, Map and Parallel
// events, the execution's end); a run stopped cancels whatever its tasks wait on.
import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { EngineContext } from './engine-context.ts';
import { StoppedError } from './errors.ts';
import {
  byteLength,
  causeText,
  clockTimeout,
  type ExecutionRecord,
  type Json,
  type LibEvent,
  type LibHandler,
  type LibInput,
  type LibRun,
  type MachineEntry,
  PAYLOAD_LIMIT,
  type Run,
  type StopReason,
} from './internals.ts';
import { runTask } from './tasks.ts';
import type { ErrorDetails, HistoryEventType } from './types.ts';

/**
 * Runs an execution: from the start, or from its last top-level state with that state's recorded
 * input, either resuming after a restart (the state was entered already: its pending token or
 * wait is taken up again) or redriving (the state is entered afresh).
 */
export function startRun(
  ctx: EngineContext,
  exec: ExecutionRecord,
  machine: MachineEntry,
  mode: 'start' | 'resume' | 'redrive',
): void {
  const resume = mode !== 'start';
  const run: Run = {
    exec,
    machine,
    stopped: false,
    abort: () => undefined,
    cancellers: new Set(),
    claimedTokens: new Set(),
    claimedWaits: new Set(),
  };
  const compiled = machine.compiled;
  let definition = compiled.definition;
  let input = JSON.parse(exec.input) as Json;
  if (resume && exec.position) {
    const { stateName, input: stateInput } = exec.position;
    if (!compiled.topLevel.has(stateName)) {
      ctx.finish(
        exec,
        'FAILED',
        {
          error: 'States.Runtime',
          cause: `Cannot resume: state '${stateName}' is no longer in the definition`,
        },
        'ExecutionFailed',
        'executionFailedEventDetails',
        'finished',
      );
      return;
    }
    // A Pass state holding the recorded input keeps $$.Execution.Input right; the library skips
    // a Pass state's Result when it is falsy, so such inputs are passed as the run's input.
    if (stateInput !== null && stateInput !== false && stateInput !== 0 && stateInput !== '') {
      const synthetic = `__resume_${randomUUID()}`;
      definition = {
        ...definition,
        StartAt: synthetic,
        States: {
          ...(definition.States as Record<string, unknown>),
          [synthetic]: { Type: 'Pass', Result: stateInput, Next: stateName },
        },
      };
      run.syntheticState = synthetic;
    } else {
      definition = { ...definition, StartAt: stateName };
      input = stateInput;
    }
    if (mode === 'resume') {
      run.skipEnterOnce = stateName;
      if (exec.position.entry !== undefined) run.resumeEntry = exec.position.entry;
      exec.current = [stateName];
    } else {
      exec.current = [];
    }
  } else if (resume) {
    exec.current = [];
  }
  const handlers: Record<string, LibHandler> = {};
  for (const [stateName, meta] of compiled.tasks) {
    handlers[stateName] = (taskInput) => runTask(ctx, run, meta, taskInput) as Promise<LibInput>;
  }
  ctx.runs.set(exec.executionArn, run);

  if (compiled.executionTimeoutSeconds !== undefined) {
    // A redriven execution's timeout counts from the redrive.
    const deadline =
      (exec.redriveDate ?? exec.startDate) + compiled.executionTimeoutSeconds * 1000 * ctx.spanScale;
    const cancel = clockTimeout(
      () => {
        run.cancellers.delete(stopTimer);
        ctx.finish(
          exec,
          'TIMED_OUT',
          { error: 'States.Timeout', cause: 'The execution timed out (TimeoutSeconds).' },
          'ExecutionTimedOut',
          'executionTimedOutEventDetails',
          'finished',
        );
      },
      deadline,
      ctx.timerScale,
    );
    const stopTimer = () => cancel();
    run.cancellers.add(stopTimer);
  }

  let machineRun: LibRun;
  try {
    machineRun = new StateMachine(definition as unknown as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    }).run(input as LibInput, {
      overrides: { taskResourceLocalHandlers: handlers },
      noThrowOnAbort: true,
      context: contextFor(ctx, exec, machine),
    });
  } catch (error) {
    ctx.finish(
      exec,
      'FAILED',
      { error: 'States.Runtime', cause: `Local engine error: ${(error as Error).message}` },
      'ExecutionFailed',
      'executionFailedEventDetails',
      'finished',
    );
    return;
  }
  run.abort = machineRun.abort;
  void consume(ctx, run, machineRun.eventLogs);
  // The event log normally ends the execution; this covers a run that ends without its events.
  machineRun.result.then(
    (output) =>
      setImmediate(() => {
        if (!run.stopped && exec.status === 'RUNNING') {
          ctx.finish(
            exec,
            'SUCCEEDED',
            { output: JSON.stringify(output ?? null) },
            'ExecutionSucceeded',
            'executionSucceededEventDetails',
            'finished',
          );
        }
      }),
    (error: unknown) =>
      setImmediate(() => {
        if (!run.stopped && exec.status === 'RUNNING') {
          const cause = (error as { cause?: unknown }).cause;
          const failure =
            cause instanceof Error ? cause : error instanceof Error ? error : new Error(String(error));
          ctx.finish(
            exec,
            'FAILED',
            { error: failure.name, cause: failure.message },
            'ExecutionFailed',
            'executionFailedEventDetails',
            'finished',
          );
        }
      }),
  );
}

export function stopRun(ctx: EngineContext, run: Run, reason: StopReason): void {
  if (run.stopped) return;
  run.stopped = true;
  if (ctx.runs.get(run.exec.executionArn) === run) ctx.runs.delete(run.exec.executionArn);
  try {
    run.abort();
  } catch {
    // already settled
  }
  const cancellers = [...run.cancellers];
  run.cancellers.clear();
  for (const cancel of cancellers) cancel(new StoppedError(reason));
}

function contextFor(
  ctx: EngineContext,
  exec: ExecutionRecord,
  machine: MachineEntry,
): Record<string, unknown> {
  return {
    Execution: {
      Id: exec.executionArn,
      Name: exec.name,
      RoleArn: ctx.roleArn(machine),
      StartTime: new Date(exec.startDate).toISOString(),
      RedriveCount: exec.redriveCount ?? 0,
      ...(exec.redriveDate !== undefined ? { RedriveTime: new Date(exec.redriveDate).toISOString() } : {}),
    },
    StateMachine: { Id: machine.arn, Name: machine.name },
    Task: { Token: ctx.placeholder },
  };
}

async function consume(ctx: EngineContext, run: Run, events: AsyncGenerator<LibEvent>): Promise<void> {
  try {
    for await (const event of events) {
      if (run.stopped || run.exec.status !== 'RUNNING') break;
      onLibraryEvent(ctx, run, event);
    }
  } catch (error) {
    if (!run.stopped && run.exec.status === 'RUNNING') {
      ctx.finish(
        run.exec,
        'FAILED',
        { error: 'States.Runtime', cause: `Local engine error: ${(error as Error).message}` },
        'ExecutionFailed',
        'executionFailedEventDetails',
        'finished',
      );
    }
  }
}

function onLibraryEvent(ctx: EngineContext, run: Run, event: LibEvent): void {
  const exec = run.exec;
  const typeOf = (name: string, fallback: string) => run.machine.compiled.types.get(name) ?? fallback;
  switch (event.type) {
    case 'StateEntered': {
      const name = event.state.name;
      if (name === run.syntheticState) return;
      if (run.skipEnterOnce === name) {
        run.skipEnterOnce = undefined;
        return;
      }
      const type = typeOf(name, event.state.type);
      const input = JSON.stringify(event.state.input ?? null);
      if (run.machine.compiled.topLevel.has(name)) {
        const entry = exec.history.length + 1;
        exec.position = { stateName: name, input: (event.state.input ?? null) as Json, entry };
      }
      exec.current.push(name);
      ctx.record(exec, `${type}StateEntered` as HistoryEventType, 'stateEnteredEventDetails', {
        name,
        input,
        inputDetails: { truncated: false },
      });
      if (type === 'Parallel') ctx.record(exec, 'ParallelStateStarted');
      if (type === 'Map') ctx.record(exec, 'MapStateStarted', 'mapStateStartedEventDetails', {});
      checkStatePayload(ctx, exec, name, input);
      return;
    }
    case 'StateExited': {
      const name = event.state.name;
      if (name === run.syntheticState) return;
      const type = typeOf(name, event.state.type);
      const output = JSON.stringify(event.state.output ?? null);
      const index = exec.current.indexOf(name);
      if (index >= 0) exec.current.splice(index, 1);
      if (type === 'Parallel') ctx.record(exec, 'ParallelStateSucceeded');
      if (type === 'Map') ctx.record(exec, 'MapStateSucceeded');
      ctx.record(exec, `${type}StateExited` as HistoryEventType, 'stateExitedEventDetails', {
        name,
        output,
        outputDetails: { truncated: false },
      });
      checkStatePayload(ctx, exec, name, output);
      return;
    }
    case 'StateFailed': {
      const type = typeOf(event.state.name, event.state.type);
      if (type === 'Parallel') ctx.record(exec, 'ParallelStateFailed');
      if (type === 'Map') ctx.record(exec, 'MapStateFailed');
      return;
    }
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed': {
      const key = `mapIteration${event.type.slice('MapIteration'.length)}EventDetails`;
      ctx.record(exec, event.type, key, { name: event.parentState.name, index: event.index });
      return;
    }
    case 'ExecutionSucceeded':
      ctx.finish(
        exec,
        'SUCCEEDED',
        { output: JSON.stringify(event.output ?? null) },
        'ExecutionSucceeded',
        'executionSucceededEventDetails',
        'finished',
      );
      return;
    case 'ExecutionFailed': {
      if (event.Error === 'LocalStepFunctions.Stopped') return;
      const details: ErrorDetails = { error: event.Error };
      const cause = causeText(event.Cause);
      if (cause !== undefined) details.cause = cause;
      ctx.finish(exec, 'FAILED', details, 'ExecutionFailed', 'executionFailedEventDetails', 'finished');
      return;
    }
    default:
      // ExecutionStarted is recorded by startExecution; retries, catches and branch events have
      // no AWS counterpart; aborts and timeouts are recorded by the engine itself.
      return;
  }
}

function checkStatePayload(ctx: EngineContext, exec: ExecutionRecord, stateName: string, text: string): void {
  if (exec.status === 'RUNNING' && byteLength(text) > PAYLOAD_LIMIT) {
    ctx.finish(
      exec,
      'FAILED',
      {
        error: 'States.DataLimitExceeded',
        cause: `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      },
      'ExecutionFailed',
      'executionFailedEventDetails',
      'finished',
    );
  }
}
