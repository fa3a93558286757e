// De minimis aid (Regulation (EU) 2023/2831, 2024–2030): at most €300,000 per single undertaking —
// the firm and the firms it controls or is controlled by — over any rolling period of three years.
// Pure rules: which aid falls in the window of a grant, what a single undertaking has used, and the
// headroom left for a new grant. Amounts are whole euro cents to keep sums exact.
import { normaliseVatNumber } from './vat-number.ts';

/** The regulation's ceiling and window (a programme may state its own, e.g. a sector regulation). */
export const deMinimisDefaults = { ceilingEur: 300_000, windowYears: 3 } as const;

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

const cents = (amountEur: number) => Math.round(amountEur * 100);

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

/** Whether a new grant of `amountEur` fits in the headroom (reaching the ceiling exactly is allowed). */
export const fitsDeMinimis = (headroom: DeMinimisHeadroom, amountEur: number) =>
  cents(amountEur) <= cents(headroom.headroomEur);
