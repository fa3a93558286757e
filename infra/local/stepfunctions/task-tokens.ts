// The callback pattern's tokens (.waitForTaskToken): which execution and state each token belongs
// to, who waits on it, and SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat answered as AWS
// answers them (malformed, unknown, timed out, already used). An answer is written to disk before it
// is acknowledged, as AWS never loses an acknowledged SendTaskSuccess.
import { InvalidOutput, InvalidToken, TaskDoesNotExist, TaskTimedOut } from './errors.ts';
import {
  byteLength,
  type ExecutionRecord,
  type Json,
  PAYLOAD_LIMIT,
  TOKEN_PATTERN,
  type TokenRecord,
  type Waiter,
} from './internals.ts';

export class TaskTokens {
  private readonly tokens = new Map<string, { exec: ExecutionRecord; rec: TokenRecord }>();
  /** The run waiting on each pending token (none after a restart until the state is re-entered). */
  readonly waiters = new Map<string, Waiter>();

  /**
   * @param store.persist - writes the execution soon (heartbeats)
   * @param store.persistNow - writes it before returning (answers)
   * @param store.notify - tells the observers the execution changed
   */
  private readonly store: {
    persist(exec: ExecutionRecord): void;
    persistNow(exec: ExecutionRecord): void;
    notify(executionArn: string): void;
  };

  constructor(store: TaskTokens['store']) {
    this.store = store;
  }

  /** Knows a token of an execution (issued now, or read back from disk). */
  add(exec: ExecutionRecord, rec: TokenRecord): void {
    this.tokens.set(rec.token, { exec, rec });
  }

  /** The state machine of the execution a token belongs to. */
  stateMachineOf(taskToken: string): string | undefined {
    return this.tokens.get(taskToken)?.exec.stateMachineArn;
  }

  succeed(input: { taskToken: string; output: string }): void {
    const { exec, rec } = this.pending(input.taskToken);
    if (typeof input.output !== 'string' || byteLength(input.output) > PAYLOAD_LIMIT) {
      throw new InvalidOutput(`Task output must be a JSON string of at most ${PAYLOAD_LIMIT} bytes`);
    }
    let value: Json;
    try {
      value = JSON.parse(input.output) as Json;
    } catch (error) {
      throw new InvalidOutput(`Invalid task output: ${(error as Error).message}`);
    }
    rec.status = 'SUCCEEDED';
    rec.output = input.output;
    rec.consumed = false;
    // On disk before the answer is acknowledged: AWS never loses an acknowledged SendTaskSuccess.
    this.store.persistNow(exec);
    this.waiters.get(rec.token)?.complete({ ok: true, value });
    this.store.notify(exec.executionArn);
  }

  fail(input: { taskToken: string; error?: string; cause?: string }): void {
    const { exec, rec } = this.pending(input.taskToken);
    rec.status = 'FAILED';
    if (input.error !== undefined) rec.error = input.error;
    if (input.cause !== undefined) rec.cause = input.cause;
    rec.consumed = false;
    this.store.persistNow(exec);
    this.waiters.get(rec.token)?.complete({ ok: false, error: input.error ?? '', cause: input.cause ?? '' });
    this.store.notify(exec.executionArn);
  }

  heartbeat(input: { taskToken: string }): void {
    const { exec, rec } = this.pending(input.taskToken);
    rec.lastHeartbeatAt = Date.now();
    this.store.persist(exec);
    this.waiters.get(rec.token)?.heartbeat();
  }

  /** A token that can still be answered, or AWS's error saying why not. */
  private pending(taskToken: string): { exec: ExecutionRecord; rec: TokenRecord } {
    if (typeof taskToken !== 'string' || !TOKEN_PATTERN.test(taskToken)) {
      throw new InvalidToken('Invalid Token: the task token is malformed');
    }
    const entry = this.tokens.get(taskToken);
    if (!entry) throw new TaskDoesNotExist('Task does not exist anymore');
    const { exec, rec } = entry;
    if (rec.status === 'PENDING' && rec.timeoutAt !== undefined && Date.now() >= rec.timeoutAt) {
      throw new TaskTimedOut('Task Timed Out');
    }
    if (rec.status === 'TIMED_OUT') throw new TaskTimedOut('Task Timed Out');
    if (rec.status !== 'PENDING' || exec.status !== 'RUNNING') {
      throw new TaskDoesNotExist('Task does not exist anymore');
    }
    return entry;
  }
}
