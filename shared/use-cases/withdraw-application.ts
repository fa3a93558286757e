// The SME withdraws from its status page: the outcome is recorded first (so every later journey
// step sees it), the execution is stopped, and what the journey held is freed.
import { getApplication, recordOutcome } from '#shared/data/applications.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { expireApplicationData } from '#shared/data/retention.ts';
import { journeyExecutionArn, stopExecutionIfRunning, withdrawalStop } from '#shared/data/step-functions.ts';
import { withdrawableStatuses } from '#shared/domain/application.ts';
import type { AuditActor } from '#shared/domain/audit.ts';
import { personalDataExpiry, retentionMonthsOf } from '#shared/domain/privacy.ts';
import { logger } from '#shared/observability/powertools.ts';
import { releaseJourneyHolds } from './journey.ts';

/** @returns 'withdrawn', or 'not_withdrawable' once launched, closed or already withdrawn */
export async function withdrawApplication(
  deps: { tableName: string; journeyStateMachineArn: string; now?: () => Date },
  applicationId: string,
  /** Who withdraws: the SME from its status page, or an operator erasing the contact's data. */
  actor: AuditActor = 'link:sme',
): Promise<'withdrawn' | 'not_withdrawable'> {
  const now = (deps.now ?? (() => new Date()))();
  const application = await getApplication(deps.tableName, applicationId);
  if (!application || !(withdrawableStatuses as readonly string[]).includes(application.status)) {
    return 'not_withdrawable';
  }
  const at = now.toISOString();
  const withdrawn = await recordOutcome(deps.tableName, application, 'withdrawn', at, {
    at,
    programmeId: application.programmeId,
    subject: { kind: 'application', id: applicationId },
    actor,
    action: 'application.withdrawn',
    before: application.status,
    after: 'withdrawn',
  });
  if (!withdrawn) return 'not_withdrawable';
  await stopExecutionIfRunning(
    journeyExecutionArn(deps.journeyStateMachineArn, applicationId),
    withdrawalStop,
  );
  // Read again once the execution is stopped: a step that was running may have recorded an offer
  // after the first read (its own conditional write refuses anything later).
  const settled = (await getApplication(deps.tableName, applicationId)) ?? application;
  await releaseJourneyHolds(
    { tableName: deps.tableName, publicBaseUrl: '', send: async () => '' },
    settled,
    now,
  );
  const programme = await getProgramme(deps.tableName, application.programmeId);
  await expireApplicationData(
    deps.tableName,
    applicationId,
    personalDataExpiry(now, retentionMonthsOf(programme)),
  );
  logger.info('Application withdrawn', { applicationId });
  return 'withdrawn';
}
