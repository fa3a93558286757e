// The SME journey's steps after screening, one function per workflow task: find and offer a
// manager, open human tasks (and their reminders), close offers, record the assessment, reserve
// budget, launch the project, close the journey. Each is idempotent: Step Functions may run a task
// twice, and nothing is sent or booked twice.
import { randomUUID } from 'node:crypto';
import {
  clearOffer,
  getApplication,
  moveApplication,
  recordNoManagerRound,
  recordOfferItem,
  recordOutcome,
  releaseCompanyLock,
  stageCounter,
} from '#shared/data/applications.ts';
import { putAssessmentOnce } from '#shared/data/assessments.ts';
import { type KnownEmailRecord, queuedEmailItem, sendEmailOnce } from '#shared/data/email-outbox.ts';
import {
  answerHumanTask,
  closeHumanTask,
  getHumanTask,
  type HumanTaskRef,
  listHumanTasks,
  taskEmailKind,
} from '#shared/data/human-tasks.ts';
import {
  findAndReserveManager,
  getManager,
  reserveManagerCapacity,
  type TransactionItem,
} from '#shared/data/managers.ts';
import { returnReservation } from '#shared/data/programme-budget.ts';
import { getProject, launchProjectOnce } from '#shared/data/projects.ts';
import { expireApplicationData } from '#shared/data/retention.ts';
import { cancelPendingAid, getAidByConcession } from '#shared/data/state-aid.ts';
import { startMonitoringCycle } from '#shared/data/step-functions.ts';
import type { StepIds } from '#shared/data/step-records.ts';
import {
  type ApplicationRecord,
  escalationReasonOf,
  type JourneyOutcome,
  keepsCompanyPlace,
} from '#shared/domain/application.ts';
import { dmaBand, dmaOverall } from '#shared/domain/dma-score.ts';
import {
  JourneyRecordMissingError,
  ManagerNotFoundError,
  TaskAnswerMismatchError,
} from '#shared/domain/errors.ts';
import { type HumanTaskAnswer, type HumanTaskKind, officeTaskKinds } from '#shared/domain/human-tasks.ts';
import { type Manager, managerLanguageFor } from '#shared/domain/manager.ts';
import { vettingTimeouts } from '#shared/domain/manager-onboarding.ts';
import { ineligibilityOf, scoreManager, smeProfileFromApplication } from '#shared/domain/matching.ts';
import { monitoringCycles } from '#shared/domain/monitoring.ts';
import { personalDataExpiry } from '#shared/domain/privacy.ts';
import { financingLimitBroken, officeLanguage, type Programme } from '#shared/domain/programme.ts';
import { type DeliveryKind, planValue } from '#shared/domain/services.ts';
import { type AidGrant, registersAid } from '#shared/domain/state-aid.ts';
import {
  assessmentRequestEmail,
  assessmentSummaryEmail,
  checkinRequestEmail,
  escalationEmail,
  financingRequestEmail,
  introductionToManagerEmail,
  introductionToSmeEmail,
  journeyClosedEmail,
  offerEmail,
  projectLaunchedEmail,
  registrationRequestEmail,
} from '#shared/email/journey-emails.tsx';
import { followUpRequestEmail } from '#shared/email/services-emails.tsx';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { taskUrl } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { countProgrammeEvent, logger } from '#shared/observability/powertools.ts';
import { recordCollaborationProfile } from './collaboration.ts';
import { loadStep, stepManager } from './load-step.ts';
import { endEngagement } from './manager-retention.ts';
import { openOrRemindTask } from './open-task.ts';
import { withdrawPlannedServices } from './services.ts';
import { registeredAidOf, reserveApproval } from './state-aid.ts';

export interface JourneyDeps {
  readonly tableName: string;
  readonly publicBaseUrl: string;
  readonly send: (to: string | readonly string[], email: RenderedEmail) => Promise<string>;
  readonly now?: () => Date;
  /** Where launched projects' monitoring runs; absent = monitoring not started. */
  readonly monitoringStateMachineArn?: string;
}

const hoursToSeconds = (hours: number) => Math.max(1, Math.round(hours * 3600));

