// RedriveExecution and DescribeStateMachineForExecution as the AWS SDK sees them, and answers that
// are on disk before they are acknowledged (a second engine reading the folder at once finds them).
import {
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskHandler } from '#infra/local/stepfunctions/types.ts';
import { eventually, fnArn, type Harness, namedError, startHarness, tempDir } from './helpers.ts';

const launchFlow = {
  StartAt: 'Reserve',
  States: {
    Reserve: { Type: 'Task', Resource: fnArn('reserve'), ResultPath: '$.reservation', Next: 'Notify' },
    Notify: { Type: 'Task', Resource: fnArn('notify'), ResultPath: null, Next: 'Launch' },
    Launch: { Type: 'Task', Resource: fnArn('launch'), ResultPath: '$.launch', End: true },
  },
};

const callbackFlow = {
  StartAt: 'Wait for decision',
  States: {
    'Wait for decision': {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: fnArn('offer'),
        Payload: {
          'applicationId.$': '$.applicationId',
          'taskToken.$': '$$.Task.Token',
          'redriveCount.$': '$$.Execution.RedriveCount',
        },
      },
      TimeoutSeconds: 100_000,
      ResultPath: '$.decision',
      Next: 'Introduce',
    },
    Introduce: { Type: 'Task', Resource: fnArn('introduce'), ResultPath: null, End: true },
  },
};

