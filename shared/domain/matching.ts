// Matching an SME with a manager: the hard constraints a candidate must meet, the one scoring
// function that ranks the candidates who meet them, and the order used to pick the best one.
// Pure functions: the online matcher (one journey at a time) and the cohort matcher share them.

import type { Language } from '#shared/i18n/language.ts';
import type { InterestArea } from '#shared/schemas/application.ts';
import type { ApplicationRecord } from './application.ts';
import { parseAtecoCode } from './ateco.ts';
import type { LombardyProvinceCode } from './lombardy.ts';
import { type Manager, managerAtecoVersion } from './manager.ts';
import { normaliseVatNumber } from './vat-number.ts';

/** What matching needs to know about the SME; sector codes are in ATECO 2025. */
export interface SmeProfile {
  readonly applicationId: string;
  /** Partita IVA, normalised (11 digits), checked against the managers' conflicts of interest. */
  readonly vatNumber: string;
  /** ATECO 2025 section letter ("C"). */
  readonly atecoSection: string;
  /** ATECO 2025 division, two digits ("25"). */
  readonly atecoDivision: string;
  /** The full ATECO code as declared ("25.62.00"), for the record. */
  readonly atecoCode: string;
  readonly province: LombardyProvinceCode;
  /** The language the SME works in. */
  readonly language: Language;
  /** The areas the SME wants to improve. */
  readonly interests: readonly InterestArea[];
}

/**
 * The matching profile of a stored application. An ATECO 2007 code is read again as ATECO 2025
 * (division numbers are kept across the two versions, section letters are not: 62 is J in 2007
 * and K in 2025); a division that no longer exists (45, merged into 46–47) keeps its section.
 */
export function smeProfileFromApplication(application: ApplicationRecord): SmeProfile {
  const { company } = application;
  const as2025 =
    company.atecoVersion === managerAtecoVersion
      ? undefined
      : parseAtecoCode(company.atecoCode, managerAtecoVersion);
  return {
    applicationId: application.applicationId,
    vatNumber: company.vatNumber,
    atecoSection: as2025?.ok ? as2025.section : company.atecoSection,
    atecoDivision: company.atecoDivision,
    atecoCode: company.atecoCode,
    province: company.province,
    language: application.language,
    interests: application.interests,
  };
}

/** Why a manager cannot be engaged for an SME; codes are safe to keep in execution history. */
export type IneligibilityCause =
  | 'not_active'
  | 'no_capacity'
  | 'conflict_of_interest'
  | 'already_tried'
  | 'not_in_roster';

/** Managers already tried for this journey (declined, timed out), as a list or a set. */
export type ExcludedManagers = ReadonlySet<string> | readonly string[];

const asSet = (ids: ExcludedManagers): ReadonlySet<string> => (ids instanceof Set ? ids : new Set(ids));

/** Whether a manager can take one more engagement at all: active, with capacity left. */
export function hasRoomForEngagement(manager: Manager): boolean {
  return manager.status === 'active' && manager.load < manager.capacity;
}

/** The Partita IVA numbers a manager declared ties to (conflicts of interest), normalised. */
export function declaredTies(manager: Manager): ReadonlySet<string> {
  return new Set(manager.conflicts.map(normaliseVatNumber));
}

/**
 * The first hard constraint a manager breaks for an engagement with this SME, or undefined when
 * the manager may be engaged: active, not already tried for this journey, with capacity left
 * (load < capacity), no declared tie to the SME's Partita IVA, and in the programme's roster when
 * it has one. The one rule behind matching, cohort matching, the escalation page's candidates and
 * the office's own assignment.
 * @param roster - the programme's roster (`matching.roster`); absent = every manager
 */
export function ineligibilityOf(
  manager: Manager,
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  roster?: readonly string[],
): IneligibilityCause | undefined {
  if (roster && !roster.includes(manager.managerId)) return 'not_in_roster';
  if (manager.status !== 'active') return 'not_active';
  if (asSet(excludedManagerIds).has(manager.managerId)) return 'already_tried';
  if (!hasRoomForEngagement(manager)) return 'no_capacity';
  if (declaredTies(manager).has(normaliseVatNumber(sme.vatNumber))) return 'conflict_of_interest';
  return undefined;
}

/** Whether the manager meets every hard constraint for this SME (see {@link ineligibilityOf}). */
export function isEligibleManager(
  manager: Manager,
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  roster?: readonly string[],
): boolean {
  return ineligibilityOf(manager, sme, excludedManagerIds, roster) === undefined;
}