/** The waits of the workflow, in seconds, from the programme (TimeoutSecondsPath/SecondsPath). */
export function journeyTimeoutSeconds(programme: Programme) {
  const t = programme.timeouts;
  return {
    offerReminderSeconds: hoursToSeconds(t.offerReminderHours),
    offerFinalSeconds: hoursToSeconds(t.offerExpiryHours - t.offerReminderHours),
    noManagerRetrySeconds: hoursToSeconds(t.noManagerRetryHours),
    escalationReminderSeconds: hoursToSeconds(t.escalationReminderHours),
    escalationFinalSeconds: hoursToSeconds(t.escalationExpiryHours - t.escalationReminderHours),
    assessmentReminderSeconds: hoursToSeconds(t.assessmentReminderHours),
    assessmentFinalSeconds: hoursToSeconds(t.assessmentExpiryHours - t.assessmentReminderHours),
    financingReminderSeconds: hoursToSeconds(t.financingReminderHours),
    financingFinalSeconds: hoursToSeconds(t.financingExpiryHours - t.financingReminderHours),
    registrationReminderSeconds: hoursToSeconds(t.registrationReminderHours),
    registrationFinalSeconds: hoursToSeconds(t.registrationExpiryHours - t.registrationReminderHours),
    ...servicesTimeoutSeconds(programme),
  };
}

/** The waits of a services programme's deliveries and T1 DMA, in seconds. */
function servicesTimeoutSeconds(programme: Programme) {
  const { delivery, followUp } = programme.services;
  return {
    deliveryReminderSeconds: hoursToSeconds(delivery.reminderHours),
    deliveryFinalSeconds: hoursToSeconds(delivery.expiryHours - delivery.reminderHours),
    followUpDelaySeconds: hoursToSeconds(followUp.delayHours),
    followUpReminderSeconds: hoursToSeconds(followUp.reminderHours),
    followUpFinalSeconds: hoursToSeconds(followUp.expiryHours - followUp.reminderHours),
  };
}

const expiryHours = (programme: Programme, kind: HumanTaskKind) =>
  ({
    offer: programme.timeouts.offerExpiryHours,
    assessment: programme.timeouts.assessmentExpiryHours,
    financing: programme.timeouts.financingExpiryHours,
    escalation: programme.timeouts.escalationExpiryHours,
    checkin: programme.monitoring.checkinExpiryHours,
    closing: programme.monitoring.checkinExpiryHours,
    vetting: vettingTimeouts.expiryHours,
    registration: programme.timeouts.registrationExpiryHours,
    join: programme.collaboration.invitation.expiryHours,
    collaboration_report: programme.collaboration.verification.expiryHours,
    delivery: programme.services.delivery.expiryHours,
    followup: programme.services.followUp.expiryHours,
  })[kind];

const nowOf = (deps: JourneyDeps) => (deps.now ?? (() => new Date()))();

/** The manager's language for this journey: the SME's if the manager speaks it. */
const managerLanguage = (manager: Manager, application: ApplicationRecord): Language =>
  managerLanguageFor(manager, application.language);

export type MatchResult =
  | { outcome: 'offer'; managerId: string; round: number; timeouts: ReturnType<typeof journeyTimeoutSeconds> }
  | { outcome: 'wait'; timeouts: ReturnType<typeof journeyTimeoutSeconds> }
  | { outcome: 'escalate'; timeouts: ReturnType<typeof journeyTimeoutSeconds> };

/**
 * Finds the best free manager not tried yet and reserves their capacity; or says to wait for one
 * to free up; or, after the programme's limits, to escalate to the programme office.
 */
export async function matchManager(deps: JourneyDeps, ids: StepIds): Promise<MatchResult> {
  const { applicationId } = ids;
  const { application, programme } = await loadStep(deps.tableName, ids);
  const timeouts = journeyTimeoutSeconds(programme);
  if (application.currentOffer) {
    return { outcome: 'offer', ...application.currentOffer, timeouts };
  }
  if (application.status !== 'eligible') {
    // Withdrawn or closed while this task ran: reserve nothing (the execution is being stopped).
    logger.warn('Matching skipped: the application is no longer waiting', { applicationId });
    return { outcome: 'wait', timeouts };
  }
  const offers = application.offerRound ?? 0;
  if (offers >= programme.matching.maxOffers) {
    return { outcome: 'escalate', timeouts };
  }
  const round = offers + 1;
  // The offer is written in the reservation's transaction: a manager's capacity is never held
  // without the offer that explains it, and a second run finds the offer (its condition fails).
  const offerFor = (match: { managerId: string; score: object }) =>
    recordOfferItem(deps.tableName, applicationId, { ...match, round });
  const match =
    (await cohortMatch(deps, application, offerFor)) ??
    (await findAndReserveManager(
      deps.tableName,
      smeProfileFromApplication(application),
      application.triedManagerIds ?? [],
      {
        together: offerFor,
        ...(programme.matching.roster ? { roster: programme.matching.roster } : {}),
      },
    ));
  if (match === 'together_refused') {
    // Another run recorded its offer first, or the application left `eligible` (withdrawn,
    // closed): nothing was reserved here.
    const current = await getApplication(deps.tableName, applicationId);
    if (current?.currentOffer) return { outcome: 'offer', ...current.currentOffer, timeouts };
    logger.warn('Matching dropped: the application is no longer waiting', { applicationId });
    return { outcome: 'wait', timeouts };
  }
  if (match) {
    logger.info('Manager reserved', { applicationId, managerId: match.managerId, round });
    return { outcome: 'offer', managerId: match.managerId, round, timeouts };
  }
  const waits = (application.noManagerRounds ?? 0) + 1;
  await recordNoManagerRound(deps.tableName, applicationId, waits);
  if (waits > programme.matching.noManagerRetries) {
    return { outcome: 'escalate', timeouts };
  }
  return { outcome: 'wait', timeouts };
}

