// Use case: a validated application becomes a stored application, a queued receipt e-mail and a
// queued journey start, or nothing at all. The journey starts from the queue (startQueuedJourney):
// a busy workflow engine delays a journey, it never fails a submission.
import { randomUUID } from 'node:crypto';
import {
  addStatusLink,
  claimQuotaPlace,
  createApplication,
  getApplication,
  getCompanyLock,
  releaseQuotaPlace,
  removeApplication,
} from '#shared/data/applications.ts';
import { queuedEmailItem } from '#shared/data/email-outbox.ts';
import { queueJourneyStart } from '#shared/data/journey-queue.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { parseAtecoCode } from '#shared/domain/ateco.ts';
import {
  DuplicateApplicationError,
  JourneyUnavailableError,
  ProgrammeClosedError,
  UnknownProgrammeError,
} from '#shared/domain/errors.ts';
import { hashLinkSecret, newLinkSecret } from '#shared/domain/links.ts';
import { programmeNotice } from '#shared/domain/privacy.ts';
import { isProgrammeOpen, italianToday, type Programme } from '#shared/domain/programme.ts';
import type { classifyEnterprise } from '#shared/domain/sme-size.ts';
import { checksDeMinimis } from '#shared/domain/state-aid.ts';
import { applicationReceiptEmail } from '#shared/email/templates.tsx';
import { statusUrl } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { countProgrammeEvent, logger } from '#shared/observability/powertools.ts';
import type { ApplicationInput } from '#shared/schemas/application.ts';
import { firstIneligibility } from './screen-application.ts';

export interface SubmitApplicationDeps {
  readonly tableName: string;
  /** The buffer of journeys to start (SQS). */
  readonly journeyStartQueueUrl: string;
  /** Where the site is served, for the status link (e.g. https://pmi.example.org). */
  readonly publicBaseUrl: string;
  readonly now?: () => Date;
  readonly newApplicationId?: () => string;
}

export interface ValidatedApplication {
  readonly input: ApplicationInput;
  readonly sme: ReturnType<typeof classifyEnterprise>;
  readonly ateco: Extract<ReturnType<typeof parseAtecoCode>, { ok: true }>;
  /** The language the requester used; the contact's own choice wins. */
  readonly requestLanguage: Language;
  /**
   * The request's Idempotency-Key, if it sent one. A try that stored the application and then died
   * (a timeout, its answer lost) leaves no idempotency record; the retry with the same key is
   * recognised by it and answered as the first try would have been, instead of as a duplicate.
   */
  readonly requestKey?: string;
}

export interface SubmittedApplication {
  readonly applicationId: string;
  readonly status: 'submitted';
  readonly statusUrl: string;
  readonly programme: Programme;
}

/**
 * Stores the application and queues its journey's start.
 * @throws UnknownProgrammeError, ProgrammeClosedError, DuplicateApplicationError,
 * JourneyUnavailableError (the write is undone)
 */
