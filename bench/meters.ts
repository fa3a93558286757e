// Meters for the cost model, attached to the local stack inside the bench process: DynamoDB
// request units (an SDK middleware reading ConsumedCapacity), Lambda invocations and durations
// (a timing wrapper around the local runtime, and the local API server seen through Node's HTTP
// diagnostics channel), API requests. Counts come from what the handlers actually did.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { matchRoute } from '#infra/local/api-server.ts';
import type { LocalQueues } from '#infra/local/sqs.ts';

/** Invocations and durations of one function. */
export interface InvocationStats {
  count: number;
  errors: number;
  /** Sum of durations, ms. */
  totalMs: number;
  /** Sum of durations rounded up to the next ms each, as Lambda bills them. */
  billedMs: number;
  durationsMs: number[];
}

/** The function an SDK call is made on behalf of: set by the meters around each invocation. */
const invokedFunction = new AsyncLocalStorage<string>();

const emptyStats = (): InvocationStats => ({ count: 0, errors: 0, totalMs: 0, billedMs: 0, durationsMs: [] });

export class LambdaMeter {
  readonly byFunction = new Map<string, InvocationStats>();
  /** Wrapped invocations running now. */
  inFlight = 0;

  /**
   * Resolves once no wrapped invocation has run for `quietMs` (e.g. tasks of executions stopped
   * mid-flight, which still finish and may send e-mail), or after `timeoutMs` regardless.
   */
  async whenIdle(quietMs = 1000, timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.inFlight > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  record(name: string, durationMs: number, failed: boolean): void {
    let stats = this.byFunction.get(name);
    if (!stats) {
      stats = emptyStats();
      this.byFunction.set(name, stats);
    }
    stats.count++;
    if (failed) stats.errors++;
    stats.totalMs += durationMs;
    stats.billedMs += Math.max(1, Math.ceil(durationMs));
    stats.durationsMs.push(durationMs);
  }

  /** Wraps an invoker so that each call is timed under the function's name. */
  wrap<A extends unknown[], R>(name: string, invoke: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      const start = performance.now();
      let failed = false;
      this.inFlight++;
      try {
        return await invokedFunction.run(name, () => invoke(...args));
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        this.inFlight--;
        this.record(name, performance.now() - start, failed);
      }
    };
  }

  totals(): { invocations: number; billedMs: number; totalMs: number; errors: number } {
    let invocations = 0;
    let billedMs = 0;
    let totalMs = 0;
    let errors = 0;
    for (const stats of this.byFunction.values()) {
      invocations += stats.count;
      billedMs += stats.billedMs;
      totalMs += stats.totalMs;
      errors += stats.errors;
    }
    return { invocations, billedMs, totalMs, errors };
  }

  reset(): void {
    this.byFunction.clear();
  }
}

/**
 * Times every request the local API server answers for a route of the route table (not the local
 * console under /_local): one API Gateway request and one Lambda invocation each on AWS. The
 * duration runs from the request's arrival to the end of the response: the handler plus the local
 * adapter's microseconds.
 * @returns a function that stops listening
 */
export function meterApiServer(
  apiPort: number,
  lambdas: LambdaMeter,
  api: { requests: number; byStatus: Record<string, number> },
): () => void {
  const onStart = (message: unknown) => {
    const { request, response, server } = message as {
      request: IncomingMessage;
      response: ServerResponse;
      server: Server;
    };
    const address = server.address();
    if (typeof address !== 'object' || address?.port !== apiPort) return;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/_local')) return;
    const matched = matchRoute(request.method ?? 'GET', path);
    if (!matched || matched === 'method-not-allowed') return;
    // Published synchronously before the request is handled: the handler's SDK calls inherit it.
    invokedFunction.enterWith(matched.route.handler);
    const start = performance.now();
    response.once('finish', () => {
      api.requests++;
      const status = String(response.statusCode);
      api.byStatus[status] = (api.byStatus[status] ?? 0) + 1;
      lambdas.record(matched.route.handler, performance.now() - start, response.statusCode >= 500);
    });
  };
  diagnosticsChannel.subscribe('http.server.request.start', onStart);
  return () => diagnosticsChannel.unsubscribe('http.server.request.start', onStart);
}