describe('RedriveExecution', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
  });

  it('restarts a failed execution from the failed state, without running the states that succeeded', async () => {
    // Prepare: Launch fails the first time; Reserve and Notify count their side effects.
    const calls = { reserve: 0, notify: 0, launch: [] as unknown[] };
    const handlers: Record<string, TaskHandler> = {
      [fnArn('reserve')]: async () => {
        calls.reserve += 1;
        return { managerId: 'mgr-1' };
      },
      [fnArn('notify')]: async () => {
        calls.notify += 1;
        return null;
      },
      [fnArn('launch')]: async (payload) => {
        calls.launch.push(payload);
        if (calls.launch.length === 1) throw namedError('ProjectStoreUnavailable', 'table offline');
        return { projectId: 'prj-1' };
      },
    };
    const harness = await startHarness({ timeScale: 0.001 });
    harnesses.push(harness);
    const arn = harness.engine.registerStateMachine({
      name: 'launch',
      definition: launchFlow,
      taskHandlers: handlers,
    });
    const { executionArn } = harness.engine.startExecution({
      stateMachineArn: arn,
      name: 'app-1',
      input: '{"applicationId":"app-1"}',
    });
    const failed = await harness.engine.waitForExecution(executionArn);
    const before = await harness.client.send(new DescribeExecutionCommand({ executionArn }));

    // Act
    const redriven = await harness.client.send(new RedriveExecutionCommand({ executionArn }));
    const done = await harness.engine.waitForExecution(executionArn);
    const after = await harness.client.send(new DescribeExecutionCommand({ executionArn }));
    const history =
      (await harness.client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
    const again = harness.client.send(new RedriveExecutionCommand({ executionArn }));

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(before).toMatchObject({ status: 'FAILED', redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    expect(redriven.redriveDate).toBeInstanceOf(Date);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({
      applicationId: 'app-1',
      reservation: { managerId: 'mgr-1' },
      launch: { projectId: 'prj-1' },
    });
    expect(calls.reserve).toBe(1);
    expect(calls.notify).toBe(1);
    expect(calls.launch).toEqual([calls.launch[0], calls.launch[0]]);
    expect(after).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveStatus: 'NOT_REDRIVABLE' });
    expect(after.redriveDate?.getTime()).toBe(redriven.redriveDate?.getTime());
    expect(after.redriveStatusReason).toMatch(/SUCCEEDED/);
    const types = history.map((event) => event.type);
    const redrivenAt = types.indexOf('ExecutionRedriven');
    expect(types.slice(redrivenAt - 1, redrivenAt + 3)).toEqual([
      'ExecutionFailed',
      'ExecutionRedriven',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
    ]);
    expect(history[redrivenAt]?.executionRedrivenEventDetails).toEqual({ redriveCount: 1 });
    expect(history[redrivenAt + 1]?.stateEnteredEventDetails?.name).toBe('Launch');
    expect(history.map((event) => event.id)).toEqual(history.map((_, index) => index + 1));
    await expect(again).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
  });

  it('redrives an aborted callback state with a fresh token, and refuses what AWS refuses', async () => {
    // Prepare
    const offers: { taskToken: string; redriveCount: number }[] = [];
    let introductions = 0;
    const handlers: Record<string, TaskHandler> = {
      [fnArn('offer')]: async (payload) => {
        offers.push(payload as { taskToken: string; redriveCount: number });
        return null;
      },
      [fnArn('introduce')]: async () => {
        introductions += 1;
        return null;
      },
    };
    const harness = await startHarness({ timeScale: 0.001 });
    harnesses.push(harness);
    const arn = harness.engine.registerStateMachine({
      name: 'offer',
      definition: callbackFlow,
      taskHandlers: handlers,
    });
    const { executionArn } = harness.engine.startExecution({
      stateMachineArn: arn,
      input: '{"applicationId":"a"}',
    });
    const first = await eventually(() => offers[0]);
    const whileRunning = harness.client.send(new RedriveExecutionCommand({ executionArn }));
    await whileRunning.catch(() => undefined);
    harness.engine.stopExecution({ executionArn, error: 'Operator', cause: 'stopped by hand' });

    // Act
    await harness.client.send(new RedriveExecutionCommand({ executionArn, clientToken: 'retry-1' }));
    const sameCall = await harness.client.send(
      new RedriveExecutionCommand({ executionArn, clientToken: 'retry-1' }),
    );
    const second = await eventually(() => offers[1]);
    const staleAnswer = () => harness.engine.sendTaskSuccess({ taskToken: first.taskToken, output: '{}' });
    harness.engine.sendTaskSuccess({ taskToken: second.taskToken, output: '{"decision":"accept"}' });
    const done = await harness.engine.waitForExecution(executionArn);
    const forExecution = await harness.client.send(
      new DescribeStateMachineForExecutionCommand({ executionArn }),
    );

    // Assess
    await expect(whileRunning).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
    expect(sameCall.redriveDate).toBeInstanceOf(Date);
    expect(first.redriveCount).toBe(0);
    expect(second.redriveCount).toBe(1);
    expect(second.taskToken).not.toBe(first.taskToken);
    expect(staleAnswer).toThrow(expect.objectContaining({ name: 'TaskDoesNotExist' }));
    expect(done.status).toBe('SUCCEEDED');
    expect(offers).toHaveLength(2);
    expect(introductions).toBe(1);
    expect(forExecution).toMatchObject({ stateMachineArn: arn, name: 'offer' });
    expect(JSON.parse(forExecution.definition ?? '{}')).toEqual(callbackFlow);
    expect(forExecution.updateDate).toBeInstanceOf(Date);
    await expect(
      harness.client.send(new RedriveExecutionCommand({ executionArn: `${executionArn}-nope` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(
      harness.client.send(new RedriveExecutionCommand({ executionArn: 'arn:aws:states:nope' })),
    ).rejects.toMatchObject({ name: 'InvalidArn' });
    await expect(
      harness.client.send(
        new DescribeStateMachineForExecutionCommand({ executionArn: `${executionArn}-nope` }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});

describe('durable acknowledgements', () => {
  const dir = tempDir();
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
    dir.remove();
  });

  it('writes a started execution and an answered task before the call returns', async () => {
    // Prepare: an engine whose periodic writes never get a chance (the second one reads at once).
    const offers: { taskToken: string }[] = [];
    let introductions = 0;
    const handlers: Record<string, TaskHandler> = {
      [fnArn('offer')]: async (payload) => {
        offers.push(payload as { taskToken: string });
        return null;
      },
      [fnArn('introduce')]: async () => {
        introductions += 1;
        return null;
      },
    };
    const first = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(first);
    const arn = first.engine.registerStateMachine({
      name: 'offer',
      definition: callbackFlow,
      taskHandlers: { [fnArn('offer')]: handlers[fnArn('offer')] as TaskHandler },
    });
    first.engine.startExecution({ stateMachineArn: arn, name: 'answered', input: '{"applicationId":"a"}' });
    const { taskToken } = await eventually(() => offers[0]);

    // Act: acknowledge an answer and a start, then read the folder in the same tick.
    first.engine.sendTaskSuccess({ taskToken, output: '{"decision":"accept"}' });
    const started = first.engine.startExecution({
      stateMachineArn: arn,
      name: 'started',
      input: '{"applicationId":"b"}',
    });
    const second = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(second);
    second.engine.registerStateMachine({ name: 'offer', definition: callbackFlow, taskHandlers: handlers });
    await first.close();
    harnesses.splice(0, 1);
    await second.engine.resumeRunningExecutions();
    const answered = await second.engine.waitForExecution(
      `${arn.replace(':stateMachine:', ':execution:')}:answered`,
    );

    // Assess
    expect(answered.status).toBe('SUCCEEDED');
    expect(JSON.parse(answered.output ?? 'null')).toEqual({
      applicationId: 'a',
      decision: { decision: 'accept' },
    });
    expect(second.engine.describeExecution({ executionArn: started.executionArn }).status).toBe('RUNNING');
    expect(offers.filter((offer) => offer.taskToken === taskToken)).toHaveLength(1);
    expect(introductions).toBe(1);
  });
});
