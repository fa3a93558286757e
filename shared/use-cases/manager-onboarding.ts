// Manager onboarding: registration (pending vetting) starts the manager-onboarding workflow; the
// programme office vets through a task link (approve with a merit score, or reject); an approved
// manager becomes available and gets a personal link to change their availability.
import { randomUUID } from 'node:crypto';
import {
  emailQueued,
  queuedEmailItem,
  queueEmail,
  sendEmailOnce,
  sendQueuedEmail,
} from '#shared/data/email-outbox.ts';
import { closeHumanTask, getHumanTask } from '#shared/data/human-tasks.ts';
import {
  createRegisteredManager,
  putAvailabilityLink,
  removeRegisteredManager,
} from '#shared/data/manager-onboarding.ts';
import { getManager, managerIdByEmail, putManager } from '#shared/data/managers.ts';
import { startOnboarding } from '#shared/data/step-functions.ts';
import { ManagerNotFoundError, TaskAnswerMismatchError } from '#shared/domain/errors.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { hashLinkSecret, newLinkSecret } from '#shared/domain/links.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { managerLanguageFor } from '#shared/domain/manager.ts';
import { type ManagerRegistration, vettingTimeouts } from '#shared/domain/manager-onboarding.ts';
import { managerNoticeVersion } from '#shared/domain/privacy.ts';
import { officeLanguage } from '#shared/domain/programme.ts';
import {
  managerAlreadyRegisteredEmail,
  managerRejectedEmail,
  managerWelcomeEmail,
  vettingRequestEmail,
} from '#shared/email/manager-emails.tsx';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { managerAvailabilityUrl, taskUrl } from '#shared/http/routes.ts';
import { logger } from '#shared/observability/powertools.ts';
import { applyManagerRetention } from './manager-retention.ts';
import { openOrRemindTask } from './open-task.ts';

/** A manager's e-mails sit in the outbox under this owner (the outbox is keyed by owner and kind). */
const outboxOwner = (managerId: string) => `manager:${managerId}`;

export class OnboardingUnavailableError extends Error {
  override name = 'OnboardingUnavailableError';
}

export interface OnboardingDeps {
  readonly tableName: string;
  readonly publicBaseUrl: string;
  readonly officeEmail: string;
  readonly send: (to: string | readonly string[], email: RenderedEmail) => Promise<string>;
  readonly now?: () => Date;
}

const nowOf = (deps: { now?: () => Date }) => (deps.now ?? (() => new Date()))();

/**
 * Registers a manager (pending vetting) and starts their onboarding, named after them.
 * An address already in the registry gets the same answer (a new-looking ID, pending vetting) and an
 * e-mail saying what it already is; nothing is created.
 * @throws OnboardingUnavailableError
 * when the workflow could not start (the registration is undone)
 */
export async function registerManager(
  deps: {
    tableName: string;
    onboardingStateMachineArn: string;
    publicBaseUrl: string;
    send: OnboardingDeps['send'];
    now?: () => Date;
  },
  registration: ManagerRegistration,
): Promise<{ managerId: string; status: 'pending_vetting' }> {
  const { consent: _consent, ...profile } = registration;
  const createdAt = nowOf(deps).toISOString();
  const manager: Manager = {
    ...profile,
    managerId: randomUUID(),
    load: 0,
    merit: 0,
    status: 'pending_vetting',
    createdAt,
    privacyConsent: { noticeVersion: managerNoticeVersion, at: createdAt },
  };
  if ((await createRegisteredManager(deps.tableName, manager)) === 'duplicate') {
    // The same answer as for a new address (nobody learns who is registered); the address itself
    // is told, at most once a day.
    await tellKnownAddress(deps, registration.email);
    return { managerId: manager.managerId, status: 'pending_vetting' };
  }
  try {
    await startOnboarding(deps.onboardingStateMachineArn, manager.managerId);
  } catch (error) {
    logger.error('Onboarding could not start; undoing the registration', {
      managerId: manager.managerId,
      error: error as Error,
    });
    await removeRegisteredManager(deps.tableName, manager);
    throw new OnboardingUnavailableError('onboarding could not start');
  }
  logger.info('Manager registered', { managerId: manager.managerId });
  return { managerId: manager.managerId, status: 'pending_vetting' };
}

/** E-mails an address that registered again what it already is in the registry (once a day). */
async function tellKnownAddress(
  deps: { tableName: string; publicBaseUrl: string; send: OnboardingDeps['send']; now?: () => Date },
  email: string,
): Promise<void> {
  const managerId = await managerIdByEmail(deps.tableName, email);
  const known = managerId ? await getManager(deps.tableName, managerId) : undefined;
  if (!known) return;
  const now = nowOf(deps);
  const owner = outboxOwner(known.managerId);
  const kind = `known-address.${now.toISOString().slice(0, 10)}`;
  const lang = managerLanguageFor(known, officeLanguage);
  const admitted = known.status === 'active' || known.status === 'inactive';
  let availabilityLink: string | undefined;
  if (admitted) {
    const secret = newLinkSecret();
    await putAvailabilityLink(deps.tableName, hashLinkSecret(secret), known.managerId, now.toISOString());
    availabilityLink = managerAvailabilityUrl(deps.publicBaseUrl, secret);
  }
  await sendEmailOnce(
    deps.tableName,
    owner,
    kind,
    {
      to: known.email,
      email: managerAlreadyRegisteredEmail(lang, {
        managerName: known.name,
        status: known.status,
        ...(availabilityLink ? { availabilityLink } : {}),
      }),
    },
    deps.send,
    { queuedAt: now, now: () => nowOf(deps) },
  );
  logger.info('Registration with a known address', { managerId: known.managerId });
}

