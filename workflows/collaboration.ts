// The collaboration state machine (Standard, JSONPath): one execution per cycle of a collaboration
// between firms, named "<collaborationId>-c<cycle>", carrying IDs and the cycle number only. Cycle 0
// invites the firms: each gets a join task by e-mail and the last answer completes the waiting
// state (a reminder, then the invitations end at their deadline). With two or more members the
// first verification cycle starts: each waits its interval, asks the coordinator for the members'
// benefits (reminder, then recorded as missed), records them and starts the next cycle
// (continue-as-new), until the last cycle, a report saying it ended, or fewer than two members;
// then the collaboration closes with its final report.
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { WorkflowRefs } from './refs.ts';
import { withRetries } from './retries.ts';

export const collaborationFunctions = [
  'planCollaborationCycle',
  'openInvitations',
  'finishInvitations',
  'openCollaborationReport',
  'recordCollaborationReport',
  'closeCollaboration',
] as const;
export type CollaborationFunctions = Record<(typeof collaborationFunctions)[number], IFunction>;

const ids = {
  'collaborationId.$': '$.collaborationId',
  'programmeId.$': '$.programmeId',
  'cycle.$': '$.cycle',
};

/**
 * Builds one collaboration cycle.
 * @param refs - the ARN of this same state machine, for starting the next cycle
 */
export function defineCollaboration(
  parent: Construct,
  fns: CollaborationFunctions,
  refs: WorkflowRefs,
): sfn.IChainable {
  // Its own scope: state names repeat the monitoring's ("Plan the cycle"), each in its machine.
  const scope = new Construct(parent, 'CollaborationStates');
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
  const waitFor = (name: string, fn: IFunction, phase: 'first' | 'reminder', timeoutPath: string) =>
    withRetries(
      new tasks.LambdaInvoke(scope, name, {
        lambdaFunction: fn,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({ ...ids, taskToken: sfn.JsonPath.taskToken, phase }),
        taskTimeout: sfn.Timeout.at(timeoutPath),
        resultPath: '$.answer',
      }),
      true,
    );

  const plan = lambda('Plan the cycle', fns.planCollaborationCycle, {}, '$.plan');

  const nextCycle = withRetries(
    new tasks.StepFunctionsStartExecution(scope, 'Start the next cycle', {
      stateMachine: sfn.StateMachine.fromStateMachineArn(
        scope,
        'ThisStateMachine',
        refs.stateMachineArn('collaboration'),
      ),
      name: sfn.JsonPath.stringAt('$.plan.nextExecutionName'),
      input: sfn.TaskInput.fromObject({
        'collaborationId.$': '$.collaborationId',
        'programmeId.$': '$.programmeId',
        'cycle.$': '$.plan.nextCycle',
      }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    }),
  ).next(new sfn.Succeed(scope, 'Cycle done: next one started'));

  // Cycle 0: the firms decide.
  const invite = waitFor('Invite the firms', fns.openInvitations, 'first', '$.plan.timeouts.reminderSeconds');
  const remindFirms = waitFor(
    'Remind the firms',
    fns.openInvitations,
    'reminder',
    '$.plan.timeouts.finalSeconds',
  );
  const finish = lambda('Close the invitations', fns.finishInvitations, {}, '$.invitations').next(
    new sfn.Choice(scope, 'Two or more firms joined?')
      .when(sfn.Condition.booleanEquals('$.invitations.started', true), nextCycle)
      .otherwise(new sfn.Succeed(scope, 'Not started: too few firms joined')),
  );
  invite.addCatch(remindFirms, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  remindFirms.addCatch(finish, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  invite.next(finish);
  remindFirms.next(finish);

  // Cycles 1…n: the coordinator verifies.
  const wait = new sfn.Wait(scope, 'Wait until the verification', {
    time: sfn.WaitTime.secondsPath('$.plan.waitSeconds'),
  });
  const request = waitFor(
    'Request the verification',
    fns.openCollaborationReport,
    'first',
    '$.plan.timeouts.reminderSeconds',
  );
  const remindCoordinator = waitFor(
    'Remind the coordinator',
    fns.openCollaborationReport,
    'reminder',
    '$.plan.timeouts.finalSeconds',
  );
  const close = lambda('Close the collaboration', fns.closeCollaboration, {}, '$.closed').next(
    new sfn.Succeed(scope, 'Collaboration closed'),
  );
  const goesOn = new sfn.Choice(scope, 'Another cycle?')
    .when(sfn.Condition.booleanEquals('$.recorded.goesOn', true), nextCycle)
    .otherwise(close);
  const recorded = lambda(
    'Record the verification',
    fns.recordCollaborationReport,
    { missed: false },
    '$.recorded',
  );
  const missed = lambda(
    'Record the missed verification',
    fns.recordCollaborationReport,
    { missed: true },
    '$.recorded',
  );
  recorded.next(goesOn);
  missed.next(goesOn);
  request.addCatch(remindCoordinator, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  remindCoordinator.addCatch(missed, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  request.next(recorded);
  remindCoordinator.next(recorded);

  return plan.next(
    new sfn.Choice(scope, 'What does this cycle do?')
      .when(sfn.Condition.stringEquals('$.plan.phase', 'invite'), invite)
      .when(sfn.Condition.stringEquals('$.plan.phase', 'verify'), wait.next(request))
      .otherwise(new sfn.Succeed(scope, 'Nothing left to do')),
  );
}
