// Benchmark of the cohort matcher (shared/domain/cohort-matching.ts): realistic random cohorts of
// Lombardy SMEs and managers, timed at 1k, 10k and 100k SMEs against 1k managers, with memory and
// the greedy online order's total fit against the optimum.
//
//   npx tsx bench/matching.ts            all sizes (100k takes a while)
//   npx tsx bench/matching.ts --quick    1k and 10k only
//   node --expose-gc --import tsx bench/matching.ts   each run starts from a collected heap
//
// `runMatchingBench(options)` returns the figures for a larger benchmark run to collect.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAtecoCode } from '#shared/domain/ateco.ts';
import { defaultCandidatesPerSme, greedyCohort, matchCohort } from '#shared/domain/cohort-matching.ts';
import { type LombardyProvinceCode, lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { type Manager, managerCompetences } from '#shared/domain/manager.ts';
import type { SmeProfile } from '#shared/domain/matching.ts';
import { interestAreas } from '#shared/schemas/application.ts';

export interface MatchingBenchOptions {
  /** Cohort sizes (SMEs); default 1,000, 10,000 and 100,000 (100,000 left out when quick). */
  readonly smeCounts?: readonly number[];
  readonly managerCount?: number;
  /** Leave out the 100,000 cohort. */
  readonly quick?: boolean;
  /** Timed runs per size (the median is reported); default 3, 1 from 100,000 SMEs up. */
  readonly runs?: number;
  readonly candidatesPerSme?: number;
  /**
   * Also solve cohorts up to this size with every allowed pair as a candidate, to cross-check the
   * proven optimum (default 1,000).
   */
  readonly exactUpTo?: number;
  readonly seed?: number;
  /** Print the table (default true). */
  readonly print?: boolean;
}

export interface MatchingBenchRow {
  readonly smes: number;
  readonly managers: number;
  /** Places the active managers have left (capacity − load). */
  readonly places: number;
  readonly eligiblePairs: number;
  /** Candidate pairs of the last solve. */
  readonly edges: number;
  /** Solves needed before the optimality check passed. */
  readonly rounds: number;
  /** Whether the assignment was proven optimal over every allowed pair. */
  readonly exact: boolean;
  readonly runs: number;
  readonly runsMs: number[];
  readonly medianMs: number;
  /** CPU time (user + system) of each run: steadier than wall time on a shared machine. */
  readonly runsCpuMs: number[];
  readonly medianCpuMs: number;
  /**
   * Heap growth over one run in MiB (result and uncollected garbage; indicative only, as a
   * collection during the run lowers it; runs start from a collected heap under --expose-gc).
   */
  readonly heapDeltaMiB: number;
  /** Peak resident set size of the process so far, in MiB. */
  readonly peakRssMiB: number;
  readonly optimal: { readonly matched: number; readonly totalFit: number };
  readonly greedy: { readonly matched: number; readonly totalFit: number; readonly ms: number };
  /** greedy total fit ÷ optimal total fit. */
  readonly greedyFitRatio: number;
  /** Solved with every allowed pair as a candidate, when measured: must give the same optimum. */
  readonly unlimited?: { readonly matched: number; readonly totalFit: number; readonly ms: number };
}

export interface MatchingBenchResult {
  readonly node: string;
  readonly candidatesPerSme: number;
  readonly seed: number;
  readonly rows: MatchingBenchRow[];
}

/** mulberry32: a small seeded generator, so every run draws the same cohorts. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const chosen = new Set<T>();
    const count = Math.min(list.length, int(min, max));
    while (chosen.size < count) chosen.add(pick(list));
    return [...chosen];
  };
  return { next, int, pick, weighted, some };
}

export type Random = ReturnType<typeof randomSource>;

/** ATECO 2025 divisions by section, read from the classification itself. */
const divisionsBySection = (() => {
  const bySection = new Map<string, string[]>();
  for (let n = 1; n <= 99; n++) {
    const division = String(n).padStart(2, '0');
    const parsed = parseAtecoCode(division, '2025');
    if (!parsed.ok) continue;
    bySection.set(parsed.section, [...(bySection.get(parsed.section) ?? []), division]);
  }
  return bySection;
})();

/** Rough shares of Lombardy's SMEs by ATECO 2025 section (manufacturing and trade first). */
const sectionWeights = {
  C: 30,
  G: 18,
  F: 9,
  N: 8,
  K: 7,
  H: 5,
  I: 6,
  O: 4,
  E: 2,
  A: 2,
  R: 2,
  M: 2,
  T: 3,
  S: 2,
};

/** Rough shares by province (Milano first). */
const provinceWeights: Record<LombardyProvinceCode, number> = {
  MI: 30,
  BS: 12,
  BG: 11,
  MB: 9,
  VA: 9,
  CO: 6,
  PV: 5,
  CR: 4,
  MN: 4,
  LC: 3,
  LO: 2,
  SO: 2,
};

function randomVat(random: Random): string {
  let digits = '';
  for (let i = 0; i < 11; i++) digits += String(random.int(0, 9));
  return digits;
}

/** SMEs as they apply: sector, province, mostly Italian-speaking, one to three interests. */
export function generateSmes(count: number, random: Random): SmeProfile[] {
  return Array.from({ length: count }, (_, index) => {
    const section = random.weighted(sectionWeights);
    const division = random.pick(divisionsBySection.get(section)!);
    return {
      applicationId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      vatNumber: randomVat(random),
      atecoSection: section,
      atecoDivision: division,
      atecoCode: `${division}.${random.int(10, 99)}.00`,
      province: random.weighted(provinceWeights),
      language: random.next() < 0.9 ? 'it' : 'en',
      interests: random.some(interestAreas, 1, 3),
    };
  });
}

/**
 * Managers as vetted: one or two sections with a few divisions, several competences, their
 * province and some neighbours, capacity 2–20 with a little load, a few inactive, and ties to a
 * few of the SMEs (conflicts of interest).
 */
export function generateManagers(count: number, smes: readonly SmeProfile[], random: Random): Manager[] {
  return Array.from({ length: count }, (_, index) => {
    const sections = [...new Set([random.weighted(sectionWeights), random.weighted(sectionWeights)])].slice(
      0,
      random.int(1, 2),
    );
    const divisions = sections.flatMap((section) => random.some(divisionsBySection.get(section)!, 1, 3));
    const home = random.weighted(provinceWeights);
    const capacity = random.int(2, 20);
    return {
      managerId: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      name: `Manager ${index}`,
      email: `manager${index}@example.it`,
      languages: random.next() < 0.4 ? ['it', 'en'] : ['it'],
      atecoSections: sections,
      atecoDivisions: divisions,
      competences: random.some(managerCompetences, 2, 6),
      provinces: [...new Set([home, ...random.some(lombardyProvinceCodes, 0, 3)])],
      capacity,
      load: random.next() < 0.7 ? 0 : random.int(1, Math.min(3, capacity)),
      merit: random.int(50, 100),
      status: random.next() < 0.95 ? 'active' : random.pick(['inactive', 'pending_vetting'] as const),
      conflicts:
        random.next() < 0.2 && smes.length > 0
          ? Array.from({ length: random.int(1, 3) }, () => random.pick(smes).vatNumber)
          : [],
      createdAt: '2026-01-12T09:00:00.000Z',
    };
  });
}

/** The cohort the benchmark uses for `smeCount` SMEs (same seed, same cohort). */
export function generateCohort(smeCount: number, managerCount: number, seed: number) {
  const random = randomSource(seed + smeCount);
  const smes = generateSmes(smeCount, random);
  const managers = generateManagers(managerCount, smes, random);
  return { smes, managers };
}

const median = (values: readonly number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

export function runMatchingBench(options: MatchingBenchOptions = {}): MatchingBenchResult {
  const seed = options.seed ?? 20260112;
  const managerCount = options.managerCount ?? 1000;
  const candidatesPerSme = options.candidatesPerSme ?? defaultCandidatesPerSme;
  const smeCounts = options.smeCounts ?? (options.quick ? [1000, 10_000] : [1000, 10_000, 100_000]);
  const exactUpTo = options.exactUpTo ?? 1000;
  const rows: MatchingBenchRow[] = [];
  for (const smeCount of smeCounts) {
    const { smes, managers } = generateCohort(smeCount, managerCount, seed);
    const places = managers
      .filter((m) => m.status === 'active')
      .reduce((sum, m) => sum + Math.max(0, m.capacity - m.load), 0);
    const runs = options.runs ?? (smeCount >= 100_000 ? 1 : 3);

    const runsMs: number[] = [];
    const runsCpuMs: number[] = [];
    let result: ReturnType<typeof matchCohort> | undefined;
    let heapDelta = 0;
    for (let run = 0; run < runs; run++) {
      result = undefined;
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const cpu = process.cpuUsage();
      result = matchCohort(smes, managers, { candidatesPerSme });
      runsMs.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      runsCpuMs.push((used.user + used.system) / 1000);
      heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - heapBefore);
    }
    const optimal = result!;
    const greedy = greedyCohort(smes, managers);
    const unlimited =
      smeCount <= exactUpTo
        ? matchCohort(smes, managers, { candidatesPerSme: Number.POSITIVE_INFINITY })
        : undefined;
    rows.push({
      smes: smeCount,
      managers: managerCount,
      places,
      eligiblePairs: optimal.stats.eligiblePairs,
      edges: optimal.stats.edges,
      rounds: optimal.stats.rounds,
      exact: optimal.stats.exact,
      runs,
      runsMs: runsMs.map((ms) => Math.round(ms)),
      medianMs: Math.round(median(runsMs)),
      runsCpuMs: runsCpuMs.map((ms) => Math.round(ms)),
      medianCpuMs: Math.round(median(runsCpuMs)),
      heapDeltaMiB: mib(heapDelta),
      peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      optimal: { matched: optimal.assignments.length, totalFit: optimal.totalFit },
      greedy: {
        matched: greedy.assignments.length,
        totalFit: greedy.totalFit,
        ms: Math.round(greedy.stats.ms),
      },
      greedyFitRatio: optimal.totalFit > 0 ? greedy.totalFit / optimal.totalFit : 1,
      ...(unlimited && {
        unlimited: {
          matched: unlimited.assignments.length,
          totalFit: unlimited.totalFit,
          ms: Math.round(unlimited.stats.ms),
        },
      }),
    });
  }
  const bench = { node: process.version, candidatesPerSme, seed, rows };
  if (options.print ?? true) printTable(bench);
  return bench;
}

function printTable({ node, candidatesPerSme, rows }: MatchingBenchResult) {
  console.log(`Cohort matching, ${candidatesPerSme} candidates per SME, Node ${node}`);
  console.table(
    rows.map((row) => ({
      SMEs: row.smes,
      managers: row.managers,
      places: row.places,
      'eligible pairs': row.eligiblePairs,
      edges: row.edges,
      rounds: row.rounds,
      exact: row.exact,
      'median ms': row.medianMs,
      'runs ms': row.runsMs.join(' / '),
      'median CPU ms': row.medianCpuMs,
      'heap Δ MiB': row.heapDeltaMiB,
      'peak RSS MiB': row.peakRssMiB,
      matched: row.optimal.matched,
      'total fit': row.optimal.totalFit,
      'greedy matched': row.greedy.matched,
      'greedy fit': row.greedy.totalFit,
      'greedy/optimal': row.greedyFitRatio.toFixed(4),
      'greedy ms': row.greedy.ms,
    })),
  );
  for (const row of rows) {
    if (!row.unlimited) continue;
    const same =
      row.unlimited.matched === row.optimal.matched && row.unlimited.totalFit === row.optimal.totalFit;
    console.log(
      `${row.smes} SMEs with every allowed pair as a candidate: ${row.unlimited.matched} matched, total fit ` +
        `${row.unlimited.totalFit} in ${row.unlimited.ms} ms (${same ? 'same optimum' : 'DIFFERENT: a bug'})`,
    );
  }
}

const invokedDirectly = (() => {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) runMatchingBench({ quick: process.argv.includes('--quick') });
