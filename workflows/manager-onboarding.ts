// The manager-onboarding state machine (Standard, JSONPath): one execution per registered
// manager, named after them, carrying their ID only. The programme office gets a vetting task by
// e-mail (reminder, then expiry); its decision is applied (active with a merit score and a welcome
// e-mail, or rejected and told why).
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { permanentErrorNames } from '#shared/domain/errors.ts';
import { vettingTimeouts } from '#shared/domain/manager-onboarding.ts';
import type { WorkflowRefs } from './refs.ts';

export const managerOnboardingFunctions = ['openVettingTask', 'applyVetting', 'expireVetting'] as const;
export type ManagerOnboardingFunctions = Record<(typeof managerOnboardingFunctions)[number], IFunction>;

const retry = (task: tasks.LambdaInvoke, errors: string[]) =>
  task.addRetry({
    errors,
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });

/** Builds the onboarding: vetting task with reminder and expiry, then the decision applied. */
export function defineManagerOnboarding(
  scope: Construct,
  fns: ManagerOnboardingFunctions,
  _refs?: WorkflowRefs,
): sfn.IChainable {
  const vetting = (name: string, phase: 'first' | 'reminder', hours: number) => {
    const task = new tasks.LambdaInvoke(scope, name, {
      lambdaFunction: fns.openVettingTask,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        'managerId.$': '$.managerId',
        taskToken: sfn.JsonPath.taskToken,
        phase,
      }),
      taskTimeout: sfn.Timeout.duration(Duration.hours(hours)),
      resultPath: '$.vetting',
    });
    retry(task, [sfn.Errors.TASKS_FAILED]);
    return task;
  };
  const lambda = (name: string, fn: IFunction, resultPath: string) => {
    const task = new tasks.LambdaInvoke(scope, name, {
      lambdaFunction: fn,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({ 'managerId.$': '$.managerId' }),
      resultPath,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    });
    task.addRetry({ errors: [...permanentErrorNames], maxAttempts: 0 });
    retry(task, [sfn.Errors.ALL]);
    return task;
  };
  const first = vetting('Request the vetting', 'first', vettingTimeouts.reminderHours);
  const reminder = vetting(
    'Remind the office of the vetting',
    'reminder',
    vettingTimeouts.expiryHours - vettingTimeouts.reminderHours,
  );
  const expired = lambda('Vetting expired', fns.expireVetting, sfn.JsonPath.DISCARD).next(
    new sfn.Succeed(scope, 'Not vetted in time'),
  );
  const apply = lambda('Apply the vetting decision', fns.applyVetting, '$.applied').next(
    new sfn.Succeed(scope, 'Vetted'),
  );
  first.addCatch(reminder, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  reminder.addCatch(expired, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  reminder.next(apply);
  return first.next(apply);
}
