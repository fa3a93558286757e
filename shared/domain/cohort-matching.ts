// Cohort matching: the programme office opens a call and matches every waiting SME at once. The
// assignment is exact (a min-cost flow solved by successive shortest paths), uses the one scoring
// function of ./matching.ts and its hard constraints, and keeps each match's score breakdown.
// Pure: no I/O, no clock other than the elapsed time it reports.

import type { Manager } from './manager.ts';
import {
  declaredTies,
  hasRoomForEngagement,
  type ManagerScore,
  type SmeProfile,
  scoreManager,
} from './matching.ts';
import { minCostFlow, NodeHeap } from './min-cost-flow.ts';
import { normaliseVatNumber } from './vat-number.ts';

/** Candidate managers kept per SME before solving, unless told otherwise (see {@link matchCohort}). */
export const defaultCandidatesPerSme = 10;

export interface CohortOptions {
  /**
   * Minimum fit (0–100) of any pair the cohort may use: a manager whose score for an SME is below
   * the floor is never assigned to it, as if the pair broke a hard constraint. An SME whose every
   * allowed manager is below the floor stays unassigned rather than get a poor match.
   */
  readonly fairnessFloor?: number;
  /** Managers already tried for an application (declined, timed out), by applicationId. */
  readonly excluded?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * How many allowed managers each SME brings to the first solve, its best by score (ties as in
   * `compareCandidates`); `Infinity` brings them all. A speed setting only: the result is checked
   * against every allowed pair whatever the limit (see {@link matchCohort}). Default
   * {@link defaultCandidatesPerSme}. Ignored by {@link greedyCohort}.
   */
  readonly candidatesPerSme?: number;
  /**
   * How many SMEs each manager brings to the first solve, its best by score, as a multiple of
   * its places (plus 2); 0 for none. A speed setting too. Default 2.
   */
  readonly candidatesPerPlace?: number;
}

/** One SME's manager, with the score behind it ("why this manager"). */
export interface CohortAssignment {
  readonly applicationId: string;
  readonly managerId: string;
  readonly score: ManagerScore;
}

export interface CohortStats {
  /** Candidate pairs the flow was solved on (greedy: every allowed pair). */
  readonly edges: number;
  /** Pairs allowed by the hard constraints and the fairness floor. */
  readonly eligiblePairs: number;
  /**
   * Whether the assignment is proven optimal over every allowed pair, not just the candidates
   * (see {@link matchCohort}); always false for greedy, which proves nothing.
   */
  readonly exact: boolean;
  /** How many times the flow was solved (candidates added after each failed check); greedy: 0. */
  readonly rounds: number;
  /** Elapsed milliseconds, scoring included. */
  readonly ms: number;
}

export interface CohortResult {
  /** In the order the SMEs were given. */
  readonly assignments: CohortAssignment[];
  /** The SMEs left without a manager, in the order given. */
  readonly unassigned: string[];
  /** Sum of the assigned pairs' `score.total`, to six decimals like the scores. */
  readonly totalFit: number;
  readonly stats: CohortStats;
}

/** Scores are kept to six decimals; fits are handled as integers in millionths, so sums are exact. */
const scale = 1e6;

/**
 * What both matchers need: the managers who can take SMEs at all (active, capacity left), their
 * spare capacity, and each SME's allowed managers with the fit of each pair.
 *
 * The fit of a pair is `scoreManager`'s total, computed without calling it for every pair: each
 * part of the score depends on one side of the SME only (sector on its ATECO section and division,
 * competence on its set of interests, province, language; merit and load on the manager alone), so
 * `scoreManager` is called once per manager and distinct value of those attributes, the parts
 * read from its breakdown, and the total summed in the same order and rounded the same way.
 * The unit tests check the totals against `scoreManager` pair by pair.
 */
interface Prepared {
  readonly smes: readonly SmeProfile[];
  /** Managers with status active and load < capacity. */
  readonly pool: readonly Manager[];
  /** capacity − load of each pool manager. */
  readonly spare: Int32Array;
  /**
   * A key ordering the pairs of one SME best first, exactly as `compareCandidates` does: the fit
   * in millionths, then merit, lower load and smaller managerId folded into the low digits.
   */
  readonly keyOf: (fit: number, manager: number) => number;
  /** Writes SME `sme`'s allowed managers (pool indices) and fits (millionths); returns their count. */
  readonly candidates: (sme: number, managers: Int32Array, fits: Float64Array) => number;
}

