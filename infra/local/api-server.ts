// The local API: turns HTTP requests into API Gateway REST (v1 proxy) events and calls the same
// handlers, routed by the same route table CDK reads. Paths under /_local/ go to the local console.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
} from 'aws-lambda';
import { adminGroup, requestToken } from '#shared/auth/admin-session.ts';
import { adminRefusals } from '#shared/http/gateway-responses.ts';
import { minimumCompressedBytes } from '#shared/http/responses.ts';
import { type Route, routes } from '#shared/http/routes.ts';
import { securityHeaders } from '#shared/http/security.ts';
import type { FunctionName } from '../functions.ts';
import type { LocalLambdaRuntime } from './lambda-runtime.ts';
import { methodThrottle } from './throttle.ts';

/** API Gateway's own payload ceiling; handlers apply their tighter limits. */
const apiGatewayMaxBodyBytes = 10 * 1024 * 1024;

export type ExtraHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
) => Promise<boolean>;

interface MatchedRoute {
  readonly route: Route;
  readonly pathParameters: Record<string, string>;
}

/**
 * Finds the route for a method and path, with its path parameters. As API Gateway, a literal
 * segment wins over a `{parameter}` (…/collaborations before …/{export}).
 */
export function matchRoute(method: string, path: string): MatchedRoute | 'method-not-allowed' | undefined {
  let pathMatched = false;
  let best: (MatchedRoute & { literal: number }) | undefined;
  for (const route of Object.values(routes) as Route[]) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const match = pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (!(route.methods as readonly string[]).includes(method)) continue;
    const literal = route.path
      .split('/')
      .filter((segment) => segment !== '' && !segment.startsWith('{')).length;
    if (best && best.literal >= literal) continue;
    // As API Gateway: a parameter that is not valid percent-encoding is passed on as it came.
    const decoded = (raw: string) => {
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    };
    const pathParameters = Object.fromEntries(names.map((name, i) => [name, decoded(match[i + 1] ?? '')]));
    best = { route, pathParameters, literal };
  }
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  return pathMatched ? 'method-not-allowed' : undefined;
}

/** Where a request landed, as API Gateway tells the integration. */
export interface ProxyEventContext {
  /** The resource path with its `{parameters}`. */
  readonly resource: string;
  readonly pathParameters: Record<string, string>;
  readonly accountId?: string;
  readonly apiId?: string;
  readonly stage?: string;
}

/** An API Gateway REST (v1 proxy) event for an HTTP request, as the integration receives it. */
export function toProxyEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  matched: ProxyEventContext,
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? '';
    const value = request.rawHeaders[i + 1] ?? '';
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const hasQuery = Object.keys(query).length > 0;
  const method = request.method ?? 'GET';
  return {
    resource: matched.resource,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: Object.keys(matched.pathParameters).length > 0 ? matched.pathParameters : null,
    stageVariables: null,
    body: body.byteLength > 0 ? body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: matched.accountId ?? '000000000000',
      apiId: matched.apiId ?? 'local',
      authorizer: undefined,
      domainName: request.headers.host ?? 'localhost',
      httpMethod: method,
      identity: {
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: url.pathname,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: matched.resource,
      stage: matched.stage ?? 'local',
    },
  };
}

/**
 * Writes a proxy integration's result as the HTTP response, gzipped as API Gateway does when the
 * API sets a minimum compression size, the client accepts gzip and the body is at least that long.
 */
export function sendProxyResult(
  response: ServerResponse,
  result: APIGatewayProxyResult,
  compression?: { readonly acceptEncoding: string | undefined; readonly minimumBytes: number | undefined },
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name] = values.map(String);
  let body = result.isBase64Encoded
    ? Buffer.from(result.body, 'base64')
    : Buffer.from(result.body ?? '', 'utf8');
  const minimumBytes = compression?.minimumBytes;
  if (
    minimumBytes !== undefined &&
    body.byteLength >= minimumBytes &&
    /\bgzip\b/.test(compression?.acceptEncoding ?? '') &&
    !Object.keys(headers).some((name) => name.toLowerCase() === 'content-encoding')
  ) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  response.writeHead(result.statusCode, headers);
  response.end(body);
}

/** The REQUEST authorizer's event for a proxy event, as API Gateway builds it. */
export function toAuthorizerEvent(
  event: APIGatewayProxyEvent,
  methodArn: string,
): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn,
    resource: event.resource,
    path: event.path,
    httpMethod: event.httpMethod,
    headers: event.headers,
    multiValueHeaders: event.multiValueHeaders,
    pathParameters: event.pathParameters,
    queryStringParameters: event.queryStringParameters,
    multiValueQueryStringParameters: event.multiValueQueryStringParameters,
    stageVariables: null,
    requestContext: event.requestContext as unknown as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

