import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { atecoSections, parseAtecoCode } from '#shared/domain/ateco.ts';
import { lombardyProvinceCodes } from '#shared/domain/lombardy.ts';
import { type Manager, managerCompetences, managerSchema, managerStatuses } from '#shared/domain/manager.ts';
import {
  compareCandidates,
  ineligibilityOf,
  isEligibleManager,
  matchWeights,
  rankCandidates,
  type SmeProfile,
  scoreManager,
  sectorFit,
  smeProfileFromApplication,
} from '#shared/domain/matching.ts';
import { financingLimitBroken } from '#shared/domain/programme.ts';
import { demoManagers } from '#shared/programmes/demo-managers.ts';
import { interestAreas } from '#shared/schemas/application.ts';

const smeVat = '04128730159';
const otherVat = '02876450129';

/** An active manager with room, fitting nothing in particular; override what the test is about. */
function aManager(overrides: Partial<Manager> = {}): Manager {
  return {
    managerId: '00000000-0000-4000-8000-000000000001',
    name: 'Laura Conti',
    email: 'laura.conti@example.it',
    languages: ['it'],
    atecoSections: [],
    atecoDivisions: [],
    competences: [],
    provinces: ['SO'],
    capacity: 2,
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
    applicationId: 'a8c1f2de-1111-4222-8333-444455556666',
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

const divisionPool = ['10', '13', '25', '28', '46', '47', '52', '58', '62', '63', '70', '71'];
const sectionPool = atecoSections('2025');

const managerArbitrary: fc.Arbitrary<Manager> = fc.record({
  managerId: fc.uuid({ version: 4 }),
  name: fc.constant('Manager di prova'),
  email: fc.constant('prova@example.it'),
  languages: fc.subarray(['it', 'en'] as const, { minLength: 1 }),
  atecoSections: fc.subarray(sectionPool),
  atecoDivisions: fc.subarray(divisionPool),
  competences: fc.subarray([...managerCompetences]),
  provinces: fc.subarray([...lombardyProvinceCodes], { minLength: 1 }),
  capacity: fc.integer({ min: 0, max: 5 }),
  load: fc.integer({ min: 0, max: 6 }),
  merit: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom(...managerStatuses),
  conflicts: fc.subarray([smeVat, otherVat]),
  createdAt: fc.constant('2026-01-12T09:00:00.000Z'),
});

const smeArbitrary: fc.Arbitrary<SmeProfile> = fc
  .record({
    applicationId: fc.uuid({ version: 4 }),
    vatNumber: fc.constantFrom(smeVat, otherVat, '07352100973'),
    division: fc.constantFrom(...divisionPool),
    province: fc.constantFrom(...lombardyProvinceCodes),
    language: fc.constantFrom('it' as const, 'en' as const),
    interests: fc.subarray([...interestAreas], { minLength: 1 }),
  })
  .map(({ division, ...sme }) => {
    const parsed = parseAtecoCode(division, '2025');
    if (!parsed.ok) throw new Error(`test pool has an invalid division ${division}`);
    return { ...sme, atecoDivision: division, atecoSection: parsed.section, atecoCode: `${division}.00.00` };
  });

/** The same manager stripped of every sector and province fit for the SME. */
const withoutFit = (manager: Manager, sme: SmeProfile): Manager => ({
  ...manager,
  atecoSections: manager.atecoSections.filter((section) => section !== sme.atecoSection),
  atecoDivisions: manager.atecoDivisions.filter((division) => {
    const parsed = parseAtecoCode(division, '2025');
    return parsed.ok && parsed.section !== sme.atecoSection;
  }),
  provinces: manager.provinces.filter((province) => province !== sme.province),
});

describe('financing limits', () => {
  it('names the per-project cap first, then the budget left, with the most that could be approved', () => {
    // Prepare
    const budget = { totalEur: 100_000, perProjectCapEur: 50_000 };

    // Act
    const results = [
      financingLimitBroken(50_000, budget, 0),
      financingLimitBroken(50_001, budget, 0),
      financingLimitBroken(40_000, budget, 70_000),
      financingLimitBroken(30_000, budget, 70_000),
      financingLimitBroken(1, budget, 120_000),
    ];

    // Assess
    expect(results).toEqual([
      undefined,
      { limit: 'per_project_cap', allowedEur: 50_000 },
      { limit: 'budget_left', allowedEur: 30_000 },
      undefined,
      { limit: 'budget_left', allowedEur: 0 },
    ]);
  });
});

describe('hard constraints', () => {
  it('accepts an active manager with room, no tie to the company and not tried before', () => {
    // Prepare
    const manager = aManager({ capacity: 2, load: 1 });

    // Act
    const eligible = isEligibleManager(manager, anSme(), []);

    // Assess
    expect(eligible).toBe(true);
  });

  it('names the constraint a manager breaks: not active, already tried, full, conflict of interest', () => {
    // Prepare
    const sme = anSme();
    const manager = aManager();

    // Act
    const causes = [
      ineligibilityOf({ ...manager, status: 'pending_vetting' }, sme, []),
      ineligibilityOf({ ...manager, status: 'inactive' }, sme, []),
      ineligibilityOf({ ...manager, status: 'rejected' }, sme, []),
      ineligibilityOf(manager, sme, new Set([manager.managerId])),
      ineligibilityOf({ ...manager, capacity: 2, load: 2 }, sme, []),
      ineligibilityOf({ ...manager, capacity: 0, load: 0 }, sme, []),
      ineligibilityOf({ ...manager, conflicts: [otherVat, smeVat] }, sme, []),
    ];

    // Assess
    expect(causes).toEqual([
      'not_active',
      'not_active',
      'not_active',
      'already_tried',
      'no_capacity',
      'no_capacity',
      'conflict_of_interest',
    ]);
  });

  it("keeps to the programme's roster when it has one", () => {
    // Prepare
    const manager = aManager();

    // Act
    const outside = ineligibilityOf(manager, anSme(), [], ['someone-else']);
    const inside = ineligibilityOf(manager, anSme(), [], [manager.managerId]);

    // Assess
    expect(outside).toBe('not_in_roster');
    expect(inside).toBeUndefined();
  });

  it('leaves a tied manager out of the candidates the office is offered by hand, whatever the fit', () => {
    // Prepare: the tied manager is otherwise the best fit.
    const tied = aManager({ managerId: 'tied', merit: 100, conflicts: [smeVat] });
    const other = aManager({ managerId: 'other', merit: 10 });

    // Act
    const candidates = rankCandidates([tied, other], anSme(), []).map((c) => c.manager.managerId);

    // Assess
    expect(candidates).toEqual(['other']);
  });

  it('recognises a conflict however the Partita IVA was written', () => {
    // Prepare
    const manager = aManager({ conflicts: [smeVat] });

    // Act
    const eligible = isEligibleManager(manager, anSme({ vatNumber: `IT ${smeVat}` }), []);

    // Assess
    expect(eligible).toBe(false);
  });
});

describe('scoreManager', () => {
  it('gives every point to a manager who fits in every way, with full merit and no load', () => {
    // Prepare
    const manager = aManager({
      atecoDivisions: ['25'],
      competences: ['digital', 'supply_chain'],
      provinces: ['BG'],
      merit: 100,
      load: 0,
    });

    // Act
    const score = scoreManager(manager, anSme());

    // Assess
    expect(score).toEqual({ total: 100, parts: { ...matchWeights } });
  });

  it('scores sector fit: division beats section beats none; a division inside the SME’s section counts as section', () => {
    // Prepare
    const sme = anSme({ atecoSection: 'C', atecoDivision: '25' });
    const byDivision = aManager({ atecoDivisions: ['25'] });
    const bySection = aManager({ atecoSections: ['C'] });
    const byNeighbourDivision = aManager({ atecoDivisions: ['28'] });
    const byOtherSector = aManager({ atecoSections: ['K'], atecoDivisions: ['62'] });

    // Act
    const fits = [byDivision, bySection, byNeighbourDivision, byOtherSector].map((m) => sectorFit(m, sme));
    const points = [byDivision, bySection, byOtherSector].map((m) => scoreManager(m, sme).parts.sector);

    // Assess
    expect(fits).toEqual(['division', 'section', 'section', 'none']);
    expect(points).toEqual([35, 17.5, 0]);
  });

  it('scores competence as the share of the SME’s interests covered, and load as spare capacity', () => {
    // Prepare
    const sme = anSme({ interests: ['digital', 'supply_chain', 'reshoring'] });
    const manager = aManager({
      competences: ['digital', 'reshoring', 'automationAndAi'],
      capacity: 4,
      load: 1,
    });

    // Act
    const { parts } = scoreManager(manager, sme);

    // Assess
    expect(parts.competence).toBeCloseTo((25 * 2) / 3, 6);
    expect(parts.load).toBe(3.75);
    expect(parts.merit).toBe(7);
    expect(parts.province).toBe(0);
    expect(parts.language).toBe(10);
  });

  it('keeps the total between 0 and 100 and equal to the sum of its parts (property)', () => {
    fc.assert(
      fc.property(managerArbitrary, smeArbitrary, (manager, sme) => {
        const { total, parts } = scoreManager(manager, sme);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        const sum = Object.values(parts).reduce((a, b) => a + b, 0);
        expect(Math.abs(total - sum)).toBeLessThan(1e-5);
      }),
    );
  });

  it('never lowers the score when a manager adds a competence, sector, province or language (property)', () => {
    fc.assert(
      fc.property(
        managerArbitrary,
        smeArbitrary,
        fc.constantFrom(...managerCompetences),
        fc.constantFrom(...sectionPool),
        fc.constantFrom(...divisionPool),
        fc.constantFrom(...lombardyProvinceCodes),
        fc.constantFrom('it' as const, 'en' as const),
        (manager, sme, competence, section, division, province, language) => {
          const before = scoreManager(manager, sme).total;
          const richer: Manager[] = [
            { ...manager, competences: [...new Set([...manager.competences, competence])] },
            { ...manager, atecoSections: [...new Set([...manager.atecoSections, section])] },
            { ...manager, atecoDivisions: [...new Set([...manager.atecoDivisions, division])] },
            { ...manager, provinces: [...new Set([...manager.provinces, province])] },
            { ...manager, languages: [...new Set([...manager.languages, language])] },
          ];
          for (const better of richer) expect(scoreManager(better, sme).total).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('never lowers the score for higher merit or lower load (property)', () => {
    fc.assert(
      fc.property(
        managerArbitrary,
        smeArbitrary,
        fc.integer({ min: 0, max: 100 }),
        (manager, sme, meritGain) => {
          const before = scoreManager(manager, sme).total;
          const moreMerit = { ...manager, merit: Math.min(100, manager.merit + meritGain) };
          const lessLoad = { ...manager, load: Math.max(0, manager.load - 1) };
          expect(scoreManager(moreMerit, sme).total).toBeGreaterThanOrEqual(before);
          expect(scoreManager(lessLoad, sme).total).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('puts sector first: a section match alone beats proximity, language, and merit with load (property)', () => {
    fc.assert(
      fc.property(managerArbitrary, smeArbitrary, (arbitrary, sme) => {
        // Prepare: two managers alike except for the one advantage each has.
        const base = { ...withoutFit(arbitrary, sme), capacity: 4 };
        const sectionOnly = { ...base, atecoSections: [...base.atecoSections, sme.atecoSection] };
        const near = { ...base, provinces: [...base.provinces, sme.province] };
        const speaks = { ...base, languages: [sme.language] };
        const silent = { ...base, languages: sme.language === 'it' ? ['en' as const] : ['it' as const] };
        const sectorWithLanguage = { ...sectionOnly, languages: silent.languages };
        const sectorWeak = { ...sectionOnly, merit: 0, load: 4 };
        const noSectorStrong = { ...base, merit: 100, load: 0 };

        // Act
        const score = (manager: Manager) => scoreManager(manager, sme).total;

        // Assess
        expect(score(sectionOnly)).toBeGreaterThan(score(near));
        expect(score(sectorWithLanguage)).toBeGreaterThan(score(speaks));
        expect(score(sectorWeak)).toBeGreaterThan(score(noSectorStrong));
      }),
    );
  });

  it('puts an exact division above a section match in the SME’s province and above full competence (property)', () => {
    fc.assert(
      fc.property(managerArbitrary, smeArbitrary, (arbitrary, sme) => {
        // Prepare
        const base = { ...withoutFit(arbitrary, sme), competences: [] };
        const division = { ...base, atecoDivisions: [...base.atecoDivisions, sme.atecoDivision] };
        const sectionNear = {
          ...base,
          atecoSections: [...base.atecoSections, sme.atecoSection],
          provinces: [...base.provinces, sme.province],
        };
        const competent = { ...base, competences: [...sme.interests] };

        // Act
        const score = (manager: Manager) => scoreManager(manager, sme).total;

        // Assess
        expect(score(division)).toBeGreaterThan(score(sectionNear));
        expect(score(division)).toBeGreaterThan(score(competent));
      }),
    );
  });

  it('puts full coverage of the SME’s interests above proximity and above merit with load (property)', () => {
    fc.assert(
      fc.property(managerArbitrary, smeArbitrary, (arbitrary, sme) => {
        // Prepare
        const base = { ...withoutFit(arbitrary, sme), competences: [], capacity: 3 };
        const competent = { ...base, competences: [...sme.interests], merit: 0, load: 3 };
        const near = { ...base, provinces: [...base.provinces, sme.province], merit: 0, load: 3 };
        const strong = { ...base, merit: 100, load: 0 };

        // Act
        const score = (manager: Manager) => scoreManager(manager, sme).total;

        // Assess
        expect(score(competent)).toBeGreaterThan(score(near));
        expect(score(competent)).toBeGreaterThan(score(strong));
      }),
    );
  });
});

describe('rankCandidates', () => {
  const rosterArbitrary = fc.uniqueArray(managerArbitrary, {
    selector: (manager) => manager.managerId,
    maxLength: 12,
  });

  it('ranks exactly the eligible managers, best first (property)', () => {
    fc.assert(
      fc.property(
        rosterArbitrary.chain((managers) =>
          fc.tuple(fc.constant(managers), fc.subarray(managers.map((m) => m.managerId)), smeArbitrary),
        ),
        ([managers, excluded, sme]) => {
          // Act
          const ranked = rankCandidates(managers, sme, excluded);

          // Assess
          for (const { manager } of ranked) expect(isEligibleManager(manager, sme, excluded)).toBe(true);
          const eligibleIds = managers
            .filter((m) => isEligibleManager(m, sme, excluded))
            .map((m) => m.managerId);
          expect(ranked.map((c) => c.manager.managerId).sort()).toEqual(eligibleIds.sort());
          for (let i = 1; i < ranked.length; i++) {
            expect(compareCandidates(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
          }
        },
      ),
    );
  });

  it('gives the same order whatever order the managers come in (property)', () => {
    fc.assert(
      fc.property(
        rosterArbitrary.chain((managers) =>
          fc.tuple(
            fc.constant(managers),
            fc.shuffledSubarray(managers, { minLength: managers.length }),
            smeArbitrary,
          ),
        ),
        ([managers, shuffled, sme]) => {
          const ids = (list: Manager[]) => rankCandidates(list, sme, []).map((c) => c.manager.managerId);
          expect(ids(shuffled)).toEqual(ids(managers));
        },
      ),
    );
  });

  it('breaks equal scores by higher merit, then lower load, then managerId', () => {
    // Prepare: equal totals by construction (merit 9 + load 4 = merit 8 + load 5; same load ratio).
    const sme = anSme();
    const higherMerit = aManager({
      managerId: 'ffffffff-0000-4000-8000-000000000001',
      merit: 90,
      capacity: 5,
      load: 1,
    });
    const lowerMerit = aManager({
      managerId: '00000000-0000-4000-8000-000000000002',
      merit: 80,
      capacity: 5,
      load: 0,
    });
    const lessLoaded = aManager({
      managerId: 'ffffffff-0000-4000-8000-000000000003',
      merit: 50,
      capacity: 2,
      load: 1,
    });
    const moreLoaded = aManager({
      managerId: '00000000-0000-4000-8000-000000000004',
      merit: 50,
      capacity: 4,
      load: 2,
    });
    const twinB = aManager({ managerId: 'bbbbbbbb-0000-4000-8000-000000000005', merit: 40 });
    const twinA = aManager({ managerId: 'aaaaaaaa-0000-4000-8000-000000000006', merit: 40 });

    // Act
    const order = (managers: Manager[]) => rankCandidates(managers, sme, []).map((c) => c.manager.managerId);

    // Assess
    expect(scoreManager(higherMerit, sme).total).toBe(scoreManager(lowerMerit, sme).total);
    expect(order([lowerMerit, higherMerit])).toEqual([higherMerit.managerId, lowerMerit.managerId]);
    expect(scoreManager(lessLoaded, sme).total).toBe(scoreManager(moreLoaded, sme).total);
    expect(order([moreLoaded, lessLoaded])).toEqual([lessLoaded.managerId, moreLoaded.managerId]);
    expect(order([twinB, twinA])).toEqual([twinA.managerId, twinB.managerId]);
  });

  it('prefers the sector expert from Milan to a generalist next door in Bergamo', () => {
    // Prepare
    const sme = anSme({ province: 'BG' });
    const expert = aManager({
      managerId: '11111111-0000-4000-8000-000000000001',
      atecoDivisions: ['25'],
      provinces: ['MI'],
    });
    const neighbour = aManager({
      managerId: '22222222-0000-4000-8000-000000000002',
      provinces: ['BG'],
      merit: 95,
    });

    // Act
    const ranked = rankCandidates([neighbour, expert], sme, []);

    // Assess
    expect(ranked.map((c) => c.manager.managerId)).toEqual([expert.managerId, neighbour.managerId]);
  });

  it('ranks the demo roster sensibly and never offers a manager to a company they have ties to', () => {
    // Prepare: a Milan precision-mechanics SME wanting digital and supply-chain help; Giulia
    // Bianchi (mechanics, Milan, digital) fits best but declared a tie to this company.
    const sme = anSme({ province: 'MI', vatNumber: otherVat });
    const conflicted = anSme({ province: 'MI', vatNumber: smeVat });

    // Act
    const best = rankCandidates(demoManagers, sme, [])[0]?.manager.name;
    const bestWithoutConflict = rankCandidates(demoManagers, conflicted, []).map((c) => c.manager.name);

    // Assess
    expect(best).toBe('Giulia Bianchi');
    expect(bestWithoutConflict).not.toContain('Giulia Bianchi');
    expect(bestWithoutConflict[0]).toBe('Marco Colombo');
  });
});

describe('demo managers and the manager schema', () => {
  it('holds six valid, active, idle managers with distinct IDs', () => {
    expect(demoManagers).toHaveLength(6);
    expect(new Set(demoManagers.map((m) => m.managerId)).size).toBe(6);
    for (const manager of demoManagers) {
      expect(managerSchema.parse(manager)).toEqual(manager);
      expect(manager).toMatchObject({ status: 'active', load: 0 });
    }
  });

  it('normalises what people type and rejects unknown sectors and invalid Partita IVA', () => {
    // Prepare
    const raw = {
      ...aManager(),
      email: ' Laura.Conti@EXAMPLE.IT ',
      phone: '0039 347 123 4567',
      atecoSections: ['c', 'C'],
      atecoDivisions: ['25', '25'],
      conflicts: [`IT ${smeVat}`],
    };

    // Act
    const parsed = managerSchema.parse(raw);
    const badSection = managerSchema.safeParse({ ...raw, atecoSections: ['Z'] });
    const badDivision = managerSchema.safeParse({ ...raw, atecoDivisions: ['45'] });
    const badVat = managerSchema.safeParse({ ...raw, conflicts: ['12345678901'] });

    // Assess
    expect(parsed).toMatchObject({
      email: 'Laura.Conti@example.it',
      phone: '+393471234567',
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      conflicts: [smeVat],
    });
    expect(badSection.success).toBe(false);
    expect(badDivision.success).toBe(false);
    expect(badVat.success).toBe(false);
  });
});

describe('smeProfileFromApplication', () => {
  const application = (atecoCode: string, atecoVersion: '2007' | '2025', section: string) =>
    ({
      applicationId: 'app-1',
      language: 'en',
      interests: ['digital'],
      company: {
        vatNumber: smeVat,
        atecoCode,
        atecoVersion,
        atecoSection: section,
        atecoDivision: atecoCode.slice(0, 2),
        province: 'MI',
      },
    }) as unknown as ApplicationRecord;

  it('reads an ATECO 2007 code in ATECO 2025 terms, keeping the section of a division that was merged', () => {
    // Act
    const software = smeProfileFromApplication(application('62.01.00', '2007', 'J'));
    const carTrade = smeProfileFromApplication(application('45.20.10', '2007', 'G'));
    const current = smeProfileFromApplication(application('25.62.00', '2025', 'C'));

    // Assess
    expect(software).toMatchObject({
      atecoSection: 'K',
      atecoDivision: '62',
      language: 'en',
      province: 'MI',
    });
    expect(carTrade).toMatchObject({ atecoSection: 'G', atecoDivision: '45' });
    expect(current).toMatchObject({ atecoSection: 'C', atecoDivision: '25', vatNumber: smeVat });
  });
});
