// What a Task state calls: a Lambda function by its ARN (its local handler, found by function name
// in any registered state machine), lambda:invoke with the response AWS wraps the payload in, and
// states:startExecution (authorised as the state machine's role would be; with .sync or .sync:2,
// waiting for the child execution, which is stopped with its parent).
import { randomUUID } from 'node:crypto';
import { functionNameOf } from './compile.ts';
import type { EngineContext } from './engine-context.ts';
import { StepFunctionsError, type StoppedError, TaskFailure, TerminalError } from './errors.ts';
import {
  isObject,
  type Json,
  type JsonObject,
  type MachineEntry,
  type Run,
  type TaskMeta,
  toJson,
} from './internals.ts';
import type { ExecutionDescription, TaskHandler } from './types.ts';

export async function invoke(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  params: Json,
  taskToken: string | undefined,
): Promise<Json> {
  const context: { executionArn: string; stateName: string; taskToken?: string } = {
    executionArn: run.exec.executionArn,
    stateName: meta.stateName,
  };
  if (taskToken !== undefined) context.taskToken = taskToken;
  switch (meta.integration) {
    case 'lambda-direct': {
      const handler = handlerFor(ctx, run.machine, meta.resource);
      return toJson(await handler(params, context));
    }
    case 'lambda-invoke': {
      if (!isObject(params) || typeof params.FunctionName !== 'string') {
        throw new TaskFailure(
          'States.Runtime',
          `Task '${meta.stateName}': Parameters.FunctionName is required`,
        );
      }
      const handler = handlerFor(ctx, run.machine, params.FunctionName);
      const payload = toJson(await handler(params.Payload ?? {}, context));
      const requestId = randomUUID();
      return {
        ExecutedVersion: '$LATEST',
        Payload: payload,
        SdkHttpMetadata: {
          AllHttpHeaders: { 'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': [requestId] },
          HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId },
          HttpStatusCode: 200,
        },
        SdkResponseMetadata: { RequestId: requestId },
        StatusCode: 200,
      };
    }
    case 'start-execution': {
      const target = isObject(params) ? String(params.StateMachineArn) : '';
      const refusal = await ctx.authorize?.({
        stateMachineArn: run.machine.arn,
        action: 'states:StartExecution',
        resource: target,
      });
      if (refusal) throw new TaskFailure('StepFunctions.AWSStepFunctionsException', refusal);
      return invokeStartExecution(ctx, run, meta, params);
    }
    default:
      throw new TerminalError(
        'States.Runtime',
        `Task '${meta.stateName}': resource '${meta.resource}' is not supported by the local engine`,
      );
  }
}

async function invokeStartExecution(
  ctx: EngineContext,
  run: Run,
  meta: TaskMeta,
  params: Json,
): Promise<Json> {
  if (!isObject(params) || typeof params.StateMachineArn !== 'string') {
    throw new TaskFailure(
      'StepFunctions.InvalidArnException',
      `Task '${meta.stateName}': Parameters.StateMachineArn is required`,
    );
  }
  const input =
    params.Input === undefined
      ? '{}'
      : typeof params.Input === 'string'
        ? params.Input
        : JSON.stringify(params.Input);
  let started: { executionArn: string; startDate: Date };
  try {
    const request: { stateMachineArn: string; name?: string; input: string } = {
      stateMachineArn: params.StateMachineArn,
      input,
    };
    if (typeof params.Name === 'string') request.name = params.Name;
    started = ctx.service.startExecution(request);
  } catch (error) {
    if (error instanceof StepFunctionsError) {
      throw new TaskFailure(`StepFunctions.${error.name}Exception`, error.message);
    }
    throw error;
  }
  if (meta.pattern !== 'sync' && meta.pattern !== 'sync2') {
    return { ExecutionArn: started.executionArn, StartDate: started.startDate.getTime() };
  }
  const child = await waitChild(ctx, run, started.executionArn);
  const parse = meta.pattern === 'sync2';
  const shape: JsonObject = {
    ExecutionArn: child.executionArn,
    Input: parse ? (JSON.parse(child.input) as Json) : child.input,
    InputDetails: { Included: true },
    Name: child.name,
    StartDate: child.startDate.getTime(),
    StateMachineArn: child.stateMachineArn,
    Status: child.status,
    StopDate: child.stopDate?.getTime() ?? null,
  };
  if (child.output !== undefined) {
    shape.Output = parse ? (JSON.parse(child.output) as Json) : child.output;
    shape.OutputDetails = { Included: true };
  }
  if (child.error !== undefined) shape.Error = child.error;
  if (child.cause !== undefined) shape.Cause = child.cause;
  if (child.status !== 'SUCCEEDED') throw new TaskFailure('States.TaskFailed', JSON.stringify(shape));
  return shape;
}

function waitChild(ctx: EngineContext, run: Run, executionArn: string): Promise<ExecutionDescription> {
  return new Promise((resolve, reject) => {
    let off: () => void = () => undefined;
    const cancel = (error: StoppedError) => {
      off();
      // AWS stops the child of a .sync task when the parent is stopped.
      if (error.reason === 'stop') ctx.service.stopExecution({ executionArn, error: 'States.Aborted' });
      reject(error);
    };
    const check = () => {
      const description = ctx.service.describeExecution({ executionArn });
      if (description.status !== 'RUNNING') {
        off();
        run.cancellers.delete(cancel);
        resolve(description);
      }
    };
    off = ctx.service.onChange((arn) => {
      if (arn === executionArn) check();
    });
    run.cancellers.add(cancel);
    check();
  });
}

function handlerFor(ctx: EngineContext, machine: MachineEntry, reference: string): TaskHandler {
  const name = functionNameOf(reference);
  const own = machine.handlers.get(reference) ?? machine.handlers.get(name);
  if (own) return own;
  for (const other of ctx.machines.values()) {
    const handler = other.handlers.get(reference) ?? other.handlers.get(name);
    if (handler) return handler;
  }
  throw new TaskFailure(
    'Lambda.ResourceNotFoundException',
    `Function not found: ${reference} (no local handler registered)`,
  );
}