function prepare(
  smes: readonly SmeProfile[],
  managers: readonly Manager[],
  options: CohortOptions,
): Prepared {
  const seenSmes = new Set<string>();
  for (const sme of smes) {
    if (seenSmes.has(sme.applicationId)) throw new RangeError(`SME ${sme.applicationId} listed twice`);
    seenSmes.add(sme.applicationId);
  }
  const seenManagers = new Set<string>();
  for (const manager of managers) {
    if (seenManagers.has(manager.managerId))
      throw new RangeError(`manager ${manager.managerId} listed twice`);
    seenManagers.add(manager.managerId);
  }

  // The hard constraints are matching.ts's (ineligibilityOf), applied through indexes for speed.
  const pool = managers.filter(hasRoomForEngagement);
  const poolSize = pool.length;
  const spare = Int32Array.from(pool, (manager) => manager.capacity - manager.load);
  const indexOfManager = new Map(pool.map((manager, index) => [manager.managerId, index]));

  // Ties as compareCandidates breaks them: higher merit, lower load, smaller managerId.
  const tieOrder = pool
    .map((_, index) => index)
    .sort((a, b) => {
      const ma = pool[a]!;
      const mb = pool[b]!;
      if (ma.merit !== mb.merit) return mb.merit - ma.merit;
      if (ma.load !== mb.load) return ma.load - mb.load;
      return ma.managerId < mb.managerId ? -1 : ma.managerId > mb.managerId ? 1 : 0;
    });
  const tieRank = new Int32Array(poolSize);
  tieOrder.forEach((managerIndex, rank) => {
    tieRank[managerIndex] = rank;
  });
  // fit ≤ 100 × 10⁶ and rank < poolSize: the key stays an exact integer for any realistic pool.
  const keyOf = (fit: number, manager: number) => fit * poolSize + (poolSize - 1 - tieRank[manager]!);

  // Conflicts of interest, by normalised Partita IVA.
  const conflictsByVat = new Map<string, number[]>();
  pool.forEach((manager, index) => {
    for (const vat of declaredTies(manager)) {
      const list = conflictsByVat.get(vat);
      if (list) list.push(index);
      else conflictsByVat.set(vat, [index]);
    }
  });

  // Distinct values of each SME attribute a score part depends on.
  const keyed = (keyOfSme: (sme: SmeProfile) => string) => {
    const index = new Map<string, number>();
    const representative: SmeProfile[] = [];
    const ofSme = Int32Array.from(smes, (sme) => {
      const key = keyOfSme(sme);
      let found = index.get(key);
      if (found === undefined) {
        found = representative.length;
        index.set(key, found);
        representative.push(sme);
      }
      return found;
    });
    return { ofSme, representative };
  };
  const sectors = keyed((sme) => `${sme.atecoSection}|${sme.atecoDivision}`);
  const interests = keyed((sme) => [...new Set(sme.interests)].sort().join(','));
  const provinces = keyed((sme) => sme.province);
  const languages = keyed((sme) => sme.language);

  // Points of each part, attribute-value-major so that one SME reads its managers contiguously.
  const sectorPoints = new Float64Array(sectors.representative.length * poolSize);
  const competencePoints = new Float64Array(interests.representative.length * poolSize);
  const provincePoints = new Float64Array(provinces.representative.length * poolSize);
  const languagePoints = new Float64Array(languages.representative.length * poolSize);
  const meritPoints = new Float64Array(poolSize);
  const loadPoints = new Float64Array(poolSize);
  const probes = Math.max(
    sectors.representative.length,
    interests.representative.length,
    provinces.representative.length,
    languages.representative.length,
  );
  const nth = (list: SmeProfile[], n: number) => list[Math.min(n, list.length - 1)]!;
  for (let probe = 0; probe < probes; probe++) {
    const sector = nth(sectors.representative, probe);
    const profile: SmeProfile = {
      ...sector,
      interests: nth(interests.representative, probe).interests,
      province: nth(provinces.representative, probe).province,
      language: nth(languages.representative, probe).language,
    };
    for (let manager = 0; manager < poolSize; manager++) {
      const { parts } = scoreManager(pool[manager]!, profile);
      if (probe < sectors.representative.length) sectorPoints[probe * poolSize + manager] = parts.sector;
      if (probe < interests.representative.length) {
        competencePoints[probe * poolSize + manager] = parts.competence;
      }
      if (probe < provinces.representative.length)
        provincePoints[probe * poolSize + manager] = parts.province;
      if (probe < languages.representative.length)
        languagePoints[probe * poolSize + manager] = parts.language;
      if (probe === 0) {
        meritPoints[manager] = parts.merit;
        loadPoints[manager] = parts.load;
      }
    }
  }

  const floor = options.fairnessFloor;
  const blocked = new Int32Array(poolSize);
  const candidates = (sme: number, outManagers: Int32Array, outFits: Float64Array): number => {
    const profile = smes[sme]!;
    const stamp = sme + 1;
    for (const manager of conflictsByVat.get(normaliseVatNumber(profile.vatNumber)) ?? []) {
      blocked[manager] = stamp;
    }
    for (const managerId of options.excluded?.get(profile.applicationId) ?? []) {
      const manager = indexOfManager.get(managerId);
      if (manager !== undefined) blocked[manager] = stamp;
    }
    const sectorBase = sectors.ofSme[sme]! * poolSize;
    const competenceBase = interests.ofSme[sme]! * poolSize;
    const provinceBase = provinces.ofSme[sme]! * poolSize;
    const languageBase = languages.ofSme[sme]! * poolSize;
    let count = 0;
    for (let manager = 0; manager < poolSize; manager++) {
      if (blocked[manager] === stamp) continue;
      // The order of scoreManager's sum: sector, competence, province, language, merit, load.
      let sum = sectorPoints[sectorBase + manager]!;
      sum += competencePoints[competenceBase + manager]!;
      sum += provincePoints[provinceBase + manager]!;
      sum += languagePoints[languageBase + manager]!;
      sum += meritPoints[manager]!;
      sum += loadPoints[manager]!;
      const fit = Math.round(sum * scale);
      if (floor !== undefined && fit / scale < floor) continue;
      outManagers[count] = manager;
      outFits[count] = fit;
      count++;
    }
    return count;
  };

  return { smes, pool, spare, keyOf, candidates };
}

