// The local Step Functions service through @aws-sdk/client-sfn: ASL semantics (Pass/Choice/Task,
// Retry/Catch, callbacks, timeouts, nested executions), the AWS execution API and its errors.
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskDoesNotExist } from '#infra/local/stepfunctions/errors.ts';
import type { TaskHandler } from '#infra/local/stepfunctions/types.ts';
import { eventually, fnArn, type Harness, namedError, startHarness } from './helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ timeScale: 0.001 });
});
afterEach(async () => {
  await h.close();
});

const errorName = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: Error) => error.name,
  );

async function runToEnd(stateMachineArn: string, input: unknown, name?: string) {
  const { executionArn } = await h.client.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), name }),
  );
  await h.engine.waitForExecution(executionArn!, 5_000);
  return h.client.send(new DescribeExecutionCommand({ executionArn }));
}

async function history(executionArn: string, includeExecutionData = true): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await h.client.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData, nextToken, maxResults: 20 }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** A callback task calling `notify` (lambda:invoke.waitForTaskToken), as the journeys do. */
function callbackMachine(
  extra: Record<string, unknown> = {},
  catchers: { ErrorEquals: string[]; Next: string; ResultPath?: string }[] = [],
) {
  const targets = new Set(catchers.map((catcher) => catcher.Next));
  const handlers = {
    'Timed out': { Type: 'Pass', Result: 'timed out', ResultPath: '$.outcome', End: true },
    'Task failed': { Type: 'Pass', End: true },
  };
  return {
    StartAt: 'Wait for decision',
    States: {
      'Wait for decision': {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: fnArn('notify'),
          Payload: { 'applicationId.$': '$.applicationId', 'taskToken.$': '$$.Task.Token' },
        },
        ResultPath: '$.decision',
        ...extra,
        ...(catchers.length ? { Catch: catchers } : {}),
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      ...Object.fromEntries(Object.entries(handlers).filter(([name]) => targets.has(name))),
    },
  };
}

function captureTokens() {
  const payloads: { taskToken: string; applicationId: string }[] = [];
  const contexts: { taskToken?: string; stateName: string }[] = [];
  const handler: TaskHandler = async (payload, context) => {
    payloads.push(payload as { taskToken: string; applicationId: string });
    contexts.push(context);
    return { accepted: true };
  };
  return { payloads, contexts, handler };
}

