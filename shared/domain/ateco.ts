// ATECO codes (the Italian NACE): "25.62.00" = division 25, group 25.6, class 25.62, category and
// subcategory. ATECO 2007 follows NACE Rev. 2; ATECO 2025 (in force from 1 April 2025) follows
// NACE Rev. 2.1, which moved several divisions between sections.

export const atecoVersions = ['2025', '2007'] as const;
export type AtecoVersion = (typeof atecoVersions)[number];
export const defaultAtecoVersion: AtecoVersion = '2025';

type SectionRanges = readonly (readonly [section: string, first: number, last: number])[];

/** Section → division range, NACE Rev. 2 (ATECO 2007). */
const sections2007: SectionRanges = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

/** Section → division range, NACE Rev. 2.1 (ATECO 2025): division 45 merged into 46–47. */
const sections2025: SectionRanges = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 46, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 60],
  ['K', 61, 63],
  ['L', 64, 66],
  ['M', 68, 68],
  ['N', 69, 75],
  ['O', 77, 82],
  ['P', 84, 84],
  ['Q', 85, 85],
  ['R', 86, 88],
  ['S', 90, 93],
  ['T', 94, 96],
  ['U', 97, 98],
  ['V', 99, 99],
];

/** Divisions inside a section's range that the classification leaves empty. */
const unusedDivisions = new Set([4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89]);

const sectionTables: Record<AtecoVersion, SectionRanges> = { '2007': sections2007, '2025': sections2025 };

/** The section letters of a version, in order. */
export function atecoSections(version: AtecoVersion): string[] {
  return sectionTables[version].map(([section]) => section);
}

export type AtecoProblem = 'format' | 'division';

export type ParsedAteco =
  | { readonly ok: true; readonly code: string; readonly division: string; readonly section: string }
  | { readonly ok: false; readonly problem: AtecoProblem };

/**
 * Parses an ATECO code as people write it: "25.62.00", "25.62", "25.6", "25" or "256200".
 * @returns the normalised code (dotted), its division and its section in that version
 */
export function parseAtecoCode(raw: string, version: AtecoVersion = defaultAtecoVersion): ParsedAteco {
  const compact = raw.trim().replace(/\s/g, '');
  let code: string;
  if (/^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$/.test(compact)) code = compact;
  else if (/^\d{2}(\d{2}){0,2}$/.test(compact)) code = (compact.match(/\d{2}/g) ?? []).join('.');
  else return { ok: false, problem: 'format' };
  const division = code.slice(0, 2);
  const number = Number(division);
  if (unusedDivisions.has(number)) return { ok: false, problem: 'division' };
  const entry = sectionTables[version].find(([, first, last]) => number >= first && number <= last);
  if (!entry) return { ok: false, problem: 'division' };
  return { ok: true, code, division, section: entry[0] };
}
