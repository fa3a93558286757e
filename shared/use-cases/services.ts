// The services half of a services programme's journey (an EDIH): once the office approved the
// expert's service plan (the budget reserved, the aid registered), each planned service gets a
// delivery task for its provider; one waiting state covers them all and the last service recorded
// completes it; services left unrecorded at the deadline are not delivered (their value goes back);
// after a delay the expert takes the T1 DMA and the T0→T1 pair is kept. Each step is idempotent.
import { getApplication, moveApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { queuedEmailItem } from '#shared/data/email-outbox.ts';
import {
  closeHumanTask,
  getHumanTask,
  type HumanTaskRecord,
  taskEmailKind,
} from '#shared/data/human-tasks.ts';
import { getManager } from '#shared/data/managers.ts';
import {
  getService,
  listServicesOfApplication,
  putDmaFollowUp,
  putPlannedServices,
  recordServiceOutcome,
  type ServiceOutcome,
  setDeliveryToken,
} from '#shared/data/services.ts';
import { getAidByConcession } from '#shared/data/state-aid.ts';
import { sendTaskSuccess } from '#shared/data/step-functions.ts';
import type { StepIds } from '#shared/data/step-records.ts';
import { TaskAnswerMismatchError } from '#shared/domain/errors.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { managerLanguageFor } from '#shared/domain/manager.ts';
import { officeLanguage } from '#shared/domain/programme.ts';
import { type PlannedService, plannedServices, type ServiceRecord } from '#shared/domain/services.ts';
import { registersAid } from '#shared/domain/state-aid.ts';
import { deliveryRequestEmail } from '#shared/email/services-emails.tsx';
import { taskUrl } from '#shared/http/routes.ts';
import { logger } from '#shared/observability/powertools.ts';
import type { JourneyDeps } from './journey.ts';
import { loadStep } from './load-step.ts';
import { completeSharedWait, openOrRemindTask } from './open-task.ts';
import { registeredAidOf } from './state-aid.ts';

const nowOf = (deps: Pick<JourneyDeps, 'now'>) => (deps.now ?? (() => new Date()))();

/**
 * What the delivery wait receives (or its expiry step returns) once every service is recorded:
 * counts only. With none delivered the journey closes without a T1.
 */
const allRecorded = (services: readonly ServiceRecord[]) => ({
  allRecorded: true as const,
  delivered: services.filter((service) => service.status === 'delivered').length,
});

/**
 * Opens the delivery task of each planned service (or reminds the providers of those still open)
 * and keeps the waiting state's token on the application. The first time, the approved plan's
 * services are stored and the application moves to `in_delivery`. When nothing is left to record
 * (every provider answered while the reminder re-entered the state), the step completes it itself.
 */
export async function openServiceDeliveries(
  deps: JourneyDeps,
  input: StepIds & { taskToken: string; phase: 'first' | 'reminder' },
): Promise<{ open: number }> {
  const { application, programme } = await loadStep(deps.tableName, input);
  const now = nowOf(deps);
  let services = await listServicesOfApplication(deps.tableName, input.applicationId);
  if (services.length === 0) {
    // Granted only once registered, as a project is launched: the COR is recorded on the plan's aid.
    if (registersAid(programme.stateAid))
      await registeredAidOf(deps.tableName, application.applicationId, now);
    const answer = (await getAssessment(deps.tableName, input.applicationId))?.answer as
      | HumanTaskAnswer<'assessment'>
      | undefined;
    if (!answer?.servicePlan) throw new TaskAnswerMismatchError('an approved plan without services');
    const plannedAt = now.toISOString();
    services = plannedServices(answer.servicePlan, programme.services.catalogue).map(
      (service: PlannedService): ServiceRecord => ({
        ...service,
        applicationId: application.applicationId,
        programmeId: programme.id,
        status: 'planned',
        plannedAt,
      }),
    );
    await putPlannedServices(deps.tableName, services);
    services = await listServicesOfApplication(deps.tableName, input.applicationId);
  }
  await moveApplication(deps.tableName, application, {
    from: ['financing_pending'],
    to: 'in_delivery',
    at: now.toISOString(),
    set: { servicesStartedAt: now.toISOString() },
  });
  if (!(await setDeliveryToken(deps.tableName, input.applicationId, input.taskToken))) {
    // Withdrawn or closed meanwhile: nothing to deliver (the execution is being stopped).
    logger.warn('Deliveries not opened: the application is not delivering services', {
      applicationId: input.applicationId,
    });
    return { open: 0 };
  }
  const manager = application.managerId ? await getManager(deps.tableName, application.managerId) : undefined;
  if (!manager) throw new TaskAnswerMismatchError('deliveries without an expert');
  const open = services.filter((service) => service.status === 'planned');
  for (const service of open) {
    const catalogued = programme.services.catalogue.find((entry) => entry.id === service.serviceId);
    // A partner delivering the service records it; otherwise the customer's expert does.
    const provider = catalogued?.provider;
    const recipient = provider ?? manager;
    const lang = provider
      ? (programme.languages[0] ?? officeLanguage)
      : managerLanguageFor(manager, application.language);
    const ref = {
      applicationId: application.applicationId,
      kind: 'delivery' as const,
      round: service.number,
    };
    const existing = await getHumanTask(deps.tableName, ref);
    const dueAt =
      existing?.dueAt ??
      new Date(now.getTime() + programme.services.delivery.expiryHours * 3600_000).toISOString();
    const emailKind = taskEmailKind(ref, input.phase);
    await openOrRemindTask(
      input.phase,
      {
        ...ref,
        programmeId: programme.id,
        ...(provider ? {} : { managerId: manager.managerId }),
        language: lang,
        taskToken: input.taskToken,
        dueAt,
        now: now.toISOString(),
        emailItem: (secret) =>
          queuedEmailItem(
            application.applicationId,
            emailKind,
            recipient.email,
            deliveryRequestEmail(lang, {
              recipientName: recipient.name,
              companyName: application.company.name,
              programmeName: programme.names[lang],
              serviceName: catalogued?.names[lang] ?? service.serviceId,
              valueEur: service.valueEur,
              dueAt,
              link: taskUrl(deps.publicBaseUrl, secret),
              reminder: input.phase === 'reminder',
            }),
            now,
          ),
      },
      {
        tableName: deps.tableName,
        owner: application.applicationId,
        emailKind,
        send: deps.send,
        now: () => nowOf(deps),
      },
    );
  }
  if (open.length === 0) await sendTaskSuccess(input.taskToken, JSON.stringify(allRecorded(services)));
  logger.info('Service deliveries open', {
    applicationId: input.applicationId,
    phase: input.phase,
    open: open.length,
  });
  return { open: open.length };
}

/**
 * The aid granted with a customer's plan, if its programme gives aid (the concession carries the
 * application's ID): a service not delivered is aid the firm did not receive.
 */
async function planAidOf(tableName: string, applicationId: string) {
  const aid = await getAidByConcession(tableName, applicationId);
  return aid && aid.status !== 'cancelled'
    ? { vatNumber: aid.beneficiary.vatNumber, concessionId: aid.concessionId }
    : undefined;
}

export type DeliveryOutcome = 'recorded' | 'all_recorded' | 'closed';

/**
 * A provider's answer to a delivery task, once the task consumed it: the service is recorded (with
 * the programme's totals) once; when it was the last planned service, the waiting state is completed
 * with the application's current token.
 * @returns closed when the service was no longer planned (its deadline passed): the task is expired
 */
export async function applyDeliveryAnswer(
  tableName: string,
  task: HumanTaskRecord,
  now: Date,
): Promise<DeliveryOutcome> {
  const answer = task.answer as HumanTaskAnswer<'delivery'>;
  const service = await getService(tableName, task.applicationId, task.round);
  if (service?.status !== 'planned') return 'closed';
  const outcome: ServiceOutcome = answer.notDelivered
    ? { status: 'not_delivered', because: 'provider' }
    : {
        status: 'delivered',
        deliveredOn: answer.deliveredOn ?? '',
        hours: answer.hours ?? 0,
        participants: answer.participants,
        investmentTriggeredEur: answer.investmentTriggeredEur,
      };
  // Not delivered, its aid share is aid the firm did not receive.
  const aid = answer.notDelivered ? await planAidOf(tableName, task.applicationId) : undefined;
  const recorded = await recordServiceOutcome(tableName, service, outcome, now.toISOString(), aid);
  if (!recorded) return 'closed';
  const services = await listServicesOfApplication(tableName, task.applicationId);
  if (services.some((s) => s.status === 'planned')) return 'recorded';
  // The last one: the wait ends now rather than at its deadline (the reminder's step also checks
  // for this case, should the reminder have re-entered the state meanwhile).
  const delivered = await completeSharedWait(
    async () => {
      const application = await getApplication(tableName, task.applicationId);
      return application?.status === 'in_delivery' ? application.deliveryToken : undefined;
    },
    JSON.stringify(allRecorded(services)),
  );
  logger.info('Every planned service recorded', { applicationId: task.applicationId, delivered });
  return 'all_recorded';
}

/**
 * The delivery deadline passed: the services still planned are not delivered, their links expire.
 * @returns how many expired, and how many of the plan's services were delivered
 */
export async function expireServiceDeliveries(
  deps: JourneyDeps,
  input: { applicationId: string },
): Promise<{ expired: number; allRecorded: true; delivered: number }> {
  const { closed, services } = await closePlannedServices(deps, input.applicationId, 'expired');
  logger.info('Undelivered services closed', { applicationId: input.applicationId, expired: closed });
  return { expired: closed, ...allRecorded(services) };
}

/**
 * The customer withdrew while receiving its plan's services: those still planned are not
 * delivered (their value and aid go back); their links are cancelled with the journey's open tasks.
 */
export async function withdrawPlannedServices(
  deps: Pick<JourneyDeps, 'tableName' | 'now'>,
  applicationId: string,
): Promise<void> {
  const { closed } = await closePlannedServices(deps, applicationId, 'withdrawn');
  if (closed > 0) logger.info('Services not delivered: the customer withdrew', { applicationId, closed });
}

/**
 * Records every service still planned as not delivered (each once, with the programme's totals and
 * the plan's aid); an expiry also expires its delivery link.
 * @returns how many it closed, and the services as they are afterwards
 */
async function closePlannedServices(
  deps: Pick<JourneyDeps, 'tableName' | 'now'>,
  applicationId: string,
  because: 'expired' | 'withdrawn',
): Promise<{ closed: number; services: ServiceRecord[] }> {
  const now = nowOf(deps).toISOString();
  const services = await listServicesOfApplication(deps.tableName, applicationId);
  const open = services.filter((service) => service.status === 'planned');
  if (open.length === 0) return { closed: 0, services };
  const aid = await planAidOf(deps.tableName, applicationId);
  for (const service of open) {
    await recordServiceOutcome(deps.tableName, service, { status: 'not_delivered', because }, now, aid);
    if (because === 'expired') {
      await closeHumanTask(
        deps.tableName,
        { applicationId, kind: 'delivery', round: service.number },
        'expired',
        now,
      );
    }
  }
  // Read again: a provider may have recorded a service between the read and its closing.
  return { closed: open.length, services: await listServicesOfApplication(deps.tableName, applicationId) };
}

/** Keeps the customer's T0 (the assessment) and T1 (this answer) DMA side by side. */
export async function recordFollowUp(
  deps: JourneyDeps,
  input: StepIds & { round: number },
): Promise<{ recorded: true }> {
  // The T1 answer and the T0 assessment, read with the application.
  const { application, programme, task, assessment } = await loadStep(deps.tableName, input, {
    task: { applicationId: input.applicationId, kind: 'followup', round: input.round },
    assessment: true,
  });
  const answer = task?.answer as HumanTaskAnswer<'followup'> | undefined;
  const t0 = (assessment?.answer as HumanTaskAnswer<'assessment'> | undefined)?.dma;
  if (!answer || !t0 || !assessment) throw new TaskAnswerMismatchError('a T1 without its T0 or answer');
  await putDmaFollowUp(deps.tableName, {
    applicationId: application.applicationId,
    programmeId: programme.id,
    t0,
    t0On: assessment.submittedAt,
    t1: answer.dma,
    t1On: task?.answeredAt ?? nowOf(deps).toISOString(),
  });
  return { recorded: true };
}
