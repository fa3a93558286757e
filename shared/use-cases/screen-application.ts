// Use case: the journey's first decision — does the application meet the programme's rules, and is
// there quota left? Records the outcome once (with the counters) and queues the SME's e-mail.
import { recordScreening, type ScreeningOutcome } from '#shared/data/applications.ts';
import { queueEmail } from '#shared/data/email-outbox.ts';
import type { StepIds } from '#shared/data/step-records.ts';
import { type ApplicationRecord, customerTypeOfApplication } from '#shared/domain/application.ts';
import {
  type IneligibilityReason,
  isProgrammeOpen,
  italianToday,
  type Programme,
} from '#shared/domain/programme.ts';
import { ineligibleEmail } from '#shared/email/templates.tsx';
import { countProgrammeEvent, logger } from '#shared/observability/powertools.ts';
import { loadStep } from './load-step.ts';
import { exceedsDeMinimisAtScreening } from './state-aid.ts';

/**
 * The first rule the application breaks, or undefined when it meets them all. Pure: the quota is
 * checked atomically when the outcome is recorded.
 */
export function firstIneligibility(
  application: ApplicationRecord,
  programme: Programme,
): IneligibilityReason | undefined {
  const { eligibility } = programme;
  if (!isProgrammeOpen(programme, italianToday(new Date(application.submittedAt)))) return 'programme_closed';
  const customerType = customerTypeOfApplication(application);
  if (!eligibility.customerTypes.includes(customerType))
    // A programme for SMEs only says why in the SME definition's terms.
    return eligibility.customerTypes.join() === 'sme' && customerType !== 'public_body'
      ? 'not_sme'
      : 'customer_type';
  if (
    customerType === 'sme' &&
    !(eligibility.sizeClasses as readonly string[]).includes(application.size.sizeClass)
  )
    return 'size_class';
  if (!(eligibility.provinces as readonly string[]).includes(application.company.province)) return 'province';
  if (
    eligibility.atecoSections &&
    !eligibility.atecoSections.sections.includes(application.company.atecoSection)
  ) {
    return 'ateco_section';
  }
  return undefined;
}

export interface ScreenApplicationDeps {
  readonly tableName: string;
  readonly now?: () => Date;
}

/** Screens one application; safe to call again (returns the outcome already recorded). */
export async function screenApplication(
  ids: StepIds,
  deps: ScreenApplicationDeps,
): Promise<ScreeningOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const { applicationId } = ids;
  const { application, programme } = await loadStep(deps.tableName, ids);

  const reason =
    firstIneligibility(application, programme) ??
    ((await exceedsDeMinimisAtScreening(deps.tableName, application, programme, italianToday(now)))
      ? 'de_minimis_exceeded'
      : undefined);
  const outcome = await recordScreening(
    deps.tableName,
    application,
    reason ? { eligible: false, reason } : { eligible: true },
    programme.quotas.assessments,
    now.toISOString(),
  );
  if (!outcome.eligible) {
    const lang = application.language;
    await queueEmail(
      deps.tableName,
      applicationId,
      'ineligible',
      application.contact.email,
      ineligibleEmail(lang, {
        contactName: application.contact.name,
        companyName: application.company.name,
        programmeName: programme.names[lang],
        applicationId,
        reason: outcome.reason,
      }),
      now,
    );
  }
  if (outcome.eligible) countProgrammeEvent('ApplicationsEligible');
  logger.info('Application screened', { applicationId, eligible: outcome.eligible });
  return outcome;
}
