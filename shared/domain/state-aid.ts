// De minimis aid (Regulation (EU) 2023/2831, 2024–2030): at most €300,000 per single undertaking —
// the firm and the firms it controls or is controlled by — over any rolling period of three years.
// Pure rules: which aid falls in the window of a grant, what a single undertaking has used, and the
// headroom left for a new grant. Amounts are whole euro cents to keep sums exact.
import * as z from 'zod';
import { storableNumber } from '#shared/schemas/number.ts';
import { singleLine } from '#shared/schemas/text.ts';
import { normaliseVatNumber } from './vat-number.ts';

/** The regulation's ceiling and window (a programme may state its own, e.g. a sector regulation). */
export const deMinimisDefaults = { ceilingEur: 300_000, windowYears: 3 } as const;

/**
 * How a programme's benefits are state aid: de minimis (ceiling per single undertaking over a
 * rolling window, checked at every decision), GBER (exempted by category: registered, no ceiling
 * checked here) or none (not aid: nothing checked or registered).
 */
export const aidRegimes = ['de_minimis', 'gber', 'none'] as const;
export type AidRegime = (typeof aidRegimes)[number];

/** The regulation a de minimis programme names by default. */
export const deMinimisRegulation = 'Reg. (UE) 2023/2831';

/** A code of the national State-aid register (RNA): the call's CAR, an aid's COR. Digits only. */
export const rnaCode = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, { message: 'validation.rnaCode' });

export const stateAidSettingsSchema = z.strictObject({
  regime: z.enum(aidRegimes),
  ceilingEur: storableNumber().positive().max(100_000_000).default(deMinimisDefaults.ceilingEur),
  windowYears: z.number().int().min(1).max(10).default(deMinimisDefaults.windowYears),
  /** The call's code in the RNA (Codice Aiuto RNA, CAR); each registration names it. */
  carCode: rnaCode.nullable().default(null),
  regulation: singleLine(2, 100).default(deMinimisRegulation),
  /**
   * How much of what the firm receives is aid: the free assessment's value (the programme's first
   * benefit, checked at screening) and the share of the financed amount.
   */
  aidValues: z
    .strictObject({
      assessmentEur: storableNumber().min(0).max(1_000_000).default(0),
      financingPercent: storableNumber().min(0).max(100).default(100),
    })
    .default({ assessmentEur: 0, financingPercent: 100 }),
});
export type StateAidSettings = z.output<typeof stateAidSettingsSchema>;
export type StateAidSettingsInput = z.input<typeof stateAidSettingsSchema>;

/** A programme that says nothing about state aid gives none. */
export const noStateAid: StateAidSettingsInput = { regime: 'none' };

/** Whether the programme's grants are registered in the RNA before they are granted. */
export const registersAid = (settings: StateAidSettings) => settings.regime !== 'none';

/** Whether the de minimis ceiling is checked (screening, financing page, reservation). */
export const checksDeMinimis = (settings: StateAidSettings) => settings.regime === 'de_minimis';

/** Whole euro cents, so sums of amounts stay exact. */
const cents = (amountEur: number) => Math.round(amountEur * 100);

/** The aid a financing approval grants: the assessment's value and the aid share of the amount. */
export function aidOfFinancing(settings: StateAidSettings, financedEur: number): number {
  const shareCents = Math.round(financedEur * settings.aidValues.financingPercent);
  return (cents(settings.aidValues.assessmentEur) + shareCents) / 100;
}

/** The largest financed amount whose aid fits the headroom (0 when not even the assessment fits). */
export function largestFinancingWithin(settings: StateAidSettings, headroomEur: number): number {
  const left = cents(headroomEur) - cents(settings.aidValues.assessmentEur);
  if (left <= 0) return 0;
  const percent = settings.aidValues.financingPercent;
  if (percent === 0) return Number.POSITIVE_INFINITY;
  return Math.floor((left * 100) / percent) / 100;
}

