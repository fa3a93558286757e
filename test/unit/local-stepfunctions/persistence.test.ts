// Executions written under dataDir survive the engine: history and statuses are readable by a new
// engine, and RUNNING executions resume where they were, callback tokens included.
import { readdirSync } from 'node:fs';
import { DescribeExecutionCommand, ListExecutionsCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskHandler } from '#infra/local/stepfunctions/types.ts';
import { eventually, fnArn, type Harness, startHarness, tempDir } from './helpers.ts';

const journey = {
  StartAt: 'Receipt',
  States: {
    Receipt: { Type: 'Pass', Result: 'sent', ResultPath: '$.receipt', Next: 'Wait for decision' },
    'Wait for decision': {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: fnArn('notify'),
        Payload: { 'applicationId.$': '$.applicationId', 'taskToken.$': '$$.Task.Token' },
      },
      TimeoutSeconds: 100_000,
      ResultPath: '$.decision',
      Next: 'Cool down',
    },
    'Cool down': { Type: 'Wait', Seconds: 50, Next: 'Done' },
    Done: {
      Type: 'Pass',
      Parameters: { 'applicationId.$': '$.applicationId', 'decision.$': '$.decision' },
      End: true,
    },
  },
};

describe('persistence', () => {
  const dir = tempDir();
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
    dir.remove();
  });

  it('keeps past executions and resumes running ones with the same task token', async () => {
    const payloads: { applicationId: string; taskToken: string }[] = [];
    const notify: TaskHandler = async (payload) => {
      payloads.push(payload as { applicationId: string; taskToken: string });
      return null;
    };
    const register = (harness: Harness) =>
      harness.engine.registerStateMachine({
        name: 'journey',
        definition: journey,
        taskHandlers: { [fnArn('notify')]: notify },
      });

    // First engine: one execution finishes, two wait for their decision.
    const first = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(first);
    const arn = register(first);
    const finished = first.engine.startExecution({
      stateMachineArn: arn,
      name: 'app-4',
      input: '{"applicationId":"app-4"}',
    });
    const token4 = (await eventually(() => payloads.find((p) => p.applicationId === 'app-4'))).taskToken;
    first.engine.sendTaskSuccess({ taskToken: token4, output: '{"approved":false}' });
    await first.engine.waitForExecution(finished.executionArn);
    const waiting = first.engine.startExecution({
      stateMachineArn: arn,
      name: 'app-5',
      input: '{"applicationId":"app-5"}',
    });
    const early = first.engine.startExecution({
      stateMachineArn: arn,
      name: 'app-6',
      input: '{"applicationId":"app-6"}',
    });
    const token5 = (await eventually(() => payloads.find((p) => p.applicationId === 'app-5'))).taskToken;
    const token6 = (await eventually(() => payloads.find((p) => p.applicationId === 'app-6'))).taskToken;
    await first.close();
    harnesses.splice(0);
    expect(readdirSync(dir.path).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir.path).filter((file) => file.endsWith('.json'))).toHaveLength(3);

    // Second engine on the same directory.
    const second = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(second);
    register(second);
    const listed = await second.client.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    expect(listed.executions?.map((e) => [e.name, e.status])).toEqual([
      ['app-6', 'RUNNING'],
      ['app-5', 'RUNNING'],
      ['app-4', 'SUCCEEDED'],
    ]);
    const done = await second.client.send(
      new DescribeExecutionCommand({ executionArn: finished.executionArn }),
    );
    expect(JSON.parse(done.output!)).toEqual({ applicationId: 'app-4', decision: { approved: false } });
    expect(
      second.engine.getExecutionHistory({ executionArn: finished.executionArn }).events.at(-1)?.type,
    ).toBe('ExecutionSucceeded');
    expect(second.engine.getCurrentStates(waiting.executionArn)).toEqual(['Wait for decision']);

    // A decision that arrives before the resume is kept for it.
    second.engine.sendTaskSuccess({ taskToken: token6, output: '{"approved":"early"}' });
    await second.engine.resumeRunningExecutions();
    const earlyDone = await second.engine.waitForExecution(early.executionArn);
    expect(JSON.parse(earlyDone.output!)).toEqual({
      applicationId: 'app-6',
      decision: { approved: 'early' },
    });

    // The resumed task does not call the handler again and takes the e-mailed token.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(payloads).toHaveLength(3);
    expect(second.engine.describeExecution({ executionArn: waiting.executionArn }).status).toBe('RUNNING');
    await second.client.send(new SendTaskSuccessCommand({ taskToken: token5, output: '{"approved":true}' }));
    const resumed = await second.engine.waitForExecution(waiting.executionArn);
    expect(resumed.status).toBe('SUCCEEDED');
    expect(JSON.parse(resumed.output!)).toEqual({ applicationId: 'app-5', decision: { approved: true } });
    const types = second.engine
      .getExecutionHistory({ executionArn: waiting.executionArn })
      .events.map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    await second.close();
    harnesses.splice(0);

    // And a third engine still sees the outcome.
    const third = await startHarness({ dataDir: dir.path });
    harnesses.push(third);
    register(third);
    expect(third.engine.describeExecution({ executionArn: waiting.executionArn }).status).toBe('SUCCEEDED');
    expect(() => third.engine.sendTaskSuccess({ taskToken: token5, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskDoesNotExist' }),
    );
  });

  it('resumes a Wait state with the time it had left', async () => {
    const waitOnly = {
      StartAt: 'Pause',
      States: {
        Pause: { Type: 'Wait', SecondsPath: '$.seconds', Next: 'After' },
        After: { Type: 'Pass', Result: 'woke', ResultPath: '$.state', End: true },
      },
    };
    const first = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(first);
    const arn = first.engine.registerStateMachine({ name: 'pause', definition: waitOnly, taskHandlers: {} });
    const { executionArn } = first.engine.startExecution({ stateMachineArn: arn, input: '{"seconds":500}' });
    await eventually(() =>
      first.engine.getCurrentStates(executionArn).includes('Pause') ? true : undefined,
    );
    const startedAt = Date.now();
    await first.close();
    harnesses.splice(0);

    const second = await startHarness({ dataDir: dir.path, timeScale: 0.001 });
    harnesses.push(second);
    second.engine.registerStateMachine({ name: 'pause', definition: waitOnly, taskHandlers: {} });
    await new Promise((resolve) => setTimeout(resolve, 250));
    await second.engine.resumeRunningExecutions();
    const done = await second.engine.waitForExecution(executionArn);
    const elapsed = Date.now() - startedAt;
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ seconds: 500, state: 'woke' });
    // 500 ms in all, not 250 ms of restart + a fresh 500 ms.
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(700);
    const types = second.engine.getExecutionHistory({ executionArn }).events.map((e) => e.type);
    expect(types.filter((type) => type === 'WaitStateEntered')).toHaveLength(1);
  });
});
