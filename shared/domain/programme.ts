// A programme is data: who may apply, when, how many, with which timeouts. Stored in DynamoDB,
// validated with this schema whether it comes from a preset, a file or the table.
import * as z from 'zod';
import { languageSchema } from '#shared/i18n/language.ts';
import { atecoVersions } from './ateco.ts';
import { lombardyProvinceCodes } from './lombardy.ts';
import { smeSizeClasses } from './sme-size.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64 characters');

export const programmeIdSchema = slug;

export const programmeSchema = z.strictObject({
  id: slug,
  names: z.strictObject({ it: z.string().min(1).max(200), en: z.string().min(1).max(200) }),
  /** First and last day applications are accepted (ISO dates, inclusive); no close date = open-ended. */
  opensOn: z.iso.date(),
  closesOn: z.iso.date().nullable(),
  eligibility: z.strictObject({
    provinces: z.array(z.enum(lombardyProvinceCodes)).min(1),
    /** Section letters in the given ATECO version; `null` accepts every section. */
    atecoSections: z
      .strictObject({ version: z.enum(atecoVersions), sections: z.array(z.string().regex(/^[A-V]$/)).min(1) })
      .nullable(),
    sizeClasses: z.array(z.enum(smeSizeClasses)).min(1),
  }),
  quotas: z.strictObject({
    /** Applications admitted to the assessment; screening reserves one each, atomically. */
    assessments: z.number().int().positive(),
  }),
  languages: z.array(languageSchema).min(1),
  /** Programme office addresses that receive decision and escalation tasks. */
  officeEmails: z.array(z.email()).min(1),
});

export type Programme = z.infer<typeof programmeSchema>;

/** Why an application was screened out; codes are safe to keep in execution history. */
export const ineligibilityReasons = [
  'programme_closed',
  'not_sme',
  'size_class',
  'province',
  'ateco_section',
  'quota_exhausted',
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
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}