/**
 * The manager cohort matching drafted for this SME, reserved if they still have room and were not
 * tried; otherwise undefined (the online matcher decides).
 */
async function cohortMatch(
  deps: JourneyDeps,
  application: ApplicationRecord,
  offerFor: (match: { managerId: string; score: object }) => TransactionItem,
) {
  const drafted = application.cohortManagerId;
  if (!drafted || (application.triedManagerIds ?? []).includes(drafted)) return undefined;
  const manager = await getManager(deps.tableName, drafted);
  if (!manager) return undefined;
  const score = scoreManager(manager, smeProfileFromApplication(application));
  const outcome = await reserveManagerCapacity(deps.tableName, {
    managerId: drafted,
    applicationId: application.applicationId,
    at: nowOf(deps).toISOString(),
    together: offerFor({ managerId: drafted, score }),
  });
  if (outcome === 'no_capacity') return undefined;
  if (outcome === 'together_refused') return outcome;
  return { managerId: drafted, score, outcome };
}

export interface OpenTaskInput extends StepIds {
  readonly kind: HumanTaskKind;
  /** Given for offers (the offer's number); otherwise the next round of that kind, or the open one. */
  readonly round?: number;
  readonly taskToken: string;
  readonly phase: 'first' | 'reminder';
  /** An escalated task goes to every address of the programme office, not just the first. */
  readonly escalated?: boolean;
  readonly managerId?: string;
}

/**
 * Opens a human task (or, in the reminder phase, re-arms it with the new token) and sends its
 * e-mail once. The workflow waits on the token until the link's POST answers it.
 */
export async function openTask(deps: JourneyDeps, input: OpenTaskInput): Promise<{ opened: boolean }> {
  // An offer names its manager, read with the application; other tasks go to the assigned one.
  // The task of the round given (or the first round) is read with them: most tasks are asked once.
  const loaded = await loadStep(deps.tableName, input, {
    ...(input.managerId ? { managerId: input.managerId } : {}),
    task: { applicationId: input.applicationId, kind: input.kind, round: input.round ?? 1 },
  });
  const { application, programme } = loaded;
  const now = nowOf(deps);
  const managerId = input.managerId ?? application.managerId;
  const manager = await stepManager(deps.tableName, loaded, input.managerId);
  // Rounds follow one another (the next opens once the last is closed): without a first round, or
  // with it still open, the first round is the one; otherwise the tasks of the kind are listed.
  const round =
    input.round ??
    (!loaded.task || loaded.task.status === 'open'
      ? 1
      : await currentRound(deps, input.applicationId, input.kind, input.phase));
  const ref: HumanTaskRef = { applicationId: input.applicationId, kind: input.kind, round };
  const reminder = input.phase === 'reminder';
  // A reminder keeps the task's deadline; a first opening sets it (a retried one finds the task
  // there and writes nothing, so it needs no read).
  const existing = reminder
    ? loaded.task?.round === round
      ? loaded.task
      : await getHumanTask(deps.tableName, ref)
    : undefined;
  const dueAt =
    existing?.dueAt ?? new Date(now.getTime() + expiryHours(programme, input.kind) * 3600_000).toISOString();
  const monitoring = input.kind === 'checkin' || input.kind === 'closing';
  const project =
    monitoring && application.projectId ? await getProject(deps.tableName, application.projectId) : undefined;
  // A financing decision asked again because the approved amount no longer fitted the budget.
  const previous =
    input.kind === 'financing' && round > 1 && !reminder
      ? await getHumanTask(deps.tableName, { ...ref, round: round - 1 })
      : undefined;
  const askedAgain = previous?.status === 'answered' && !input.escalated;
  const aid =
    input.kind === 'registration' ? await getAidByConcession(deps.tableName, input.applicationId) : undefined;
  const { to, language, email } = taskEmail(input.kind, {
    ...(aid ? { aid } : {}),
    application,
    programme,
    manager,
    dueAt,
    ...(askedAgain ? { askedAgain } : {}),
    reminder: reminder || input.escalated === true,
    ...(input.escalated ? { escalated: true } : {}),
    ...(project
      ? {
          project: {
            title: project.title,
            cycle: round,
            cycles: monitoringCycles(project.durationMonths, programme.monitoring.checkinEveryHours),
          },
        }
      : {}),
  });
  const emailKind = taskEmailKind(ref, input.phase);
  const request = {
    ...ref,
    taskToken: input.taskToken,
    programmeId: programme.id,
    ...(managerId && !officeTaskKinds.includes(input.kind) ? { managerId } : {}),
    language,
    dueAt,
    now: now.toISOString(),
    emailItem: (secret: string) =>
      queuedEmailItem(input.applicationId, emailKind, to, email(taskUrl(deps.publicBaseUrl, secret)), now),
  };
  const task = await openOrRemindTask(input.phase, request, {
    tableName: deps.tableName,
    owner: input.applicationId,
    emailKind,
    send: deps.send,
    now: () => nowOf(deps),
  });
  logger.info('Human task ready', { applicationId: input.applicationId, kind: input.kind, round });
  return { opened: task?.status === 'open' };
}

