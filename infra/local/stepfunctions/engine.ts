// The local Step Functions service: Standard workflows written in Amazon States Language (JSONPath),
// executed by aws-local-stepfunctions, with what that library leaves out added around it: the AWS
// execution model (names, ARNs, statuses, an AWS-shaped event history), Lambda tasks run by
// in-process handlers, the callback pattern (.waitForTaskToken with SendTaskSuccess/Failure/
// Heartbeat), nested executions (states:startExecution), a time scale for waits and callback
// timeouts, AWS limits (25,000 history events, 256 KB payloads) and persistence with resume.
//
// How the library is driven: every definition is compiled into a copy in which
// - each Task state keeps its fields but its Parameters are wrapped ({p: <original>, t/h: timeout
//   paths}) and it is run by a local handler keyed by state name, so the engine owns invocation,
//   timeouts (the library's own per-task timer is pushed out of the way), tokens and history;
// - each Wait state becomes such a Task too (the engine sleeps, scaled and resumable);
// - Retry intervals are multiplied by the time scale; ResultPath "$" is dropped (the library
//   mishandles it; absent means "$").
// $$.Task.Token resolves to a placeholder through the context object; the handler replaces it with
// a fresh token. Resuming after a restart re-enters the last top-level state with its recorded
// input, behind a synthetic Pass state so that $$.Execution.Input stays the execution's input.

//
// The engine's parts: types.ts (the public shapes), errors.ts, compile.ts (the library's copy of a
// definition), library-probe.ts, internals.ts (records, limits, timers), history.ts (the events as
// AWS shapes them), task-tokens.ts (the callback pattern's tokens and answers) and persistence.ts;
// this file keeps the service's lifecycle: registering, starting, running, stopping, redriving.

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { compileDefinition, functionNameOf, replaceInStrings, validateName } from './compile.ts';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  HeartbeatTimeout,
  InvalidArn,
  InvalidExecutionInput,
  StateMachineDoesNotExist,
  StepFunctionsError,
  StoppedError,
  TaskFailure,
  TerminalError,
  toTaskFailure,
  ValidationException,
} from './errors.ts';
import { nextEvent, outcomeEvent, scheduledEvents, type TaskOutcomeKind, toHistoryEvent } from './history.ts';
import type { LibRun } from './internals.ts';
import {
  byteLength,
  causeText,
  clockTimeout,
  type ExecutionRecord,
  FILE_VERSION,
  HISTORY_LIMIT,
  isObject,
  type Json,
  type JsonObject,
  type LibEvent,
  type LibHandler,
  type LibInput,
  type MachineEntry,
  nextMacrotask,
  PAYLOAD_LIMIT,
  paginate,
  REDRIVE_LIMIT,
  REDRIVE_PERIOD_MS,
  type Run,
  realTimeout,
  STATUSES,
  type StopReason,
  type TaskMeta,
  type TokenRecord,
  toJson,
  type Waiter,
} from './internals.ts';
import { captureTimeoutErrorClass, statesTimeout } from './library-probe.ts';
import { readExecutionFiles, writeExecutionFile } from './persistence.ts';
import { TaskTokens } from './task-tokens.ts';
import type {
  ErrorDetails,
  ExecutionDescription,
  ExecutionListItem,
  ExecutionStatus,
  HistoryEvent,
  HistoryEventType,
  LocalStepFunctionsOptions,
  StateMachineDescription,
  StateMachineForExecution,
  StateMachineListItem,
  TaskHandler,
} from './types.ts';

export * from './errors.ts';
export * from './types.ts';

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

export class LocalStepFunctions {
  private readonly region: string;
  private readonly accountId: string;
  private readonly dataDir: string | undefined;
  private readonly timeScale: number;
  private readonly authorize: LocalStepFunctionsOptions['authorize'];
  /** Clock ms per workflow ms: the time scale with a real clock, 1 with a shared scaled clock. */
  private readonly spanScale: number;
  /** Real ms per clock ms: 1 with a real clock, the time scale with a shared scaled clock. */
  private readonly timerScale: number;
  private readonly placeholder = `__local_sfn_task_token_${randomUUID()}__`;
  private readonly machines = new Map<string, MachineEntry>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly taskTokens = new TaskTokens({
    persist: (exec) => this.persist(exec),
    persistNow: (exec) => this.persistNow(exec),
    notify: (executionArn) => this.notify(executionArn),
  });
  private readonly waiters = this.taskTokens.waiters;
  private readonly runs = new Map<string, Run>();
  private readonly listeners = new Set<(executionArn: string) => void>();
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private sequence = 0;

  constructor(options: LocalStepFunctionsOptions) {
    this.region = options.region;
    this.accountId = options.accountId;
    this.dataDir = options.dataDir;
    const scale = options.timeScale ?? 1;
    if (!Number.isFinite(scale) || scale < 0) throw new Error(`Invalid timeScale: ${scale}`);
    this.timeScale = scale;
    this.authorize = options.authorize;
    this.spanScale = options.sharedClock ? 1 : scale;
    this.timerScale = options.sharedClock ? scale : 1;
    void captureTimeoutErrorClass();
    if (this.dataDir) this.load(this.dataDir);
  }

  // ----- state machines -------------------------------------------------------------------------