function resultOf(
  prepared: Prepared,
  managerOfSme: Int32Array,
  fitOfSme: Float64Array,
  stats: Omit<CohortStats, 'ms'>,
  started: number,
): CohortResult {
  const assignments: CohortAssignment[] = [];
  const unassigned: string[] = [];
  let total = 0;
  prepared.smes.forEach((sme, index) => {
    const manager = managerOfSme[index]!;
    if (manager < 0) {
      unassigned.push(sme.applicationId);
      return;
    }
    const chosen = prepared.pool[manager]!;
    assignments.push({
      applicationId: sme.applicationId,
      managerId: chosen.managerId,
      score: scoreManager(chosen, sme),
    });
    total += fitOfSme[index]!;
  });
  return {
    assignments,
    unassigned,
    totalFit: total / scale,
    stats: { ...stats, ms: performance.now() - started },
  };
}

/**
 * The online order over a whole cohort: each SME, in the order given (application order), takes
 * the best manager still available to it, as the journey does one application at a time, by the
 * same scores as {@link matchCohort} (taken once before the run, load included) so that the two
 * totals compare. For the "greedy against optimum" report; not used to make engagements.
 */
export function greedyCohort(
  smes: readonly SmeProfile[],
  managers: readonly Manager[],
  options: CohortOptions = {},
): CohortResult {
  const started = performance.now();
  const prepared = prepare(smes, managers, options);
  const { greedy, eligiblePairs } = scanCandidates(prepared, 0, undefined);
  return resultOf(
    prepared,
    greedy.managerOfSme,
    greedy.fitOfSme,
    { edges: eligiblePairs, eligiblePairs, exact: false, rounds: 0 },
    started,
  );
}

/**
 * The cohort assignment: each SME gets at most one manager, each manager at most
 * `capacity − load` SMEs, and only pairs that meet every hard constraint of `isEligibleManager`
 * (active, capacity left, no conflict of interest, not excluded for that application) and the
 * fairness floor are used.
 *
 * Objective, lexicographic: first as many SMEs matched as possible, then, among the assignments
 * that match that many, the largest total fit (sum of `scoreManager(...).total`). Matching more
 * SMEs always wins because a programme's point is to follow every waiting SME: a plain
 * maximum-total-fit assignment could leave an SME without a manager so that a better-fitting SME
 * takes the one manager they could share. So "never worse than greedy" holds in that order: at
 * least as many SMEs matched, and with as many, at least the total fit.
 *
 * Method: min-cost max-flow on source → SME (capacity 1) → manager (capacity 1, cost
 * `100 − fit`, in millionths) → sink (capacity `capacity − load`); a maximum flow of least cost is
 * exactly the objective above (every maximum flow matches the same number of SMEs, and for a fixed
 * number the constant part of the cost is fixed). Successive shortest paths, one unit of supply at
 * a time (the smaller side supplies: SMEs, or managers' places when those are fewer), each path
 * found by Dijkstra with a binary heap on reduced costs (Johnson potentials; all costs start
 * non-negative, so the potentials start at 0). A unit that cannot reach free capacity may still
 * displace a matched one of lower fit: that exchange is looked for and made, which keeps the flow
 * of least cost for its size after every step.
 *
 * Large cohorts: the full graph has SMEs × managers pairs (10⁷ for 10,000 × 1,000), so the flow
 * is solved on candidate pairs: each SME's `candidatesPerSme` best managers, each manager's best
 * SMEs (`candidatesPerPlace` per place) and the greedy assignment's pairs (so even that solve is
 * never worse than greedy). Optimal on the candidates is not optimal outright: the manager an SME
 * ranks 11th may be the one that lets everybody fit. So the result is checked against every
 * allowed pair by linear-programming duality (see `certify`): prices for the managers are derived
 * from the solution, and it is optimal over all pairs if and only if no allowed pair is worth more
 * to its SME than what it has. Pairs that break the check join the candidates and the flow is
 * solved again (`stats.rounds`). `stats.exact` is true when the last check passed: the assignment
 * is then provably optimal over every allowed pair, whatever the candidate limits; it is false
 * only if eight solves were not enough or the numbers outgrew exact integer arithmetic (neither
 * seen in the tests or the benchmark), and the result is then the optimum over the candidates.
 *
 * Ties between equally good assignments are broken by the order of the input; the result is
 * deterministic. Throws RangeError when an applicationId or a managerId is listed twice.
 */
