import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAtecoCode } from '#shared/domain/ateco.ts';
import { type CohortResult, greedyCohort, matchCohort } from '#shared/domain/cohort-matching.ts';
import { type Manager, managerCompetences, managerStatuses } from '#shared/domain/manager.ts';
import { isEligibleManager, rankCandidates, type SmeProfile, scoreManager } from '#shared/domain/matching.ts';
import { interestAreas } from '#shared/schemas/application.ts';

const smeVat = '04128730159';
const otherVat = '02876450129';
const thirdVat = '07352100973';

const managerId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
const applicationId = (index: number) => `a0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

/** An active manager with room, fitting nothing in particular; override what the test is about. */
function aManager(overrides: Partial<Manager> = {}): Manager {
  return {
    managerId: managerId(1),
    name: 'Laura Conti',
    email: 'laura.conti@example.it',
    languages: ['it'],
    atecoSections: [],
    atecoDivisions: [],
    competences: [],
    provinces: ['SO'],
    capacity: 1,
    load: 0,
    merit: 70,
    status: 'active',
    conflicts: [],
    createdAt: '2026-01-12T09:00:00.000Z',
    ...overrides,
  };
}

/** A metalworking SME in Bergamo (ATECO 25.62.00, section C), Italian-speaking. */
function anSme(overrides: Partial<SmeProfile> = {}): SmeProfile {
  return {
    applicationId: applicationId(1),
    vatNumber: smeVat,
    atecoSection: 'C',
    atecoDivision: '25',
    atecoCode: '25.62.00',
    province: 'BG',
    language: 'it',
    interests: ['digital', 'supply_chain'],
    ...overrides,
  };
}

// Few sectors and provinces, so that SMEs and managers overlap and the fits vary.
const divisionPool = ['10', '25', '28', '46', '62'];
const sectionPool = ['C', 'G', 'K', 'N'];
const provincePool = ['BG', 'BS', 'MI'] as const;

/** Managers as stored, with every status and the corner cases of capacity and load. */
const managerArbitrary = fc.record({
  languages: fc.subarray(['it', 'en'] as const, { minLength: 1 }),
  atecoSections: fc.subarray(sectionPool, { maxLength: 2 }),
  atecoDivisions: fc.subarray(divisionPool, { maxLength: 2 }),
  competences: fc.subarray([...managerCompetences], { maxLength: 6 }),
  provinces: fc.subarray([...provincePool, 'SO' as const], { minLength: 1, maxLength: 2 }),
  capacity: fc.integer({ min: 0, max: 2 }),
  load: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) },
  ),
  merit: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(50, 80)),
  status: fc.oneof(
    { weight: 4, arbitrary: fc.constant('active' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...managerStatuses) },
  ),
  // Written as people do: the matcher must see through the "IT" prefix and the spaces.
  conflicts: fc.subarray([smeVat, `IT ${otherVat}`]),
});

const smeArbitrary = fc.record({
  vatNumber: fc.constantFrom(smeVat, otherVat, thirdVat),
  division: fc.constantFrom(...divisionPool),
  province: fc.constantFrom(...provincePool),
  language: fc.constantFrom('it' as const, 'it' as const, 'en' as const),
  interests: fc.subarray(interestAreas.slice(0, 4), { minLength: 1, maxLength: 3 }),
});

type SmeDraft = typeof smeArbitrary extends fc.Arbitrary<infer T> ? T : never;
type ManagerDraft = typeof managerArbitrary extends fc.Arbitrary<infer T> ? T : never;

const toManagers = (drafts: ManagerDraft[]): Manager[] =>
  drafts.map((draft, index) => aManager({ ...draft, managerId: managerId(index + 1) }));

const toSmes = (drafts: SmeDraft[]): SmeProfile[] =>
  drafts.map(({ division, ...draft }, index) => {
    const parsed = parseAtecoCode(division, '2025');
    if (!parsed.ok) throw new Error(`test pool has an invalid division ${division}`);
    return {
      ...draft,
      applicationId: applicationId(index + 1),
      atecoDivision: division,
      atecoSection: parsed.section,
      atecoCode: `${division}.00.00`,
    };
  });

interface Instance {
  readonly smes: SmeProfile[];
  readonly managers: Manager[];
  readonly excluded: Map<string, Set<string>>;
  readonly fairnessFloor: number | undefined;
}

/** A cohort: SMEs, managers, managers already tried per SME, and sometimes a fairness floor. */
const instance = (maxSmes: number, maxManagers: number): fc.Arbitrary<Instance> =>
  fc
    .record({
      smes: fc.array(smeArbitrary, { minLength: 1, maxLength: maxSmes, size: 'max' }),
      managers: fc.array(managerArbitrary, { minLength: 1, maxLength: maxManagers, size: 'max' }),
      tried: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      fairnessFloor: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.integer({ min: 15, max: 50 }) },
      ),
    })
    .map(({ smes: smeDrafts, managers: managerDrafts, tried, fairnessFloor }) => {
      const smes = toSmes(smeDrafts);
      const managers = toManagers(managerDrafts);
      const excluded = new Map<string, Set<string>>();
      if (smes.length > 0 && managers.length > 0) {
        for (const [sme, manager] of tried) {
          const id = smes[sme % smes.length]!.applicationId;
          const set = excluded.get(id) ?? new Set<string>();
          set.add(managers[manager % managers.length]!.managerId);
          excluded.set(id, set);
        }
      }
      return { smes, managers, excluded, fairnessFloor };
    });

/** Fit in millionths, as the matcher adds them up: integer sums are exact. */
const micro = (fit: number) => Math.round(fit * 1e6);

/** Whether a pair is allowed: the hard constraints of the online matcher, and the floor. */
function allowed(manager: Manager, sme: SmeProfile, { excluded, fairnessFloor }: Instance): boolean {
  return (
    isEligibleManager(manager, sme, excluded.get(sme.applicationId) ?? []) &&
    (fairnessFloor === undefined || scoreManager(manager, sme).total >= fairnessFloor)
  );
}

/** The best (matched, total fit in millionths) over every feasible assignment, by enumeration. */
function bruteForceOptimum(input: Instance): { matched: number; fit: number } {
  const { smes, managers } = input;
  const options = smes.map((sme) =>
    managers.flatMap((manager, index) =>
      allowed(manager, sme, input) ? [{ index, fit: micro(scoreManager(manager, sme).total) }] : [],
    ),
  );
  const spare = managers.map((manager) => Math.max(0, manager.capacity - manager.load));
  let best = { matched: 0, fit: 0 };
  const visit = (at: number, matched: number, fit: number) => {
    if (at === smes.length) {
      if (matched > best.matched || (matched === best.matched && fit > best.fit)) best = { matched, fit };
      return;
    }
    visit(at + 1, matched, fit);
    for (const option of options[at]!) {
      if (spare[option.index]! <= 0) continue;
      spare[option.index]!--;
      visit(at + 1, matched + 1, fit + option.fit);
      spare[option.index]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Every SME once, every pair allowed, no manager past capacity − load, totals consistent. */
function expectFeasible(result: CohortResult, input: Instance) {
  const smeById = new Map(input.smes.map((sme) => [sme.applicationId, sme]));
  const managerById = new Map(input.managers.map((manager) => [manager.managerId, manager]));
  const ids = [...result.assignments.map((a) => a.applicationId), ...result.unassigned];
  expect(ids.toSorted()).toEqual(input.smes.map((sme) => sme.applicationId).toSorted());
  const taken = new Map<string, number>();
  let fit = 0;
  for (const assignment of result.assignments) {
    const sme = smeById.get(assignment.applicationId)!;
    const manager = managerById.get(assignment.managerId)!;
    expect(allowed(manager, sme, input)).toBe(true);
    expect(assignment.score).toEqual(scoreManager(manager, sme));
    taken.set(manager.managerId, (taken.get(manager.managerId) ?? 0) + 1);
    fit += micro(assignment.score.total);
  }
  for (const [id, count] of taken) {
    const manager = managerById.get(id)!;
    expect(count).toBeLessThanOrEqual(manager.capacity - manager.load);
  }
  expect(micro(result.totalFit)).toBe(fit);
}

const optionsOf = (input: Instance) => ({ excluded: input.excluded, fairnessFloor: input.fairnessFloor });

describe('matchCohort: hard constraints', () => {
  it('never breaks capacity, conflicts, exclusions, status or the floor, whatever the candidate limit', () => {
    fc.assert(
      fc.property(instance(12, 6), fc.constantFrom(1, 2, 30, Number.POSITIVE_INFINITY), (input, limit) => {
        // Act
        const result = matchCohort(input.smes, input.managers, {
          ...optionsOf(input),
          candidatesPerSme: limit,
        });

        // Assess
        expectFeasible(result, input);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves alone an SME whose only managers are in conflict, tried, inactive, full or below the floor', () => {
    // Prepare
    const sme = anSme();
    const managers = [
      aManager({ managerId: managerId(1), conflicts: [`IT${smeVat}`] }),
      aManager({ managerId: managerId(2) }),
      aManager({ managerId: managerId(3), status: 'inactive' }),
      aManager({ managerId: managerId(4), capacity: 2, load: 2 }),
      aManager({ managerId: managerId(5), languages: ['en'] }),
    ];
    const excluded = new Map([[sme.applicationId, new Set([managerId(2)])]]);
    const floor = scoreManager(managers[4]!, sme).total + 0.5;

    // Act
    const result = matchCohort([sme], managers, { excluded, fairnessFloor: floor });

    // Assess
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual([sme.applicationId]);
    expect(result.totalFit).toBe(0);
  });

  it('refuses an SME or a manager listed twice', () => {
    // Prepare
    const sme = anSme();
    const manager = aManager();

    // Act
    const twice = [() => matchCohort([sme, sme], [manager]), () => matchCohort([sme], [manager, manager])];

    // Assess
    for (const run of twice) expect(run).toThrow(RangeError);
  });
});

describe('matchCohort: optimality', () => {
  const settings = {
    'every allowed pair': { candidatesPerSme: Number.POSITIVE_INFINITY },
    'the default candidates': {},
    'one candidate per SME and none per manager': { candidatesPerSme: 1, candidatesPerPlace: 0 },
  };

  for (const [name, candidates] of Object.entries(settings)) {
    it(`finds the brute-force optimum (≤ 6 SMEs, ≤ 4 managers of capacity 0–2), solving on ${name}`, () => {
      fc.assert(
        fc.property(instance(6, 4), (input) => {
          // Act
          const result = matchCohort(input.smes, input.managers, { ...optionsOf(input), ...candidates });

          // Assess
          expect({ matched: result.assignments.length, fit: micro(result.totalFit) }).toEqual(
            bruteForceOptimum(input),
          );
          expect(result.stats.exact).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('proves the same optimum from any candidate limit on larger cohorts (≤ 30 SMEs, ≤ 10 managers)', () => {
    fc.assert(
      fc.property(instance(30, 10), (input) => {
        // Act
        const all = matchCohort(input.smes, input.managers, {
          ...optionsOf(input),
          candidatesPerSme: Number.POSITIVE_INFINITY,
        });
        const few = matchCohort(input.smes, input.managers, {
          ...optionsOf(input),
          candidatesPerSme: 1,
          candidatesPerPlace: 0,
        });

        // Assess
        expect(few.stats.exact).toBe(true);
        expect({ matched: few.assignments.length, fit: micro(few.totalFit) }).toEqual({
          matched: all.assignments.length,
          fit: micro(all.totalFit),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is never worse than the greedy online order: as many SMEs matched, and then as much fit', () => {
    fc.assert(
      fc.property(instance(25, 8), (input) => {
        // Act
        const optimal = matchCohort(input.smes, input.managers, { ...optionsOf(input), candidatesPerSme: 2 });
        const greedy = greedyCohort(input.smes, input.managers, optionsOf(input));

        // Assess
        expectFeasible(greedy, input);
        expect(optimal.assignments.length).toBeGreaterThanOrEqual(greedy.assignments.length);
        if (optimal.assignments.length === greedy.assignments.length) {
          expect(micro(optimal.totalFit)).toBeGreaterThanOrEqual(micro(greedy.totalFit));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same optimum whichever side supplies the flow (SMEs or managers’ places)', () => {
    // Prepare: the same managers (4 places), once with 3 SMEs, once with 7.
    const managers = toManagers(fc.sample(managerArbitrary, { seed: 7, numRuns: 3 })).map(
      (manager, index) => ({
        ...manager,
        status: 'active' as const,
        capacity: index === 0 ? 2 : 1,
        load: 0,
      }),
    );
    const smes = toSmes(fc.sample(smeArbitrary, { seed: 11, numRuns: 7 }));
    const input = (list: SmeProfile[]): Instance => ({
      smes: list,
      managers,
      excluded: new Map(),
      fairnessFloor: undefined,
    });

    // Act
    const results = [smes.slice(0, 3), smes].map((list) => ({
      result: matchCohort(list, managers, { candidatesPerSme: Number.POSITIVE_INFINITY }),
      optimum: bruteForceOptimum(input(list)),
    }));

    // Assess
    for (const { result, optimum } of results) {
      expect({ matched: result.assignments.length, fit: micro(result.totalFit) }).toEqual(optimum);
    }
  });
});

describe('matchCohort against greedy, by hand', () => {
  // Two metalworking SMEs in Bergamo; Marco knows their division, Giulia only their section.
  const marco = aManager({
    managerId: managerId(1),
    name: 'Marco Rossi',
    atecoSections: ['C'],
    atecoDivisions: ['25'],
    competences: ['digital', 'supply_chain'],
    provinces: ['BG'],
    merit: 90,
  });
  const giulia = aManager({
    managerId: managerId(2),
    name: 'Giulia Bianchi',
    atecoSections: ['C'],
    competences: ['digital'],
    provinces: ['BG'],
    merit: 60,
  });
  const wantsDigital = anSme({ applicationId: applicationId(1), interests: ['digital'] });
  const wantsSupplyChain = anSme({
    applicationId: applicationId(2),
    vatNumber: otherVat,
    interests: ['supply_chain'],
  });

  it('greedy gives the first SME its favourite; the optimum sees the second SME needs him more', () => {
    // Prepare: both SMEs prefer Marco; only he covers the second one's interest.
    const fits = {
      digitalMarco: scoreManager(marco, wantsDigital).total,
      digitalGiulia: scoreManager(giulia, wantsDigital).total,
      supplyMarco: scoreManager(marco, wantsSupplyChain).total,
      supplyGiulia: scoreManager(giulia, wantsSupplyChain).total,
    };

    // Act
    const greedy = greedyCohort([wantsDigital, wantsSupplyChain], [marco, giulia]);
    const optimal = matchCohort([wantsDigital, wantsSupplyChain], [marco, giulia]);

    // Assess
    expect(fits).toEqual({ digitalMarco: 99, digitalGiulia: 78.5, supplyMarco: 99, supplyGiulia: 53.5 });
    expect(greedy.assignments.map((a) => [a.applicationId, a.managerId])).toEqual([
      [wantsDigital.applicationId, marco.managerId],
      [wantsSupplyChain.applicationId, giulia.managerId],
    ]);
    expect(greedy.totalFit).toBe(152.5);
    expect(optimal.assignments.map((a) => [a.applicationId, a.managerId])).toEqual([
      [wantsDigital.applicationId, giulia.managerId],
      [wantsSupplyChain.applicationId, marco.managerId],
    ]);
    expect(optimal.totalFit).toBe(177.5);
    expect(optimal.assignments[1]?.score).toEqual(scoreManager(marco, wantsSupplyChain));
  });

  it('greedy leaves an SME without a manager; the optimum matches both', () => {
    // Prepare: Giulia has ties to the second SME, so only Marco can follow it.
    const tied = { ...giulia, conflicts: [otherVat] };

    // Act
    const greedy = greedyCohort([wantsDigital, wantsSupplyChain], [marco, tied]);
    const optimal = matchCohort([wantsDigital, wantsSupplyChain], [marco, tied]);

    // Assess
    expect(greedy.unassigned).toEqual([wantsSupplyChain.applicationId]);
    expect(greedy.totalFit).toBe(99);
    expect(optimal.unassigned).toEqual([]);
    expect(optimal.totalFit).toBe(177.5);
  });

  it('matches more SMEs even at a lower total fit (the objective is lexicographic)', () => {
    // Prepare: a software house in Sondrio, English-speaking, that only Marco may follow; he fits it
    // poorly (merit and load points only), but Giulia cannot take it at all.
    const softwareHouse = anSme({
      applicationId: applicationId(2),
      vatNumber: otherVat,
      atecoSection: 'K',
      atecoDivision: '62',
      atecoCode: '62.10.00',
      province: 'SO',
      language: 'en',
      interests: ['training'],
    });
    const tied = { ...giulia, conflicts: [otherVat] };

    // Act
    const greedy = greedyCohort([wantsDigital, softwareHouse], [marco, tied]);
    const optimal = matchCohort([wantsDigital, softwareHouse], [marco, tied]);

    // Assess
    expect(scoreManager(marco, softwareHouse).total).toBe(14);
    expect(greedy.assignments).toHaveLength(1);
    expect(greedy.totalFit).toBe(99);
    expect(optimal.assignments).toHaveLength(2);
    expect(optimal.totalFit).toBe(92.5);
  });

  it('proves the optimum even from one candidate each: the check adds the pair it was missing', () => {
    // Prepare: both SMEs rank Marco first, so the first solve sees Giulia only through greedy's
    // pair for the second SME, and settles for greedy's 152.5.
    const smes = [wantsDigital, wantsSupplyChain];
    const few = { candidatesPerSme: 1, candidatesPerPlace: 0 };

    // Act
    const optimal = matchCohort(smes, [marco, giulia], few);
    const greedy = greedyCohort(smes, [marco, giulia]);

    // Assess
    expect(optimal.totalFit).toBe(177.5);
    expect(optimal.stats).toMatchObject({ edges: 4, eligiblePairs: 4, exact: true, rounds: 2 });
    expect(greedy.stats).toMatchObject({ edges: 4, eligiblePairs: 4, exact: false, rounds: 0 });
  });
});

describe('greedyCohort', () => {
  it('is the online matcher run in application order: rankCandidates’ best manager with room left', () => {
    fc.assert(
      fc.property(instance(30, 10), (input) => {
        // Prepare: the reference, with the one scoring function pair by pair.
        const left = new Map(input.managers.map((m) => [m.managerId, m.capacity - m.load]));
        const expected = input.smes.flatMap((sme) => {
          const best = rankCandidates(input.managers, sme, input.excluded.get(sme.applicationId) ?? []).find(
            ({ manager, score }) =>
              left.get(manager.managerId)! > 0 &&
              (input.fairnessFloor === undefined || score.total >= input.fairnessFloor),
          );
          if (!best) return [];
          left.set(best.manager.managerId, left.get(best.manager.managerId)! - 1);
          return [{ applicationId: sme.applicationId, managerId: best.manager.managerId, score: best.score }];
        });

        // Act
        const greedy = greedyCohort(input.smes, input.managers, optionsOf(input));

        // Assess
        expect(greedy.assignments).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('breaks ties between equal totals like compareCandidates: merit, then lower load, then managerId', () => {
    // Prepare: merit and load points add up to 10 for each, so the totals are equal; the one that
    // should win has the larger managerId every time.
    const sme = anSme();
    const pairs = [
      // merit 75 + load 1 of 2 (7.5 + 2.5) against merit 50 + load 0 of 1 (5 + 5)
      [
        aManager({ managerId: managerId(2), merit: 75, capacity: 2, load: 1 }),
        aManager({ managerId: managerId(1), merit: 50, capacity: 1, load: 0 }),
      ],
      // same merit, load 1 of 2 against load 2 of 4 (2.5 each)
      [
        aManager({ managerId: managerId(2), capacity: 2, load: 1 }),
        aManager({ managerId: managerId(1), capacity: 4, load: 2 }),
      ],
      // nothing but the managerId tells them apart
      [aManager({ managerId: managerId(1) }), aManager({ managerId: managerId(2) })],
    ] as const;

    // Act
    const picks = pairs.map((managers) => ({
      greedy: greedyCohort([sme], managers).assignments[0]?.managerId,
      limited: matchCohort([sme], managers, { candidatesPerSme: 1 }).assignments[0]?.managerId,
      online: rankCandidates(managers, sme, [])[0]?.manager.managerId,
      totals: managers.map((manager) => scoreManager(manager, sme).total),
    }));

    // Assess
    expect(picks.map(({ totals }) => totals[0] === totals[1])).toEqual([true, true, true]);
    expect(picks.map(({ greedy, limited, online }) => [greedy, limited, online])).toEqual([
      [managerId(2), managerId(2), managerId(2)],
      [managerId(2), managerId(2), managerId(2)],
      [managerId(1), managerId(1), managerId(1)],
    ]);
  });
});