describe('ASL semantics', () => {
  it('runs a Pass/Choice/Task flow to the right output, with an AWS-shaped history', async () => {
    const seen: unknown[] = [];
    const arn = h.engine.registerStateMachine({
      name: 'flow',
      definition: {
        StartAt: 'Init',
        States: {
          Init: { Type: 'Pass', Result: { step: 1 }, ResultPath: '$.meta', Next: 'Screen' },
          Screen: {
            Type: 'Task',
            Resource: fnArn('screenEligibility'),
            Parameters: { 'applicationId.$': '$.applicationId', 'stateName.$': '$$.State.Name' },
            ResultPath: '$.screening',
            TimeoutSeconds: 30,
            Next: 'Eligible?',
          },
          'Eligible?': {
            Type: 'Choice',
            Choices: [{ Variable: '$.screening.eligible', BooleanEquals: true, Next: 'Invoke' }],
            Default: 'Ineligible',
          },
          Invoke: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: fnArn('score'), 'Payload.$': '$' },
            ResultSelector: { 'score.$': '$.Payload.score', 'status.$': '$.StatusCode' },
            ResultPath: '$.scored',
            Next: 'Pause',
          },
          Pause: { Type: 'Wait', Seconds: 100, Next: 'Final' },
          Final: {
            Type: 'Pass',
            Parameters: {
              'applicationId.$': '$.applicationId',
              'score.$': '$.scored.score',
              'status.$': '$.scored.status',
              'execution.$': '$$.Execution.Name',
            },
            End: true,
          },
          Ineligible: { Type: 'Fail', Error: 'Ineligible', Cause: 'not eligible' },
        },
      },
      taskHandlers: {
        [fnArn('screenEligibility')]: async (payload, context) => {
          seen.push({ payload, stateName: context.stateName });
          return { eligible: true };
        },
        [fnArn('score')]: async (payload) => ({
          score: (payload as { meta: { step: number } }).meta.step + 41,
        }),
      },
    });

    const started = Date.now();
    const result = await runToEnd(arn, { applicationId: 'app-1' }, 'run-1');
    expect(Date.now() - started).toBeLessThan(2_000); // Wait 100 s × 0.001
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output!)).toEqual({
      applicationId: 'app-1',
      score: 42,
      status: 200,
      execution: 'run-1',
    });
    expect(seen).toEqual([{ payload: { applicationId: 'app-1', stateName: 'Screen' }, stateName: 'Screen' }]);

    const events = await history(result.executionArn!);
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    const scheduled = events.find((event) => event.type === 'TaskScheduled');
    expect(scheduled?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
    });
    expect(JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}')).toMatchObject({
      FunctionName: fnArn('score'),
    });
    expect(
      events.find((event) => event.type === 'LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails,
    ).toMatchObject({ resource: fnArn('screenEligibility'), timeoutInSeconds: 30 });

    // Without execution data, no inputs, outputs or parameters are returned.
    const bare = await history(result.executionArn!, false);
    for (const event of bare) {
      const text = JSON.stringify(event);
      expect(text).not.toContain('app-1');
    }
    expect(h.engine.getCurrentStates(result.executionArn!)).toEqual([]);
  });

  it('retries on a named error, then catches another one with the Lambda-shaped cause', async () => {
    let calls = 0;
    const arn = h.engine.registerStateMachine({
      name: 'retry-catch',
      definition: {
        StartAt: 'Flaky',
        States: {
          Flaky: {
            Type: 'Task',
            Resource: fnArn('flaky'),
            Retry: [
              { ErrorEquals: ['ApplicationNotFoundError'], MaxAttempts: 0 },
              { ErrorEquals: ['TransientError'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
            ],
            Catch: [
              { ErrorEquals: ['States.Timeout'], Next: 'Wrong' },
              { ErrorEquals: ['ApplicationNotFoundError'], ResultPath: '$.error', Next: 'Handled' },
            ],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
          Wrong: { Type: 'Fail', Error: 'Wrong' },
        },
      },
      taskHandlers: {
        [fnArn('flaky')]: async () => {
          calls += 1;
          if (calls <= 2) throw namedError('TransientError', `attempt ${calls}`);
          throw namedError('ApplicationNotFoundError', 'no application app-9');
        },
      },
    });
    const result = await runToEnd(arn, { applicationId: 'app-9' });
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(3);
    const output = JSON.parse(result.output!);
    expect(output.applicationId).toBe('app-9');
    expect(output.error.Error).toBe('ApplicationNotFoundError');
    expect(JSON.parse(output.error.Cause)).toEqual({
      errorMessage: 'no application app-9',
      errorType: 'ApplicationNotFoundError',
    });
    const types = (await history(result.executionArn!)).map((event) => event.type);
    expect(types.filter((type) => type === 'LambdaFunctionFailed')).toHaveLength(3);
  });

  it('fails the execution with the error name of a generic Error when nothing catches it', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'uncaught',
      definition: {
        StartAt: 'Boom',
        States: {
          Boom: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: fnArn('boom') },
            End: true,
          },
        },
      },
      taskHandlers: {
        [fnArn('boom')]: async () => {
          throw new Error('kaput');
        },
      },
    });
    const result = await runToEnd(arn, {});
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Error');
    expect(JSON.parse(result.cause!)).toEqual({ errorMessage: 'kaput', errorType: 'Error' });
    const types = (await history(result.executionArn!)).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['TaskFailed', 'ExecutionFailed']);
  });

  it('keeps plain Lambda TimeoutSeconds in real time at timeScale 0.001', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'slow-lambda',
      definition: {
        StartAt: 'Slow',
        States: { Slow: { Type: 'Task', Resource: fnArn('slow'), TimeoutSeconds: 1, End: true } },
      },
      taskHandlers: {
        [fnArn('slow')]: async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { done: true };
        },
      },
    });
    const result = await runToEnd(arn, {});
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output!)).toEqual({ done: true });
  });

  it('times a plain Lambda task out after its TimeoutSeconds (States.Timeout, not States.TaskFailed)', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'hung-lambda',
      definition: {
        StartAt: 'Hung',
        States: {
          Hung: {
            Type: 'Task',
            Resource: fnArn('hung'),
            TimeoutSecondsPath: '$.timeout',
            Catch: [
              { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' },
              { ErrorEquals: ['States.Timeout'], Next: 'Right' },
            ],
            End: true,
          },
          Wrong: { Type: 'Fail', Error: 'Wrong' },
          Right: { Type: 'Succeed' },
        },
      },
      taskHandlers: { [fnArn('hung')]: () => new Promise(() => undefined) },
    });
    // TimeoutSecondsPath must be an integer in ASL; 0.05 s keeps the test quick.
    const result = await runToEnd(arn, { timeout: 0.05 });
    expect(result.status).toBe('SUCCEEDED');
    const types = (await history(result.executionArn!)).map((event) => event.type);
    expect(types).toContain('LambdaFunctionTimedOut');
  });

  it('runs Parallel and Map states', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'fan-out',
      definition: {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Left', States: { Left: { Type: 'Pass', Result: 'L', End: true } } },
              {
                StartAt: 'Each',
                States: {
                  Each: {
                    Type: 'Map',
                    ItemsPath: '$.items',
                    ItemProcessor: {
                      StartAt: 'Double',
                      States: { Double: { Type: 'Task', Resource: fnArn('double'), End: true } },
                    },
                    End: true,
                  },
                },
              },
            ],
            End: true,
          },
        },
      },
      taskHandlers: { [fnArn('double')]: async (n) => (n as number) * 2 },
    });
    const result = await runToEnd(arn, { items: [1, 2, 3] });
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output!)).toEqual(['L', [2, 4, 6]]);
    const types = (await history(result.executionArn!)).map((event) => event.type);
    expect(types).toContain('ParallelStateStarted');
    expect(types.filter((type) => type === 'MapIterationSucceeded')).toHaveLength(3);
  });

  it('starts a nested state machine with states:startExecution (and .sync)', async () => {
    const child = h.engine.registerStateMachine({
      name: 'child',
      definition: {
        StartAt: 'Echo',
        States: {
          Echo: {
            Type: 'Pass',
            Parameters: { 'got.$': '$.x', 'parent.$': '$.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID' },
            End: true,
          },
        },
      },
      taskHandlers: {},
    });
    const parent = h.engine.registerStateMachine({
      name: 'parent',
      definition: {
        StartAt: 'Start child',
        States: {
          'Start child': {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution',
            Parameters: {
              StateMachineArn: child,
              'Name.$': "States.Format('child-of-{}', $$.Execution.Name)",
              Input: { 'x.$': '$.x', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
            },
            ResultPath: '$.started',
            Next: 'Run child',
          },
          'Run child': {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: {
              StateMachineArn: child,
              Input: { x: 'sync', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
            },
            ResultSelector: { 'output.$': '$.Output' },
            ResultPath: '$.synced',
            End: true,
          },
        },
      },
      taskHandlers: {},
    });
    const result = await runToEnd(parent, { x: 7 }, 'p1');
    expect(result.cause).toBeUndefined();
    expect(result.status).toBe('SUCCEEDED');
    const output = JSON.parse(result.output!);
    const childArn = `arn:aws:states:eu-south-1:000000000000:execution:child:child-of-p1`;
    expect(output.started).toEqual({ ExecutionArn: childArn, StartDate: expect.any(Number) });
    expect(output.synced).toEqual({ output: { got: 'sync', parent: expect.any(String) } });
    const childRun = await h.engine.waitForExecution(childArn);
    expect(childRun.status).toBe('SUCCEEDED');
    expect(JSON.parse(childRun.output!)).toEqual({ got: 7, parent: result.executionArn });
  });

  it('times the execution out after its TimeoutSeconds × timeScale', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'slowpoke',
      definition: {
        TimeoutSeconds: 50,
        StartAt: 'Pause',
        States: { Pause: { Type: 'Wait', Seconds: 100_000, End: true } },
      },
      taskHandlers: {},
    });
    const result = await runToEnd(arn, {});
    expect(result.status).toBe('TIMED_OUT');
    const events = await history(result.executionArn!);
    expect(events.at(-1)?.type).toBe('ExecutionTimedOut');
  });

  it('fails an execution whose history exceeds 25,000 events', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'forever',
      definition: {
        StartAt: 'Spin',
        States: {
          Spin: { Type: 'Pass', Next: 'Again?' },
          'Again?': {
            Type: 'Choice',
            Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Spin' }],
            Default: 'End',
          },
          End: { Type: 'Succeed' },
        },
      },
      taskHandlers: {},
    });
    const { executionArn } = h.engine.startExecution({ stateMachineArn: arn, input: '{"go":true}' });
    const result = await h.engine.waitForExecution(executionArn, 8_000);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(h.engine.getExecutionHistory({ executionArn }).events).toHaveLength(25_001);
  });

  it('fails with States.DataLimitExceeded when a task returns more than 256 KB', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'big',
      definition: {
        StartAt: 'Big',
        States: {
          Big: {
            Type: 'Task',
            Resource: fnArn('big'),
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
            End: true,
          },
          Caught: { Type: 'Succeed' },
        },
      },
      taskHandlers: { [fnArn('big')]: async () => 'x'.repeat(300 * 1024) },
    });
    const result = await runToEnd(arn, {});
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.DataLimitExceeded');
  });
});