export function matchCohort(
  smes: readonly SmeProfile[],
  managers: readonly Manager[],
  options: CohortOptions = {},
): CohortResult {
  const started = performance.now();
  const limit = options.candidatesPerSme ?? defaultCandidatesPerSme;
  if (!(limit >= 1)) throw new RangeError('candidatesPerSme must be at least 1');
  const prepared = prepare(smes, managers, options);
  const perPlace = options.candidatesPerPlace ?? 2;
  if (!(perPlace >= 0)) throw new RangeError('candidatesPerPlace must not be negative');
  const scan = scanCandidates(prepared, limit, perPlace);
  let graph = scan.graph;
  let solution: Solution;
  let exact = false;
  let rounds = 0;
  for (;;) {
    rounds++;
    solution = solve(prepared, graph);
    const violations = certify(prepared, graph, solution);
    if (violations === undefined) break;
    if (violations.length === 0) {
      exact = true;
      break;
    }
    if (rounds >= maxRounds) break;
    graph = withPairs(graph, violations);
  }
  return resultOf(
    prepared,
    solution.managerOfSme,
    solution.fitOfSme,
    { edges: graph.manager.length, eligiblePairs: scan.eligiblePairs, exact, rounds },
    started,
  );
}

/** Solves allowed before giving up the optimality proof (in practice one or two are needed). */
const maxRounds = 8;

/** Pairs (SME, manager, fit in millionths), growing as they are added. */
class PairList {
  sme = new Int32Array(1024);
  manager = new Int32Array(1024);
  fit = new Float64Array(1024);
  length = 0;

  add(sme: number, manager: number, fit: number) {
    if (this.length === this.sme.length) {
      const size = this.length * 2;
      const grow = <T extends Int32Array | Float64Array>(from: T, to: T) => {
        to.set(from);
        return to;
      };
      this.sme = grow(this.sme, new Int32Array(size));
      this.manager = grow(this.manager, new Int32Array(size));
      this.fit = grow(this.fit, new Float64Array(size));
    }
    this.sme[this.length] = sme;
    this.manager[this.length] = manager;
    this.fit[this.length] = fit;
    this.length++;
  }
}

/** Candidate pairs grouped by SME (compressed sparse rows): SME i's are `start[i] … start[i + 1] − 1`. */
interface CandidateGraph {
  readonly smeCount: number;
  readonly start: Int32Array;
  readonly manager: Int32Array;
  readonly fit: Float64Array;
}

/** Groups pairs by SME, dropping repeats. */
function groupBySme(smeCount: number, managerCount: number, pairs: PairList): CandidateGraph {
  const start = new Int32Array(smeCount + 1);
  for (let k = 0; k < pairs.length; k++) start[pairs.sme[k]! + 1]!++;
  for (let i = 0; i < smeCount; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, smeCount);
  const order = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) order[fill[pairs.sme[k]!]!++] = k;
  const seen = new Int32Array(managerCount);
  const manager = new Int32Array(pairs.length);
  const fit = new Float64Array(pairs.length);
  const deduplicated = new Int32Array(smeCount + 1);
  let count = 0;
  for (let i = 0; i < smeCount; i++) {
    for (let at = start[i]!; at < start[i + 1]!; at++) {
      const k = order[at]!;
      const m = pairs.manager[k]!;
      if (seen[m] === i + 1) continue;
      seen[m] = i + 1;
      manager[count] = m;
      fit[count] = pairs.fit[k]!;
      count++;
    }
    deduplicated[i + 1] = count;
  }
  return { smeCount, start: deduplicated, manager: manager.slice(0, count), fit: fit.slice(0, count) };
}