/** The round a new task of that kind gets (after the last one), or the open one's for a reminder. */
async function currentRound(
  deps: JourneyDeps,
  applicationId: string,
  kind: HumanTaskKind,
  phase: 'first' | 'reminder',
): Promise<number> {
  const tasks = (await listHumanTasks(deps.tableName, applicationId)).filter((task) => task.kind === kind);
  const last = tasks.at(-1);
  if (!last) return 1;
  if (phase === 'reminder' || last.status === 'open') return last.round;
  return last.round + 1;
}

function taskEmail(
  kind: HumanTaskKind,
  context: {
    application: ApplicationRecord;
    programme: Programme;
    manager: Manager | undefined;
    dueAt: string;
    reminder: boolean;
    escalated?: boolean;
    /** A financing decision asked again (the approved amount no longer fitted the budget). */
    askedAgain?: boolean;
    /** The aid a registration task is about. */
    aid?: AidGrant;
    project?: { title: string; cycle: number; cycles: number };
  },
): { to: string | readonly string[]; language: Language; email: (link: string) => RenderedEmail } {
  const { application, programme, manager, dueAt, reminder } = context;
  if (kind === 'checkin' || kind === 'closing') {
    if (!manager || !context.project)
      throw new JourneyRecordMissingError(`${kind} task without a manager or project`);
    const lang = managerLanguage(manager, application);
    const project = context.project;
    return {
      to: manager.email,
      language: lang,
      email: (link) =>
        checkinRequestEmail(lang, {
          managerName: manager.name,
          companyName: application.company.name,
          programmeName: programme.names[lang],
          projectTitle: project.title,
          cycle: project.cycle,
          cycles: project.cycles,
          dueAt,
          link,
          reminder,
        }),
    };
  }
  const office = programme.officeEmails[0] ?? '';
  const companyName = application.company.name;
  if (kind === 'followup') {
    if (!manager) throw new JourneyRecordMissingError('T1 task without an expert');
    const lang = managerLanguage(manager, application);
    return {
      to: manager.email,
      language: lang,
      email: (link) =>
        followUpRequestEmail(lang, {
          managerName: manager.name,
          companyName: application.company.name,
          programmeName: programme.names[lang],
          dueAt,
          link,
          reminder,
        }),
    };
  }
  if (kind === 'offer' || kind === 'assessment') {
    if (!manager) throw new JourneyRecordMissingError(`${kind} task without a manager`);
    const lang = managerLanguage(manager, application);
    const common = {
      managerName: manager.name,
      companyName,
      programmeName: programme.names[lang],
      dueAt,
      reminder,
    };
    return {
      to: manager.email,
      language: lang,
      email: (link) =>
        kind === 'offer'
          ? offerEmail(lang, {
              ...common,
              sectorCode: application.company.atecoCode,
              province: application.company.province,
              link,
            })
          : assessmentRequestEmail(lang, { ...common, link }),
    };
  }
  const lang = officeLanguage;
  if (kind === 'registration') {
    const aid = context.aid;
    if (!aid) throw new JourneyRecordMissingError('registration task without an aid');
    return {
      to: context.escalated ? programme.officeEmails : office,
      language: lang,
      email: (link) =>
        registrationRequestEmail(lang, {
          companyName,
          programmeName: programme.names[lang],
          projectTitle: aid.projectTitle,
          amountEur: application.budgetReservedEur ?? 0,
          aidAmountEur: aid.aidAmountEur,
          carCode: aid.carCode,
          concessionId: aid.concessionId,
          dueAt,
          link,
          reminder,
        }),
    };
  }
  if (kind === 'financing') {
    return {
      to: context.escalated ? programme.officeEmails : office,
      language: lang,
      email: (link) =>
        financingRequestEmail(lang, {
          companyName,
          programmeName: programme.names[lang],
          // A services programme's plan has no title of its own.
          projectTitle:
            application.projectTitle ?? (programme.delivery === 'services' ? t(lang, 'plan.title') : ''),
          budgetEur: application.proposedBudgetEur ?? 0,
          managerName: manager?.name ?? '',
          dueAt,
          link,
          reminder,
          ...(context.askedAgain ? { askedAgain: true } : {}),
        }),
    };
  }
  return {
    to: office,
    language: lang,
    email: (link) =>
      escalationEmail(lang, {
        companyName,
        programmeName: programme.names[lang],
        reason: escalationReasonOf(application),
        dueAt,
        link,
        reminder,
      }),
  };
}

