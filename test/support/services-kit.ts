// Helpers for the services programme tests (an EDIH) on the shared local stack: a programme with
// M.I.A.'s catalogue and short waits, and customers assessed (T0) through their expert's e-mailed
// links with a service plan.
import { expect } from 'vitest';
import type { Manager } from '#shared/domain/manager.ts';
import type { ProgrammeInput } from '#shared/domain/programme.ts';
import type { ServicePlan } from '#shared/domain/services.ts';
import { miaServiceCatalogue } from '#shared/programmes/presets.ts';
import { apply, assessmentAnswer, emailTo, newProgramme, postJson, taskLink } from './journey-kit.ts';

/**
 * Waits of a services programme's deliveries and T1 in hours, the shared stack running an hour in
 * 3.6 s: long enough that nothing expires under load unless a test means it to (`short`).
 */
export const servicesWaits = {
  long: {
    delivery: { reminderHours: 100, expiryHours: 200 },
    followUp: { delayHours: 0.2, reminderHours: 100, expiryHours: 200 },
  },
  short: {
    delivery: { reminderHours: 1, expiryHours: 2 },
    followUp: { delayHours: 0.2, reminderHours: 1, expiryHours: 2 },
  },
} as const;

/** A services programme with M.I.A.'s catalogue; the shared stack runs an hour in 3.6 s. */
export function servicesProgramme(roster: Manager[], overrides: Partial<ProgrammeInput> = {}) {
  return newProgramme(roster, {
    delivery: 'services',
    services: { catalogue: miaServiceCatalogue, ...servicesWaits.long },
    eligibility: {
      provinces: ['VA', 'MI', 'BG'],
      atecoSections: null,
      sizeClasses: ['micro', 'small', 'medium'],
      customerTypes: ['sme', 'small_midcap', 'large', 'public_body'],
    },
    budget: { totalEur: 100_000, perProjectCapEur: 60_000 },
    timeouts: {
      offerReminderHours: 48,
      offerExpiryHours: 72,
      noManagerRetryHours: 24,
      escalationReminderHours: 1,
      escalationExpiryHours: 2,
      assessmentReminderHours: 48,
      assessmentExpiryHours: 72,
      financingReminderHours: 48,
      financingExpiryHours: 72,
      registrationReminderHours: 48,
      registrationExpiryHours: 72,
    },
    ...overrides,
  });
}

/**
 * M.I.A.'s catalogue with its lab test delivered by a partner of the hub (who records it), named
 * after the expert so each test's partner has an address of its own.
 */
export function catalogueWithLabPartner(expert: Manager) {
  const lab = { name: 'Laboratorio Prova 4.0', email: `lab.${expert.managerId.slice(0, 8)}@example.it` };
  const catalogue = miaServiceCatalogue.map((service) =>
    service.id === 'test_before_invest_lab' ? { ...service, provider: lab } : service,
  );
  return { lab, catalogue };
}

/** The T0 assessment with a service plan (the JSON contract). */
export function servicesAssessment(servicePlan: ServicePlan) {
  const { projectRecommended: _none, ...answer } = assessmentAnswer(false);
  return { ...answer, servicePlan };
}

/**
 * A customer that applied and was assessed by `expert` (its nth offer and assessment) with this plan.
 * @param adjust - changes the application (a public body, another size…)
 */
export async function plannedCustomer(
  programmeId: string,
  expert: Manager,
  plan: ServicePlan,
  nth: number,
  adjust?: Parameters<typeof apply>[2],
) {
  const customer = await apply(programmeId, 'it', adjust);
  await postJson(taskLink(await emailTo(expert.email, /Proposta di incarico/, nth)), { decision: 'accept' });
  const assessed = await postJson(
    taskLink(await emailTo(expert.email, /Registra l’assessment/, nth)),
    servicesAssessment(plan),
  );
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  return customer;
}
