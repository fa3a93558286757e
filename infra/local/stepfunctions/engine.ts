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
// definition), library-probe.ts, internals.ts (records, limits, timers), engine-context.ts (what the
// parts below see of the service), run.ts (an execution's run and the library's events), tasks.ts
// (Task and Wait states), integrations.ts (what a Task calls), history.ts (the events as AWS shapes
// them), task-tokens.ts (the callback pattern's tokens and answers), redrive.ts (RedriveExecution's
// rules), descriptions.ts (the List*/Describe* answers) and persistence.ts; this file keeps the
// service class and its lifecycle: registering, starting, stopping, redriving, resuming, closing.

import { randomUUID } from 'node:crypto';
import { compileDefinition, functionNameOf, validateName } from './compile.ts';
import {
  executionDescription,
  executionListItem,
  stateMachineDescription,
  stateMachineForExecution,
  stateMachineListItem,
} from './descriptions.ts';
import type { EngineContext } from './engine-context.ts';
import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  InvalidArn,
  InvalidExecutionInput,
  StateMachineDoesNotExist,
  ValidationException,
} from './errors.ts';
import { nextEvent, toHistoryEvent } from './history.ts';
import {
  byteLength,
  type ExecutionRecord,
  FILE_VERSION,
  HISTORY_LIMIT,
  type Json,
  type MachineEntry,
  PAYLOAD_LIMIT,
  paginate,
  type Run,
  STATUSES,
  type StopReason,
} from './internals.ts';
import { captureTimeoutErrorClass } from './library-probe.ts';
import { ExecutionFiles, readExecutionFiles } from './persistence.ts';
import { markRedriven, notRedrivableReason, repeatedRedrive } from './redrive.ts';
import { startRun, stopRun } from './run.ts';
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

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

export class LocalStepFunctions {
  private readonly region: string;
  private readonly accountId: string;
  private readonly dataDir: string | undefined;
  private readonly timeScale: number;
  private readonly machines = new Map<string, MachineEntry>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly files: ExecutionFiles;
  private readonly taskTokens = new TaskTokens({
    persist: (exec) => this.files.persist(exec),
    persistNow: (exec) => this.files.persistNow(exec),
    notify: (executionArn) => this.notify(executionArn),
  });
  private readonly waiters = this.taskTokens.waiters;
  private readonly runs = new Map<string, Run>();
  private readonly listeners = new Set<(executionArn: string) => void>();
  /** What run.ts, tasks.ts and integrations.ts see of the service. */
  private readonly context: EngineContext;
  private sequence = 0;

  constructor(options: LocalStepFunctionsOptions) {
    this.region = options.region;
    this.accountId = options.accountId;
    this.dataDir = options.dataDir;
    const scale = options.timeScale ?? 1;
    if (!Number.isFinite(scale) || scale < 0) throw new Error(`Invalid timeScale: ${scale}`);
    this.timeScale = scale;
    this.files = new ExecutionFiles(this.dataDir, (executionArn) => this.executions.get(executionArn));
    this.context = {
      region: this.region,
      timeScale: this.timeScale,
      spanScale: options.sharedClock ? 1 : scale,
      timerScale: options.sharedClock ? scale : 1,
      placeholder: `__local_sfn_task_token_${randomUUID()}__`,
      authorize: options.authorize,
      machines: this.machines,
      runs: this.runs,
      taskTokens: this.taskTokens,
      record: (exec, type, detailsKey, details) => this.record(exec, type, detailsKey, details),
      finish: (exec, status, fields, eventType, detailsKey, reason) =>
        this.finish(exec, status, fields, eventType, detailsKey, reason),
      persist: (exec) => this.files.persist(exec),
      roleArn: (machine) => this.roleArn(machine),
      service: this,
    };
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
    return [...this.machines.values()].sort((a, b) => a.name.localeCompare(b.name)).map(stateMachineListItem);
  }

  describeStateMachine(input: { stateMachineArn: string }): StateMachineDescription {
    const machine = this.machineOrThrow(input.stateMachineArn);
    return stateMachineDescription(machine, this.roleArn(machine));
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
    this.files.persistNow(exec);
    startRun(this.context, exec, machine, 'start');
    return { executionArn, startDate: new Date(exec.startDate) };
  }

  describeExecution(input: { executionArn: string }): ExecutionDescription {
    const exec = this.executionOrThrow(input.executionArn);
    return executionDescription(exec, notRedrivableReason(exec, this.machines));
  }

  /** The state machine an execution runs (locally: the definition registered now). */
  describeStateMachineForExecution(input: { executionArn: string }): StateMachineForExecution {
    const exec = this.executionOrThrow(input.executionArn);
    const machine = this.machines.get(exec.stateMachineArn);
    if (!machine) {
      throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${exec.stateMachineArn}'`);
    }
    return stateMachineForExecution(machine, this.roleArn(machine));
  }

  /**
   * Restarts a FAILED, TIMED_OUT or ABORTED execution from the state it stopped in, with the input
   * that state had: the states that succeeded before it do not run again (AWS RedriveExecution).
   * A retried call with the same clientToken answers again instead of failing.
   */
  redriveExecution(input: { executionArn: string; clientToken?: string }): { redriveDate: Date } {
    const exec = this.executionOrThrow(input.executionArn);
    const repeated = repeatedRedrive(exec, input.clientToken);
    if (repeated !== undefined) return { redriveDate: new Date(repeated) };
    const reason = notRedrivableReason(exec, this.machines);
    if (reason !== undefined) throw new ExecutionNotRedrivable(reason);
    const machine = this.machines.get(exec.stateMachineArn) as MachineEntry;
    const redriveDate = markRedriven(exec, input.clientToken);
    this.record(exec, 'ExecutionRedriven', 'executionRedrivenEventDetails', {
      redriveCount: exec.redriveCount,
    });
    this.files.persistNow(exec);
    startRun(this.context, exec, machine, 'redrive');
    return { redriveDate: new Date(redriveDate) };
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
      .map(executionListItem);
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
      this.files.persistNow(exec);
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
      if (machine) startRun(this.context, exec, machine, 'resume');
    }
  }

  /** Stops every run (executions stay RUNNING on disk, to be resumed) and writes pending data. */
  async close(): Promise<void> {
    for (const run of [...this.runs.values()]) stopRun(this.context, run, 'close');
    this.files.flush();
  }

  private record(
    exec: ExecutionRecord,
    type: HistoryEventType,
    detailsKey?: string,
    details?: Record<string, unknown>,
  ): void {
    exec.history.push(nextEvent(exec, type, detailsKey, details));
    this.files.persist(exec);
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
    if (run) stopRun(this.context, run, reason);
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

  private load(dataDir: string): void {
    for (const exec of readExecutionFiles(dataDir)) {
      this.sequence = Math.max(this.sequence, exec.seq);
      this.executions.set(exec.executionArn, exec);
      for (const rec of exec.tokens) this.taskTokens.add(exec, rec);
    }
  }
}