/** One aid received or granted: to which firm (Partita IVA), when (ISO date), how much (euro). */
export interface AidRecord {
  readonly vatNumber: string;
  readonly grantedOn: string;
  readonly amountEur: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first day of the window of a grant made on `grantedOn`: the same calendar date `years`
 * earlier (29 February becomes 28 February in a year without it). Aid granted on that day counts:
 * the rolling period is read inclusively, the reading that never lets a firm over the ceiling.
 */
export function windowStart(grantedOn: string, years: number): string {
  if (!isoDate.test(grantedOn)) throw new RangeError(`not an ISO date: ${grantedOn}`);
  const [year, month, day] = grantedOn.split('-').map(Number) as [number, number, number];
  const startYear = year - years;
  const leap = (startYear % 4 === 0 && startYear % 100 !== 0) || startYear % 400 === 0;
  const startDay = month === 2 && day === 29 && !leap ? 28 : day;
  return `${String(startYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(startDay).padStart(2, '0')}`;
}

/** The Partita IVA numbers of a single undertaking: the firm and its linked firms, normalised. */
export function singleUndertaking(
  vatNumber: string,
  linkedVatNumbers: readonly string[],
): ReadonlySet<string> {
  return new Set([vatNumber, ...linkedVatNumbers].map(normaliseVatNumber));
}

/**
 * The de minimis aid a single undertaking has used in the window of a grant on `grantedOn`: every
 * aid to any of its firms granted from the window's first day up to that day (later aid, not yet
 * granted then, does not count).
 */
export function aidUsedInWindow(
  aids: readonly AidRecord[],
  undertaking: ReadonlySet<string>,
  grantedOn: string,
  windowYears: number = deMinimisDefaults.windowYears,
): number {
  const from = windowStart(grantedOn, windowYears);
  const used = aids
    .filter((aid) => undertaking.has(normaliseVatNumber(aid.vatNumber)))
    .filter((aid) => aid.grantedOn >= from && aid.grantedOn <= grantedOn)
    .reduce((sum, aid) => sum + cents(aid.amountEur), 0);
  return used / 100;
}

export interface DeMinimisHeadroom {
  readonly ceilingEur: number;
  readonly usedEur: number;
  /** What can still be granted; 0 when the ceiling is reached or passed. */
  readonly headroomEur: number;
}

/** The headroom of a single undertaking for a grant on `grantedOn`. */
export function deMinimisHeadroom(
  aids: readonly AidRecord[],
  undertaking: ReadonlySet<string>,
  grantedOn: string,
  rules: { readonly ceilingEur: number; readonly windowYears: number } = deMinimisDefaults,
): DeMinimisHeadroom {
  const usedEur = aidUsedInWindow(aids, undertaking, grantedOn, rules.windowYears);
  return {
    ceilingEur: rules.ceilingEur,
    usedEur,
    headroomEur: Math.max(0, (cents(rules.ceilingEur) - cents(usedEur)) / 100),
  };
}

/**
 * Whether a new grant of `amountEur` keeps the undertaking within the ceiling (reaching it exactly is
 * allowed; an undertaking already over it fits nothing, not even a grant of 0).
 */
export const fitsDeMinimis = (headroom: DeMinimisHeadroom, amountEur: number) =>
  cents(headroom.usedEur) + cents(amountEur) <= cents(headroom.ceilingEur);

/**
 * The firm's self-declaration at intake: the firms making up its single undertaking (Partita IVA of
 * the firms it controls or is controlled by) and the de minimis aid the undertaking received.
 */
export interface StateAidDeclaration {
  readonly linkedVatNumbers: readonly string[];
  readonly deMinimis: readonly {
    readonly grantingBody: string;
    readonly grantedOn: string;
    readonly amountEur: number;
    readonly regulation: string;
  }[];
}

/** The declared aid as records of the declaring firm (it counts for its whole undertaking). */
export const declaredAid = (vatNumber: string, declaration: StateAidDeclaration | undefined): AidRecord[] =>
  (declaration?.deMinimis ?? []).map((aid) => ({
    vatNumber,
    grantedOn: aid.grantedOn,
    amountEur: aid.amountEur,
  }));

/**
 * pending_registration: approved, waiting for the RNA's COR (nothing granted yet); registered: the
 * COR is recorded and the grant made; cancelled: the journey ended before registration (not aid).
 */
export const aidStatuses = ['pending_registration', 'registered', 'cancelled'] as const;
export type AidStatus = (typeof aidStatuses)[number];

/** Aid records are kept ten years from the concession (art. 6 Reg. 2023/2831, D.M. 115/2017). */
export const aidRecordRetentionYears = 10;

/**
 * One individual aid, with every field its registration in the RNA needs (a snapshot taken at the
 * approval, so the register outlives the application's own retention).
 */
export interface AidGrant {
  /** The local concession ID the RNA registration carries (the application's ID). */
  readonly concessionId: string;
  readonly applicationId: string;
  readonly programmeId: string;
  readonly regime: Exclude<AidRegime, 'none'>;
  readonly regulation: string;
  readonly carCode: string | null;
  readonly beneficiary: {
    readonly vatNumber: string;
    readonly taxCode?: string;
    readonly name: string;
    readonly sizeClass: string;
    /** As the firm gave it on the application (optional there). */
    readonly legalForm?: string;
    readonly atecoCode: string;
    readonly atecoVersion: string;
    readonly province: string;
  };
  readonly projectTitle: string;
  /** ISO dates: the project runs from the concession for its duration. */
  readonly projectStartsOn: string;
  readonly projectEndsOn: string;
  /** The concession date (ISO): the day the approval was reserved. */
  readonly grantedOn: string;
  /** Aid instrument: a non-repayable grant (sovvenzione). */
  readonly instrument: 'grant';
  /** The financing approved plus the assessment's value, and the part of it that is aid. */
  readonly nominalAmountEur: number;
  readonly aidAmountEur: number;
  /**
   * Aid the firm did not receive after all (the services of an approved plan that were not
   * delivered): the concession stays as registered, this part is to be registered in the RNA as a
   * reduction, and it no longer counts against the ceiling.
   */
  readonly aidNotReceivedEur?: number;
  readonly costItems: readonly { readonly item: string; readonly amountEur: number }[];
  readonly status: AidStatus;
  readonly cor?: string;
  readonly registeredAt?: string;
  readonly cancelledAt?: string;
  readonly createdAt: string;
}

/** The last day of a project of `months` months starting on `startsOn` (ISO dates). */
export function projectEndDate(startsOn: string, months: number): string {
  const [year, month, day] = startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year, month - 1 + months, day));
  // 31 January + 1 month is the last day of February, not 3 March.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The aid a grant gave the firm: its concession less the part it did not receive. */