  /** Registers (or replaces) a state machine; returns its ARN. */
  registerStateMachine(input: {
    name: string;
    definition: Record<string, unknown>;
    taskHandlers: Record<string, TaskHandler>;
  }): string {
    validateName(input.name, 'state machine');
    const arn = `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${input.name}`;
    const compiled = compileDefinition(input.definition, this.timeScale);
    const handlers = new Map<string, TaskHandler>(Object.entries(input.taskHandlers));
    for (const [key, handler] of Object.entries(input.taskHandlers)) {
      const fnName = functionNameOf(key);
      if (!handlers.has(fnName)) handlers.set(fnName, handler);
    }
    const previous = this.machines.get(arn);
    const now = Date.now();
    this.machines.set(arn, {
      arn,
      name: input.name,
      definition: structuredClone(input.definition),
      compiled,
      handlers,
      creationDate: previous?.creationDate ?? now,
      updateDate: now,
    });
    return arn;
  }

  /** The state machine whose execution issued a task token (what IAM authorises SendTask* on). */
  stateMachineOfTaskToken(taskToken: string): string | undefined {
    return this.taskTokens.stateMachineOf(taskToken);
  }

  listStateMachines(): StateMachineListItem[] {
    return [...this.machines.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD' as const,
        creationDate: new Date(machine.creationDate),
      }));
  }

  describeStateMachine(input: { stateMachineArn: string }): StateMachineDescription {
    const machine = this.machineOrThrow(input.stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.definition),
      roleArn: `arn:aws:iam::${this.accountId}:role/${machine.name}-local-role`,
      type: 'STANDARD',
      creationDate: new Date(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  }

  // ----- executions ---------------------------------------------------------------------------

  startExecution(input: { stateMachineArn: string; name?: string; input?: string }): {
    executionArn: string;
    startDate: Date;
  } {
    const machine = this.machineOrThrow(input.stateMachineArn);
    const name = input.name ?? randomUUID();
    validateName(name, 'execution');
    const text = input.input ?? '{}';
    if (byteLength(text) > PAYLOAD_LIMIT) {
      throw new InvalidExecutionInput(`Execution input exceeds the maximum size of ${PAYLOAD_LIMIT} bytes`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch (error) {
      throw new InvalidExecutionInput(`Invalid execution input: ${(error as Error).message}`);
    }
    const executionArn = `arn:aws:states:${this.region}:${this.accountId}:execution:${machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      if (
        existing.status === 'RUNNING' &&
        JSON.stringify(JSON.parse(existing.input)) === JSON.stringify(parsed)
      ) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw new ExecutionAlreadyExists(`Execution Already Exists: '${executionArn}'`);
    }
    const exec: ExecutionRecord = {
      version: FILE_VERSION,
      seq: ++this.sequence,
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      startDate: Date.now(),
      input: text,
      history: [],
      tokens: [],
      waits: [],
      current: [],
    };
    this.executions.set(executionArn, exec);
    this.record(exec, 'ExecutionStarted', 'executionStartedEventDetails', {
      input: text,
      inputDetails: { truncated: false },
      roleArn: this.roleArn(machine),
    });
    // On disk before the caller hears of it: an acknowledged start survives a crash.
    this.persistNow(exec);
    this.startRun(exec, machine, 'start');
    return { executionArn, startDate: new Date(exec.startDate) };
  }

  describeExecution(input: { executionArn: string }): ExecutionDescription {
    const exec = this.executionOrThrow(input.executionArn);
    const notRedrivable = this.notRedrivableReason(exec);
    const description: ExecutionDescription = {
      ...this.listItem(exec),
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

  /** The state machine an execution runs (locally: the definition registered now). */
  describeStateMachineForExecution(input: { executionArn: string }): StateMachineForExecution {
    const exec = this.executionOrThrow(input.executionArn);
    const machine = this.machines.get(exec.stateMachineArn);
    if (!machine) {
      throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${exec.stateMachineArn}'`);
    }
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      definition: JSON.stringify(machine.definition),
      roleArn: this.roleArn(machine),
      updateDate: new Date(machine.updateDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  }

  /**
   * Restarts a FAILED, TIMED_OUT or ABORTED execution from the state it stopped in, with the input
   * that state had: the states that succeeded before it do not run again (AWS RedriveExecution).
   * A retried call with the same clientToken answers again instead of failing.
   */
  redriveExecution(input: { executionArn: string; clientToken?: string }): { redriveDate: Date } {
    const exec = this.executionOrThrow(input.executionArn);
    if (
      exec.status === 'RUNNING' &&
      input.clientToken !== undefined &&
      input.clientToken === exec.redriveClientToken &&
      exec.redriveDate !== undefined
    ) {
      return { redriveDate: new Date(exec.redriveDate) };
    }
    const reason = this.notRedrivableReason(exec);
    if (reason !== undefined) throw new ExecutionNotRedrivable(reason);
    const machine = this.machines.get(exec.stateMachineArn) as MachineEntry;
    exec.status = 'RUNNING';
    delete exec.stopDate;
    delete exec.output;
    delete exec.error;
    delete exec.cause;
    exec.redriveCount = (exec.redriveCount ?? 0) + 1;
    exec.redriveDate = Date.now();
    if (input.clientToken !== undefined) exec.redriveClientToken = input.clientToken;
    else delete exec.redriveClientToken;
    this.record(exec, 'ExecutionRedriven', 'executionRedrivenEventDetails', {
      redriveCount: exec.redriveCount,
    });
    this.persistNow(exec);
    this.startRun(exec, machine, 'redrive');
    return { redriveDate: new Date(exec.redriveDate) };
  }

  /** Why RedriveExecution would refuse the execution; undefined when it can be redriven. */
  private notRedrivableReason(exec: ExecutionRecord): string | undefined {
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
    const machine = this.machines.get(exec.stateMachineArn);
    if (!machine) return `State machine ${exec.stateMachineArn} does not exist`;
    if (!exec.position || !machine.compiled.topLevel.has(exec.position.stateName)) {
      return 'Execution has no state to redrive from';
    }
    return undefined;
  }

  listExecutions(input: {
    stateMachineArn: string;
    statusFilter?: string;
    maxResults?: number;
    nextToken?: string;
  }): { executions: ExecutionListItem[]; nextToken?: string } {
    const machine = this.machineOrThrow(input.stateMachineArn);
    if (input.statusFilter !== undefined && !STATUSES.includes(input.statusFilter as ExecutionStatus)) {
      throw new ValidationException(`Invalid statusFilter: '${input.statusFilter}'`);
    }
    const all = [...this.executions.values()]
      .filter((exec) => exec.stateMachineArn === machine.arn)
      .filter((exec) => !input.statusFilter || exec.status === input.statusFilter)
      .sort((a, b) => b.startDate - a.startDate || b.seq - a.seq)
      .map((exec) => this.listItem(exec));
    const { page, next } = paginate(all, input.maxResults, input.nextToken);
    return next ? { executions: page, nextToken: next } : { executions: page };
  }

  getExecutionHistory(input: {
    executionArn: string;
    includeExecutionData?: boolean;
    reverseOrder?: boolean;
    maxResults?: number;
    nextToken?: string;
  }): { events: HistoryEvent[]; nextToken?: string } {
    const exec = this.executionOrThrow(input.executionArn);
    const includeData = input.includeExecutionData ?? true;
    const ordered = input.reverseOrder ? [...exec.history].reverse() : exec.history;
    const { page, next } = paginate(ordered, input.maxResults, input.nextToken);
    const events = page.map((event) => toHistoryEvent(event, includeData));
    return next ? { events, nextToken: next } : { events };
  }

  /** Names of the states entered and not yet exited. */
  getCurrentStates(executionArn: string): string[] {
    const exec = this.executions.get(executionArn);
    return exec ? [...new Set(exec.current)] : [];
  }

  stopExecution(input: { executionArn: string; error?: string; cause?: string }): { stopDate: Date } {
    const exec = this.executionOrThrow(input.executionArn);
    if (exec.status === 'RUNNING') {
      const details: ErrorDetails = {};
      if (input.error !== undefined) details.error = input.error;
      if (input.cause !== undefined) details.cause = input.cause;
      this.finish(exec, 'ABORTED', details, 'ExecutionAborted', 'executionAbortedEventDetails', 'stop');
      this.persistNow(exec);
    }
    return { stopDate: new Date(exec.stopDate ?? Date.now()) };
  }

  // ----- callbacks ------------------------------------------------------------------------------

  sendTaskSuccess(input: { taskToken: string; output: string }): void {
    this.taskTokens.succeed(input);
  }

  sendTaskFailure(input: { taskToken: string; error?: string; cause?: string }): void {
    this.taskTokens.fail(input);
  }

  sendTaskHeartbeat(input: { taskToken: string }): void {
    this.taskTokens.heartbeat(input);
  }

  // ----- observation ------------------------------------------------------------------------------

  /** Calls the listener on any status or history change; returns the unsubscribe function. */
  onChange(listener: (executionArn: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves with the description once the execution is no longer RUNNING. */
  waitForExecution(executionArn: string, timeoutMs = 10_000): Promise<ExecutionDescription> {
    return new Promise((resolve, reject) => {
      let off: () => void = () => undefined;
      let timer: NodeJS.Timeout | undefined;
      const check = () => {
        let description: ExecutionDescription;
        try {
          description = this.describeExecution({ executionArn });
        } catch (error) {
          off();
          clearTimeout(timer);
          reject(error);
          return;
        }
        if (description.status !== 'RUNNING') {
          off();
          clearTimeout(timer);
          resolve(description);
        }
      };
      off = this.onChange((arn) => {
        if (arn === executionArn) check();
      });
      timer = setTimeout(() => {
        off();
        reject(new Error(`Execution still RUNNING after ${timeoutMs} ms: ${executionArn}`));
      }, timeoutMs);
      check();
    });
  }

  // ----- lifecycle ------------------------------------------------------------------------------

  /** Restarts the executions persisted as RUNNING whose state machine is registered. */
  async resumeRunningExecutions(): Promise<void> {
    await captureTimeoutErrorClass();
    for (const exec of this.executions.values()) {
      if (exec.status !== 'RUNNING' || this.runs.has(exec.executionArn)) continue;
      const machine = this.machines.get(exec.stateMachineArn);
      if (machine) this.startRun(exec, machine, 'resume');
    }
  }

  /** Stops every run (executions stay RUNNING on disk, to be resumed) and writes pending data. */
  async close(): Promise<void> {
    for (const run of [...this.runs.values()]) this.stopRun(run, 'close');
    this.flush();
  }

  // ---------------------------------------------------------------------------------------------
  // Runs
  // ---------------------------------------------------------------------------------------------

  /**
   * Runs an execution: from the start, or from its last top-level state with that state's recorded
   * input, either resuming after a restart (the state was entered already: its pending token or
   * wait is taken up again) or redriving (the state is entered afresh).
   */
  private startRun(exec: ExecutionRecord, machine: MachineEntry, mode: 'start' | 'resume' | 'redrive'): void {
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
        this.finish(
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
      handlers[stateName] = (taskInput) => this.runTask(run, meta, taskInput) as Promise<LibInput>;
    }
    this.runs.set(exec.executionArn, run);

    if (compiled.executionTimeoutSeconds !== undefined) {
      // A redriven execution's timeout counts from the redrive.
      const deadline =
        (exec.redriveDate ?? exec.startDate) + compiled.executionTimeoutSeconds * 1000 * this.spanScale;
      const cancel = clockTimeout(
        () => {
          run.cancellers.delete(stopTimer);
          this.finish(
            exec,
            'TIMED_OUT',
            { error: 'States.Timeout', cause: 'The execution timed out (TimeoutSeconds).' },
            'ExecutionTimedOut',
            'executionTimedOutEventDetails',
            'finished',
          );
        },
        deadline,
        this.timerScale,
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
        context: this.contextFor(exec, machine),
      });
    } catch (error) {
      this.finish(
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
    void this.consume(run, machineRun.eventLogs);
    // The event log normally ends the execution; this covers a run that ends without its events.
    machineRun.result.then(
      (output) =>
        setImmediate(() => {
          if (!run.stopped && exec.status === 'RUNNING') {
            this.finish(
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
            this.finish(
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

  private stopRun(run: Run, reason: StopReason): void {
    if (run.stopped) return;
    run.stopped = true;
    if (this.runs.get(run.exec.executionArn) === run) this.runs.delete(run.exec.executionArn);
    try {
      run.abort();
    } catch {
      // already settled
    }
    const cancellers = [...run.cancellers];
    run.cancellers.clear();
    for (const cancel of cancellers) cancel(new StoppedError(reason));
  }

  private assertActive(run: Run): void {
    if (run.stopped || run.exec.status !== 'RUNNING') throw new StoppedError('finished');
  }

  private contextFor(exec: ExecutionRecord, machine: MachineEntry): Record<string, unknown> {
    return {
      Execution: {
        Id: exec.executionArn,
        Name: exec.name,
        RoleArn: this.roleArn(machine),
        StartTime: new Date(exec.startDate).toISOString(),
        RedriveCount: exec.redriveCount ?? 0,
        ...(exec.redriveDate !== undefined ? { RedriveTime: new Date(exec.redriveDate).toISOString() } : {}),
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
      Task: { Token: this.placeholder },
    };
  }

  private async consume(run: Run, events: AsyncGenerator<LibEvent>): Promise<void> {
    try {
      for await (const event of events) {
        if (run.stopped || run.exec.status !== 'RUNNING') break;
        this.onLibraryEvent(run, event);
      }
    } catch (error) {
      if (!run.stopped && run.exec.status === 'RUNNING') {
        this.finish(
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

  private onLibraryEvent(run: Run, event: LibEvent): void {
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
        this.record(exec, `${type}StateEntered` as HistoryEventType, 'stateEnteredEventDetails', {
          name,
          input,
          inputDetails: { truncated: false },
        });
        if (type === 'Parallel') this.record(exec, 'ParallelStateStarted');
        if (type === 'Map') this.record(exec, 'MapStateStarted', 'mapStateStartedEventDetails', {});
        this.checkStatePayload(exec, name, input);
        return;
      }
      case 'StateExited': {
        const name = event.state.name;
        if (name === run.syntheticState) return;
        const type = typeOf(name, event.state.type);
        const output = JSON.stringify(event.state.output ?? null);
        const index = exec.current.indexOf(name);
        if (index >= 0) exec.current.splice(index, 1);
        if (type === 'Parallel') this.record(exec, 'ParallelStateSucceeded');
        if (type === 'Map') this.record(exec, 'MapStateSucceeded');
        this.record(exec, `${type}StateExited` as HistoryEventType, 'stateExitedEventDetails', {
          name,
          output,
          outputDetails: { truncated: false },
        });
        this.checkStatePayload(exec, name, output);
        return;
      }
      case 'StateFailed': {
        const type = typeOf(event.state.name, event.state.type);
        if (type === 'Parallel') this.record(exec, 'ParallelStateFailed');
        if (type === 'Map') this.record(exec, 'MapStateFailed');
        return;
      }
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed': {
        const key = `mapIteration${event.type.slice('MapIteration'.length)}EventDetails`;
        this.record(exec, event.type, key, { name: event.parentState.name, index: event.index });
        return;
      }
      case 'ExecutionSucceeded':
        this.finish(
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
        this.finish(exec, 'FAILED', details, 'ExecutionFailed', 'executionFailedEventDetails', 'finished');
        return;
      }
      default:
        // ExecutionStarted is recorded by startExecution; retries, catches and branch events have
        // no AWS counterpart; aborts and timeouts are recorded by the engine itself.
        return;
    }
  }

  private checkStatePayload(exec: ExecutionRecord, stateName: string, text: string): void {
    if (exec.status === 'RUNNING' && byteLength(text) > PAYLOAD_LIMIT) {
      this.finish(
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

  // ---------------------------------------------------------------------------------------------
  // Tasks
  // ---------------------------------------------------------------------------------------------

  private async runTask(run: Run, meta: TaskMeta, raw: unknown): Promise<Json> {
    // Let the event log catch up (the library dispatched StateEntered just before calling us).
    await nextMacrotask();
    await captureTimeoutErrorClass();
    this.assertActive(run);
    const wrapped = isObject(raw) ? (raw as JsonObject) : {};
    if (meta.kind === 'wait') return this.runWait(run, meta, wrapped);
    const params = wrapped.p ?? null;
    const timeoutSeconds = typeof wrapped.t === 'number' ? wrapped.t : meta.timeoutSeconds;
    const heartbeatSeconds = typeof wrapped.h === 'number' ? wrapped.h : meta.heartbeatSeconds;
    if (meta.pattern === 'callback')
      return this.runCallbackTask(run, meta, params, timeoutSeconds, heartbeatSeconds);
    this.checkTaskPayload(meta, params, 'input');
    this.recordScheduled(run, meta, params, timeoutSeconds, undefined);
    try {
      // Plain tasks keep their TimeoutSeconds in real time (handlers take real time); .sync waits
      // on another workflow, so its timeout is scaled like callbacks.
      const scale = meta.pattern === 'request-response' ? 1 : this.timeScale;
      const timeoutMs = timeoutSeconds !== undefined ? timeoutSeconds * 1000 * scale : undefined;
      const result = await this.guard(run, this.invoke(run, meta, params, undefined), timeoutMs);
      this.assertActive(run);
      this.checkTaskPayload(meta, result, 'output');
      this.recordOutcome(run, meta, 'Succeeded', { output: JSON.stringify(result) });
      return result;
    } catch (error) {
      throw this.taskFailed(run, meta, error);
    }
  }

  /** Records a task's failure (unless the run was stopped) and returns the error for the library. */
  private taskFailed(run: Run, meta: TaskMeta, error: unknown): Error {
    if (error instanceof StoppedError || run.stopped)
      return error instanceof Error ? error : new StoppedError('finished');
    if (error instanceof TerminalError) {
      this.recordOutcome(run, meta, 'Failed', { error: error.name, cause: error.message });
      return error;
    }
    const failure = toTaskFailure(error);
    const timedOut = failure.name === 'States.Timeout' || failure.name === 'States.HeartbeatTimeout';
    const details: ErrorDetails = { error: failure.name };
    if (failure.message) details.cause = failure.message;
    this.recordOutcome(run, meta, timedOut ? 'TimedOut' : 'Failed', details);
    return failure;
  }

  private checkTaskPayload(meta: TaskMeta, value: Json, what: 'input' | 'output'): void {
    if (byteLength(JSON.stringify(value)) > PAYLOAD_LIMIT) {
      throw new TerminalError(
        'States.DataLimitExceeded',
        `The ${what} of task '${meta.stateName}' exceeds the maximum of ${PAYLOAD_LIMIT} bytes.`,
      );
    }
  }

  private async runCallbackTask(
    run: Run,
    meta: TaskMeta,
    params: Json,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
  ): Promise<Json> {
    const exec = run.exec;
    const paramsKey = JSON.stringify(params);
    const reusable = this.findReusableToken(run, meta.stateName, paramsKey);
    if (reusable) {
      // Resumed after a restart: the handler already ran and the token is out (e-mailed links
      // must keep working), so only wait for it again, with what is left of its timeout.
      run.claimedTokens.add(reusable.token);
      return this.completeCallback(run, meta, this.awaitToken(run, reusable));
    }
    this.checkTaskPayload(meta, params, 'input');
    const token = randomBytes(48).toString('base64url');
    const realParams = replaceInStrings(params, this.placeholder, token);
    const now = Date.now();
    const rec: TokenRecord = {
      token,
      stateName: meta.stateName,
      paramsKey,
      status: 'PENDING',
      issuedAt: now,
      lastHeartbeatAt: now,
      consumed: false,
    };
    if (timeoutSeconds !== undefined) rec.timeoutAt = now + timeoutSeconds * 1000 * this.spanScale;
    if (heartbeatSeconds !== undefined) rec.heartbeatMs = heartbeatSeconds * 1000 * this.spanScale;
    if (exec.position?.stateName === meta.stateName && exec.position.entry !== undefined) {
      rec.entry = exec.position.entry;
    }
    exec.tokens.push(rec);
    this.taskTokens.add(exec, rec);
    run.claimedTokens.add(token);
    this.recordScheduled(run, meta, realParams, timeoutSeconds, heartbeatSeconds);
    const outcome = this.awaitToken(run, rec);
    outcome.catch(() => undefined);
    let submitted: Json;
    try {
      submitted = await this.guard(run, this.invoke(run, meta, realParams, token), undefined);
    } catch (error) {
      if (rec.status === 'PENDING') {
        rec.status = 'CLOSED';
        this.waiters.get(token)?.abandon();
        this.persist(exec);
      }
      throw this.taskFailed(run, meta, error);
    }
    if (!run.stopped && exec.status === 'RUNNING') {
      this.recordOutcome(run, meta, 'Submitted', { output: JSON.stringify(submitted) });
    }
    return this.completeCallback(run, meta, outcome);
  }

  private async completeCallback(run: Run, meta: TaskMeta, outcome: Promise<Json>): Promise<Json> {
    try {
      const result = await outcome;
      this.assertActive(run);
      this.checkTaskPayload(meta, result, 'output');
      this.recordOutcome(run, meta, 'Succeeded', { output: JSON.stringify(result) });
      return result;
    } catch (error) {
      throw this.taskFailed(run, meta, error);
    }
  }

  private findReusableToken(run: Run, stateName: string, paramsKey: string): TokenRecord | undefined {
    // An answer taken by the run before a crash, whose state's exit was not written yet: the state
    // is re-entered on resume, and the stored answer is handed over again rather than a new token
    // issued (which would e-mail a new link for a task already answered).
    const position = run.exec.position;
    if (run.resumeEntry !== undefined && position?.stateName === stateName) {
      const answered = run.exec.tokens.find(
        (rec) =>
          rec.entry === run.resumeEntry &&
          rec.stateName === stateName &&
          !run.claimedTokens.has(rec.token) &&
          (rec.status === 'SUCCEEDED' || rec.status === 'FAILED'),
      );
      if (answered) {
        answered.consumed = false;
        return answered;
      }
    }
    const candidates = run.exec.tokens.filter(
      (rec) =>
        rec.stateName === stateName &&
        !run.claimedTokens.has(rec.token) &&
        (rec.status === 'PENDING' ||
          ((rec.status === 'SUCCEEDED' || rec.status === 'FAILED') && !rec.consumed)),
    );
    const exact = candidates.find((rec) => rec.paramsKey === paramsKey);
    if (exact) return exact;
    // Parameters can differ after a restart ($$.Execution.StartTime, States.UUID()): with a single
    // outstanding token for this state there is no ambiguity.
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  private awaitToken(run: Run, rec: TokenRecord): Promise<Json> {
    const exec = run.exec;
    return new Promise<Json>((resolve, reject) => {
      if ((rec.status === 'SUCCEEDED' || rec.status === 'FAILED') && !rec.consumed) {
        rec.consumed = true;
        this.persist(exec);
        if (rec.status === 'SUCCEEDED') resolve(JSON.parse(rec.output ?? 'null') as Json);
        else reject(new TaskFailure(rec.error ?? '', rec.cause ?? ''));
        return;
      }
      if (rec.status !== 'PENDING') {
        reject(new TaskFailure('States.Runtime', 'The task token is no longer valid'));
        return;
      }
      let cancelTimer: () => void = () => undefined;
      const cleanup = () => {
        cancelTimer();
        if (this.waiters.get(rec.token) === waiter) this.waiters.delete(rec.token);
        run.cancellers.delete(cancel);
      };
      const arm = () => {
        cancelTimer();
        const deadlines: [number, 'timeout' | 'heartbeat'][] = [];
        if (rec.timeoutAt !== undefined) deadlines.push([rec.timeoutAt, 'timeout']);
        if (rec.heartbeatMs !== undefined)
          deadlines.push([rec.lastHeartbeatAt + rec.heartbeatMs, 'heartbeat']);
        deadlines.sort((a, b) => a[0] - b[0]);
        const first = deadlines[0];
        if (!first) return;
        const [at, kind] = first;
        cancelTimer = clockTimeout(
          () => {
            rec.status = 'TIMED_OUT';
            this.persist(exec);
            cleanup();
            reject(kind === 'timeout' ? statesTimeout() : new HeartbeatTimeout());
          },
          at,
          this.timerScale,
        );
      };
      const waiter: Waiter = {
        complete: (outcome) => {
          cleanup();
          rec.consumed = true;
          this.persist(exec);
          if (outcome.ok) resolve(outcome.value);
          else reject(new TaskFailure(outcome.error, outcome.cause));
        },
        heartbeat: arm,
        abandon: () => {
          cleanup();
          reject(new StoppedError('finished'));
        },
      };
      const cancel = (error: StoppedError) => {
        cleanup();
        reject(error);
      };
      this.waiters.set(rec.token, waiter);
      run.cancellers.add(cancel);
      arm();
    });
  }

  private async runWait(run: Run, meta: TaskMeta, wrapped: JsonObject): Promise<Json> {
    const exec = run.exec;
    const input = wrapped.input ?? null;
    let ms = 0;
    if ('seconds' in wrapped) {
      const seconds = wrapped.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        throw new TerminalError(
          'States.Runtime',
          `Wait '${meta.stateName}': seconds must be a non-negative number`,
        );
      }
      ms = seconds * 1000 * this.spanScale;
    } else if ('timestamp' in wrapped) {
      const at = typeof wrapped.timestamp === 'string' ? Date.parse(wrapped.timestamp) : Number.NaN;
      if (Number.isNaN(at)) {
        throw new TerminalError('States.Runtime', `Wait '${meta.stateName}': invalid timestamp`);
      }
      ms = Math.max(0, at - Date.now()) * this.spanScale;
    }
    const key = JSON.stringify(wrapped);
    const open = exec.waits.filter(
      (wait) => wait.stateName === meta.stateName && !run.claimedWaits.has(wait),
    );
    let rec = open.find((wait) => wait.key === key) ?? (open.length === 1 ? open[0] : undefined);
    if (!rec) {
      rec = { stateName: meta.stateName, key, wakeAt: Date.now() + ms };
      exec.waits.push(rec);
      this.persist(exec);
    }
    run.claimedWaits.add(rec);
    const wait = rec;
    await new Promise<void>((resolve, reject) => {
      const cancel = (error: StoppedError) => {
        stop();
        reject(error);
      };
      const stop = clockTimeout(
        () => {
          run.cancellers.delete(cancel);
          resolve();
        },
        wait.wakeAt,
        this.timerScale,
      );
      run.cancellers.add(cancel);
    });
    this.assertActive(run);
    exec.waits = exec.waits.filter((item) => item !== wait);
    this.persist(exec);
    return input;
  }

  /** Races a promise against the run being stopped and an optional timeout (→ States.Timeout). */
  private guard<T>(run: Run, promise: Promise<T>, timeoutMs: number | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let cancelTimer: () => void = () => undefined;
      const done = () => {
        cancelTimer();
        run.cancellers.delete(cancel);
      };
      const cancel = (error: StoppedError) => {
        done();
        reject(error);
      };
      if (run.stopped) {
        reject(new StoppedError('finished'));
        return;
      }
      run.cancellers.add(cancel);
      if (timeoutMs !== undefined) {
        cancelTimer = realTimeout(() => {
          done();
          reject(statesTimeout());
        }, timeoutMs);
      }
      promise.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          reject(error);
        },
      );
    });
  }

  private async invoke(run: Run, meta: TaskMeta, params: Json, taskToken: string | undefined): Promise<Json> {
    const context: { executionArn: string; stateName: string; taskToken?: string } = {
      executionArn: run.exec.executionArn,
      stateName: meta.stateName,
    };
    if (taskToken !== undefined) context.taskToken = taskToken;
    switch (meta.integration) {
      case 'lambda-direct': {
        const handler = this.handlerFor(run.machine, meta.resource);
        return toJson(await handler(params, context));
      }
      case 'lambda-invoke': {
        if (!isObject(params) || typeof params.FunctionName !== 'string') {
          throw new TaskFailure(
            'States.Runtime',
            `Task '${meta.stateName}': Parameters.FunctionName is required`,
          );
        }
        const handler = this.handlerFor(run.machine, params.FunctionName);
        const payload = toJson(await handler(params.Payload ?? {}, context));
        const requestId = randomUUID();
        return {
          ExecutedVersion: '$LATEST',
          Payload: payload,
          SdkHttpMetadata: {
            AllHttpHeaders: { 'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': [requestId] },
            HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId },
            HttpStatusCode: 200,
          },
          SdkResponseMetadata: { RequestId: requestId },
          StatusCode: 200,
        };
      }
      case 'start-execution': {
        const target = isObject(params) ? String(params.StateMachineArn) : '';
        const refusal = await this.authorize?.({
          stateMachineArn: run.machine.arn,
          action: 'states:StartExecution',
          resource: target,
        });
        if (refusal) throw new TaskFailure('StepFunctions.AWSStepFunctionsException', refusal);
        return this.invokeStartExecution(run, meta, params);
      }
      default:
        throw new TerminalError(
          'States.Runtime',
          `Task '${meta.stateName}': resource '${meta.resource}' is not supported by the local engine`,
        );
    }
  }

  private async invokeStartExecution(run: Run, meta: TaskMeta, params: Json): Promise<Json> {
    if (!isObject(params) || typeof params.StateMachineArn !== 'string') {
      throw new TaskFailure(
        'StepFunctions.InvalidArnException',
        `Task '${meta.stateName}': Parameters.StateMachineArn is required`,
      );
    }
    const input =
      params.Input === undefined
        ? '{}'
        : typeof params.Input === 'string'
          ? params.Input
          : JSON.stringify(params.Input);
    let started: { executionArn: string; startDate: Date };
    try {
      const request: { stateMachineArn: string; name?: string; input: string } = {
        stateMachineArn: params.StateMachineArn,
        input,
      };
      if (typeof params.Name === 'string') request.name = params.Name;
      started = this.startExecution(request);
    } catch (error) {
      if (error instanceof StepFunctionsError) {
        throw new TaskFailure(`StepFunctions.${error.name}Exception`, error.message);
      }
      throw error;
    }
    if (meta.pattern !== 'sync' && meta.pattern !== 'sync2') {
      return { ExecutionArn: started.executionArn, StartDate: started.startDate.getTime() };
    }
    const child = await this.waitChild(run, started.executionArn);
    const parse = meta.pattern === 'sync2';
    const shape: JsonObject = {
      ExecutionArn: child.executionArn,
      Input: parse ? (JSON.parse(child.input) as Json) : child.input,
      InputDetails: { Included: true },
      Name: child.name,
      StartDate: child.startDate.getTime(),
      StateMachineArn: child.stateMachineArn,
      Status: child.status,
      StopDate: child.stopDate?.getTime() ?? null,
    };
    if (child.output !== undefined) {
      shape.Output = parse ? (JSON.parse(child.output) as Json) : child.output;
      shape.OutputDetails = { Included: true };
    }
    if (child.error !== undefined) shape.Error = child.error;
    if (child.cause !== undefined) shape.Cause = child.cause;
    if (child.status !== 'SUCCEEDED') throw new TaskFailure('States.TaskFailed', JSON.stringify(shape));
    return shape;
  }

  private waitChild(run: Run, executionArn: string): Promise<ExecutionDescription> {
    return new Promise((resolve, reject) => {
      let off: () => void = () => undefined;
      const cancel = (error: StoppedError) => {
        off();
        // AWS stops the child of a .sync task when the parent is stopped.
        if (error.reason === 'stop') this.stopExecution({ executionArn, error: 'States.Aborted' });
        reject(error);
      };
      const check = () => {
        const description = this.describeExecution({ executionArn });
        if (description.status !== 'RUNNING') {
          off();
          run.cancellers.delete(cancel);
          resolve(description);
        }
      };
      off = this.onChange((arn) => {
        if (arn === executionArn) check();
      });
      run.cancellers.add(cancel);
      check();
    });
  }

  private handlerFor(machine: MachineEntry, reference: string): TaskHandler {
    const name = functionNameOf(reference);
    const own = machine.handlers.get(reference) ?? machine.handlers.get(name);
    if (own) return own;
    for (const other of this.machines.values()) {
      const handler = other.handlers.get(reference) ?? other.handlers.get(name);
      if (handler) return handler;
    }
    throw new TaskFailure(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${reference} (no local handler registered)`,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // History and status
  // ---------------------------------------------------------------------------------------------

  private recordScheduled(
    run: Run,
    meta: TaskMeta,
    params: Json,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
  ): void {
    for (const event of scheduledEvents(meta, params, {
      timeoutSeconds,
      heartbeatSeconds,
      region: this.region,
    }))
      this.record(run.exec, event.type, event.detailsKey, event.details);
  }

  private recordOutcome(
    run: Run,
    meta: TaskMeta,
    kind: TaskOutcomeKind,
    data: { output?: string; error?: string; cause?: string },
  ): void {
    if (run.stopped || run.exec.status !== 'RUNNING') return;
    const event = outcomeEvent(meta, kind, data);
    if (event) this.record(run.exec, event.type, event.detailsKey, event.details);
  }

  private record(
    exec: ExecutionRecord,
    type: HistoryEventType,
    detailsKey?: string,
    details?: Record<string, unknown>,
  ): void {
    exec.history.push(nextEvent(exec, type, detailsKey, details));
    this.persist(exec);
    this.notify(exec.executionArn);
    if (exec.status === 'RUNNING' && exec.history.length >= HISTORY_LIMIT) {
      this.finish(
        exec,
        'FAILED',
        {
          error: 'States.Runtime',
          cause: `The execution reached the maximum number of history events (${HISTORY_LIMIT}).`,
        },
        'ExecutionFailed',
        'executionFailedEventDetails',
        'finished',
      );
    }
  }

  private finish(
    exec: ExecutionRecord,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    fields: { output?: string; error?: string; cause?: string },
    eventType: HistoryEventType,
    detailsKey: string,
    reason: StopReason,
  ): void {
    if (exec.status !== 'RUNNING') return;
    exec.status = status;
    exec.stopDate = Date.now();
    if (fields.output !== undefined) exec.output = fields.output;
    if (fields.error !== undefined) exec.error = fields.error;
    if (fields.cause !== undefined) exec.cause = fields.cause;
    const details: Record<string, unknown> = {};
    if (fields.output !== undefined) {
      details.output = fields.output;
      details.outputDetails = { truncated: false };
    }
    if (fields.error !== undefined) details.error = fields.error;
    if (fields.cause !== undefined) details.cause = fields.cause;
    for (const rec of exec.tokens) {
      if (rec.status === 'PENDING') {
        rec.status = status === 'TIMED_OUT' ? 'TIMED_OUT' : 'CLOSED';
        this.waiters.get(rec.token)?.abandon();
      }
    }
    exec.waits = [];
    exec.current = [];
    this.record(exec, eventType, detailsKey, details);
    const run = this.runs.get(exec.executionArn);
    if (run) this.stopRun(run, reason);
  }

  private listItem(exec: ExecutionRecord): ExecutionListItem {
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

  private roleArn(machine: MachineEntry): string {
    return `arn:aws:iam::${this.accountId}:role/${machine.name}-local-role`;
  }

  private machineOrThrow(stateMachineArn: string): MachineEntry {
    if (
      typeof stateMachineArn !== 'string' ||
      !/^arn:aws[a-z-]*:states:[^:]+:[^:]+:stateMachine:[^:]+(:[^:]+)?$/.test(stateMachineArn)
    ) {
      throw new InvalidArn(`Invalid Arn: '${String(stateMachineArn)}'`);
    }
    const base = stateMachineArn.split(':').slice(0, 7).join(':');
    const machine = this.machines.get(base);
    if (!machine) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${stateMachineArn}'`);
    return machine;
  }

  private executionOrThrow(executionArn: string): ExecutionRecord {
    if (
      typeof executionArn !== 'string' ||
      !/^arn:aws[a-z-]*:states:[^:]+:[^:]+:execution:[^:]+:[^:]+$/.test(executionArn)
    ) {
      throw new InvalidArn(`Invalid Arn: '${String(executionArn)}'`);
    }
    const exec = this.executions.get(executionArn);
    if (!exec) throw new ExecutionDoesNotExist(`Execution Does Not Exist: '${executionArn}'`);
    return exec;
  }

  private notify(executionArn: string): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(executionArn);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence
  // ---------------------------------------------------------------------------------------------

  private persist(exec: ExecutionRecord): void {
    if (!this.dataDir) return;
    this.dirty.add(exec.executionArn);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), 50);
      this.flushTimer.unref();
    }
  }

  /** Writes the execution's file now (before an answer that must survive a crash is given). */
  private persistNow(exec: ExecutionRecord): void {
    if (!this.dataDir) return;
    this.dirty.delete(exec.executionArn);
    mkdirSync(this.dataDir, { recursive: true });
    this.writeFile(exec);
  }

  private writeFile(exec: ExecutionRecord): void {
    writeExecutionFile(this.dataDir ?? '.', exec);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.dataDir) return;
    mkdirSync(this.dataDir, { recursive: true });
    for (const executionArn of [...this.dirty]) {
      this.dirty.delete(executionArn);
      const exec = this.executions.get(executionArn);
      if (exec) this.writeFile(exec);
    }
  }

  private load(dataDir: string): void {
    for (const exec of readExecutionFiles(dataDir)) {
      this.sequence = Math.max(this.sequence, exec.seq);
      this.executions.set(exec.executionArn, exec);
      for (const rec of exec.tokens) this.taskTokens.add(exec, rec);
    }
  }
}