/** The graph with more pairs. */
function withPairs(graph: CandidateGraph, extra: PairList): CandidateGraph {
  const pairs = new PairList();
  for (let i = 0; i < graph.smeCount; i++) {
    for (let e = graph.start[i]!; e < graph.start[i + 1]!; e++)
      pairs.add(i, graph.manager[e]!, graph.fit[e]!);
  }
  for (let k = 0; k < extra.length; k++) pairs.add(extra.sme[k]!, extra.manager[k]!, extra.fit[k]!);
  let managerCount = 0;
  for (let k = 0; k < pairs.length; k++) managerCount = Math.max(managerCount, pairs.manager[k]! + 1);
  return groupBySme(graph.smeCount, managerCount, pairs);
}

interface Solution {
  /** Pool index of each SME's manager, or −1. */
  readonly managerOfSme: Int32Array;
  readonly fitOfSme: Float64Array;
  /**
   * Potentials h of the managers such that, for an SME i with manager j and a candidate pair
   * (i, j′), `fit(i, j) − fit(i, j′) + h(j′) − h(j) ≥ 0` (what the certificate's shortest paths need).
   */
  readonly managerPotential: Float64Array;
}

/**
 * One pass over every allowed pair: the greedy online assignment, and (unless `perPlace` is
 * undefined) the candidate graph: each SME's `limit` best managers, each manager's best SMEs
 * (`perPlace` × its places, plus 2, when `perPlace` > 0) and the greedy pairs.
 */
function scanCandidates(
  prepared: Prepared,
  limit: number,
  perPlace: number | undefined,
): {
  graph: CandidateGraph;
  eligiblePairs: number;
  greedy: { managerOfSme: Int32Array; fitOfSme: Float64Array };
} {
  const { smes, pool, spare, keyOf } = prepared;
  const smeCount = smes.length;
  const poolSize = pool.length;
  const candidateManagers = new Int32Array(poolSize);
  const candidateFits = new Float64Array(poolSize);
  const keys = new Float64Array(poolSize);
  const kept = new Int32Array(poolSize);
  const spareLeft = Int32Array.from(spare);
  const managerOfSme = new Int32Array(smeCount).fill(-1);
  const fitOfSme = new Float64Array(smeCount);
  const pairs = new PairList();

  // Each manager's best SMEs: a bounded min-heap per manager, keyed by fit then earlier SME.
  const heapStart = new Int32Array(poolSize + 1);
  for (let m = 0; m < poolSize; m++) {
    const size = perPlace ? Math.min(smeCount, Math.ceil(perPlace * spare[m]!) + 2) : 0;
    heapStart[m + 1] = heapStart[m]! + size;
  }
  const heapKeys = new Float64Array(heapStart[poolSize]!);
  const heapSmes = new Int32Array(heapStart[poolSize]!);
  const heapSize = new Int32Array(poolSize);

  let eligiblePairs = 0;
  for (let sme = 0; sme < smeCount; sme++) {
    const count = prepared.candidates(sme, candidateManagers, candidateFits);
    eligiblePairs += count;

    // Greedy: the best manager with a place left.
    let best = -1;
    let bestKey = -1;
    for (let c = 0; c < count; c++) {
      const manager = candidateManagers[c]!;
      if (spareLeft[manager]! <= 0) continue;
      const key = keyOf(candidateFits[c]!, manager);
      if (key > bestKey) {
        bestKey = key;
        best = c;
      }
    }
    if (best >= 0) {
      const manager = candidateManagers[best]!;
      spareLeft[manager]!--;
      managerOfSme[sme] = manager;
      fitOfSme[sme] = candidateFits[best]!;
    }
    if (perPlace === undefined) continue;
    if (best >= 0) pairs.add(sme, candidateManagers[best]!, candidateFits[best]!);

    // The SME's best managers.
    if (count > limit) {
      const keep = bestOf(count, limit, candidateManagers, candidateFits, keyOf, keys, kept);
      for (let c = 0; c < keep; c++) {
        const at = kept[c]!;
        pairs.add(sme, candidateManagers[at]!, candidateFits[at]!);
      }
    } else {
      for (let c = 0; c < count; c++) pairs.add(sme, candidateManagers[c]!, candidateFits[c]!);
    }

    // Offer the SME to each manager's best list.
    const tie = smeCount - 1 - sme;
    for (let c = 0; perPlace && c < count; c++) {
      const manager = candidateManagers[c]!;
      const from = heapStart[manager]!;
      const capacity = heapStart[manager + 1]! - from;
      const key = candidateFits[c]! * smeCount + tie;
      const size = heapSize[manager]!;
      if (size < capacity) {
        let at = size;
        heapSize[manager] = size + 1;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heapKeys[from + parent]! <= key) break;
          heapKeys[from + at] = heapKeys[from + parent]!;
          heapSmes[from + at] = heapSmes[from + parent]!;
          at = parent;
        }
        heapKeys[from + at] = key;
        heapSmes[from + at] = sme;
      } else if (capacity > 0 && key > heapKeys[from]!) {
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= capacity) break;
          if (child + 1 < capacity && heapKeys[from + child + 1]! < heapKeys[from + child]!) child++;
          if (heapKeys[from + child]! >= key) break;
          heapKeys[from + at] = heapKeys[from + child]!;
          heapSmes[from + at] = heapSmes[from + child]!;
          at = child;
        }
        heapKeys[from + at] = key;
        heapSmes[from + at] = sme;
      }
    }
  }
  for (let manager = 0; manager < poolSize; manager++) {
    const from = heapStart[manager]!;
    for (let k = 0; k < heapSize[manager]!; k++) {
      const sme = heapSmes[from + k]!;
      const fit = (heapKeys[from + k]! - (smeCount - 1 - sme)) / smeCount;
      pairs.add(sme, manager, fit);
    }
  }
  return {
    graph: groupBySme(smeCount, poolSize, pairs),
    eligiblePairs,
    greedy: { managerOfSme, fitOfSme },
  };
}