export const aidReceived = (grant: Pick<AidGrant, 'aidAmountEur' | 'aidNotReceivedEur'>) =>
  (cents(grant.aidAmountEur) - cents(grant.aidNotReceivedEur ?? 0)) / 100;

/**
 * The aid of the single undertaking counted against the ceiling: everything not cancelled, less the
 * part of a grant the firm did not receive.
 */
export const countedAid = (grants: readonly AidGrant[]): AidRecord[] =>
  grants
    .filter((grant) => grant.status !== 'cancelled')
    .map((grant) => ({
      vatNumber: grant.beneficiary.vatNumber,
      grantedOn: grant.grantedOn,
      amountEur: aidReceived(grant),
    }));

/**
 * The headroom of a firm's single undertaking for a grant on `grantedOn`: its ceiling, less the aid
 * it declared and the aid this system granted (pending or registered, any programme) to any of its
 * firms in the window. The application's own aid, if already recorded, is not counted against it.
 */
export function undertakingHeadroom(
  firm: {
    readonly vatNumber: string;
    readonly declaration?: StateAidDeclaration;
    readonly concessionId: string;
  },
  undertaking: { readonly members: readonly string[]; readonly grants: readonly AidGrant[] },
  settings: StateAidSettings,
  grantedOn: string,
): DeMinimisHeadroom {
  const granted = countedAid(undertaking.grants.filter((grant) => grant.concessionId !== firm.concessionId));
  return deMinimisHeadroom(
    [...declaredAid(firm.vatNumber, firm.declaration), ...granted],
    singleUndertaking(firm.vatNumber, undertaking.members),
    grantedOn,
    settings,
  );
}
