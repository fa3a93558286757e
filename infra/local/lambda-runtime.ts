// Runs the catalogue's Lambda handlers in this process, as Lambda would: the same files, an event,
// a context object (exported for handler tests). Handlers are imported only after the environment is set, since they read their
// configuration at module load.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { repositoryRoot } from '../constructs/app-function.ts';
import { type FunctionName, functionCatalog } from '../functions.ts';

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalLambdaRuntime {
  /** Invokes a function by catalogue name; a thrown error keeps its name, as Step Functions sees it. */
  invoke(name: FunctionName, event: unknown): Promise<unknown>;
}

export function lambdaContext(name: string, timeoutSeconds: number): Context {
  // Lambda counts its timeout in real time, whatever the (possibly scaled) process clock does.
  const deadline = performance.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `percorso-pmi-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-south-1:000000000000:function:percorso-pmi-${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/percorso-pmi-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Imports every handler of the catalogue (after process.env is ready) and returns an invoker. */
export async function loadLocalLambdaRuntime(): Promise<LocalLambdaRuntime> {
  const handlers = new Map<FunctionName, AnyHandler>();
  for (const [name, spec] of Object.entries(functionCatalog) as [
    FunctionName,
    (typeof functionCatalog)[FunctionName],
  ][]) {
    const module = (await import(pathToFileURL(`${repositoryRoot}${spec.entry}`).href)) as Record<
      string,
      AnyHandler | undefined
    >;
    const exportName = (spec as { handler?: string }).handler ?? 'handler';
    const handler = module[exportName];
    if (typeof handler !== 'function') throw new Error(`${spec.entry} does not export ${exportName}`);
    handlers.set(name, handler);
  }
  return {
    invoke: async (name, event) => {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`Unknown function ${name}`);
      const spec = functionCatalog[name] as { timeoutSeconds?: number };
      return handler(event, lambdaContext(name, spec.timeoutSeconds ?? 15));
    },
  };
}

/**
 * The account's concurrency quota over a runtime: an invocation finding `limit` others running is
 * refused with Lambda's TooManyRequestsException (API Gateway then answers 5xx, Step Functions
 * retries, the event source leaves the batch queued).
 */
export function limitConcurrency(
  runtime: LocalLambdaRuntime,
  limit: number,
): LocalLambdaRuntime & { readonly stats: () => { peak: number; throttled: number } } {
  let running = 0;
  let peak = 0;
  let throttled = 0;
  return {
    invoke: async (name, event) => {
      if (running >= limit) {
        throttled += 1;
        const error = new Error('Rate Exceeded.');
        error.name = 'TooManyRequestsException';
        throw error;
      }
      running += 1;
      peak = Math.max(peak, running);
      try {
        return await runtime.invoke(name, event);
      } finally {
        running -= 1;
      }
    },
    stats: () => ({ peak, throttled }),
  };
}