/** A task went unanswered after its reminder: close it as expired, so a new round can follow. */
export async function expireTask(
  deps: JourneyDeps,
  input: { applicationId: string; kind: HumanTaskKind },
): Promise<{ expired: boolean }> {
  const tasks = (await listHumanTasks(deps.tableName, input.applicationId)).filter(
    (t) => t.kind === input.kind,
  );
  const open = tasks.filter((t) => t.status === 'open');
  const now = nowOf(deps).toISOString();
  for (const task of open) await closeHumanTask(deps.tableName, task, 'expired', now);
  return { expired: open.length > 0 };
}

/** The offer's deadline passed or the manager declined: close it and free their capacity. */
export async function closeOffer(
  deps: JourneyDeps,
  input: { applicationId: string; managerId: string; round: number; reason: 'declined' | 'expired' },
): Promise<{ closed: true }> {
  const now = nowOf(deps).toISOString();
  if (input.reason === 'expired') {
    await closeHumanTask(deps.tableName, { ...input, kind: 'offer' }, 'expired', now);
  }
  await endEngagement(deps.tableName, {
    managerId: input.managerId,
    applicationId: input.applicationId,
  });
  await clearOffer(deps.tableName, input.applicationId, { managerId: input.managerId, round: input.round });
  logger.info('Offer closed', {
    applicationId: input.applicationId,
    round: input.round,
    reason: input.reason,
  });
  return { closed: true };
}

/**
 * The manager accepted (or the programme office assigned one): record it and introduce SME and
 * manager to each other by e-mail.
 */
export async function assignManager(
  deps: JourneyDeps,
  input: StepIds & { managerId?: string; escalationRound?: number },
): Promise<{ assigned: boolean; managerId?: string }> {
  // The accepting manager, or the office's answer to the escalation, read with the application.
  // With the accepting manager known, their introduction e-mails' records are read too.
  const introductionKinds = (managerId: string) => ({
    sme: `introduction.sme.${managerId}`,
    manager: `introduction.manager.${managerId}`,
  });
  const loaded = await loadStep(deps.tableName, input, {
    ...(input.managerId
      ? {
          managerId: input.managerId,
          emailKinds: Object.values(introductionKinds(input.managerId)),
        }
      : {}),
    ...(input.escalationRound !== undefined
      ? { task: { applicationId: input.applicationId, kind: 'escalation', round: input.escalationRound } }
      : {}),
  });
  const { application, programme, task } = loaded;
  const now = nowOf(deps);
  let managerId = input.managerId;
  let manager = loaded.manager;
  if (input.escalationRound !== undefined) {
    const answer = task?.answer as HumanTaskAnswer<'escalation'> | undefined;
    if (answer?.decision !== 'assign') return { assigned: false };
    managerId = answer.managerId;
    // The office's choice meets the same rule as matching (checked when posted; again here, since a
    // conflict or the roster may have changed since): otherwise the office is asked again.
    const chosen =
      managerId === application.managerId ? undefined : await getManager(deps.tableName, managerId);
    manager = chosen;
    const cause =
      managerId === application.managerId
        ? undefined
        : chosen
          ? ineligibilityOf(
              chosen,
              smeProfileFromApplication(application),
              application.triedManagerIds ?? [],
              programme.matching.roster,
            )
          : 'not_active';
    if (cause) {
      logger.warn('Office assignment refused', { applicationId: input.applicationId, cause });
      return { assigned: false };
    }
    if (application.managerId && application.managerId !== managerId) {
      await endEngagement(deps.tableName, {
        managerId: application.managerId,
        applicationId: input.applicationId,
      });
    }
    const reserved = await reserveManagerCapacity(deps.tableName, {
      managerId,
      applicationId: input.applicationId,
      at: now.toISOString(),
    });
    if (reserved === 'no_capacity') return { assigned: false };
  }
  if (!managerId) throw new JourneyRecordMissingError('assignManager needs a manager');
  manager = manager?.managerId === managerId ? manager : await getManager(deps.tableName, managerId);
  if (!manager) throw new ManagerNotFoundError(`manager ${managerId} not found`);
  await moveApplication(deps.tableName, application, {
    from: ['eligible', 'manager_assigned', 'in_delivery'],
    // A new expert for the T1 DMA leaves a services journey where it is.
    to: application.status === 'in_delivery' ? 'in_delivery' : 'manager_assigned',
    at: now.toISOString(),
    set: { managerId },
    // The offer the acceptance (or the office's choice) settles goes in the same write.
    remove: ['currentOffer'],
    counters: application.status === 'eligible' ? { assessmentsAssigned: 1 } : {},
  });
  const smeLang = application.language;
  const mLang = managerLanguage(manager, application);
  const round = application.offerRound ?? 0;
  const { sme: smeKind, manager: managerKind } = introductionKinds(managerId);
  const known = (kind: string): KnownEmailRecord | undefined =>
    kind in loaded.emails ? { item: loaded.emails[kind] } : undefined;
  await sendOnce(
    deps,
    input.applicationId,
    smeKind,
    application.contact.email,
    now,
    () =>
      introductionToSmeEmail(smeLang, {
        contactName: application.contact.name,
        companyName: application.company.name,
        programmeName: programme.names[smeLang],
        managerName: manager.name,
        managerEmail: manager.email,
        ...(manager.phone ? { managerPhone: manager.phone } : {}),
      }),
    known(smeKind),
  );
  await sendOnce(
    deps,
    input.applicationId,
    managerKind,
    manager.email,
    now,
    () =>
      introductionToManagerEmail(mLang, {
        managerName: manager.name,
        companyName: application.company.name,
        contactName: application.contact.name,
        contactEmail: application.contact.email,
        ...(application.contact.phone ? { contactPhone: application.contact.phone } : {}),
        programmeName: programme.names[mLang],
      }),
    known(managerKind),
  );
  logger.info('Manager assigned', { applicationId: input.applicationId, managerId, round });
  return { assigned: true, managerId };
}

