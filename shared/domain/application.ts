// The application as stored, and the statuses a journey moves it through.

import type { Language } from '#shared/i18n/language.ts';
import type { ApplicationInput } from '#shared/schemas/application.ts';
import type { IneligibilityReason } from './programme.ts';
import type { classifyEnterprise } from './sme-size.ts';

export const applicationStatuses = ['submitted', 'eligible', 'ineligible', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

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
  readonly ineligibilityReason?: IneligibilityReason;
  /** Execution name of the SME's journey (the application ID). */
  readonly journeyExecutionName: string;
}
