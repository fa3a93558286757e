// A manager's own data (profile, address key, vetting) is kept while they are in the registry and
// expires after the retention once they leave it: rejected at vetting, or inactive with no firm to
// follow — whichever comes last of setting themselves inactive and their last engagement ending.
import { getManager, releaseManagerCapacity } from '#shared/data/managers.ts';
import { expireManagerData, keepManagerData } from '#shared/data/retention.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { defaultRetentionMonths, personalDataExpiry } from '#shared/domain/privacy.ts';

/** The registry belongs to no single programme: the default retention applies to managers. */
const managerExpiry = (now: Date) => personalDataExpiry(now, defaultRetentionMonths);

/** Applies the rule to a manager as they are now (after a change of status or of load). */
export async function applyManagerRetention(
  tableName: string,
  manager: Pick<Manager, 'managerId' | 'email' | 'status' | 'load'>,
  now: Date,
  previousStatus?: Manager['status'],
): Promise<void> {
  const leftRegistry = manager.status === 'rejected' || (manager.status === 'inactive' && manager.load === 0);
  if (leftRegistry) await expireManagerData(tableName, manager, managerExpiry(now));
  else if (previousStatus === 'inactive' && manager.status === 'active')
    await keepManagerData(tableName, manager);
}

/**
 * Ends a manager's engagement with a journey (their capacity released); an inactive manager whose
 * last engagement this was has now left the registry.
 */
export async function endEngagement(
  tableName: string,
  engagement: { readonly managerId: string; readonly applicationId: string },
  now: Date = new Date(),
): Promise<'released' | 'not_reserved'> {
  const released = await releaseManagerCapacity(tableName, engagement);
  if (released === 'released') {
    const manager = await getManager(tableName, engagement.managerId);
    if (manager?.status === 'inactive' && manager.load === 0)
      await applyManagerRetention(tableName, manager, now);
  }
  return released;
}
