// The programme office frees a firm's place in a programme (its Partita IVA lock) when an
// application that is not the firm's own holds it. A journey still in progress keeps its place.
import {
  getApplication,
  getCompanyLock,
  recordCompanyUnlock,
  releaseCompanyLock,
} from '#shared/data/applications.ts';
import { isValidVatNumber, normaliseVatNumber } from '#shared/domain/vat-number.ts';
import { logger } from '#shared/observability/powertools.ts';

export type UnlockOutcome = 'unlocked' | 'not_held' | 'journey_in_progress' | 'invalid_vat';

const endedStatuses = new Set(['closed', 'withdrawn', 'ineligible']);

/**
 * Frees the place and records who did it (actor: `cli` or the signed-in user's ID), when and
 * which application held it — codes only, no personal data.
 */
export async function unlockCompany(
  tableName: string,
  programmeId: string,
  rawVat: string,
  actor: string,
  now: Date = new Date(),
): Promise<{ outcome: UnlockOutcome; applicationId?: string; status?: string }> {
  if (!isValidVatNumber(rawVat)) return { outcome: 'invalid_vat' };
  const vatNumber = normaliseVatNumber(rawVat);
  const lock = await getCompanyLock(tableName, programmeId, vatNumber);
  if (!lock) return { outcome: 'not_held' };
  const application = await getApplication(tableName, lock.applicationId);
  if (application && !endedStatuses.has(application.status))
    return { outcome: 'journey_in_progress', applicationId: lock.applicationId, status: application.status };
  const released = await releaseCompanyLock(
    tableName,
    { programmeId, vatNumber, applicationId: lock.applicationId },
    {
      at: now.toISOString(),
      programmeId,
      subject: { kind: 'application', id: lock.applicationId },
      actor: actor === 'cli' ? 'cli' : `user:${actor}`,
      action: 'company.unlocked',
      before: application?.status ?? 'unknown',
      after: 'unlocked',
    },
  );
  if (!released) return { outcome: 'not_held' };
  await recordCompanyUnlock(tableName, {
    programmeId,
    vatNumber,
    applicationId: lock.applicationId,
    actor,
    at: now.toISOString(),
  });
  logger.info('Company place unlocked', { programmeId, applicationId: lock.applicationId, actor });
  return { outcome: 'unlocked', applicationId: lock.applicationId };
}
