// The application as stored, and the statuses a journey moves it through.

import type { Language } from '#shared/i18n/language.ts';
import type { ApplicationInput } from '#shared/schemas/application.ts';
import type { ManagerScore } from './matching.ts';
import type { PrivacyConsent } from './privacy.ts';
import type { IneligibilityReason } from './programme.ts';
import { type CustomerType, customerTypeOf } from './services.ts';
import type { classifyEnterprise } from './sme-size.ts';
import type { StateAidDeclaration } from './state-aid.ts';

export const applicationStatuses = [
  'submitted',
  'eligible',
  'ineligible',
  'manager_assigned',
  'assessed',
  'financing_pending',
  /** A services programme: the approved plan's services are being delivered, then the T1 DMA. */
  'in_delivery',
  'launched',
  'closed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** How a journey ended; codes, safe in execution history. */
export const journeyOutcomes = [
  'ineligible',
  'no_manager',
  'assessed_no_project',
  'financing_rejected',
  'launched',
  'withdrawn',
  'closed_by_office',
  /** A services programme: the plan's services recorded and the T1 DMA taken. */
  'services_completed',
  /** A services programme: none of the plan's services was delivered (no T1 to take). */
  'services_not_delivered',
] as const;
export type JourneyOutcome = (typeof journeyOutcomes)[number];

/**
 * Statuses from which the SME may still withdraw: anything before launch or closure, and a services
 * customer receiving its plan's services (those not yet delivered then are not, their value goes back).
 */
export const withdrawableStatuses: readonly ApplicationStatus[] = [
  'submitted',
  'eligible',
  'manager_assigned',
  'assessed',
  'financing_pending',
  'in_delivery',
];

export interface StatusChange {
  readonly status: ApplicationStatus;
  readonly at: string;
}

export interface ApplicationRecord {
  readonly applicationId: string;
  readonly programmeId: string;
  readonly status: ApplicationStatus;
  readonly statusHistory: readonly StatusChange[];
  readonly submittedAt: string;
  readonly language: Language;
  readonly company: ApplicationInput['company'] & {
    readonly atecoSection: string;
    readonly atecoDivision: string;
  };
  readonly size: ApplicationInput['size'] & ReturnType<typeof classifyEnterprise>;
  readonly contact: ApplicationInput['contact'];
  readonly interests: ApplicationInput['interests'];
  /** The state aid self-declaration, where the programme checks de minimis aid. */
  readonly stateAid?: StateAidDeclaration;
  readonly ineligibilityReason?: IneligibilityReason;
  /**
   * The assessment place claimed when the application arrived (its number, 1 … quota), or null when
   * every place was already taken; absent when the programme's rules exclude the firm anyway.
   */
  readonly quotaPlace?: number | null;
  /** Execution name of the SME's journey (the application ID). */
  readonly journeyExecutionName: string;
  /** The privacy notice the contact consented to when applying: its version, and when. */
  readonly privacyConsent?: PrivacyConsent;
  /** The manager who accepted (or was assigned by the programme office). */
  readonly managerId?: string;
  /** The offer in progress: its manager holds a capacity reservation until it is closed. */
  readonly currentOffer?: { readonly managerId: string; readonly round: number };
  /** Managers offered this journey already (declined, expired or assigned): never offered again. */
  readonly triedManagerIds?: readonly string[];
  /** Offers made so far. */
  readonly offerRound?: number;
  /** Times matching found nobody free. */
  readonly noManagerRounds?: number;
  readonly outcome?: JourneyOutcome;
  readonly projectId?: string;
  /** When the journey ended (any outcome but launched). */
  readonly closedAt?: string;
  /** "Why this manager": the score breakdown of every offer made, in order. */
  readonly matchScores?: readonly ({ readonly managerId: string; readonly round: number } & ManagerScore)[];
  /** The manager cohort matching drafted for this application, and the draft's score. */
  readonly cohortManagerId?: string;
  readonly cohortScore?: unknown;
  /** The project the manager proposed with the assessment (title and budget). */
  readonly projectTitle?: string;
  readonly proposedBudgetEur?: number;
  /** The amount reserved from the programme budget at approval, and when. */
  readonly budgetReservedEur?: number;
  /** Services programmes: when the approved plan's deliveries began (its budget is then spent as delivered). */
  readonly servicesStartedAt?: string;
  /** Services programmes: the token of the state waiting for the deliveries (never logged). */
  readonly deliveryToken?: string;
  readonly budgetReservedAt?: string;
}

/**
 * Whether a firm keeps its place in the programme after its journey ends: once assessed, it has
 * used the programme (the Partita IVA stays taken); a journey that ended before an assessment
 * (withdrawn, not eligible, no manager, closed by the office) frees it, so nobody can lock a firm
 * out by applying in its name and withdrawing.
 */
export function keepsCompanyPlace(application: Pick<ApplicationRecord, 'statusHistory' | 'status'>): boolean {
  const assessedOrLater: readonly ApplicationStatus[] = ['assessed', 'financing_pending', 'launched'];
  return (
    assessedOrLater.includes(application.status) ||
    application.statusHistory.some((change) => assessedOrLater.includes(change.status))
  );
}

/**
 * A short reference to say on the phone or write on a form, shown beside the application's ID:
 * "PMI-" and the ID's first eight hexadecimal digits in two groups ("PMI-9F2A-41C7").
 */
export function applicationReference(applicationId: string): string {
  const hex = applicationId
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 8)
    .toUpperCase();
  return `PMI-${hex.slice(0, 4)}-${hex.slice(4, 8)}`;
}

/** The applicant's customer type (shared/domain/services.ts: customerTypeOf) from its record. */
export function customerTypeOfApplication(
  application: Pick<ApplicationRecord, 'company' | 'size'>,
): CustomerType {
  return customerTypeOf({
    declared: application.company.customerKind,
    isSme: application.size.isSme,
    employees: application.size.employees,
  });
}

/** Why a journey is escalated to the programme office; codes. */
export const escalationReasons = ['no_manager', 'assessment_overdue', 'followup_overdue'] as const;
export type EscalationReason = (typeof escalationReasons)[number];

/**
 * Why a journey waits for the office: no manager was found, the assessment is overdue, or (services
 * programmes) the T1 DMA is. The one rule behind the escalation's e-mail and its page.
 */
export function escalationReasonOf(
  application: Pick<ApplicationRecord, 'status' | 'managerId'>,
): EscalationReason {
  if (application.status === 'in_delivery') return 'followup_overdue';
  return application.managerId ? 'assessment_overdue' : 'no_manager';
}