/**
 * Sends an e-mail of that kind for the application once (see sendEmailOnce).
 * @param now - the step's time
 * @param known - what the step already knows of its record (then it is not read)
 */
export async function sendOnce(
  deps: JourneyDeps,
  applicationId: string,
  kind: string,
  to: string,
  now: Date,
  render: () => RenderedEmail,
  known?: KnownEmailRecord,
) {
  await sendEmailOnce(
    deps.tableName,
    applicationId,
    kind,
    { to, email: render() },
    deps.send,
    { queuedAt: now, now: () => nowOf(deps) },
    known,
  );
}

/** Stores the answered assessment, e-mails the SME its summary, and says whether a project follows. */
export async function recordAssessment(
  deps: JourneyDeps,
  input: StepIds & { round: number },
): Promise<{ projectRecommended: boolean }> {
  const { application, programme, task } = await loadStep(deps.tableName, input, {
    task: { applicationId: input.applicationId, kind: 'assessment', round: input.round },
  });
  const now = nowOf(deps);
  const answer = task?.answer as HumanTaskAnswer<'assessment'> | undefined;
  if (!answer) throw new TaskAnswerMismatchError('assessment task has no answer');
  const overall = dmaOverall(answer.dma);
  const band = dmaBand(overall, programme.assessment.bands);
  await putAssessmentOnce(deps.tableName, {
    applicationId: input.applicationId,
    managerId: application.managerId ?? '',
    submittedAt: task?.answeredAt ?? now.toISOString(),
    overall,
    band,
    answer,
  });
  await recordCollaborationProfile(deps.tableName, application, programme, answer, now.toISOString());
  // A services programme: the plan goes to the office as a project would (its value is what is asked).
  const plan = programme.delivery === 'services' ? (answer.servicePlan ?? []) : undefined;
  const proposed = plan
    ? plan.length > 0
      ? { proposedBudgetEur: planValue(plan, programme.services.catalogue).valueEur }
      : undefined
    : answer.project
      ? { projectTitle: answer.project.title, proposedBudgetEur: answer.project.budgetEur }
      : undefined;
  const goesToOffice = proposed !== undefined && (plan !== undefined || answer.projectRecommended);
  const completedNow = await moveApplication(deps.tableName, application, {
    from: ['manager_assigned'],
    to: goesToOffice ? 'financing_pending' : 'assessed',
    at: now.toISOString(),
    set: proposed ?? {},
    counters: { assessmentsCompleted: 1, ...(goesToOffice ? { projectsRecommended: 1 } : {}) },
  });
  if (completedNow) countProgrammeEvent('AssessmentsCompleted');
  const lang = application.language;
  await sendOnce(
    deps,
    input.applicationId,
    'assessment.summary',
    application.contact.email,
    now,
    () =>
      assessmentSummaryEmail(lang, {
        contactName: application.contact.name,
        companyName: application.company.name,
        programmeName: programme.names[lang],
        overall,
        band,
        scores: answer.dma,
        improvementAreas: answer.improvementAreas,
        projectRecommended: answer.projectRecommended,
        ...(answer.project ? { projectTitle: answer.project.title } : {}),
        ...(plan
          ? {
              servicePlan: plan.map(
                (line) =>
                  `${line.quantity} × ${programme.services.catalogue.find((s) => s.id === line.serviceId)?.names[lang] ?? line.serviceId}`,
              ),
            }
          : {}),
      }),
    // Moved just now by this run: no earlier run got as far as the e-mail.
    completedNow ? 'absent' : undefined,
  );
  return { projectRecommended: goesToOffice };
}