/** The least-cost maximum flow on the candidate graph, supplied from the smaller side. */
function solve(prepared: Prepared, graph: CandidateGraph): Solution {
  const { spare } = prepared;
  const poolSize = prepared.pool.length;
  const smeCount = graph.smeCount;
  const edges = graph.manager.length;
  const maxFit = 100 * scale;
  let totalSpare = 0;
  for (const places of spare) totalSpare += places;
  const managerPotential = new Float64Array(poolSize);
  let flow: Int32Array;
  if (smeCount <= totalSpare) {
    const cost = new Float64Array(edges);
    for (let e = 0; e < edges; e++) cost[e] = maxFit - graph.fit[e]!;
    const supply = new Int32Array(smeCount).fill(1);
    const result = minCostFlow(smeCount, poolSize, supply, spare, graph.start, graph.manager, cost);
    flow = result.flow;
    for (let m = 0; m < poolSize; m++) managerPotential[m] = -result.potential[smeCount + m]!;
  } else {
    // Managers supply their places; the same pairs grouped by manager.
    const start = new Int32Array(poolSize + 1);
    for (let e = 0; e < edges; e++) start[graph.manager[e]! + 1]!++;
    for (let m = 0; m < poolSize; m++) start[m + 1]! += start[m]!;
    const fill = start.slice(0, poolSize);
    const toSme = new Int32Array(edges);
    const cost = new Float64Array(edges);
    const original = new Int32Array(edges);
    for (let sme = 0; sme < smeCount; sme++) {
      for (let e = graph.start[sme]!; e < graph.start[sme + 1]!; e++) {
        const at = fill[graph.manager[e]!]!++;
        toSme[at] = sme;
        cost[at] = maxFit - graph.fit[e]!;
        original[at] = e;
      }
    }
    const ones = new Int32Array(smeCount).fill(1);
    const result = minCostFlow(poolSize, smeCount, spare, ones, start, toSme, cost);
    flow = new Int32Array(edges);
    for (let at = 0; at < edges; at++) flow[original[at]!] = result.flow[at]!;
    for (let m = 0; m < poolSize; m++) managerPotential[m] = result.potential[m]!;
  }
  const managerOfSme = new Int32Array(smeCount).fill(-1);
  const fitOfSme = new Float64Array(smeCount);
  for (let sme = 0; sme < smeCount; sme++) {
    for (let e = graph.start[sme]!; e < graph.start[sme + 1]!; e++) {
      if (flow[e] === 1) {
        managerOfSme[sme] = graph.manager[e]!;
        fitOfSme[sme] = graph.fit[e]!;
      }
    }
  }
  return { managerOfSme, fitOfSme, managerPotential };
}

/** The value of one match in the certificate: a match outweighs any difference of fit. */
const matchWorth = 2 ** 46;
/** Beyond this, sums of potentials might no longer be exact integers. */
const exactLimit = 2 ** 51;

