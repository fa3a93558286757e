// One Lambda execution environment of the rehearsal, in a worker thread: the function's bundled
// asset, copied to its own task root as Lambda unzips it, loaded with exactly the environment the
// template gives it (plus what the Lambda runtime adds), then invoked event by event. Calls to the
// programme office's Cognito endpoints (JWKS, token exchange) go to the rehearsal's stand-in.
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

interface WorkerSetup {
  readonly taskRoot: string;
  readonly handler: string;
  readonly functionName: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly region: string;
  readonly account: string;
  /** The stand-in for Cognito's public endpoints. */
  readonly cognitoUrl: string;
}

export interface InvokeMessage {
  readonly id: number;
  readonly event: unknown;
}

export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly name: string; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly name: string; readonly message: string };

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('lambda-worker runs in a worker thread');

const cognitoHost = new RegExp(
  `^(cognito-idp\\.${setup.region}\\.amazonaws\\.com|[a-z0-9-]+\\.auth\\.${setup.region}\\.amazoncognito\\.com)$`,
);
const redirected = (url: URL) => new URL(`/${url.host}${url.pathname}${url.search}`, setup.cognitoUrl);

// Cognito's endpoints over plain HTTP on loopback, for both node:https and fetch.
const originalRequest = https.request;
https.request = ((input: string | URL | https.RequestOptions, ...rest: unknown[]) => {
  const url = typeof input === 'string' || input instanceof URL ? new URL(input) : undefined;
  if (url && cognitoHost.test(url.host)) {
    const [options, callback] = typeof rest[0] === 'function' ? [{}, rest[0]] : [rest[0] ?? {}, rest[1]];
    const { agent: _agent, ...plain } = options as https.RequestOptions;
    return http.request(redirected(url), plain as http.RequestOptions, callback as never);
  }
  return (originalRequest as (...args: unknown[]) => http.ClientRequest)(input, ...rest);
}) as typeof https.request;
syncBuiltinESMExports();
const originalFetch = globalThis.fetch;
globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (cognitoHost.test(url.host)) return originalFetch(redirected(url), init);
  return originalFetch(input, init);
};

function lambdaContext(requestId: string) {
  const deadline = Date.now() + setup.timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: setup.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${setup.region}:${setup.account}:function:${setup.functionName}`,
    memoryLimitInMB: String(setup.memorySizeMb),
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Lambda's Node runtime: `file.export`, file resolved as .mjs, .js or .cjs in the task root. */
async function loadHandler(): Promise<(event: unknown, context: unknown) => Promise<unknown>> {
  const dot = setup.handler.lastIndexOf('.');
  const file = setup.handler.slice(0, dot);
  const exportName = setup.handler.slice(dot + 1);
  const candidates = ['.mjs', '.js', '.cjs'].map((extension) => join(setup.taskRoot, `${file}${extension}`));
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) {
    const error = new Error(`Cannot find module '${file}'`);
    error.name = 'Runtime.ImportModuleError';
    throw error;
  }
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const handler = module[exportName];
  if (typeof handler !== 'function') {
    const error = new Error(`${setup.handler} is undefined or not exported`);
    error.name = 'Runtime.HandlerNotFound';
    throw error;
  }
  return handler as (event: unknown, context: unknown) => Promise<unknown>;
}

const errorOf = (error: unknown) => ({
  name: error instanceof Error ? error.name : 'Error',
  message: error instanceof Error ? error.message : String(error),
});

try {
  const handler = await loadHandler();
  let sequence = 0;
  port.on('message', (message: InvokeMessage) => {
    sequence += 1;
    const requestId = `${setup.functionName.slice(-8)}-${Date.now().toString(36)}-${sequence}`;
    process.env._X_AMZN_TRACE_ID = `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${requestId
      .replace(/[^a-f0-9]/g, '0')
      .padEnd(24, '0')
      .slice(0, 24)};Parent=0000000000000001;Sampled=0`;
    Promise.resolve()
      .then(() => handler(message.event, lambdaContext(requestId)))
      .then(
        (value) => port.postMessage({ type: 'result', id: message.id, value } satisfies WorkerReply),
        (error: unknown) =>
          port.postMessage({ type: 'error', id: message.id, ...errorOf(error) } satisfies WorkerReply),
      );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ type: 'init-error', ...errorOf(error) } satisfies WorkerReply);
}
