// Task and Wait states as the engine runs them (the library hands each one over, see engine.ts's
// header): a plain or .sync task invoked under its timeout, a callback task (.waitForTaskToken)
// issued a token and waiting for its answer, heartbeat or timeout (after a restart, taking up the
// token already out rather than issuing a new one), a Wait slept on the clock and resumable; each
// with its scheduling and outcome recorded in the history and its payloads held to AWS's limit.
import { randomBytes } from 'node:crypto';
import { replaceInStrings } from './compile.ts';
import type { EngineContext } from './engine-context.ts';
import { HeartbeatTimeout, StoppedError, TaskFailure, TerminalError, toTaskFailure } from './errors.ts';
import { outcomeEvent, scheduledEvents, type TaskOutcomeKind } from './history.ts';
import { invoke } from './integrations.ts';
import {
  byteLength,
  clockTimeout,
  isObject,
  type Json,
  type JsonObject,
  nextMacrotask,
  PAYLOAD_LIMIT,
  type Run,
  realTimeout,
  type TaskMeta,
  type TokenRecord,
  type Waiter,
} from './internals.ts';
import { captureTimeoutErrorClass, statesTimeout } from './library-probe.ts';
import type { ErrorDetails } from './types.ts';

export async function runTask(ctx: EngineContext, run: Run, meta: TaskMeta, raw: unknown): Promise<Json> {
  // Let the event log catch up (the library dispatched StateEntered just before calling us).
  await nextMacrotask();
  await captureTimeoutErrorClass();
  assertActive(run);
  const wrapped = isObject(raw) ? (raw as JsonObject) : {};
  if (meta.kind === 'wait') return runWait(ctx, run, meta, wrapped);
  const params = wrapped.p ?? null;
  const timeoutSeconds = typeof wrapped.t === 'number' ? wrapped.t : meta.timeoutSeconds;
  const heartbeatSeconds = typeof wrapped.h === 'number' ? wrapped.h : meta.heartbeatSeconds;
  if (meta.pattern === 'callback')
    return runCallbackTask(ctx, run, meta, params, timeoutSeconds, heartbeatSeconds);
  checkTaskPayload(meta, params, 'input');
  recordScheduled(ctx, run, meta, params, timeoutSeconds, undefined);
  try {
    // Plain tasks keep their TimeoutSeconds in real time (handlers take real time); .sync waits
    // on another workflow, so its timeout is scaled like callbacks.
    const scale = meta.pattern === 'request-response' ? 1 : ctx.timeScale;
    const timeoutMs = timeoutSeconds !== undefined ? timeoutSeconds * 1000 * scale : undefined;
    const result = await guard(run, invoke(ctx, run, meta, params, undefined), timeoutMs);
    assertActive(run);
    checkTaskPayload(meta, result, 'output');
    recordOutcome(ctx, run, meta, 'Succeeded', { output: JSON.stringify(result) });
    return result;
  } catch (error) {
    throw taskFailed(ctx, run, meta, error);
  }
}

/** Records a task's failure (unless the run was stopped) and returns the error for the library. */
function taskFailed(ctx: EngineContext, run: Run, meta: TaskMeta, error: unknown): Error {
  if (error instanceof StoppedError || run.stopped)
    return error instanceof Error ? error : new StoppedError('finished');
  if (error instanceof TerminalError) {
    recordOutcome(ctx, run, meta, 'Failed', { error: error.name, cause: error.message });
    return error;
  }
  const failure = toTaskFailure(error);
  const timedOut = failure.name === 'States.Timeout' || failure.name === 'States.HeartbeatTimeout';
  const details: ErrorDetails = { error: failure.name };
  if (failure.message) details.cause = failure.message;
  recordOutcome(ctx, run, meta, timedOut ? 'TimedOut' : 'Failed', details);
  return failure;
}

function checkTaskPayload(meta: TaskMeta, value: Json, what: 'input' | 'output'): void {
  if (byteLength(JSON.stringify(value)) > PAYLOAD_LIMIT) {
    throw new TerminalError(
      'States.DataLimitExceeded',
      `The ${what} of task '${meta.stateName}' exceeds the maximum of ${PAYLOAD_LIMIT} bytes.`,
    );
  }
}

async function runCallbackTask(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  params: Json,
  timeoutSeconds: number | undefined,
  heartbeatSeconds: number | undefined,
): Promise<Json> {
  const exec = run.exec;
  const paramsKey = JSON.stringify(params);
  const reusable = findReusableToken(run, meta.stateName, paramsKey);
  if (reusable) {
    // Resumed after a restart: the handler already ran and the token is out (e-mailed links
    // must keep working), so only wait for it again, with what is left of its timeout.
    run.claimedTokens.add(reusable.token);
    return completeCallback(ctx, run, meta, awaitToken(ctx, run, reusable));
  }
  checkTaskPayload(meta, params, 'input');
  const token = randomBytes(48).toString('base64url');
  const realParams = replaceInStrings(params, ctx.placeholder, token);
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
  if (timeoutSeconds !== undefined) rec.timeoutAt = now + timeoutSeconds * 1000 * ctx.spanScale;
  if (heartbeatSeconds !== undefined) rec.heartbeatMs = heartbeatSeconds * 1000 * ctx.spanScale;
  if (exec.position?.stateName === meta.stateName && exec.position.entry !== undefined) {
    rec.entry = exec.position.entry;
  }
  exec.tokens.push(rec);
  ctx.taskTokens.add(exec, rec);
  run.claimedTokens.add(token);
  recordScheduled(ctx, run, meta, realParams, timeoutSeconds, heartbeatSeconds);
  const outcome = awaitToken(ctx, run, rec);
  outcome.catch(() => undefined);
  let submitted: Json;
  try {
    submitted = await guard(run, invoke(ctx, run, meta, realParams, token), undefined);
  } catch (error) {
    if (rec.status === 'PENDING') {
      rec.status = 'CLOSED';
      ctx.taskTokens.waiters.get(token)?.abandon();
      ctx.persist(exec);
    }
    throw taskFailed(ctx, run, meta, error);
  }
  if (!run.stopped && exec.status === 'RUNNING') {
    recordOutcome(ctx, run, meta, 'Submitted', { output: JSON.stringify(submitted) });
  }
  return completeCallback(ctx, run, meta, outcome);
}