/**
 * Checks an optimal assignment of the candidate graph against every allowed pair (LP duality for
 * the b-matching with pair worth w(i, j) = matchWorth + fit(i, j)). Dual: a price p(j) ≥ 0 per
 * manager and a surplus u(i) ≥ 0 per SME with u(i) + p(j) ≥ w(i, j) for every allowed pair, tight
 * on the assigned pairs, u = 0 for an unassigned SME and p = 0 for a manager with a free place.
 * The assignment is optimal iff such prices exist. Given the assignment, u(i) = w(i, M(i)) − p(M(i))
 * and each constraint reads `p(M(i)) ≤ p(j) + w(i, M(i)) − w(i, j)`: the largest prices meeting
 * the candidate pairs' constraints are shortest paths over the managers (from p = 0 at managers
 * with a place free, and p ≤ the worth of each of their own pairs), found by Dijkstra with the
 * flow's potentials. Every allowed pair is then checked against them, which also re-checks the
 * solver on its own pairs. `matchWorth` exceeds any total fit (10⁸ millionths per match), so the
 * most valuable assignment for these worths is the lexicographic optimum.
 * @returns the pairs that break a constraint (none: proven optimal), or undefined when the
 *   numbers outgrew exact arithmetic and nothing can be said
 */
function certify(prepared: Prepared, graph: CandidateGraph, solution: Solution): PairList | undefined {
  const { spare } = prepared;
  const poolSize = prepared.pool.length;
  const smeCount = graph.smeCount;
  const { managerOfSme, fitOfSme, managerPotential: h } = solution;
  for (const value of h) if (!(Math.abs(value) < exactLimit)) return undefined;
  if ((smeCount + 1) * 100 * scale >= matchWorth) return undefined;

  // Upper bounds: 0 for a manager with a free place, else the least worth of its own pairs.
  const used = new Int32Array(poolSize);
  const price = new Float64Array(poolSize).fill(Number.POSITIVE_INFINITY);
  for (let sme = 0; sme < smeCount; sme++) {
    const manager = managerOfSme[sme]!;
    if (manager < 0) continue;
    used[manager]!++;
    price[manager] = Math.min(price[manager]!, matchWorth + fitOfSme[sme]!);
  }
  for (let m = 0; m < poolSize; m++) if (used[m]! < spare[m]!) price[m] = 0;

  // Constraint arcs j′ → j of length fit(i, j) − fit(i, j′), from each assigned SME's candidates.
  const arcStart = new Int32Array(poolSize + 1);
  for (let sme = 0; sme < smeCount; sme++) {
    if (managerOfSme[sme]! < 0) continue;
    for (let e = graph.start[sme]!; e < graph.start[sme + 1]!; e++) arcStart[graph.manager[e]! + 1]!++;
  }
  for (let m = 0; m < poolSize; m++) arcStart[m + 1]! += arcStart[m]!;
  const fill = arcStart.slice(0, poolSize);
  const arcTo = new Int32Array(arcStart[poolSize]!);
  const arcLength = new Float64Array(arcStart[poolSize]!);
  for (let sme = 0; sme < smeCount; sme++) {
    const manager = managerOfSme[sme]!;
    if (manager < 0) continue;
    for (let e = graph.start[sme]!; e < graph.start[sme + 1]!; e++) {
      const at = fill[graph.manager[e]!]!++;
      arcTo[at] = manager;
      arcLength[at] = fitOfSme[sme]! - graph.fit[e]!;
    }
  }

  // Dijkstra from every manager at once, on keys p − h (the reduced lengths ℓ + h(j′) − h(j) are ≥ 0).
  const heap = new NodeHeap();
  const done = new Uint8Array(poolSize);
  const key = new Float64Array(poolSize);
  for (let m = 0; m < poolSize; m++) {
    key[m] = price[m]! - h[m]!;
    heap.push(key[m]!, m);
  }
  while (heap.size > 0) {
    const k = heap.topKey();
    const from = heap.pop();
    if (done[from] === 1 || k > key[from]!) continue;
    done[from] = 1;
    for (let a = arcStart[from]!; a < arcStart[from + 1]!; a++) {
      const to = arcTo[a]!;
      const next = k + h[from]! + arcLength[a]! - h[to]!;
      if (next < key[to]!) {
        key[to] = next;
        heap.push(next, to);
      }
    }
  }
  for (let m = 0; m < poolSize; m++) {
    price[m] = key[m]! + h[m]!;
    if (!(price[m]! >= 0)) throw new Error('cohort matching: the candidate solution is not optimal');
  }

  // Every allowed pair against the prices. A pair (i, j′) of an assigned SME that breaks its
  // constraint is an upper bound on p(M(i)) the candidates did not know: it joins the constraints,
  // the prices come down (Bellman–Ford from the current ones), and the check runs again. The
  // assignment is optimal iff that settles with every constraint met; if instead a lower bound
  // fails (an unassigned SME's pair, or a negative price) or the bounds go round a negative cycle,
  // a better assignment uses the pairs found, which go back to the solver.
  const found = new PairList();
  const extraHead = new Int32Array(poolSize).fill(-1);
  const extraNext: number[] = [];
  const extraTo: number[] = [];
  const extraLength: number[] = [];
  const managers = new Int32Array(poolSize);
  const fits = new Float64Array(poolSize);
  const inGraph = new Int32Array(poolSize);
  for (let pass = 0; pass < maxTightenings; pass++) {
    const before = found.length;
    let lowerBoundFails = false;
    for (let sme = 0; sme < smeCount; sme++) {
      for (let e = graph.start[sme]!; e < graph.start[sme + 1]!; e++) inGraph[graph.manager[e]!] = sme + 1;
      const count = prepared.candidates(sme, managers, fits);
      const manager = managerOfSme[sme]!;
      // What the SME has, u(i) = w(i, M(i)) − p(M(i)), or 0 when unassigned.
      const surplus = manager < 0 ? 0 : matchWorth + fitOfSme[sme]! - price[manager]!;
      for (let c = 0; c < count; c++) {
        const other = managers[c]!;
        if (other === manager || surplus + price[other]! >= matchWorth + fits[c]!) continue;
        if (manager < 0) lowerBoundFails = true;
        if (inGraph[other] === sme + 1) {
          // The solver's own pairs meet the first prices by construction.
          if (pass === 0) throw new Error('cohort matching: the candidate solution is not optimal');
          continue;
        }
        found.add(sme, other, fits[c]!);
        if (manager >= 0) {
          extraNext.push(extraHead[other]!);
          extraHead[other] = extraTo.length;
          extraTo.push(manager);
          extraLength.push(fitOfSme[sme]! - fits[c]!);
        }
      }
    }
    if (found.length === before && !lowerBoundFails) return new PairList();
    if (lowerBoundFails) break;
    // Bellman–Ford (queue-based) from the current prices over all the constraints, within a budget:
    // a negative cycle (a better assignment exists) would otherwise take long to prove.
    const queue = new Int32Array(poolSize + 1);
    const queued = new Uint8Array(poolSize);
    const visits = new Int32Array(poolSize);
    let budget = tighteningBudget * poolSize;
    let head = 0;
    let tail = 0;
    for (let k = before; k < found.length; k++) {
      const from = found.manager[k]!;
      if (queued[from] === 1) continue;
      queued[from] = 1;
      queue[tail] = from;
      tail = (tail + 1) % queue.length;
    }
    let cycle = false;
    while (head !== tail && !cycle) {
      if (--budget < 0) cycle = true;
      const from = queue[head]!;
      head = (head + 1) % queue.length;
      queued[from] = 0;
      const relax = (to: number, length: number) => {
        const next = price[from]! + length;
        if (next >= price[to]!) return;
        price[to] = next;
        if (queued[to] === 1) return;
        if (++visits[to]! > poolSize) cycle = true;
        queued[to] = 1;
        queue[tail] = to;
        tail = (tail + 1) % queue.length;
      };
      for (let a = arcStart[from]!; a < arcStart[from + 1]!; a++) relax(arcTo[a]!, arcLength[a]!);
      for (let a = extraHead[from]!; a >= 0; a = extraNext[a]!) relax(extraTo[a]!, extraLength[a]!);
    }
    if (cycle || price.some((value) => value < 0)) break;
  }
  if (found.length === 0) throw new Error('cohort matching: the candidate solution is not optimal');
  return found;
}

