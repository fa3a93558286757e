// The local Step Functions endpoint: the AWS JSON 1.0 protocol @aws-sdk/client-sfn and the AWS CLI
// speak (POST /, X-Amz-Target: AWSStepFunctions.<Operation>, JSON bodies, dates as epoch seconds,
// errors as HTTP 400 {"__type", "message"}), in front of a LocalStepFunctions engine. Local only:
// SigV4 headers are accepted and ignored.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalStepFunctions } from './engine.ts';
import { StepFunctionsError, ValidationException } from './errors.ts';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const DEFAULT_PAGE_SIZE = 100;

type Body = Record<string, unknown>;
type Operation = (engine: LocalStepFunctions, body: Body) => unknown;

function requiredString(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationException(
      `1 validation error detected: Value at '${key}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationException(`Value at '${key}' must be a string`);
  return value;
}

function pageSize(body: Body): number {
  const value = body.maxResults;
  if (value === undefined || value === null || value === 0) return DEFAULT_PAGE_SIZE;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
    throw new ValidationException("Value at 'maxResults' must be an integer between 0 and 1000");
  }
  return value;
}

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}

const operations: Record<string, Operation> = {
  StartExecution: (engine, body) =>
    engine.startExecution(
      withOptional(
        { stateMachineArn: requiredString(body, 'stateMachineArn') },
        { name: optionalString(body, 'name'), input: optionalString(body, 'input') },
      ),
    ),
  DescribeExecution: (engine, body) => {
    const execution = engine.describeExecution({ executionArn: requiredString(body, 'executionArn') });
    return withOptional(
      { ...execution, inputDetails: { included: true } },
      { outputDetails: execution.output !== undefined ? { included: true } : undefined },
    );
  },
  ListExecutions: (engine, body) =>
    engine.listExecutions(
      withOptional(
        { stateMachineArn: requiredString(body, 'stateMachineArn'), maxResults: pageSize(body) },
        { statusFilter: optionalString(body, 'statusFilter'), nextToken: optionalString(body, 'nextToken') },
      ),
    ),
  GetExecutionHistory: (engine, body) =>
    engine.getExecutionHistory(
      withOptional(
        { executionArn: requiredString(body, 'executionArn'), maxResults: pageSize(body) },
        {
          includeExecutionData:
            typeof body.includeExecutionData === 'boolean' ? body.includeExecutionData : undefined,
          reverseOrder: typeof body.reverseOrder === 'boolean' ? body.reverseOrder : undefined,
          nextToken: optionalString(body, 'nextToken'),
        },
      ),
    ),
  StopExecution: (engine, body) =>
    engine.stopExecution(
      withOptional(
        { executionArn: requiredString(body, 'executionArn') },
        { error: optionalString(body, 'error'), cause: optionalString(body, 'cause') },
      ),
    ),
  SendTaskSuccess: (engine, body) => {
    engine.sendTaskSuccess({
      taskToken: requiredString(body, 'taskToken'),
      output: requiredString(body, 'output'),
    });
    return {};
  },
  SendTaskFailure: (engine, body) => {
    engine.sendTaskFailure(
      withOptional(
        { taskToken: requiredString(body, 'taskToken') },
        { error: optionalString(body, 'error'), cause: optionalString(body, 'cause') },
      ),
    );
    return {};
  },
  SendTaskHeartbeat: (engine, body) => {
    engine.sendTaskHeartbeat({ taskToken: requiredString(body, 'taskToken') });
    return {};
  },
  ListStateMachines: (engine, body) => {
    const all = engine.listStateMachines();
    const offset = Number.parseInt(optionalString(body, 'nextToken') ?? '0', 10) || 0;
    const size = pageSize(body);
    const page = all.slice(offset, offset + size);
    return withOptional(
      { stateMachines: page },
      { nextToken: offset + size < all.length ? String(offset + size) : undefined },
    );
  },
  DescribeStateMachineForExecution: (engine, body) =>
    engine.describeStateMachineForExecution({ executionArn: requiredString(body, 'executionArn') }),
  RedriveExecution: (engine, body) =>
    engine.redriveExecution(
      withOptional(
        { executionArn: requiredString(body, 'executionArn') },
        { clientToken: optionalString(body, 'clientToken') },
      ),
    ),
  DescribeStateMachine: (engine, body) =>
    engine.describeStateMachine({ stateMachineArn: requiredString(body, 'stateMachineArn') }),
};

/** JSON with Date values as epoch seconds, as the JSON 1.0 protocol encodes timestamps. */
function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : item;
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ValidationException('Request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = serialize(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers);
  response.end(text);
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  send(response, status, { __type: type, message }, type);
}

async function handle(
  engine: LocalStepFunctions,
  request: IncomingMessage,
  response: ServerResponse,
  admit: ((operation: string) => boolean) | undefined,
) {
  if (request.method === 'GET' && (request.url === '/' || request.url === '/health')) {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Local AWS Step Functions endpoint (AWS JSON 1.0). POST / with X-Amz-Target.\n');
    return;
  }
  if (request.method !== 'POST') {
    sendError(response, 404, 'UnknownOperationException', `Unsupported method ${request.method}`);
    return;
  }
  let text: string;
  try {
    text = await readBody(request);
  } catch (error) {
    sendError(response, 400, 'SerializationException', (error as Error).message);
    return;
  }
  const target = String(request.headers['x-amz-target'] ?? '');
  const [prefix, operationName = ''] = target.split('.');
  const operation = prefix === 'AWSStepFunctions' ? operations[operationName] : undefined;
  if (!operation) {
    sendError(response, 400, 'UnknownOperationException', `Unknown operation: '${target}'`);
    return;
  }
  let body: Body;
  try {
    const parsed: unknown = text.trim() ? JSON.parse(text) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    body = parsed as Body;
  } catch {
    sendError(response, 400, 'SerializationException', 'Request body must be a JSON object');
    return;
  }
  // A quota modelled as a token bucket (StartExecution's, for an opening day): refused as AWS does.
  if (admit && !admit(operationName)) {
    sendError(response, 400, 'ThrottlingException', 'Rate exceeded');
    return;
  }
  try {
    send(response, 200, operation(engine, body) ?? {});
  } catch (error) {
    if (error instanceof StepFunctionsError) {
      sendError(response, 400, error.name, error.message);
    } else {
      sendError(response, 500, 'InternalFailure', error instanceof Error ? error.message : String(error));
    }
  }
}

/** Serves the engine over HTTP on 127.0.0.1 (port 0 = a free port). */
export async function startStepFunctionsServer(
  engine: LocalStepFunctions,
  options: {
    port: number;
    host?: string;
    /** Whether a call of this operation is admitted now (false answers ThrottlingException). */
    admit?: (operation: string) => boolean;
  },
): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    handle(engine, request, response, options.admit).catch((error: unknown) => {
      if (!response.headersSent) {
        sendError(response, 500, 'InternalFailure', error instanceof Error ? error.message : String(error));
      } else {
        response.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
