// Project monitoring arithmetic: the check-in calendar, each KPI's linear trajectory from baseline
// to target over the project's duration, and the T0 → T1 digital maturity change. Pure.
import type { DmaDimension } from './manager.ts';
import { dmaDimensions } from './manager.ts';

const hourMs = 3600_000;
/** A month as the calendar averages it (365.25 / 12 days). */
export const hoursPerMonth = 730.5;

export interface Kpi {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
}

/** How many check-ins a project gets: one per cadence over its duration, the last one closing it. */
export function monitoringCycles(durationMonths: number, checkinEveryHours: number): number {
  return Math.max(1, Math.ceil((durationMonths * hoursPerMonth) / checkinEveryHours));
}

/** When check-in `cycle` (1-based) falls due: launch + cycle × cadence, never after the project's end. */
export function checkinDueAt(
  launchedAt: string,
  cycle: number,
  cycles: number,
  durationMonths: number,
  checkinEveryHours: number,
): Date {
  const start = new Date(launchedAt).getTime();
  const end = start + durationMonths * hoursPerMonth * hourMs;
  const due = cycle >= cycles ? end : start + cycle * checkinEveryHours * hourMs;
  return new Date(Math.min(due, end));
}

/** Where a KPI should stand at a point of the project (0 = launch, 1 = end), on a straight line. */
export function expectedKpiValue(kpi: Kpi, elapsedFraction: number): number {
  const fraction = Math.min(1, Math.max(0, elapsedFraction));
  return kpi.baseline + (kpi.target - kpi.baseline) * fraction;
}

/**
 * Whether a KPI value is on its trajectory: at or beyond the expected value in the direction of the
 * target, with a tolerance of 10% of the whole baseline → target distance.
 */
export function isKpiOnTrack(kpi: Kpi, value: number, elapsedFraction: number, tolerance = 0.1): boolean {
  const expected = expectedKpiValue(kpi, elapsedFraction);
  const slack = Math.abs(kpi.target - kpi.baseline) * tolerance;
  return kpi.target >= kpi.baseline ? value >= expected - slack : value <= expected + slack;
}

/** Per-dimension and overall change of the DMA from T0 to T1 (positive = more mature). */
export function dmaChange(
  t0: Record<DmaDimension, number>,
  t1: Record<DmaDimension, number>,
): { byDimension: Record<DmaDimension, number>; overallT0: number; overallT1: number; overall: number } {
  const mean = (scores: Record<DmaDimension, number>) =>
    Math.round((dmaDimensions.reduce((sum, d) => sum + scores[d], 0) / dmaDimensions.length) * 10) / 10;
  const byDimension = Object.fromEntries(dmaDimensions.map((d) => [d, t1[d] - t0[d]])) as Record<
    DmaDimension,
    number
  >;
  const overallT0 = mean(t0);
  const overallT1 = mean(t1);
  return { byDimension, overallT0, overallT1, overall: Math.round((overallT1 - overallT0) * 10) / 10 };
}