/** Rounds of price tightening in one check before the pairs found go back to the solver. */
const maxTightenings = 4;
/** Bellman–Ford steps per manager allowed in one tightening. */
const tighteningBudget = 8;

/**
 * Keeps the `limit` best of `count` candidates (by `keyOf`, larger is better) with a bounded
 * min-heap; writes their positions into `out` and returns how many.
 */
function bestOf(
  count: number,
  limit: number,
  managers: Int32Array,
  fits: Float64Array,
  keyOf: (fit: number, manager: number) => number,
  keys: Float64Array,
  out: Int32Array,
): number {
  let size = 0;
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const right = left + 1;
      const smaller = right < size && keys[out[right]!]! < keys[out[left]!]! ? right : left;
      if (keys[out[smaller]!]! >= keys[out[at]!]!) return;
      const swap = out[at]!;
      out[at] = out[smaller]!;
      out[smaller] = swap;
      at = smaller;
    }
  };
  for (let c = 0; c < count; c++) {
    const key = keyOf(fits[c]!, managers[c]!);
    keys[c] = key;
    if (size < limit) {
      // Sift up.
      let at = size++;
      out[at] = c;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (keys[out[parent]!]! <= key) break;
        out[at] = out[parent]!;
        out[parent] = c;
        at = parent;
      }
    } else if (key > keys[out[0]!]!) {
      out[0] = c;
      siftDown(0);
    }
  }
  return size;
}
