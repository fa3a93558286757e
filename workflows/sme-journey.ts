// The sme-journey state machine (Standard, JSONPath): one execution per application, named after
// it, carrying IDs and codes only. Screening → matching and offers (with reminders, expiry, the
// next manager, escalation) → assessment → financing decision → launch, each ending in an
// outcome. CDK deploys it; the local engine runs the ASL rendered from this same definition.
import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { JourneyOutcome } from '#shared/domain/application.ts';
import { permanentErrorNames } from '#shared/domain/errors.ts';
import type { HumanTaskKind } from '#shared/domain/human-tasks.ts';
import type { WorkflowRefs } from './refs.ts';

/** The Lambda functions the journey calls, by their catalogue name. */
export const smeJourneyFunctions = [
  'sendApplicationEmail',
  'screenEligibility',
  'matchManager',
  'openHumanTask',
  'closeOffer',
  'expireTask',
  'assignManager',
  'recordAssessment',
  'reserveBudget',
  'launchProject',
  'closeJourney',
  'openServiceDeliveries',
  'expireServiceDeliveries',
  'recordFollowUp',
] as const;
export type SmeJourneyFunctions = Record<(typeof smeJourneyFunctions)[number], IFunction>;

const ids = { 'applicationId.$': '$.applicationId', 'programmeId.$': '$.programmeId' };

class JourneyBuilder {
  readonly scope: Construct;
  readonly fns: SmeJourneyFunctions;

  constructor(scope: Construct, fns: SmeJourneyFunctions) {
    this.scope = scope;
    this.fns = fns;
  }

  /** A Lambda task with a timeout and retries with backoff (none for permanent errors). */
  lambda(name: string, fn: IFunction, payload: Record<string, unknown>, resultPath: string | 'DISCARD') {
    const task = new tasks.LambdaInvoke(this.scope, name, {
      lambdaFunction: fn,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({ ...ids, ...payload }),
      resultPath: resultPath === 'DISCARD' ? sfn.JsonPath.DISCARD : resultPath,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    });
    task.addRetry({ errors: [...permanentErrorNames], maxAttempts: 0 });
    task.addRetry({
      errors: [sfn.Errors.ALL],
      interval: Duration.seconds(2),
      maxAttempts: 4,
      backoffRate: 2,
      jitterStrategy: sfn.JitterType.FULL,
    });
    return task;
  }

