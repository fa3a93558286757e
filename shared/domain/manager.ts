// The manager as stored: who they are, what they know (ATECO 2025 sectors, competences), where and
// in which languages they work, how many SMEs they can follow at once, and how they were vetted.

import * as z from 'zod';
import type { Language } from '#shared/i18n/language.ts';
import { languageSchema } from '#shared/i18n/language.ts';
import { interestAreas } from '#shared/schemas/application.ts';
import { storableNumber } from '#shared/schemas/number.ts';
import { multiLine, singleLine } from '#shared/schemas/text.ts';
import { atecoSections, parseAtecoCode } from './ateco.ts';
import { isValidPhone, normaliseEmail, normalisePhone } from './contact.ts';
import { lombardyProvinceCodes } from './lombardy.ts';
import { normaliseVatNumber, vatNumberProblem } from './vat-number.ts';

/** The six dimensions of the EU Digital Maturity Assessment (DMA) used by the EDIHs. */
export const dmaDimensions = [
  'digitalBusinessStrategy',
  'digitalReadiness',
  'humanCentricDigitalisation',
  'dataManagementAndConnectedness',
  'automationAndAi',
  'greenDigitalisation',
] as const;
export type DmaDimension = (typeof dmaDimensions)[number];

/** What a manager can help with: the SMEs' improvement areas, then the DMA dimensions. */
export const managerCompetences = [...interestAreas, ...dmaDimensions] as const;
export type ManagerCompetence = (typeof managerCompetences)[number];

/**
 * pending_vetting: registered, waiting for the programme office; active: available for matching;
 * inactive: vetted but not taking engagements (paused or left); rejected: not admitted.
 */
export const managerStatuses = ['pending_vetting', 'active', 'inactive', 'rejected'] as const;
export type ManagerStatus = (typeof managerStatuses)[number];

/** Manager profiles and the matching use ATECO 2025 (the version in force since April 2025). */
export const managerAtecoVersion = '2025' as const;

const sectionsOf2025 = new Set(atecoSections(managerAtecoVersion));

/** A list without repeats, in first-seen order (forms and CSV files repeat things). */
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

const atecoSection = z
  .string()
  .trim()
  .toUpperCase()
  .refine((section) => sectionsOf2025.has(section), { message: 'validation.choice' });

const atecoDivision = z
  .string()
  .trim()
  .regex(/^\d{2}$/, { message: 'validation.ateco.format' })
  .superRefine((division, ctx) => {
    if (/^\d{2}$/.test(division) && !parseAtecoCode(division, managerAtecoVersion).ok) {
      ctx.addIssue({
        code: 'custom',
        message: 'validation.ateco.division',
        params: { division, version: managerAtecoVersion },
      });
    }
  });

const vatNumber = z
  .string()
  .max(20)
  .superRefine((value, ctx) => {
    const problem = vatNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `validation.vatNumber.${problem}` });
  })
  .transform(normaliseVatNumber);

/** The manager item's content (without table keys), validated on every write. */
export const managerSchema = z.strictObject({
  managerId: z.uuid(),
  name: singleLine(2, 120),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ message: 'validation.email' }))
    .transform(normaliseEmail),
  phone: z
    .string()
    .max(30)
    .refine(isValidPhone, { message: 'validation.phone' })
    .transform(normalisePhone)
    .optional(),
  /** Languages the manager works in; at least one. */
  languages: uniqueList(languageSchema, 2).pipe(z.array(languageSchema).min(1)),
  /** ATECO 2025 section letters of experience ("C", "K", …). */
  atecoSections: uniqueList(atecoSection, sectionsOf2025.size),
  /** ATECO 2025 divisions of experience, two digits ("25", "62", …). */
  atecoDivisions: uniqueList(atecoDivision, 100),
  competences: uniqueList(z.enum(managerCompetences), managerCompetences.length),
  /** Lombardy provinces the manager serves; at least one. */
  provinces: uniqueList(z.enum(lombardyProvinceCodes), lombardyProvinceCodes.length).pipe(
    z.array(z.enum(lombardyProvinceCodes)).min(1),
  ),
  /** How many SMEs the manager follows at once. */
  capacity: z.number().int().min(0).max(100),
  /** Engagements the manager holds now; only capacity reservations change it. */
  load: z.number().int().min(0),
  /** Merit score set by the programme office at vetting, 0–100 (0 until vetted). */
  merit: storableNumber().min(0).max(100),
  status: z.enum(managerStatuses),
  /** Companies (Partita IVA) the manager has ties to: never matched with them. */
  conflicts: uniqueList(vatNumber, 200),
  /** Short CV in the manager's words. */
  cv: multiLine(0, 4000).optional(),
  /** ISO timestamp of the registration. */
  createdAt: z.iso.datetime(),
  /** The privacy notice the manager consented to when registering (absent for an imported roster). */
  privacyConsent: z
    .strictObject({ noticeVersion: z.string().min(1).max(80), at: z.iso.datetime() })
    .optional(),
});

/** A manager as stored and matched. */
export type Manager = z.output<typeof managerSchema>;

/**
 * The language a manager is written to and shown pages in, for an engagement: the SME's when the
 * manager speaks it, else the manager's first.
 */
export function managerLanguageFor(manager: Pick<Manager, 'languages'>, preferred: Language): Language {
  return manager.languages.includes(preferred) ? preferred : (manager.languages[0] ?? 'it');
}
