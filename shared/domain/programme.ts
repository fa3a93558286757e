// A programme is data: who may apply, when, how many, with which timeouts. Stored in DynamoDB,
// validated with this schema whether it comes from a preset, a file or the table.
import * as z from 'zod';
import { dateTimeFormat } from '#shared/i18n/format.ts';
import { type Language, languageSchema } from '#shared/i18n/language.ts';
import { storableNumber } from '#shared/schemas/number.ts';
import { singleLine } from '#shared/schemas/text.ts';
import { atecoVersions } from './ateco.ts';
import { collaborationSettingsSchema, noCollaboration } from './collaboration.ts';
import { defaultDmaBands } from './dma-score.ts';
import { lombardyProvinceCodes } from './lombardy.ts';
import { defaultRetentionMonths, programmePrivacySchema, retentionSchema } from './privacy.ts';
import { customerTypes, deliveryKinds, noServices, servicesSettingsSchema } from './services.ts';
import { smeSizeClasses } from './sme-size.ts';
import {
  aidOfFinancing,
  type DeMinimisHeadroom,
  fitsDeMinimis,
  largestFinancingWithin,
  noStateAid,
  type StateAidSettings,
  stateAidSettingsSchema,
} from './state-aid.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64 characters');

export const programmeIdSchema = slug;

const hours = z
  .number()
  .positive()
  .max(24 * 365);

/** The journey's waits, in hours. Each human task has a reminder point and a final deadline. */
export const journeyTimeoutsSchema = z
  .strictObject({
    offerReminderHours: hours,
    offerExpiryHours: hours,
    noManagerRetryHours: hours,
    escalationReminderHours: hours,
    escalationExpiryHours: hours,
    assessmentReminderHours: hours,
    assessmentExpiryHours: hours,
    financingReminderHours: hours,
    financingExpiryHours: hours,
    /** The office registering an approved aid in the RNA (the COR): a week, then a reminder. */
    registrationReminderHours: hours.default(7 * 24),
    registrationExpiryHours: hours.default(14 * 24),
  })
  .refine((t) => t.offerReminderHours < t.offerExpiryHours, { message: 'reminder must come before expiry' })
  .refine((t) => t.assessmentReminderHours < t.assessmentExpiryHours, {
    message: 'reminder must come before expiry',
  })
  .refine((t) => t.financingReminderHours < t.financingExpiryHours, {
    message: 'reminder must come before expiry',
  })
  .refine((t) => t.escalationReminderHours < t.escalationExpiryHours, {
    message: 'reminder must come before expiry',
  })
  .refine((t) => t.registrationReminderHours < t.registrationExpiryHours, {
    message: 'reminder must come before expiry',
  });
export type JourneyTimeouts = z.output<typeof journeyTimeoutsSchema>;

/** Three days to accept an offer, a month for the assessment, two weeks for a financing decision. */
export const defaultJourneyTimeouts: JourneyTimeouts = {
  offerReminderHours: 48,
  offerExpiryHours: 72,
  noManagerRetryHours: 24,
  escalationReminderHours: 72,
  escalationExpiryHours: 14 * 24,
  assessmentReminderHours: 21 * 24,
  assessmentExpiryHours: 30 * 24,
  financingReminderHours: 10 * 24,
  financingExpiryHours: 14 * 24,
  registrationReminderHours: 7 * 24,
  registrationExpiryHours: 14 * 24,
};

/**
 * How a programme's managers assess a firm: the EU Digital Maturity Assessment alone (six scores,
 * improvement areas, findings, project proposal), or the DMA plus the firm's internationalisation
 * segment (1–4) and the action fronts recommended (the Internationalisation agreement).
 */
export const assessmentModels = ['dma', 'dma_internationalisation'] as const;
export type AssessmentModel = (typeof assessmentModels)[number];

const bandFloor = z.number().int().min(1).max(100);

/**
 * The DMA maturity bands above Basic, by the lowest overall score each starts at (Basic is official,
 * the other three are third-party: configurable per programme).
 */
export const dmaBandsSchema = z
  .strictObject({ averageFrom: bandFloor, moderatelyAdvancedFrom: bandFloor, advancedFrom: bandFloor })
  .refine((b) => b.averageFrom < b.moderatelyAdvancedFrom && b.moderatelyAdvancedFrom < b.advancedFrom, {
    message: 'band lower bounds must increase: averageFrom < moderatelyAdvancedFrom < advancedFrom',
  });