/**
 * Reserves the approved amount from the programme budget (never over budget, never twice); where the
 * programme gives state aid, records the aid pending its registration in the same step, within the
 * single undertaking's de minimis headroom.
 */
export async function reserveBudget(
  deps: JourneyDeps,
  input: StepIds & { round: number },
): Promise<{
  reserved: boolean;
  /** The aid must be registered (its COR recorded) before the project is launched. */
  registration?: boolean;
  /** What follows the reservation: a project launched, or the plan's services delivered. */
  delivery?: DeliveryKind;
  reason?: 'over_budget' | 'over_project_cap' | 'over_de_minimis' | 'journey_ended';
}> {
  const { application, programme, task } = await loadStep(deps.tableName, input, {
    task: { applicationId: input.applicationId, kind: 'financing', round: input.round },
  });
  const answer = task?.answer as HumanTaskAnswer<'financing'> | undefined;
  if (answer?.decision !== 'approve') throw new TaskAnswerMismatchError('financing task was not approved');
  // The page refused amounts over the limits when it was posted; the budget (or the headroom) may
  // still have been taken meanwhile, which the reservation below holds atomically.
  if (financingLimitBroken(answer.amountEur, programme.budget, 0)?.limit === 'per_project_cap')
    return { reserved: false, reason: 'over_project_cap' };
  const outcome = await reserveApproval(
    deps.tableName,
    application,
    programme,
    answer.amountEur,
    nowOf(deps),
  );
  if (outcome === 'journey_ended')
    logger.warn('Budget not reserved: the journey has ended', { applicationId: application.applicationId });
  if (outcome !== 'reserved') return { reserved: false, reason: outcome };
  return { reserved: true, registration: registersAid(programme.stateAid), delivery: programme.delivery };
}

/** Launches the project: record, e-mails to SME and manager, the manager's capacity as configured. */
export async function launchProject(
  deps: JourneyDeps,
  input: StepIds & { round: number },
): Promise<{ projectId: string }> {
  // The assessment's proposal and the approved financing, read with the application.
  const { application, programme, assessment, task } = await loadStep(deps.tableName, input, {
    assessment: true,
    task: { applicationId: input.applicationId, kind: 'financing', round: input.round },
  });
  const now = nowOf(deps);
  // Launched by an earlier run of this step, which may have stopped before the e-mails or the first
  // monitoring cycle: its project is the one on record, and what follows the launch is done, once.
  const launchedBefore = application.projectId;
  const proposal = (assessment?.answer as HumanTaskAnswer<'assessment'> | undefined)?.project;
  const financing = task?.answer as HumanTaskAnswer<'financing'> | undefined;
  if (!proposal || financing?.decision !== 'approve') throw new TaskAnswerMismatchError('nothing to launch');
  // Granted only once registered: the COR the office gave is recorded on the aid if it is not yet.
  const aid = registersAid(programme.stateAid)
    ? await registeredAidOf(deps.tableName, input.applicationId, now)
    : undefined;
  const projectId = randomUUID();
  const managerId = application.managerId ?? '';
  const launchedNow =
    launchedBefore === undefined &&
    (await launchProjectOnce(
      deps.tableName,
      {
        projectId,
        applicationId: application.applicationId,
        programmeId: programme.id,
        managerId,
        title: proposal.title,
        amountEur: financing.amountEur,
        durationMonths: proposal.durationMonths,
        launchedAt: now.toISOString(),
        status: 'launched',
        proposal,
      },
      stageCounter(application.statusHistory, now.toISOString()),
    ));
  if (launchedNow) countProgrammeEvent('ProjectsLaunched');
  const stored = launchedNow
    ? projectId
    : (launchedBefore ?? (await getApplication(deps.tableName, input.applicationId))?.projectId ?? projectId);
  if (programme.matching.capacityOnLaunch === 'release' && managerId) {
    await endEngagement(deps.tableName, { managerId, applicationId: application.applicationId });
  }
  const manager = managerId ? await getManager(deps.tableName, managerId) : undefined;
  const recipients: [string, string, string, Language][] = [
    ['launched.sme', application.contact.email, application.contact.name, application.language],
    ...(manager
      ? ([['launched.manager', manager.email, manager.name, managerLanguage(manager, application)]] as [
          string,
          string,
          string,
          Language,
        ][])
      : []),
  ];
  for (const [kind, to, name, lang] of recipients) {
    await sendOnce(
      deps,
      input.applicationId,
      kind,
      to,
      now,
      () =>
        projectLaunchedEmail(lang, {
          recipientName: name,
          companyName: application.company.name,
          programmeName: programme.names[lang],
          projectTitle: proposal.title,
          amountEur: financing.amountEur,
          ...(aid?.cor ? { cor: aid.cor } : {}),
        }),
      // Launched just now by this run: no earlier run got as far as the e-mails.
      launchedNow ? 'absent' : undefined,
    );
  }
  if (deps.monitoringStateMachineArn) {
    await startMonitoringCycle(deps.monitoringStateMachineArn, {
      projectId: stored,
      applicationId: application.applicationId,
      programmeId: programme.id,
      cycle: 1,
    });
  }
  logger.info('Project launched', { applicationId: input.applicationId, projectId: stored });
  return { projectId: stored };
}