  /**
   * A callback state: the function is given the task token and the state waits for SendTaskSuccess
   * (a human's answer, or the last of several). The timeout comes from the programme, via the
   * state's input.
   */
  callback(
    name: string,
    fn: IFunction,
    payload: Record<string, unknown>,
    timeoutPath: string,
    resultPath: string,
  ) {
    const task = new tasks.LambdaInvoke(this.scope, name, {
      lambdaFunction: fn,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...ids, taskToken: sfn.JsonPath.taskToken, ...payload }),
      taskTimeout: sfn.Timeout.at(timeoutPath),
      resultPath,
    });
    // The function failing to open the task is retried; the human's own deadline is a Timeout.
    task.addRetry({
      errors: [sfn.Errors.TASKS_FAILED],
      interval: Duration.seconds(2),
      maxAttempts: 4,
      backoffRate: 2,
      jitterStrategy: sfn.JitterType.FULL,
    });
    return task;
  }

  /** A human task: the function opens it and e-mails the link; the link's POST answers it. */
  humanTask(
    name: string,
    kind: HumanTaskKind,
    phase: 'first' | 'reminder',
    timeoutPath: string,
    resultPath: string,
    extra: Record<string, unknown> = {},
  ) {
    return this.callback(name, this.fns.openHumanTask, { kind, phase, ...extra }, timeoutPath, resultPath);
  }

  /** Records the outcome (frees the manager, cancels open tasks, tells the SME), then ends. */
  close(name: string, outcome: JourneyOutcome) {
    return this.lambda(name, this.fns.closeJourney, { outcome }, 'DISCARD').next(
      new sfn.Pass(this.scope, `${name} (outcome)`, { parameters: { ...ids, outcome } }).next(
        new sfn.Succeed(this.scope, `${name} (end)`),
      ),
    );
  }

  /** First request, then one reminder (same link, new token), then the timeout path. */
  withReminder(
    first: tasks.LambdaInvoke,
    reminder: tasks.LambdaInvoke,
    onTimeout: sfn.IChainable,
    next: sfn.IChainable,
  ) {
    first.addCatch(reminder, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
    reminder.addCatch(onTimeout, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
    first.next(next);
    reminder.next(next);
    return first;
  }
}

/**
 * Builds the journey.
 * @param scope - where the states are created (a throwaway stack when rendering for local mode)
 * @param fns - the task functions
 */
export function defineSmeJourney(
  scope: Construct,
  fns: SmeJourneyFunctions,
  _refs?: WorkflowRefs,
): sfn.IChainable {
  const j = new JourneyBuilder(scope, fns);

  // Screening.
  const sendReceipt = j.lambda(
    'Send application receipt',
    fns.sendApplicationEmail,
    { emailKind: 'receipt' },
    'DISCARD',
  );
  const screen = j.lambda('Screen eligibility', fns.screenEligibility, {}, '$.screening');
  const notifyIneligible = j.lambda(
    'Send ineligibility notice',
    fns.sendApplicationEmail,
    { emailKind: 'ineligible' },
    'DISCARD',
  );
  const ineligible = new sfn.Pass(scope, 'Closed: ineligible', {
    parameters: { ...ids, outcome: 'ineligible', 'reason.$': '$.screening.reason' },
  }).next(new sfn.Succeed(scope, 'Closed: ineligible (end)'));

  // Matching and offers.
  const findManager = j.lambda('Find a manager', fns.matchManager, {}, '$.match');
  const waitForManager = new sfn.Wait(scope, 'Wait for a manager to free up', {
    time: sfn.WaitTime.secondsPath('$.match.timeouts.noManagerRetrySeconds'),
  }).next(findManager);
  const offerIds = { 'managerId.$': '$.match.managerId', 'round.$': '$.match.round' };
  const offer = j.humanTask(
    'Offer to manager',
    'offer',
    'first',
    '$.match.timeouts.offerReminderSeconds',
    '$.offer',
    offerIds,
  );
  const offerReminder = j.humanTask(
    'Remind manager of the offer',
    'offer',
    'reminder',
    '$.match.timeouts.offerFinalSeconds',
    '$.offer',
    offerIds,
  );
  const expireOffer = j
    .lambda('Expire the offer', fns.closeOffer, { ...offerIds, reason: 'expired' }, 'DISCARD')
    .next(findManager);
  const releaseDeclined = j
    .lambda('Release the declined offer', fns.closeOffer, { ...offerIds, reason: 'declined' }, 'DISCARD')
    .next(findManager);

  // Assessment.
  const timeouts = '$.match.timeouts';
  const requestAssessment = j.humanTask(
    'Request the assessment',
    'assessment',
    'first',
    `${timeouts}.assessmentReminderSeconds`,
    '$.assessment',
  );
  const remindAssessment = j.humanTask(
    'Remind manager of the assessment',
    'assessment',
    'reminder',
    `${timeouts}.assessmentFinalSeconds`,
    '$.assessment',
  );
  const assignAccepted = j
    .lambda('Introduce SME and manager', fns.assignManager, { 'managerId.$': '$.match.managerId' }, 'DISCARD')
    .next(requestAssessment);

  // Escalations to the programme office (no manager; assessment overdue; T1 DMA overdue). An
  // assignment leads back to the task the new manager takes over.
  const escalation = (label: string, closeOutcome: JourneyOutcome, afterAssign: sfn.IChainable) => {
    const first = j.humanTask(
      `Escalate: ${label}`,
      'escalation',
      'first',
      `${timeouts}.escalationReminderSeconds`,
      '$.escalation',
    );
    const reminder = j.humanTask(
      `Remind office: ${label}`,
      'escalation',
      'reminder',
      `${timeouts}.escalationFinalSeconds`,
      '$.escalation',
    );
    const closed = j.close(`Closed by the office: ${label}`, closeOutcome);
    const assign = j.lambda(
      `Assign the office's manager: ${label}`,
      fns.assignManager,
      { 'escalationRound.$': '$.escalation.round' },
      '$.assigned',
    );
    assign.next(
      new sfn.Choice(scope, `Assigned? (${label})`)
        .when(sfn.Condition.booleanEquals('$.assigned.assigned', true), afterAssign)
        .otherwise(first),
    );
    const decided = new sfn.Choice(scope, `Office decision: ${label}`)
      .when(sfn.Condition.stringEquals('$.escalation.decision', 'assign'), assign)
      .otherwise(closed);
    return j.withReminder(first, reminder, j.close(`Closed: ${label}, no answer`, closeOutcome), decided);
  };
  const escalateNoManager = escalation('no manager', 'no_manager', requestAssessment);
  const escalateOverdue = escalation('assessment overdue', 'closed_by_office', requestAssessment);

  // Financing and launch.
  const requestFinancing = j.humanTask(
    'Request the financing decision',
    'financing',
    'first',
    `${timeouts}.financingReminderSeconds`,
    '$.financing',
  );
  const remindFinancing = j.humanTask(
    'Remind office of the financing decision',
    'financing',
    'reminder',
    `${timeouts}.financingFinalSeconds`,
    '$.financing',
  );
  const launch = j
    .lambda('Launch the project', fns.launchProject, { 'round.$': '$.financing.round' }, '$.project')
    .next(
      new sfn.Pass(scope, 'Closed: launched', {
        parameters: { ...ids, outcome: 'launched', 'projectId.$': '$.project.projectId' },
      }).next(new sfn.Succeed(scope, 'Closed: launched (end)')),
    );
  const financingRejected = j.close('Closed: financing rejected', 'financing_rejected');

  // A services programme (an EDIH): the approved plan's services are delivered and recorded by their
  // providers (one waiting state for all of them, completed by the last one recorded; a reminder;
  // what is left at the deadline is not delivered), then after a delay the expert takes the T1 DMA.
  const deliveries = (name: string, phase: 'first' | 'reminder', timeoutPath: string) =>
    j.callback(name, fns.openServiceDeliveries, { phase }, timeoutPath, '$.deliveries');
  const openDeliveries = deliveries(
    'Open the service deliveries',
    'first',
    `${timeouts}.deliveryReminderSeconds`,
  );
  const remindDeliveries = deliveries(
    'Remind providers of the deliveries',
    'reminder',
    `${timeouts}.deliveryFinalSeconds`,
  );
  const waitForFollowUp = new sfn.Wait(scope, 'Wait before the T1 assessment', {
    time: sfn.WaitTime.secondsPath(`${timeouts}.followUpDelaySeconds`),
  });
  // With nothing delivered there is nothing to measure: no T1, the journey closes. (An execution
  // started before the count was reported goes on to the T1, as it did then.)
  const anyDelivered = new sfn.Choice(scope, 'Any service delivered?')
    .when(
      sfn.Condition.and(
        sfn.Condition.isPresent('$.deliveries.delivered'),
        sfn.Condition.numberEquals('$.deliveries.delivered', 0),
      ),
      j.close('Closed: no service delivered', 'services_not_delivered'),
    )
    .otherwise(waitForFollowUp);
  const expireDeliveries = j
    .lambda('Close the services not delivered in time', fns.expireServiceDeliveries, {}, '$.deliveries')
    .next(anyDelivered);
  openDeliveries.addCatch(remindDeliveries, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  remindDeliveries.addCatch(expireDeliveries, { errors: [sfn.Errors.TIMEOUT], resultPath: '$.lastTimeout' });
  openDeliveries.next(anyDelivered);
  remindDeliveries.next(anyDelivered);
  const requestFollowUp = j.humanTask(
    'Request the T1 assessment',
    'followup',
    'first',
    `${timeouts}.followUpReminderSeconds`,
    '$.followup',
  );
  const remindFollowUp = j.humanTask(
    'Remind the expert of the T1 assessment',
    'followup',
    'reminder',
    `${timeouts}.followUpFinalSeconds`,
    '$.followup',
  );
  waitForFollowUp.next(requestFollowUp);
  const recordFollowUp = j
    .lambda('Record the T1 assessment', fns.recordFollowUp, { 'round.$': '$.followup.round' }, 'DISCARD')
    .next(j.close('Closed: services delivered', 'services_completed'));
  // Unanswered after its reminder, the T1 request expires before the office is asked: an expert the
  // office assigns then gets a new request (and link) of their own.
  const expireFollowUp = j
    .lambda('Expire the unanswered T1 request', fns.expireTask, { kind: 'followup' }, 'DISCARD')
    .next(escalation('T1 assessment overdue', 'closed_by_office', requestFollowUp));
  j.withReminder(requestFollowUp, remindFollowUp, expireFollowUp, recordFollowUp);
  const launchOrDeliver = new sfn.Choice(scope, 'Project or services?')
    .when(
      sfn.Condition.and(
        sfn.Condition.isPresent('$.budget.delivery'),
        sfn.Condition.stringEquals('$.budget.delivery', 'services'),
      ),
      openDeliveries,
    )
    .otherwise(launch);

  // State aid: the approved aid is registered in the national register (the office records the COR)
  // before the project is launched; unanswered after a reminder and an escalation to every office
  // address, the journey closes and the reservation goes back.
  const requestRegistration = j.humanTask(
    'Request the aid registration',
    'registration',
    'first',
    `${timeouts}.registrationReminderSeconds`,
    '$.registration',
  );
  const remindRegistration = j.humanTask(
    'Remind office of the aid registration',
    'registration',
    'reminder',
    `${timeouts}.registrationFinalSeconds`,
    '$.registration',
  );
  const escalateRegistration = j.humanTask(
    'Escalate the aid registration',
    'registration',
    'first',
    `${timeouts}.registrationFinalSeconds`,
    '$.registration',
    { escalated: true },
  );
  escalateRegistration.addCatch(j.close('Closed: aid not registered in time', 'closed_by_office'), {
    errors: [sfn.Errors.TIMEOUT],
    resultPath: '$.lastTimeout',
  });
  escalateRegistration.next(launchOrDeliver);
  const expireRegistration = j
    .lambda('Expire the unanswered aid registration', fns.expireTask, { kind: 'registration' }, 'DISCARD')
    .next(escalateRegistration);
  const registration = j.withReminder(
    requestRegistration,
    remindRegistration,
    expireRegistration,
    launchOrDeliver,
  );

  const reserveBudget = j
    .lambda('Reserve the budget', fns.reserveBudget, { 'round.$': '$.financing.round' }, '$.budget')
    .next(
      new sfn.Choice(scope, 'Within budget?')
        .when(
          sfn.Condition.and(
            sfn.Condition.booleanEquals('$.budget.reserved', true),
            sfn.Condition.isPresent('$.budget.registration'),
            sfn.Condition.booleanEquals('$.budget.registration', true),
          ),
          registration,
        )
        .when(sfn.Condition.booleanEquals('$.budget.reserved', true), launchOrDeliver)
        // The page refused amounts over the cap, the budget left or the de minimis headroom when
        // the office posted; this only happens when other approvals took them meanwhile: the
        // office decides again.
        .otherwise(requestFinancing),
    );
  const financingDecided = new sfn.Choice(scope, 'Financing approved?')
    .when(sfn.Condition.stringEquals('$.financing.decision', 'approve'), reserveBudget)
    .otherwise(financingRejected);
  // Unanswered after the reminder: the request is escalated to every address of the programme
  // office with a fresh link; if that goes unanswered too, the journey closes.
  const escalateFinancing = j.humanTask(
    'Escalate the financing decision',
    'financing',
    'first',
    `${timeouts}.financingFinalSeconds`,
    '$.financing',
    { escalated: true },
  );
  escalateFinancing.addCatch(j.close('Closed: financing not decided in time', 'closed_by_office'), {
    errors: [sfn.Errors.TIMEOUT],
    resultPath: '$.lastTimeout',
  });
  escalateFinancing.next(financingDecided);
  const expireFinancing = j
    .lambda('Expire the unanswered financing request', fns.expireTask, { kind: 'financing' }, 'DISCARD')
    .next(escalateFinancing);
  const financing = j.withReminder(requestFinancing, remindFinancing, expireFinancing, financingDecided);

  const recordAssessment = j
    .lambda('Record the assessment', fns.recordAssessment, { 'round.$': '$.assessment.round' }, '$.assessed')
    .next(
      new sfn.Choice(scope, 'Project recommended?')
        .when(sfn.Condition.booleanEquals('$.assessed.projectRecommended', true), financing)
        .otherwise(j.close('Closed: assessed, no project', 'assessed_no_project')),
    );
  // Unanswered after its reminder, the assessment request expires before the office is asked: a
  // manager the office assigns then gets a request (and link) of their own.
  const expireAssessment = j
    .lambda('Expire the unanswered assessment request', fns.expireTask, { kind: 'assessment' }, 'DISCARD')
    .next(escalateOverdue);
  j.withReminder(requestAssessment, remindAssessment, expireAssessment, recordAssessment);

  const offerAnswered = new sfn.Choice(scope, 'Offer accepted?')
    .when(sfn.Condition.stringEquals('$.offer.decision', 'accept'), assignAccepted)
    .otherwise(releaseDeclined);
  j.withReminder(offer, offerReminder, expireOffer, offerAnswered);

  findManager.next(
    new sfn.Choice(scope, 'Manager found?')
      .when(sfn.Condition.stringEquals('$.match.outcome', 'offer'), offer)
      .when(sfn.Condition.stringEquals('$.match.outcome', 'wait'), waitForManager)
      .otherwise(escalateNoManager),
  );

  return sendReceipt
    .next(screen)
    .next(
      new sfn.Choice(scope, 'Eligible?')
        .when(sfn.Condition.booleanEquals('$.screening.eligible', true), findManager)
        .otherwise(notifyIneligible.next(ineligible)),
    );
}