export type DmaBands = z.output<typeof dmaBandsSchema>;

export const defaultAssessmentModel: AssessmentModel = 'dma';

export const assessmentSettingsSchema = z.strictObject({
  model: z.enum(assessmentModels).default(defaultAssessmentModel),
  bands: dmaBandsSchema.default(defaultDmaBands),
});
export type AssessmentSettings = z.output<typeof assessmentSettingsSchema>;

export const programmeSchema = z
  .strictObject({
    id: slug,
    names: z.strictObject({ it: singleLine(1, 200), en: singleLine(1, 200) }),
    /** First and last day applications are accepted (ISO dates, inclusive); no close date = open-ended. */
    opensOn: z.iso.date(),
    closesOn: z.iso.date().nullable(),
    eligibility: z.strictObject({
      provinces: z.array(z.enum(lombardyProvinceCodes)).min(1),
      /** Section letters in the given ATECO version; `null` accepts every section. */
      atecoSections: z
        .strictObject({
          version: z.enum(atecoVersions),
          sections: z.array(z.string().regex(/^[A-V]$/)).min(1),
        })
        .nullable(),
      sizeClasses: z.array(z.enum(smeSizeClasses)).min(1),
      /**
       * Who may apply besides SMEs (small mid-caps, larger firms, public bodies: an EDIH); SMEs only by
       * default. The SMEs admitted are those of `sizeClasses`.
       */
      customerTypes: z
        .array(z.enum(customerTypes))
        .min(1)
        .refine((types) => new Set(types).size === types.length, { message: 'duplicate customer type' })
        .default(['sme']),
    }),
    quotas: z.strictObject({
      /** Applications admitted to the assessment; screening reserves one each, atomically. */
      assessments: storableNumber().int().positive(),
    }),
    /** Money in euro: the financing budget and its per-project cap (approvals reserve atomically). */
    budget: z
      .strictObject({
        totalEur: storableNumber().nonnegative(),
        perProjectCapEur: storableNumber().positive(),
        /** Value of each service the programme pays for (e.g. an assessment), for its reports. */
        serviceValuesEur: z
          .record(z.string().regex(/^[a-z][a-z_]{0,40}$/), storableNumber().nonnegative())
          .optional(),
      })
      .default({ totalEur: 1_000_000, perProjectCapEur: 100_000 }),
    /** What the programme promised (e.g. 900 SMEs reached); the dashboard shows progress against it. */
    targets: z
      .strictObject({
        smes: storableNumber().int().positive().optional(),
        projectsLaunched: storableNumber().int().positive().optional(),
      })
      .default({}),
    /** What the assessment asks (the model) and how its overall score is banded; DMA alone by default. */
    assessment: assessmentSettingsSchema.default({ model: defaultAssessmentModel, bands: defaultDmaBands }),
    /**
     * What the programme gives: one financed project per firm (`project`), or services from its
     * catalogue (`services`: an EDIH), planned by the expert with the T0 DMA and measured at T1.
     */
    delivery: z.enum(deliveryKinds).default('project'),
    /** The service catalogue and the timing of deliveries and of the T1 DMA (services programmes). */
    services: servicesSettingsSchema.prefault(noServices),
    /** Every wait of the journey, in hours: all timeouts come from here. */
    timeouts: journeyTimeoutsSchema.default(defaultJourneyTimeouts),
    matching: z
      .strictObject({
        /** Offers made before the programme office is asked to assign a manager by hand. */
        maxOffers: z.number().int().min(1).max(20),
        /** Times to wait for a manager to free up before escalating. */
        noManagerRetries: z.number().int().min(0).max(50),
        /** Whether a launched project keeps the manager's capacity (they follow it) or frees it. */
        capacityOnLaunch: z.enum(['keep', 'release']),
        /** The programme's own roster of managers; absent = every active manager. */
        roster: z.array(z.uuid()).max(5000).optional(),
      })
      .default({ maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'keep' }),
    /** Project monitoring: a check-in every so many hours until the project's duration ends. */
    monitoring: z
      .strictObject({
        checkinEveryHours: hours,
        checkinReminderHours: hours,
        checkinExpiryHours: hours,
      })
      .refine((m) => m.checkinReminderHours < m.checkinExpiryHours, {
        message: 'reminder must come before expiry',
      })
      .default({ checkinEveryHours: 90 * 24, checkinReminderHours: 7 * 24, checkinExpiryHours: 14 * 24 }),
    languages: z.array(languageSchema).min(1),
    /** Programme office addresses that receive decision and escalation tasks. */
    officeEmails: z.array(z.email()).min(1),
    /** The data controller and contact the privacy notice states (shared/domain/privacy.ts). */
    privacy: programmePrivacySchema.optional(),
    /** Whether what the programme gives is state aid, under which regime, and how much of it. */
    stateAid: stateAidSettingsSchema.prefault(noStateAid),
    /**
     * Collaboration between the programme's firms (MechNet): the profile managers record with the
     * assessment, the catalogue its codes come from, the invitations' and verifications' timing.
     */
    collaboration: collaborationSettingsSchema.prefault(noCollaboration),
    /** Personal data expire this many months after a journey or a project ends (DynamoDB TTL). */
    retention: retentionSchema.default({ personalDataMonths: defaultRetentionMonths }),
  })
  .superRefine((programme, ctx) => {
    if (programme.delivery === 'services' && programme.services.catalogue.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['services', 'catalogue'],
        message: 'a services programme needs a service catalogue',
      });
  });

