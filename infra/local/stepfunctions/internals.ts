// The engine's internal records (what a state machine, an execution, a token and a wait look
// like in memory and on disk), its limits (AWS's, PRODUCT.md) and small helpers: timers on the
// process clock or real time, JSON and pagination.

import type { StateMachine } from 'aws-local-stepfunctions';
import type { StoppedError } from './errors.ts';
import { InvalidToken } from './errors.ts';
import type { ExecutionStatus, HistoryEventType, TaskHandler } from './types.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type LibInput = Parameters<StateMachine['run']>[0];
export type LibRun = ReturnType<StateMachine['run']>;
export type LibEvent = LibRun['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
export type LibHandler = (input: LibInput) => Promise<LibInput>;

/** AWS limits (PRODUCT.md): history events per execution, bytes per payload. */
export const HISTORY_LIMIT = 25_000;
export const PAYLOAD_LIMIT = 256 * 1024;
/** The library always arms a per-task timer; this keeps it out of the way (setTimeout's maximum). */
export const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;
export const MAX_TIMER_MS = 2_147_483_647;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;
export const FILE_VERSION = 1;
export const STATUSES: readonly ExecutionStatus[] = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
];
/** AWS: an execution can be redriven within 14 days of its stop, at most 1,000 times. */
export const REDRIVE_PERIOD_MS = 14 * 24 * 3600 * 1000;
export const REDRIVE_LIMIT = 1000;

export type Integration = 'lambda-direct' | 'lambda-invoke' | 'start-execution' | 'unsupported';
export type Pattern = 'request-response' | 'callback' | 'sync' | 'sync2';

export interface TaskMeta {
  stateName: string;
  kind: 'task' | 'wait';
  resource: string;
  integration: Integration;
  pattern: Pattern;
  /** For Task* history events, e.g. lambda / invoke.waitForTaskToken. */
  resourceType: string;
  resourceName: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface CompiledMachine {
  definition: Record<string, unknown>;
  tasks: Map<string, TaskMeta>;
  types: Map<string, string>;
  topLevel: Set<string>;
  executionTimeoutSeconds?: number;
}

export interface MachineEntry {
  arn: string;
  name: string;
  definition: Record<string, unknown>;
  compiled: CompiledMachine;
  handlers: Map<string, TaskHandler>;
  creationDate: number;
  updateDate: number;
}

export interface StoredEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: HistoryEventType;
  detailsKey?: string;
  details?: Record<string, unknown>;
}

export interface TokenRecord {
  token: string;
  stateName: string;
  /** The task's parameters before the token was put in: finds the token again on resume. */
  paramsKey: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'CLOSED';
  issuedAt: number;
  timeoutAt?: number;
  heartbeatMs?: number;
  lastHeartbeatAt: number;
  /** Whether a run has taken the outcome (an outcome can arrive while no run waits, before resume). */
  consumed: boolean;
  /** The StateEntered event ID of the top-level entry that issued the token. */
  entry?: number;
  output?: string;
  error?: string;
  cause?: string;
}

export interface WaitRecord {
  stateName: string;
  key: string;
  wakeAt: number;
}

export interface ExecutionRecord {
  version: number;
  /** Order of creation, breaking ties between equal start dates. */
  seq: number;
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  history: StoredEvent[];
  tokens: TokenRecord[];
  waits: WaitRecord[];
  /** The top-level state last entered, its input and the ID of its StateEntered event. */
  position?: { stateName: string; input: Json; entry?: number };
  /** States entered and not exited (one entry per entry, for Map iterations). */
  current: string[];
  redriveCount?: number;
  redriveDate?: number;
  /** The clientToken of the last RedriveExecution: a retried call with it is answered again. */
  redriveClientToken?: string;
}

export type StopReason = 'close' | 'stop' | 'finished';

export interface Waiter {
  complete(outcome: { ok: true; value: Json } | { ok: false; error: string; cause: string }): void;
  heartbeat(): void;
  abandon(): void;
}

export interface Run {
  exec: ExecutionRecord;
  machine: MachineEntry;
  stopped: boolean;
  abort: () => void;
  cancellers: Set<(error: StoppedError) => void>;
  claimedTokens: Set<string>;
  claimedWaits: Set<WaitRecord>;
  skipEnterOnce?: string;
  syntheticState?: string;
  /** On a resume: the StateEntered event ID of the state re-entered. */
  resumeEntry?: number;
}

export const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls fn when the clock (Date.now) reaches deadline; timerScale real ms pass per clock ms (1 with
 * a real clock, the time scale with a scaled one). Re-arms past setTimeout's 24.8-day maximum.
 */
export function clockTimeout(fn: () => void, deadline: number, timerScale: number): () => void {
  let handle: NodeJS.Timeout;
  const arm = () => {
    const left = (deadline - Date.now()) * timerScale;
    handle = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fn, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(handle);
}

/** Calls fn after ms of real time (performance.now, whatever the process clock does). */
export function realTimeout(fn: () => void, ms: number): () => void {
  const deadline = performance.now() + Math.max(0, ms);
  let handle: NodeJS.Timeout;
  const arm = () => {
    const left = deadline - performance.now();
    handle = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fn, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(handle);
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toJson(value: unknown): Json {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Json);
}

export function causeText(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}
export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through
  }
  throw new InvalidToken('Invalid nextToken');
}
export function paginate<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined) {
  const offset = decodePageToken(nextToken);
  const size = maxResults && maxResults > 0 ? Math.min(maxResults, 1000) : items.length;
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encodePageToken(offset + size) : undefined;
  return { page, next };
}

export const DATA_FIELDS = new Set(['input', 'output', 'parameters', 'inputDetails', 'outputDetails']);