/** DynamoDB request units, as AWS bills them in on-demand mode. */
export interface CapacityTotals {
  /** Read request units (strongly consistent read of ≤ 4 KB = 1). */
  readUnits: number;
  /** Write request units (write of ≤ 1 KB = 1; transactional = 2). */
  writeUnits: number;
  /** What DynamoDB Local reported, before the floors below. */
  reportedReadUnits: number;
  reportedWriteUnits: number;
  /** Calls per operation (successful and failed). */
  calls: Record<string, number>;
  /** Conditional writes and transactions that DynamoDB refused (they still consume units on AWS). */
  refusedWrites: number;
  /** Calls per function, then per operation and item kind (`GetItem APPLICATION`), for the report. */
  callsByFunction: Record<string, Record<string, number>>;
}

/** The kind of item a request addresses: its partition key's prefix, and the sort key's if fixed. */
function itemKind(operation: string, input: Record<string, unknown>): string {
  const keyOf = (key: unknown) => {
    const { pk, sk } = (key ?? {}) as { pk?: unknown; sk?: unknown };
    const prefix = (value: unknown) => (typeof value === 'string' ? (value.split('#')[0] ?? '') : '');
    return [prefix(pk), prefix(sk)].filter(Boolean).join('/');
  };
  if (operation === 'GetItem' || operation === 'UpdateItem' || operation === 'DeleteItem')
    return keyOf(input.Key);
  if (operation === 'PutItem') return keyOf(input.Item);
  if (operation === 'Query') return String(input.IndexName ?? 'table');
  if (operation === 'TransactWriteItems')
    return `${(input.TransactItems as unknown[] | undefined)?.length ?? 0} items`;
  if (operation === 'BatchGetItem') {
    const requests = Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>);
    return `${requests.reduce((sum, r) => sum + (r.Keys?.length ?? 0), 0)} keys`;
  }
  return '';
}

const readOperations = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const writeOperations = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

type ConsumedCapacity = { CapacityUnits?: number };

function reportedUnits(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] } | undefined)
    ?.ConsumedCapacity;
  if (!consumed) return 0;
  return (Array.isArray(consumed) ? consumed : [consumed]).reduce(
    (sum, c) => sum + (c.CapacityUnits ?? 0),
    0,
  );
}

/**
 * The least AWS charges for a request, whatever DynamoDB Local reports: it reports 0 for keys of a
 * BatchGetItem that find no item, but AWS charges a read for each key (½ if eventually consistent),
 * and at least one unit per item written (two in a transaction).
 */
function floorUnits(operation: string, input: Record<string, unknown>): number {
  const consistentFactor = (consistent: unknown) => (consistent === true ? 1 : 0.5);
  switch (operation) {
    case 'GetItem':
    case 'Query':
    case 'Scan':
      return consistentFactor(input.ConsistentRead);
    case 'BatchGetItem': {
      const requests = (input.RequestItems ?? {}) as Record<
        string,
        { Keys?: unknown[]; ConsistentRead?: boolean }
      >;
      return Object.values(requests).reduce(
        (sum, r) => sum + (r.Keys?.length ?? 0) * consistentFactor(r.ConsistentRead),
        0,
      );
    }
    case 'TransactGetItems':
    case 'TransactWriteItems':
      return 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 0);
    case 'BatchWriteItem': {
      const requests = (input.RequestItems ?? {}) as Record<string, unknown[]>;
      return Object.values(requests).reduce((sum, r) => sum + r.length, 0);
    }
    default:
      return 1;
  }
}

/**
 * Adds a middleware to a DynamoDB client (and so to every document client built on it, which
 * shares its middleware stack) that asks for ConsumedCapacity TOTAL on each request and adds it
 * up; failed conditional writes and cancelled transactions are charged their floor.
 * @returns the running totals (mutated in place) and a reset function
 */