export async function submitApplication(
  application: ValidatedApplication,
  deps: SubmitApplicationDeps,
  /** The programme, when the caller already read it to validate the application. */
  known?: Programme,
): Promise<SubmittedApplication> {
  const now = (deps.now ?? (() => new Date()))();
  const { input } = application;
  const programme =
    known?.id === input.programmeId ? known : await getProgramme(deps.tableName, input.programmeId);
  if (!programme) throw new UnknownProgrammeError(`unknown programme ${input.programmeId}`);
  if (!isProgrammeOpen(programme, italianToday(now)))
    throw new ProgrammeClosedError(`programme ${programme.id} closed`);

  const applicationId = (deps.newApplicationId ?? randomUUID)();
  const language = input.contact.language ?? application.requestLanguage;
  const recordAt = (submittedAt: string): ApplicationRecord => ({
    applicationId,
    programmeId: programme.id,
    status: 'submitted',
    statusHistory: [{ status: 'submitted', at: submittedAt }],
    submittedAt,
    language,
    company: {
      ...input.company,
      atecoSection: application.ateco.section,
      atecoDivision: application.ateco.division,
    },
    size: { ...input.size, ...application.sme },
    contact: input.contact,
    interests: input.interests,
    // The declaration is kept only where the programme checks de minimis aid (data minimisation).
    ...(checksDeMinimis(programme.stateAid) && input.stateAid ? { stateAid: input.stateAid } : {}),
    journeyExecutionName: applicationId,
    privacyConsent: { noticeVersion: programmeNotice(programme).version, at: submittedAt },
  });
  const record = recordAt(now.toISOString());
  // Places under the quota go in the order applications arrive: claimed now, by a firm the
  // programme's rules admit, whatever order screening runs in later; the claim also stamps the
  // acknowledgement time, so times and places agree.
  const admitted = firstIneligibility(record, programme) === undefined;
  const claim = admitted
    ? await claimQuotaPlace(deps.tableName, programme.id, programme.quotas.assessments, record.submittedAt, {
        applicationId,
        claimedAt: now,
      })
    : undefined;
  const place = claim?.place;
  const stored: ApplicationRecord = claim ? { ...recordAt(claim.at), quotaPlace: place ?? null } : record;
  const statusSecret = newLinkSecret();
  const statusLinkHash = hashLinkSecret(statusSecret);
  const link = statusUrl(deps.publicBaseUrl, statusSecret);
  const receipt = applicationReceiptEmail(language, {
    contactName: input.contact.name,
    companyName: input.company.name,
    programmeName: programme.names[language],
    applicationId,
    statusUrl: link,
  });

  const requestKeyHash = application.requestKey ? hashLinkSecret(application.requestKey) : undefined;
  try {
    await createApplication(
      deps.tableName,
      stored,
      statusLinkHash,
      queuedEmailItem(applicationId, 'receipt', input.contact.email, receipt, now),
      requestKeyHash,
    );
  } catch (error) {
    if (place !== undefined) await releaseQuotaPlace(deps.tableName, programme.id, applicationId);
    if (error instanceof DuplicateApplicationError && requestKeyHash) {
      const resumed = await resumeOwnSubmission(
        deps,
        programme,
        input.company.vatNumber,
        requestKeyHash,
        now,
      );
      if (resumed) return resumed;
    }
    // A firm locked out by someone else's application learns whom to ask (the office can unlock).
    if (error instanceof DuplicateApplicationError)
      throw new DuplicateApplicationError(error.message, programme.officeEmails.join(', '));
    throw error;
  }
  try {
    await queueJourneyStart(deps.journeyStartQueueUrl, { applicationId, programmeId: programme.id });
  } catch (error) {
    logger.error('Journey could not be queued; undoing the application', {
      applicationId,
      error: error as Error,
    });
    await removeApplication(deps.tableName, stored, statusLinkHash);
    if (place !== undefined) await releaseQuotaPlace(deps.tableName, programme.id);
    throw new JourneyUnavailableError('journey could not be queued');
  }
  countProgrammeEvent('ApplicationsSubmitted');
  logger.info('Application submitted', { applicationId, programmeId: programme.id });
  return { applicationId, status: 'submitted', statusUrl: link, programme };
}

/**
 * The retry of a request whose first try stored the application and died before answering: the
 * company's lock carries that request's key. The journey's start is queued again (a start already
 * made is not made twice) and the answer carries a fresh status link (the first one's secret was
 * only ever in the lost answer and the receipt e-mail).
 */
async function resumeOwnSubmission(
  deps: SubmitApplicationDeps,
  programme: Programme,
  vatNumber: string,
  requestKeyHash: string,
  now: Date,
): Promise<SubmittedApplication | undefined> {
  const lock = await getCompanyLock(deps.tableName, programme.id, vatNumber);
  if (!lock || lock.requestKeyHash !== requestKeyHash) return undefined;
  const application = await getApplication(deps.tableName, lock.applicationId);
  if (!application) return undefined;
  const statusSecret = newLinkSecret();
  await addStatusLink(
    deps.tableName,
    application.applicationId,
    hashLinkSecret(statusSecret),
    now.toISOString(),
  );
  await queueJourneyStart(deps.journeyStartQueueUrl, {
    applicationId: application.applicationId,
    programmeId: programme.id,
  });
  logger.info('Retried submission answered with its stored application', {
    applicationId: application.applicationId,
  });
  return {
    applicationId: application.applicationId,
    status: 'submitted',
    statusUrl: statusUrl(deps.publicBaseUrl, statusSecret),
    programme,
  };
}
