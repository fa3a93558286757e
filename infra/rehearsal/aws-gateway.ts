// The AWS endpoint the rehearsal's functions talk to: every SDK call is authorised against the
// calling function's execution role (from its SigV4 access key) before it reaches the local
// service, and a denied call answers AccessDeniedException in the service's own wire format.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AuthorisationRequest, parseCall } from './aws-calls.ts';
import type { IamRoles, RoleIdentity } from './iam.ts';
import { listenOnLoopback } from './loopback.ts';

export interface Caller {
  /** How the summary names it: the function's logical ID. */
  readonly label: string;
  readonly role: RoleIdentity;
  /** The session name of the assumed role (Lambda uses the function name). */
  readonly session: string;
}

export interface CallRecord {
  readonly caller: string;
  readonly service: string;
  readonly operation: string;
  readonly checks: readonly AuthorisationRequest[];
  readonly denied?: string;
  readonly failed?: string;
}

export interface AwsGatewayOptions {
  readonly iam: IamRoles;
  readonly callers: ReadonlyMap<string, Caller>;
  /** Local service endpoints by credential-scope service name. */
  readonly upstreams: Readonly<Record<string, string>>;
  readonly context: Parameters<typeof parseCall>[1];
  readonly record: (call: CallRecord) => void;
}

const errorFormats: Record<
  string,
  (code: string, message: string) => { status: number; headers: Record<string, string>; body: string }
> = {
  dynamodb: (code, message) => ({
    status: 400,
    headers: { 'Content-Type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({ __type: `com.amazon.coral.service#${code}`, Message: message }),
  }),
  states: (code, message) => ({
    status: 400,
    headers: { 'Content-Type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({ __type: `com.amazon.coral.service#${code}`, message }),
  }),
  sqs: (code, message) => ({
    status: 400,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${code};Sender` },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${code}`, message }),
  }),
  ses: (code, message) => ({
    status: code === 'AccessDeniedException' ? 403 : 400,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': code },
    body: JSON.stringify({ message }),
  }),
};

/** Starts the authorising endpoint on loopback; returns its URL. */
export async function startAwsGateway(
  options: AwsGatewayOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, close };
}

async function handle(
  options: AwsGatewayOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : value,
    ]),
  );
  const method = request.method ?? 'GET';
  const path = request.url ?? '/';
  const reply = (service: string, code: string, message: string) => {
    const format = (errorFormats[service] ?? errorFormats.ses)?.(code, message);
    if (!format) return;
    response.writeHead(format.status, format.headers);
    response.end(format.body);
  };
  let call: ReturnType<typeof parseCall>;
  try {
    call = parseCall({ method, path, headers, body: body.toString('utf8') }, options.context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.record({
      caller: 'unknown',
      service: 'unknown',
      operation: `${method} ${path}`,
      checks: [],
      failed: message,
    });
    const rejected = message.startsWith('MessageRejected');
    reply(
      rejected ? 'ses' : 'dynamodb',
      rejected ? 'MessageRejected' : 'UnrecognizedClientException',
      message,
    );
    return;
  }
  const caller = options.callers.get(call.accessKeyId);
  if (!caller) {
    options.record({
      caller: call.accessKeyId,
      service: call.service,
      operation: call.operation,
      checks: call.checks,
      denied: 'unknown credentials',
    });
    reply(
      call.service,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
    return;
  }
  for (const check of call.checks) {
    const decision = await options.iam.evaluate(caller.role, caller.session, check.action, check.resource);
    if (!decision.allowed) {
      options.record({
        caller: caller.label,
        service: call.service,
        operation: call.operation,
        checks: call.checks,
        denied: decision.message,
      });
      reply(call.service, 'AccessDeniedException', decision.message);
      return;
    }
  }
  const upstream = options.upstreams[call.service];
  if (!upstream) {
    const message = `The rehearsal has no local ${call.service} service`;
    options.record({
      caller: caller.label,
      service: call.service,
      operation: call.operation,
      checks: call.checks,
      failed: message,
    });
    reply(call.service, 'UnsupportedOperation', message);
    return;
  }
  options.record({
    caller: caller.label,
    service: call.service,
    operation: call.operation,
    checks: call.checks,
  });
  await forward(upstream, method, path, headers, body, response);
}

function forward(
  upstream: string,
  method: string,
  path: string,
  headers: Record<string, string | undefined>,
  body: Buffer,
  response: ServerResponse,
): Promise<void> {
  const target = new URL(path, upstream);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      target,
      { method, headers: { ...headers, host: target.host, 'content-length': String(body.byteLength) } },
      (incoming) => {
        response.writeHead(incoming.statusCode ?? 502, incoming.headers);
        incoming.pipe(response);
        incoming.on('end', resolve);
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