export function meterDynamoDb(client: DynamoDBClient): { totals: CapacityTotals; reset(): void } {
  const totals: CapacityTotals = {
    readUnits: 0,
    writeUnits: 0,
    reportedReadUnits: 0,
    reportedWriteUnits: 0,
    calls: {},
    refusedWrites: 0,
    callsByFunction: {},
  };
  const add = (operation: string, reported: number, floor: number) => {
    const units = Math.max(reported, floor);
    if (readOperations.has(operation)) {
      totals.readUnits += units;
      totals.reportedReadUnits += reported;
    } else if (writeOperations.has(operation)) {
      totals.writeUnits += units;
      totals.reportedWriteUnits += reported;
    }
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      const metered = readOperations.has(operation) || writeOperations.has(operation);
      if (metered) input.ReturnConsumedCapacity = 'TOTAL';
      totals.calls[operation] = (totals.calls[operation] ?? 0) + 1;
      const caller = invokedFunction.getStore() ?? 'other';
      const byFunction = totals.callsByFunction[caller] ?? {};
      totals.callsByFunction[caller] = byFunction;
      const what = `${operation} ${itemKind(operation, input)}`.trim();
      byFunction[what] = (byFunction[what] ?? 0) + 1;
      try {
        const result = await next(args);
        if (metered) add(operation, reportedUnits(result.output), floorUnits(operation, input));
        return result;
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (
          writeOperations.has(operation) &&
          (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException')
        ) {
          totals.refusedWrites++;
          add(operation, 0, floorUnits(operation, input));
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCapacityMeter', priority: 'high' },
  );
  return {
    totals,
    reset: () => {
      Object.assign(totals, {
        readUnits: 0,
        writeUnits: 0,
        reportedReadUnits: 0,
        reportedWriteUnits: 0,
        calls: {},
        refusedWrites: 0,
        callsByFunction: {},
      });
    },
  };
}

/** The value below which the given share of the sorted values lie (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The process of the DynamoDB Local listening on this port (the JVM the local stack started). */
export function findDynamoDbLocalPid(port: number): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (commandLine.some((arg) => arg.includes('DynamoDBLocal')) && commandLine.includes(String(port)))
        return Number(entry);
    }
  } catch {
    // not Linux: no CPU split
  }
  return undefined;
}

/** CPU used by this process and by DynamoDB Local, seconds, for the split in the report. */
export interface CpuSample {
  readonly node: number;
  readonly dynamoDbLocal: number | undefined;
}

/** A sampler of this process's and DynamoDB Local's CPU time. */
export function cpuSampler(dynamoDbPort: number): () => CpuSample {
  const javaPid = findDynamoDbLocalPid(dynamoDbPort);
  return () => {
    const usage = process.cpuUsage();
    return {
      node: (usage.user + usage.system) / 1e6,
      dynamoDbLocal: javaPid === undefined ? undefined : processCpuSeconds(javaPid),
    };
  };
}

/** CPU ms per unit of work between two samples. */
export function cpuMsPer(before: CpuSample, after: CpuSample, units: number) {
  const per = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || units === 0 ? Number.NaN : ((b - a) * 1000) / units;
  return {
    node: per(before.node, after.node),
    dynamoDbLocal: per(before.dynamoDbLocal, after.dynamoDbLocal),
  };
}

/** SQS requests to the local queues, as AWS would bill them. */
export interface QueueTotals {
  /** SendMessage calls (the intake, one per application). */
  sends: number;
  /** Receives that found messages: each a ReceiveMessage and a DeleteMessageBatch on AWS. */
  batches: number;
  /** Billed requests: sends + 2 per batch (empty long polls are the pollers' idle cost). */
  requests: number;
}

/**
 * Counts the requests made to the local queues by wrapping their methods (the intake sends through
 * the SQS endpoint, Lambda's local pollers receive directly).
 */
export function meterQueues(queues: LocalQueues): { totals: QueueTotals; reset(): void } {
  const totals: QueueTotals = { sends: 0, batches: 0, requests: 0 };
  const send = queues.send.bind(queues);
  const receive = queues.receive.bind(queues);
  queues.send = (queue, body) => {
    totals.sends++;
    totals.requests++;
    return send(queue, body);
  };
  queues.receive = async (queue, options) => {
    const messages = await receive(queue, options);
    if (messages.length > 0) {
      totals.batches++;
      totals.requests += 2;
    }
    return messages;
  };
  return { totals, reset: () => Object.assign(totals, { sends: 0, batches: 0, requests: 0 }) };
}
