// The DMA's overall score and maturity band. Kept free of imports with run-time weight: the
// assessment page's live score runs `meanToOneDecimal` and `dmaBand` themselves in the browser
// (shared/pages/assessment-score.ts), so they must stay self-contained.
import type { DmaDimension } from './manager.ts';
import type { DmaBands } from './programme.ts';

/** The six dimensions in the order of the European DMA (the same list as `dmaDimensions`). */
type Scores = Readonly<Record<DmaDimension, number>>;

/** The DMA overall score: the mean of the six dimensions, one decimal. */
export function dmaOverall(scores: Scores): number {
  return meanToOneDecimal(Object.values(scores));
}

/** The mean of some scores, rounded to one decimal (self-contained: also run in the browser). */
export function meanToOneDecimal(scores: readonly number[]): number {
  let total = 0;
  for (const score of scores) total += score;
  return Math.round((total / scores.length) * 10) / 10;
}

export const dmaBandCodes = ['basic', 'average', 'moderately_advanced', 'advanced'] as const;
export type DmaBandCode = (typeof dmaBandCodes)[number];

/** Basic 0–25, Average 26–50, Moderately advanced 51–75, Advanced 76–100. */
export const defaultDmaBands: DmaBands = { averageFrom: 26, moderatelyAdvancedFrom: 51, advancedFrom: 76 };

/**
 * The DMA maturity band of an overall score (the EDIH network's four levels); self-contained, also
 * run in the browser.
 * @param bands - the programme's band lower bounds (`programme.assessment.bands`)
 */
export function dmaBand(overall: number, bands: DmaBands): DmaBandCode {
  if (overall < bands.averageFrom) return 'basic';
  if (overall < bands.moderatelyAdvancedFrom) return 'average';
  if (overall < bands.advancedFrom) return 'moderately_advanced';
  return 'advanced';
}