/** Opens the vetting task (or re-arms it for the reminder) and e-mails the office its link once. */
export async function openVettingTask(
  deps: OnboardingDeps,
  input: { managerId: string; taskToken: string; phase: 'first' | 'reminder' },
): Promise<{ opened: boolean }> {
  const manager = await getManager(deps.tableName, input.managerId);
  if (!manager) throw new ManagerNotFoundError(`manager ${input.managerId} not found`);
  const now = nowOf(deps);
  const ref = { applicationId: input.managerId, kind: 'vetting' as const, round: 1 };
  const existing = await getHumanTask(deps.tableName, ref);
  const dueAt =
    existing?.dueAt ?? new Date(now.getTime() + vettingTimeouts.expiryHours * 3600_000).toISOString();
  const emailKind = `task.vetting.1${input.phase === 'reminder' ? '.reminder' : ''}`;
  const request = {
    ...ref,
    programmeId: 'onboarding',
    language: officeLanguage,
    taskToken: input.taskToken,
    dueAt,
    now: now.toISOString(),
    emailItem: (secret: string) =>
      queuedEmailItem(
        outboxOwner(input.managerId),
        emailKind,
        deps.officeEmail,
        vettingRequestEmail(officeLanguage, {
          managerName: manager.name,
          link: taskUrl(deps.publicBaseUrl, secret),
          dueAt,
          reminder: input.phase === 'reminder',
        }),
        now,
      ),
  };
  const task = await openOrRemindTask(input.phase, request, {
    tableName: deps.tableName,
    owner: outboxOwner(input.managerId),
    emailKind,
    send: deps.send,
    now: () => nowOf(deps),
  });
  return { opened: task?.status === 'open' };
}

/**
 * Applies the office's decision: an approved manager becomes active with their merit score and gets
 * the welcome e-mail with their personal availability link; a rejected one is told why.
 */
export async function applyVetting(
  deps: OnboardingDeps,
  input: { managerId: string },
): Promise<{ decision: string }> {
  const manager = await getManager(deps.tableName, input.managerId);
  if (!manager) throw new ManagerNotFoundError(`manager ${input.managerId} not found`);
  const task = await getHumanTask(deps.tableName, {
    applicationId: input.managerId,
    kind: 'vetting',
    round: 1,
  });
  const answer = task?.answer as HumanTaskAnswer<'vetting'> | undefined;
  if (!answer) throw new TaskAnswerMismatchError('vetting task has no answer');
  const now = nowOf(deps);
  const lang = managerLanguageFor(manager, officeLanguage);
  const owner = outboxOwner(manager.managerId);
  if (answer.decision === 'approve') {
    if (manager.status === 'pending_vetting') {
      await putManager(deps.tableName, { ...manager, status: 'active', merit: answer.merit });
    }
    const secret = newLinkSecret();
    const alreadyWelcomed = await emailQueued(deps.tableName, owner, 'welcome');
    if (!alreadyWelcomed) {
      await putAvailabilityLink(deps.tableName, hashLinkSecret(secret), manager.managerId, now.toISOString());
      await queueEmail(
        deps.tableName,
        owner,
        'welcome',
        manager.email,
        managerWelcomeEmail(lang, {
          managerName: manager.name,
          availabilityLink: managerAvailabilityUrl(deps.publicBaseUrl, secret),
        }),
        now,
      );
    }
    await sendQueuedEmail(deps.tableName, owner, 'welcome', deps.send, () => nowOf(deps));
  } else {
    if (manager.status === 'pending_vetting')
      await putManager(deps.tableName, { ...manager, status: 'rejected' });
    // Not admitted: what they gave to register goes after the retention.
    await applyManagerRetention(deps.tableName, { ...manager, status: 'rejected' }, now);
    await sendEmailOnce(
      deps.tableName,
      owner,
      'rejected',
      {
        to: manager.email,
        email: managerRejectedEmail(lang, { managerName: manager.name, reason: answer.reason }),
      },
      deps.send,
      { queuedAt: now, now: () => nowOf(deps) },
    );
  }
  logger.info('Manager vetted', { managerId: manager.managerId, decision: answer.decision });
  return { decision: answer.decision };
}

/** The vetting deadline passed: the task closes; the manager stays pending (the office can re-run it). */
export async function expireVetting(
  deps: OnboardingDeps,
  input: { managerId: string },
): Promise<{ expired: true }> {
  await closeHumanTask(
    deps.tableName,
    { applicationId: input.managerId, kind: 'vetting', round: 1 },
    'expired',
    nowOf(deps).toISOString(),
  );
  logger.warn('Vetting expired', { managerId: input.managerId });
  return { expired: true };
}

/**
 * A manager changes their availability through their personal link.
 * @returns 'below_load' (refused) when the new capacity is under the SMEs they follow now
 */
export async function updateAvailability(
  tableName: string,
  managerId: string,
  change: { capacity: number; status: 'active' | 'inactive' },
): Promise<{ outcome: 'updated' | 'below_load'; manager: Manager }> {
  const manager = await getManager(tableName, managerId);
  if (!manager) throw new ManagerNotFoundError(`manager ${managerId} not found`);
  if (change.capacity < manager.load) return { outcome: 'below_load', manager };
  if (manager.status !== 'active' && manager.status !== 'inactive') return { outcome: 'updated', manager };
  const updated = await putManager(tableName, {
    ...manager,
    capacity: change.capacity,
    status: change.status,
  });
  await applyManagerRetention(tableName, updated, new Date(), manager.status);
  return { outcome: 'updated', manager: updated };
}