export type Programme = z.output<typeof programmeSchema>;
export type ProgrammeInput = z.input<typeof programmeSchema>;

/** Why an application was screened out; codes are safe to keep in execution history. */
export const ineligibilityReasons = [
  'programme_closed',
  'not_sme',
  'customer_type',
  'size_class',
  'province',
  'ateco_section',
  'quota_exhausted',
  'de_minimis_exceeded',
] as const;
export type IneligibilityReason = (typeof ineligibilityReasons)[number];

/**
 * Whether the programme accepts applications on a given day.
 * @param today - ISO date (YYYY-MM-DD) in the programme's time zone
 */
export function isProgrammeOpen(programme: Programme, today: string): boolean {
  return programme.opensOn <= today && (programme.closesOn === null || today <= programme.closesOn);
}

/** Today's date in Italy, where every programme runs. */
export function italianToday(now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/** A limit an approved financing amount breaks, with the most that could be approved. */
export interface FinancingLimit {
  readonly limit: 'per_project_cap' | 'budget_left' | 'de_minimis_headroom';
  readonly allowedEur: number;
}

/** The programme's budget not yet committed to projects (never below zero). */
export function budgetLeftEur(budget: { readonly totalEur: number }, committedEur: number): number {
  return Math.max(0, budget.totalEur - committedEur);
}

/**
 * The first limit an approval of `amountEur` breaks, or undefined when it fits: the programme's
 * per-project cap, then the budget not yet committed, then (de minimis programmes) the single
 * undertaking's headroom, which the aid of the approval (aidOfFinancing) must fit. The one rule behind the financing page (422
 * at posting) and the workflow's reservation (which holds the budget part atomically).
 * @param committedEur - budget already committed to other projects
 */
export function financingLimitBroken(
  amountEur: number,
  budget: { readonly totalEur: number; readonly perProjectCapEur: number },
  committedEur: number,
  deMinimis?: { readonly settings: StateAidSettings; readonly headroom: DeMinimisHeadroom },
): FinancingLimit | undefined {
  if (amountEur > budget.perProjectCapEur)
    return { limit: 'per_project_cap', allowedEur: budget.perProjectCapEur };
  const left = budgetLeftEur(budget, committedEur);
  if (amountEur > left) return { limit: 'budget_left', allowedEur: left };
  if (deMinimis && !fitsDeMinimis(deMinimis.headroom, aidOfFinancing(deMinimis.settings, amountEur)))
    return {
      limit: 'de_minimis_headroom',
      allowedEur: largestFinancingWithin(deMinimis.settings, deMinimis.headroom.headroomEur),
    };
  return undefined;
}

/** The programme office's language: its e-mails and the pages of its links (financing, escalation, vetting). */
export const officeLanguage: Language = 'it';