/**
 * Who the local API signs in when a request to /admin carries no token: the local administrator
 * (local mode only: there is no user pool here, and whoever reaches this loopback server can read
 * the local data anyway). A request that does carry a token is judged by the real authorizer.
 */
export const localAdministrator = { principalId: 'local-administrator', groups: adminGroup } as const;

/** Runs the /admin authorizer like API Gateway: throw → 401, Deny → 403, Allow → its context. */
async function authorizeAdmin(
  runtime: LocalLambdaRuntime,
  event: APIGatewayProxyEvent,
  signsInLocally: boolean,
): Promise<
  { refusal: ReturnType<typeof adminRefusals>['unauthorized'] } | { context: Record<string, unknown> }
> {
  if (signsInLocally && requestToken(event.headers) === undefined) return { context: localAdministrator };
  const refusals = adminRefusals('');
  const authorizerEvent = toAuthorizerEvent(
    event,
    `arn:aws:execute-api:eu-south-1:000000000000:local/local/${event.httpMethod}${event.resource}`,
  );

  let result: APIGatewayAuthorizerResult;
  try {
    result = (await runtime.invoke('adminAuthorizer', authorizerEvent)) as APIGatewayAuthorizerResult;
  } catch {
    return { refusal: refusals.unauthorized };
  }
  const allowed = result.policyDocument.Statement.every((statement) => statement.Effect === 'Allow');
  if (!allowed) return { refusal: refusals.forbidden };
  return { context: { principalId: result.principalId, ...result.context } };
}

/** The local server's own answers (404, 405, 413, 502…) carry the headers every page carries. */
function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  response.writeHead(statusCode, { ...securityHeaders(), 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > apiGatewayMaxBodyBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Starts the local API on loopback.
 * @param options.extra - handles paths the route table does not (the local console); returns true when it answered
 */
export async function startApiServer(options: {
  port?: number;
  runtime: () => LocalLambdaRuntime | undefined;
  extra?: ExtraHandler;
  onError?: (error: unknown) => void;
  /** Requests to /admin without a token act as the local administrator (npm start; not the rehearsal). */
  localAdministrator?: boolean;
  /** The throttles' clock, ms (the opening-day simulation runs it faster). @default performance.now */
  throttleClock?: () => number;
}): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }> {
  // As the deployed stage: each method draws from its traffic class's bucket (api-capacity.ts).
  const throttle = methodThrottle(options.throttleClock);
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = await readBody(request);
      if (body === 'too-large') {
        sendJson(response, 413, { message: 'Request Too Long' });
        return;
      }
      if (options.extra && (await options.extra(request, response, body))) return;
      const method = request.method ?? 'GET';
      const matched = matchRoute(method, url.pathname);
      if (matched === undefined) {
        sendJson(response, 404, { message: 'Not Found' });
        return;
      }
      if (matched === 'method-not-allowed') {
        sendJson(response, 405, { message: 'Method Not Allowed' });
        return;
      }
      if (!throttle(matched.route, method as Route['methods'][number])) {
        sendJson(response, 429, { message: 'Too Many Requests' });
        return;
      }
      const runtime = options.runtime();
      if (!runtime) {
        sendJson(response, 503, { message: 'Starting up' });
        return;
      }
      const event = toProxyEvent(request, url, body, {
        resource: matched.route.path,
        pathParameters: matched.pathParameters,
      });
      if (matched.route.admin) {
        // As API Gateway does: the /admin authorizer first; a refusal never reaches the handler.
        const decision = await authorizeAdmin(runtime, event, options.localAdministrator ?? false);
        if ('refusal' in decision) {
          sendJson(response, decision.refusal.statusCode, decision.refusal.body);
          return;
        }
        event.requestContext.authorizer = decision.context;
      }
      const result = (await runtime.invoke(
        matched.route.handler as FunctionName,
        event,
      )) as APIGatewayProxyResult;
      sendProxyResult(response, result, {
        acceptEncoding: request.headers['accept-encoding'],
        minimumBytes: minimumCompressedBytes,
      });
    })().catch((error: unknown) => {
      options.onError?.(error);
      // API Gateway's answer when the integration fails; the handler's error never reaches the client.
      if (!response.headersSent) sendJson(response, 502, { message: 'Internal server error' });
      else response.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
