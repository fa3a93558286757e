// The sme-journey state machine (Standard, JSONPath): one execution per application, named after
// it, carrying IDs only. CDK deploys it; the local engine runs the ASL rendered from this same
// definition (workflows/render.ts).
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** The Lambda functions the journey calls, by their catalogue name. */
export const smeJourneyFunctions = ['sendApplicationEmail', 'screenEligibility'] as const;
export type SmeJourneyFunctions = Record<(typeof smeJourneyFunctions)[number], IFunction>;

/** Errors that mean a bug or tampering: retrying cannot help. */
const permanentErrors = ['ApplicationNotFoundError', 'UnknownProgrammeError', 'ParseError'];

const ids = { 'applicationId.$': '$.applicationId', 'programmeId.$': '$.programmeId' };

function lambdaTask(
  scope: Construct,
  name: string,
  fn: IFunction,
  payload: Record<string, unknown>,
  resultPath: string,
) {
  const task = new tasks.LambdaInvoke(scope, name, {
    lambdaFunction: fn,
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject(payload),
    resultPath: resultPath === 'DISCARD' ? sfn.JsonPath.DISCARD : resultPath,
    taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
  });
  task.addRetry({ errors: permanentErrors, maxAttempts: 0 });
  task.addRetry({
    errors: [sfn.Errors.ALL],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}

function outcome(scope: Construct, name: string, code: string, extra: Record<string, string> = {}) {
  return new sfn.Pass(scope, name, {
    parameters: { ...ids, outcome: code, ...extra },
  }).next(new sfn.Succeed(scope, `${name} (end)`));
}

/**
 * Builds the journey: receipt e-mail → eligibility screening → ineligible notice, or onward to
 * manager matching (built by the journey issue).
 * @param scope - where the states are created (a throwaway stack when rendering for local mode)
 * @param fns - the task functions
 */
export function defineSmeJourney(scope: Construct, fns: SmeJourneyFunctions): sfn.IChainable {
  const sendReceipt = lambdaTask(
    scope,
    'Send application receipt',
    fns.sendApplicationEmail,
    { ...ids, emailKind: 'receipt' },
    'DISCARD',
  );
  const screen = lambdaTask(scope, 'Screen eligibility', fns.screenEligibility, ids, '$.screening');
  const notifyIneligible = lambdaTask(
    scope,
    'Send ineligibility notice',
    fns.sendApplicationEmail,
    { ...ids, emailKind: 'ineligible' },
    'DISCARD',
  );
  const eligible = outcome(scope, 'Eligible: awaiting manager matching', 'eligible');
  const ineligible = outcome(scope, 'Closed: ineligible', 'ineligible', { 'reason.$': '$.screening.reason' });

  return sendReceipt
    .next(screen)
    .next(
      new sfn.Choice(scope, 'Eligible?')
        .when(sfn.Condition.booleanEquals('$.screening.eligible', true), eligible)
        .otherwise(notifyIneligible.next(ineligible)),
    );
}