describe('callbacks (.waitForTaskToken)', () => {
  it('completes on SendTaskSuccess with the token from the payload; a second send fails', async () => {
    const { payloads, contexts, handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'callback',
      definition: callbackMachine({ HeartbeatSeconds: 3600 }),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const { executionArn } = await h.client.send(
      new StartExecutionCommand({ stateMachineArn: arn, input: '{"applicationId":"app-2"}' }),
    );
    const payload = await eventually(() => payloads[0]);
    expect(payload.applicationId).toBe('app-2');
    expect(payload.taskToken).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(contexts[0]).toMatchObject({ stateName: 'Wait for decision', taskToken: payload.taskToken });
    expect(h.engine.getCurrentStates(executionArn!)).toEqual(['Wait for decision']);
    expect((await h.client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    await h.client.send(new SendTaskHeartbeatCommand({ taskToken: payload.taskToken }));
    await h.client.send(
      new SendTaskSuccessCommand({ taskToken: payload.taskToken, output: '{"approved":true}' }),
    );
    const done = await h.engine.waitForExecution(executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ applicationId: 'app-2', decision: { approved: true } });

    expect(
      await errorName(
        h.client.send(new SendTaskSuccessCommand({ taskToken: payload.taskToken, output: '{}' })),
      ),
    ).toBe('TaskDoesNotExist');
    expect(() => h.engine.sendTaskSuccess({ taskToken: payload.taskToken, output: '{}' })).toThrow(
      TaskDoesNotExist,
    );
    expect(
      await errorName(h.client.send(new SendTaskSuccessCommand({ taskToken: 'not a token', output: '{}' }))),
    ).toBe('InvalidToken');

    const types = (await history(executionArn!)).map((event) => event.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('routes SendTaskFailure to Catch with the given error', async () => {
    const { payloads, handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'callback-failure',
      definition: callbackMachine({}, [
        { ErrorEquals: ['Rejected'], ResultPath: '$.failure', Next: 'Task failed' },
      ]),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const { executionArn } = h.engine.startExecution({
      stateMachineArn: arn,
      input: '{"applicationId":"a"}',
    });
    const { taskToken } = await eventually(() => payloads[0]);
    await h.client.send(
      new SendTaskFailureCommand({ taskToken, error: 'Rejected', cause: 'by the manager' }),
    );
    const done = await h.engine.waitForExecution(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).failure).toEqual({ Error: 'Rejected', Cause: 'by the manager' });
  });

  it('times a callback out after TimeoutSeconds × timeScale, caught as States.Timeout', async () => {
    const { payloads, handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'callback-timeout',
      definition: callbackMachine({ TimeoutSeconds: 20 }, [
        { ErrorEquals: ['States.TaskFailed'], Next: 'Task failed' },
        { ErrorEquals: ['States.Timeout'], Next: 'Timed out' },
      ]),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const started = Date.now();
    const { executionArn } = h.engine.startExecution({
      stateMachineArn: arn,
      input: '{"applicationId":"a"}',
    });
    const done = await h.engine.waitForExecution(executionArn);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).outcome).toBe('timed out');
    const types = h.engine.getExecutionHistory({ executionArn }).events.map((event) => event.type);
    expect(types).toContain('TaskTimedOut');
    expect(
      await errorName(
        h.client.send(new SendTaskSuccessCommand({ taskToken: payloads[0]!.taskToken, output: '{}' })),
      ),
    ).toBe('TaskTimedOut');
  });

  it('fails a callback without heartbeats after HeartbeatSeconds × timeScale (States.HeartbeatTimeout)', async () => {
    const { handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'callback-heartbeat',
      definition: callbackMachine({ TimeoutSeconds: 3600, HeartbeatSeconds: 20 }),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const { executionArn } = h.engine.startExecution({
      stateMachineArn: arn,
      input: '{"applicationId":"a"}',
    });
    const done = await h.engine.waitForExecution(executionArn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('States.HeartbeatTimeout');
  });
});

describe('execution API', () => {
  it('answers duplicate names like AWS: idempotent while running with the same input, else ExecutionAlreadyExists', async () => {
    const { payloads, handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'journey',
      definition: callbackMachine(),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const first = await h.client.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'app-3', input: '{"applicationId":"app-3"}' }),
    );
    const again = await h.client.send(
      new StartExecutionCommand({
        stateMachineArn: arn,
        name: 'app-3',
        input: '{ "applicationId": "app-3" }',
      }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.executionArn).toBe('arn:aws:states:eu-south-1:000000000000:execution:journey:app-3');
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
    expect(
      await errorName(
        h.client.send(
          new StartExecutionCommand({ stateMachineArn: arn, name: 'app-3', input: '{"applicationId":"x"}' }),
        ),
      ),
    ).toBe('ExecutionAlreadyExists');

    const { taskToken } = await eventually(() => payloads[0]);
    h.engine.sendTaskSuccess({ taskToken, output: '{}' });
    await h.engine.waitForExecution(first.executionArn!);
    // Finished: even the same input is refused.
    expect(
      await errorName(
        h.client.send(
          new StartExecutionCommand({
            stateMachineArn: arn,
            name: 'app-3',
            input: '{"applicationId":"app-3"}',
          }),
        ),
      ),
    ).toBe('ExecutionAlreadyExists');
    expect(payloads).toHaveLength(1);
  });

  it('validates names, input and ARNs', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'simple',
      definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      taskHandlers: {},
    });
    const start = (input: { name?: string; input?: string; stateMachineArn?: string }) =>
      errorName(h.client.send(new StartExecutionCommand({ stateMachineArn: arn, ...input })));
    expect(await start({ name: 'has space' })).toBe('InvalidName');
    expect(await start({ name: 'x'.repeat(81) })).toBe('InvalidName');
    expect(await start({ input: '{nope' })).toBe('InvalidExecutionInput');
    expect(await start({ input: JSON.stringify({ big: 'x'.repeat(257 * 1024) }) })).toBe(
      'InvalidExecutionInput',
    );
    expect(await start({ stateMachineArn: 'nope' })).toBe('InvalidArn');
    expect(await start({ stateMachineArn: arn.replace('simple', 'missing') })).toBe(
      'StateMachineDoesNotExist',
    );
    expect(
      await errorName(
        h.client.send(
          new DescribeExecutionCommand({
            executionArn: 'arn:aws:states:eu-south-1:000000000000:execution:simple:nope',
          }),
        ),
      ),
    ).toBe('ExecutionDoesNotExist');

    const ok = await runToEnd(arn, { a: 1 });
    expect(ok.status).toBe('SUCCEEDED');
    expect(ok.name).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stops an execution (ABORTED) and invalidates its token', async () => {
    const { payloads, handler } = captureTokens();
    const arn = h.engine.registerStateMachine({
      name: 'stoppable',
      definition: callbackMachine(),
      taskHandlers: { [fnArn('notify')]: handler },
    });
    const { executionArn } = h.engine.startExecution({
      stateMachineArn: arn,
      input: '{"applicationId":"a"}',
    });
    const { taskToken } = await eventually(() => payloads[0]);
    const stopped = await h.client.send(
      new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'applicant withdrew' }),
    );
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('ABORTED');
    expect(described.stopDate).toBeInstanceOf(Date);
    const events = await history(executionArn);
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Withdrawn', cause: 'applicant withdrew' },
    });
    expect(h.engine.getCurrentStates(executionArn)).toEqual([]);
    expect(await errorName(h.client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })))).toBe(
      'TaskDoesNotExist',
    );
  });

  it('lists state machines and executions (newest first, by status, paginated)', async () => {
    const arn = h.engine.registerStateMachine({
      name: 'listed',
      definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      taskHandlers: {},
    });
    for (const name of ['e1', 'e2', 'e3']) await runToEnd(arn, {}, name);
    const machines = await h.client.send(new ListStateMachinesCommand({}));
    expect(machines.stateMachines?.map((machine) => machine.name)).toEqual(['listed']);
    const described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(JSON.parse(described.definition!)).toEqual({
      StartAt: 'P',
      States: { P: { Type: 'Pass', End: true } },
    });
    expect(described).toMatchObject({ status: 'ACTIVE', type: 'STANDARD', name: 'listed' });

    const page1 = await h.client.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    expect(page1.executions?.map((execution) => execution.name)).toEqual(['e3', 'e2']);
    const page2 = await h.client.send(
      new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: page1.nextToken }),
    );
    expect(page2.executions?.map((execution) => execution.name)).toEqual(['e1']);
    expect(page2.nextToken).toBeUndefined();
    const failed = await h.client.send(
      new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'FAILED' }),
    );
    expect(failed.executions).toEqual([]);
  });

  it('answers unknown operations with UnknownOperationException', async () => {
    const response = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSStepFunctions.CreateActivity',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