/**
 * Ends the journey with its outcome: records it, frees the manager (unless a launched project
 * keeps them), cancels open tasks and tells the SME.
 */
export async function closeJourney(
  deps: JourneyDeps,
  input: StepIds & { outcome: JourneyOutcome },
): Promise<{ outcome: JourneyOutcome }> {
  const { application, programme } = await loadStep(deps.tableName, input);
  const now = nowOf(deps);
  await recordOutcome(deps.tableName, application, input.outcome, now.toISOString());
  await releaseJourneyHolds(deps, application, now);
  if (input.outcome !== 'ineligible' && input.outcome !== 'launched') {
    const lang = application.language;
    await sendOnce(deps, input.applicationId, `closed.${input.outcome}`, application.contact.email, now, () =>
      journeyClosedEmail(lang, {
        contactName: application.contact.name,
        companyName: application.company.name,
        programmeName: programme.names[lang],
        outcome: input.outcome,
      }),
    );
  }
  // Personal data expire once the programme's retention has passed; a launched project keeps them
  // until it closes.
  if (input.outcome !== 'launched') {
    await expireApplicationData(
      deps.tableName,
      input.applicationId,
      personalDataExpiry(now, programme.retention.personalDataMonths),
    );
  }
  logger.info('Journey closed', { applicationId: input.applicationId, outcome: input.outcome });
  return { outcome: input.outcome };
}

/** Frees what a journey holds: the manager's capacity (offer or assignment) and open tasks. */
export async function releaseJourneyHolds(deps: JourneyDeps, application: ApplicationRecord, now: Date) {
  if (!keepsCompanyPlace(application)) {
    await releaseCompanyLock(deps.tableName, {
      programmeId: application.programmeId,
      vatNumber: application.company.vatNumber,
      applicationId: application.applicationId,
    });
  }
  for (const managerId of new Set([application.currentOffer?.managerId, application.managerId])) {
    if (managerId) {
      await endEngagement(deps.tableName, { managerId, applicationId: application.applicationId });
    }
  }
  for (const task of await listHumanTasks(deps.tableName, application.applicationId)) {
    if (task.status === 'open') await closeHumanTask(deps.tableName, task, 'cancelled', now.toISOString());
  }
  // Services being delivered (a withdrawal): those still planned are not delivered, their value and
  // aid go back; what was delivered stays.
  if (application.servicesStartedAt) await withdrawPlannedServices(deps, application.applicationId);
  // An approval waiting for its aid's registration: the budget goes back and the aid is cancelled.
  if (
    application.budgetReservedEur !== undefined &&
    !application.projectId &&
    !application.servicesStartedAt
  ) {
    await returnReservation(deps.tableName, {
      programmeId: application.programmeId,
      applicationId: application.applicationId,
      amountEur: application.budgetReservedEur,
    });
    const aid = await getAidByConcession(deps.tableName, application.applicationId);
    if (aid) await cancelPendingAid(deps.tableName, aid, now.toISOString());
  }
}

export { answerHumanTask };
