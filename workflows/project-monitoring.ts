// The project-monitoring state machine (Standard, JSONPath): one execution per monitoring cycle,
// named "<projectId>-c<cycle>". It waits until the check-in date, asks the manager for the
// check-in (reminder, then recorded as missed), records it, and starts the next cycle's execution
// (continue-as-new), so no execution lives longer than one cycle or nears the history limit.
// The last cycle asks for the closing report (T1 maturity, outcome, spending) and closes the project.
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { WorkflowRefs } from './refs.ts';
import { withRetries } from './retries.ts';

export const projectMonitoringFunctions = [
  'planCycle',
  'openHumanTask',
  'recordCheckin',
  'closeProject',
] as const;
export type ProjectMonitoringFunctions = Record<(typeof projectMonitoringFunctions)[number], IFunction>;

const ids = {
  'projectId.$': '$.projectId',
  'applicationId.$': '$.applicationId',
  'programmeId.$': '$.programmeId',
  'cycle.$': '$.cycle',
};

/**
 * Builds one monitoring cycle.
 * @param refs - the ARN of this same state machine, for starting the next cycle
 */
export function defineProjectMonitoring(
  scope: Construct,
  fns: ProjectMonitoringFunctions,
  refs: WorkflowRefs,
): sfn.IChainable {
  const lambda = (name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string) =>
    withRetries(
      new tasks.LambdaInvoke(scope, name, {
        lambdaFunction: fn,
        payloadResponseOnly: true,
        payload: sfn.TaskInput.fromObject({ ...ids, ...payload }),
        resultPath,
        taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
      }),
    );
  const humanTask = (
    name: string,
    kind: 'checkin' | 'closing',
    phase: 'first' | 'reminder',
    timeoutPath: string,
  ) =>
    withRetries(
      new tasks.LambdaInvoke(scope, name, {
        lambdaFunction: fns.openHumanTask,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({
          'applicationId.$': '$.applicationId',
          'programmeId.$': '$.programmeId',
          'round.$': '$.cycle',
          taskToken: sfn.JsonPath.taskToken,
          kind,
          phase,
        }),
        taskTimeout: sfn.Timeout.at(timeoutPath),
        resultPath: '$.answer',
      }),
      true,
    );

  const plan = lambda('Plan the cycle', fns.planCycle, {}, '$.plan');
  const wait = new sfn.Wait(scope, 'Wait until the check-in', {
    time: sfn.WaitTime.secondsPath('$.plan.waitSeconds'),
  });

  const nextCycle = withRetries(
    new tasks.StepFunctionsStartExecution(scope, 'Start the next cycle', {
      stateMachine: sfn.StateMachine.fromStateMachineArn(
        scope,
        'ThisStateMachine',
        refs.stateMachineArn('project-monitoring'),
      ),
      name: sfn.JsonPath.stringAt('$.plan.nextExecutionName'),
      input: sfn.TaskInput.fromObject({
        'projectId.$': '$.projectId',
        'applicationId.$': '$.applicationId',
        'programmeId.$': '$.programmeId',
        'cycle.$': '$.plan.nextCycle',
      }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    }),
  ).next(new sfn.Succeed(scope, 'Cycle done: next one started'));

  const closeProject = lambda(
    'Close the project',
    fns.closeProject,
    { 'missed.$': '$.recorded.missed' },
    '$.closed',
  ).next(
    new sfn.Pass(scope, 'Project closed', {
      parameters: { 'projectId.$': '$.projectId', 'outcome.$': '$.closed.outcome' },
    }).next(new sfn.Succeed(scope, 'Project closed (end)')),
  );

  const cycleKind = (kind: 'checkin' | 'closing', label: string, after: sfn.IChainable) => {
    const final = kind === 'closing';
    const first = humanTask(`Request the ${label}`, kind, 'first', '$.plan.timeouts.checkinReminderSeconds');
    const reminder = humanTask(
      `Remind manager of the ${label}`,
      kind,
      'reminder',
      '$.plan.timeouts.checkinFinalSeconds',
    );
    const recorded = lambda(
      `Record the ${label}`,
      fns.recordCheckin,
      { missed: false, final },
      '$.recorded',
    ).next(after);
    const missed = lambda(
      `Record the missed ${label}`,
      fns.recordCheckin,
      { missed: true, final },
      '$.recorded',
    ).next(after);
    first.addCatch(reminder, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
    reminder.addCatch(missed, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
    first.next(recorded);
    reminder.next(recorded);
    return first;
  };

  const stopped = new sfn.Succeed(scope, 'Monitoring paused or closed by the office');
  const cycle = wait.next(
    new sfn.Choice(scope, 'Closing cycle?')
      .when(
        sfn.Condition.booleanEquals('$.plan.final', true),
        cycleKind('closing', 'closing report', closeProject),
      )
      .otherwise(cycleKind('checkin', 'check-in', nextCycle)),
  );
  return plan.next(
    new sfn.Choice(scope, 'Still monitored?')
      .when(sfn.Condition.booleanEquals('$.plan.stop', true), stopped)
      .otherwise(cycle),
  );
}