/**
 * The most points each criterion can give; a manager's score is the sum, out of 100.
 *
 * - `sector` 35: the full 35 when the manager declares the SME's ATECO division, half (17.5) when
 *   only the SME's section (declared, or one of the manager's divisions lies in it), else 0.
 * - `competence` 25 × the share of the SME's interests the manager's competences cover.
 * - `province` 15 when the manager serves the SME's province.
 * - `language` 10 when the manager speaks the SME's language.
 * - `merit` 10 × merit / 100 (the vetting score).
 * - `load` 5 × spare capacity / capacity (a manager with room to spare is fresher).
 *
 * What the weights guarantee, all else being equal (the unit tests check each claim):
 * - every part only grows with what the manager offers: another division, section, competence,
 *   province or language, higher merit or lower load never lowers the score;
 * - sector comes first: a match on the SME's section alone (17.5) outweighs serving the SME's
 *   province (15), speaking its language (10), and merit and load together (at most 15);
 * - an exact division match (35) outweighs a section match in the SME's province (32.5) and
 *   a full coverage of the SME's interests (25);
 * - covering all the SME's interests (25) outweighs proximity (15) and merit with load (15).
 */
export const matchWeights = {
  sector: 35,
  competence: 25,
  province: 15,
  language: 10,
  merit: 10,
  load: 5,
} as const;

/** Share of the sector points for a match on the SME's section without its division. */
export const sectionMatchShare = 0.5;

export type ScorePart = keyof typeof matchWeights;

/** A manager's fit for an SME: the total out of 100 and the points of each criterion. */
export interface ManagerScore {
  readonly total: number;
  readonly parts: Readonly<Record<ScorePart, number>>;
}

/** How well a manager's sectors fit the SME's: division, section, or none. */
export type SectorFit = 'division' | 'section' | 'none';

const sectionOfDivision = (division: string): string | undefined => {
  const parsed = parseAtecoCode(division, managerAtecoVersion);
  return parsed.ok ? parsed.section : undefined;
};

/** The manager's sector fit for the SME (ATECO 2025). */
export function sectorFit(manager: Manager, sme: SmeProfile): SectorFit {
  if (manager.atecoDivisions.includes(sme.atecoDivision)) return 'division';
  if (manager.atecoSections.includes(sme.atecoSection)) return 'section';
  if (manager.atecoDivisions.some((division) => sectionOfDivision(division) === sme.atecoSection)) {
    return 'section';
  }
  return 'none';
}

/** Six decimals: enough for any comparison, and equal fits compare equal despite float sums. */
const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Scores a manager for an SME with {@link matchWeights}. Does not check the hard constraints
 * (see {@link isEligibleManager}); the parts are the points behind "why this manager".
 */
export function scoreManager(manager: Manager, sme: SmeProfile): ManagerScore {
  const fit = sectorFit(manager, sme);
  const interests = new Set(sme.interests);
  const competences = new Set<string>(manager.competences);
  const covered = [...interests].filter((interest) => competences.has(interest)).length;
  const parts: Record<ScorePart, number> = {
    sector: rounded(
      matchWeights.sector * (fit === 'division' ? 1 : fit === 'section' ? sectionMatchShare : 0),
    ),
    competence: rounded(matchWeights.competence * (interests.size > 0 ? covered / interests.size : 0)),
    province: manager.provinces.includes(sme.province) ? matchWeights.province : 0,
    language: manager.languages.includes(sme.language) ? matchWeights.language : 0,
    merit: rounded(matchWeights.merit * clamp01(manager.merit / 100)),
    load: rounded(
      matchWeights.load *
        (manager.capacity > 0 ? clamp01((manager.capacity - manager.load) / manager.capacity) : 0),
    ),
  };
  const total = rounded(Object.values(parts).reduce((sum, points) => sum + points, 0));
  return { total, parts };
}

/** An eligible manager with the score that ranked them. */
export interface RankedCandidate {
  readonly manager: Manager;
  readonly score: ManagerScore;
}

/**
 * Best first: higher total; on equal totals higher merit, then lower load, then the smaller
 * managerId, so the order never depends on the order managers were listed in.
 */
export function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  if (a.score.total !== b.score.total) return b.score.total - a.score.total;
  if (a.manager.merit !== b.manager.merit) return b.manager.merit - a.manager.merit;
  if (a.manager.load !== b.manager.load) return a.manager.load - b.manager.load;
  if (a.manager.managerId === b.manager.managerId) return 0;
  return a.manager.managerId < b.manager.managerId ? -1 : 1;
}

/** The managers who meet every hard constraint for the SME, scored and sorted best first. */
export function rankCandidates(
  managers: readonly Manager[],
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  roster?: readonly string[],
): RankedCandidate[] {
  const excluded = asSet(excludedManagerIds);
  return managers
    .filter((manager) => isEligibleManager(manager, sme, excluded, roster))
    .map((manager) => ({ manager, score: scoreManager(manager, sme) }))
    .sort(compareCandidates);
}
