// Helpers for the collaboration tests on the shared local stack: a programme with collaboration on
// and short waits, and firms assessed through their e-mailed links with a collaboration profile.
import { expect } from 'vitest';
import type { CollaborationProfile } from '#shared/domain/collaboration.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { apply, assessmentAnswer, emailTo, newProgramme, postJson, taskLink } from './journey-kit.ts';

const mechNet = findPreset('mechnet');

/** A programme with MechNet's catalogue and short waits (the shared stack runs an hour in 3.6 s). */
export function collaborationProgramme(
  roster: Manager[],
  verification: { cycles: number; noBenefitCycles: number },
) {
  if (!mechNet) throw new Error('the MechNet preset is missing');
  return newProgramme(roster, {
    collaboration: {
      enabled: true,
      catalogue: mechNet.collaboration.catalogue,
      invitation: { reminderHours: 1, expiryHours: 2 },
      verification: { everyHours: 0.5, reminderHours: 1, expiryHours: 2, ...verification },
    },
  });
}

/** A firm that applied and was assessed by `manager` (its nth offer) with this collaboration profile. */
export async function assessedFirm(
  programmeId: string,
  manager: Manager,
  profile: Partial<CollaborationProfile>,
  nth: number,
) {
  const sme = await apply(programmeId);
  await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/, nth)), { decision: 'accept' });
  const assessed = await postJson(taskLink(await emailTo(manager.email, /Registra l’assessment/, nth)), {
    ...assessmentAnswer(false),
    collaboration: { interestedInNetwork: true, ...profile },
  });
  expect(assessed.status).toBe(200);
  return sme;
}
