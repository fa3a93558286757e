// What the engine's parts see of the service (engine.ts builds it): its settings and time scales,
// the registered state machines and the runs under way, the token registry, how an execution's
// history and status change, and the public operations a nested execution (states:startExecution)
// calls. run.ts, tasks.ts and integrations.ts take it as their first argument.
import type { LocalStepFunctions } from './engine.ts';
import type { ExecutionRecord, MachineEntry, Run, StopReason } from './internals.ts';
import type { TaskTokens } from './task-tokens.ts';
import type { ExecutionStatus, HistoryEventType, LocalStepFunctionsOptions } from './types.ts';

export interface EngineContext {
  readonly region: string;
  /** The time scale of the options (.sync task timeouts). */
  readonly timeScale: number;
  /** Clock ms per workflow ms: the time scale with a real clock, 1 with a shared scaled clock. */
  readonly spanScale: number;
  /** Real ms per clock ms: 1 with a real clock, the time scale with a shared scaled clock. */
  readonly timerScale: number;
  /** What $$.Task.Token resolves to; a callback task's handler replaces it with a fresh token. */
  readonly placeholder: string;
  readonly authorize: LocalStepFunctionsOptions['authorize'];
  readonly machines: ReadonlyMap<string, MachineEntry>;
  /** The run of each execution under way in this process, by execution ARN. */
  readonly runs: Map<string, Run>;
  readonly taskTokens: TaskTokens;
  /** Appends an event to the history, writes and announces it (failing at the history limit). */
  record(
    exec: ExecutionRecord,
    type: HistoryEventType,
    detailsKey?: string,
    details?: Record<string, unknown>,
  ): void;
  /** Ends a RUNNING execution: its status, its final event, its tokens closed, its run stopped. */
  finish(
    exec: ExecutionRecord,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    fields: { output?: string; error?: string; cause?: string },
    eventType: HistoryEventType,
    detailsKey: string,
    reason: StopReason,
  ): void;
  /** Writes the execution soon (batched). */
  persist(exec: ExecutionRecord): void;
  roleArn(machine: MachineEntry): string;
  /** The service's own operations, for a nested execution (started, watched, stopped with its parent). */
  readonly service: Pick<
    LocalStepFunctions,
    'startExecution' | 'describeExecution' | 'stopExecution' | 'onChange'
  >;
}
