// Benchmark of the collaboration finder (shared/domain/collaboration.ts): a seeded MechNet-like
// supply chain of N firms (purchasing, offers and needs of machines, services and workforce,
// brands, interest in a network) against the MechNet catalogue, timed as the office's page runs it.
//
//   npx tsx bench/collaboration.ts [firms…]   default 1,000 (and 100, 5,000 for the shape)
import { realpathSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type CollaboratingFirm, findOpportunities } from '#shared/domain/collaboration.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { seededRandom } from '../test/support/fixtures.ts';

export interface CollaborationBenchRow {
  readonly firms: number;
  readonly opportunities: number;
  readonly pairings: number;
  readonly medianMs: number;
  readonly runs: number;
}

/** N firms of a Lombard mechanical supply chain, in four provinces, with MechNet's codes. */
export function benchFirms(count: number, seed = 42): CollaboratingFirm[] {
  const catalogue = findPreset('mechnet')!.collaboration.catalogue;
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[], most: number) => {
    const chosen = new Set<T>();
    const n = Math.floor(random() * (most + 1));
    while (chosen.size < Math.min(n, list.length)) chosen.add(pick(list));
    return [...chosen];
  };
  return Array.from({ length: count }, (_, i) => ({
    applicationId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    province: pick(['VA', 'CO', 'MI', 'LC']),
    profile: {
      purchasing: some(catalogue.purchasing, 3).map((c) => ({
        category: c.code,
        annualSpendEur: Math.round(5_000 + random() * 200_000),
      })),
      offers: some(catalogue.resources, 2).map((r) => ({
        kind: r.kind,
        what: r.code,
        hoursPerMonth: 5 + Math.floor(random() * 80),
      })),
      needs: some(catalogue.resources, 2).map((r) => ({
        kind: r.kind,
        what: r.code,
        hoursPerMonth: 5 + Math.floor(random() * 60),
      })),
      brands: some(catalogue.brands, 1).map((b) => b.code),
      interestedInNetwork: random() < 0.6,
    },
  }));
}

/** Times the finder on each size: the median of `runs` runs. */
export function runCollaborationBench(sizes: readonly number[] = [1_000], runs = 5): CollaborationBenchRow[] {
  const catalogue = findPreset('mechnet')!.collaboration.catalogue;
  return sizes.map((firms) => {
    const input = benchFirms(firms);
    const times: number[] = [];
    let found = findOpportunities(input, catalogue);
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      found = findOpportunities(input, catalogue);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return {
      firms,
      opportunities: found.length,
      pairings: found.reduce((n, o) => n + (o.kind === 'resource_sharing' ? o.pairings.length : 0), 0),
      medianMs: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10,
      runs,
    };
  });
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const row of runCollaborationBench(sizes.length > 0 ? sizes : [100, 1_000, 5_000])) {
    console.log(
      `${row.firms} firms: ${row.opportunities} opportunities, ${row.pairings} pairings, median ${row.medianMs} ms of ${row.runs} runs`,
    );
  }
}