async function completeCallback(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  outcome: Promise<Json>,
): Promise<Json> {
  try {
    const result = await outcome;
    assertActive(run);
    checkTaskPayload(meta, result, 'output');
    recordOutcome(ctx, run, meta, 'Succeeded', { output: JSON.stringify(result) });
    return result;
  } catch (error) {
    throw taskFailed(ctx, run, meta, error);
  }
}

function findReusableToken(run: Run, stateName: string, paramsKey: string): TokenRecord | undefined {
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

function awaitToken(ctx: EngineContext, run: Run, rec: TokenRecord): Promise<Json> {
  const exec = run.exec;
  return new Promise<Json>((resolve, reject) => {
    if ((rec.status === 'SUCCEEDED' || rec.status === 'FAILED') && !rec.consumed) {
      rec.consumed = true;
      ctx.persist(exec);
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
      if (ctx.taskTokens.waiters.get(rec.token) === waiter) ctx.taskTokens.waiters.delete(rec.token);
      run.cancellers.delete(cancel);
    };
    const arm = () => {
      cancelTimer();
      const deadlines: [number, 'timeout' | 'heartbeat'][] = [];
      if (rec.timeoutAt !== undefined) deadlines.push([rec.timeoutAt, 'timeout']);
      if (rec.heartbeatMs !== undefined) deadlines.push([rec.lastHeartbeatAt + rec.heartbeatMs, 'heartbeat']);
      deadlines.sort((a, b) => a[0] - b[0]);
      const first = deadlines[0];
      if (!first) return;
      const [at, kind] = first;
      cancelTimer = clockTimeout(
        () => {
          rec.status = 'TIMED_OUT';
          ctx.persist(exec);
          cleanup();
          reject(kind === 'timeout' ? statesTimeout() : new HeartbeatTimeout());
        },
        at,
        ctx.timerScale,
      );
    };
    const waiter: Waiter = {
      complete: (outcome) => {
        cleanup();
        rec.consumed = true;
        ctx.persist(exec);
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
    ctx.taskTokens.waiters.set(rec.token, waiter);
    run.cancellers.add(cancel);
    arm();
  });
}

async function runWait(ctx: EngineContext, run: Run, meta: TaskMeta, wrapped: JsonObject): Promise<Json> {
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
    ms = seconds * 1000 * ctx.spanScale;
  } else if ('timestamp' in wrapped) {
    const at = typeof wrapped.timestamp === 'string' ? Date.parse(wrapped.timestamp) : Number.NaN;
    if (Number.isNaN(at)) {
      throw new TerminalError('States.Runtime', `Wait '${meta.stateName}': invalid timestamp`);
    }
    ms = Math.max(0, at - Date.now()) * ctx.spanScale;
  }
  const key = JSON.stringify(wrapped);
  const open = exec.waits.filter((wait) => wait.stateName === meta.stateName && !run.claimedWaits.has(wait));
  let rec = open.find((wait) => wait.key === key) ?? (open.length === 1 ? open[0] : undefined);
  if (!rec) {
    rec = { stateName: meta.stateName, key, wakeAt: Date.now() + ms };
    exec.waits.push(rec);
    ctx.persist(exec);
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
      ctx.timerScale,
    );
    run.cancellers.add(cancel);
  });
  assertActive(run);
  exec.waits = exec.waits.filter((item) => item !== wait);
  ctx.persist(exec);
  return input;
}

/** Races a promise against the run being stopped and an optional timeout (→ States.Timeout). */
function guard<T>(run: Run, promise: Promise<T>, timeoutMs: number | undefined): Promise<T> {
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

function assertActive(run: Run): void {
  if (run.stopped || run.exec.status !== 'RUNNING') throw new StoppedError('finished');
}

function recordScheduled(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  params: Json,
  timeoutSeconds: number | undefined,
  heartbeatSeconds: number | undefined,
): void {
  for (const event of scheduledEvents(meta, params, {
    timeoutSeconds,
    heartbeatSeconds,
    region: ctx.region,
  }))
    ctx.record(run.exec, event.type, event.detailsKey, event.details);
}

function recordOutcome(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  kind: TaskOutcomeKind,
  data: { output?: string; error?: string; cause?: string },
): void {
  if (run.stopped || run.exec.status !== 'RUNNING') return;
  const event = outcomeEvent(meta, kind, data);
  if (event) ctx.record(run.exec, event.type, event.detailsKey, event.details);
}
