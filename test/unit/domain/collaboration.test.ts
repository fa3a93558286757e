import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CollaboratingFirm,
  type CollaborationProfile,
  collaborationProfileIssues,
  collaborationProfileSchema,
  findOpportunities,
  type Opportunity,
  purchasingSavingEur,
} from '#shared/domain/collaboration.ts';
import { findPreset } from '#shared/programmes/presets.ts';

const catalogue = findPreset('mechnet')!.collaboration.catalogue;
const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const profile = (overrides: Partial<CollaborationProfile> = {}): CollaborationProfile => ({
  purchasing: [],
  offers: [],
  needs: [],
  brands: [],
  interestedInNetwork: false,
  ...overrides,
});
const firm = (n: number, p: Partial<CollaborationProfile>, province = 'VA'): CollaboratingFirm => ({
  applicationId: id(n),
  province,
  profile: profile(p),
});

const resourceCodes = catalogue.resources.map((r) => r);
const firmArbitrary = (n: number) =>
  fc
    .record({
      province: fc.constantFrom('VA', 'CO', 'MI'),
      purchasing: fc.uniqueArray(
        fc.record({
          category: fc.constantFrom(...catalogue.purchasing.map((c) => c.code)),
          annualSpendEur: fc.integer({ min: 1, max: 2_000_000 }),
        }),
        { selector: (e) => e.category, maxLength: 4 },
      ),
      offers: fc.uniqueArray(
        fc.record({
          resource: fc.constantFrom(...resourceCodes),
          hoursPerMonth: fc.integer({ min: 1, max: 160 }),
        }),
        { selector: (e) => e.resource.code, maxLength: 3 },
      ),
      needs: fc.uniqueArray(
        fc.record({
          resource: fc.constantFrom(...resourceCodes),
          hoursPerMonth: fc.integer({ min: 1, max: 160 }),
        }),
        { selector: (e) => e.resource.code, maxLength: 3 },
      ),
      brands: fc.uniqueArray(fc.constantFrom(...catalogue.brands.map((b) => b.code)), { maxLength: 2 }),
      interestedInNetwork: fc.boolean(),
    })
    .map(
      (raw): CollaboratingFirm => ({
        applicationId: id(n),
        province: raw.province,
        profile: {
          purchasing: raw.purchasing,
          offers: raw.offers.map((o) => ({
            kind: o.resource.kind,
            what: o.resource.code,
            hoursPerMonth: o.hoursPerMonth,
          })),
          needs: raw.needs.map((o) => ({
            kind: o.resource.kind,
            what: o.resource.code,
            hoursPerMonth: o.hoursPerMonth,
          })),
          brands: raw.brands,
          interestedInNetwork: raw.interestedInNetwork,
        },
      }),
    );
const firmsArbitrary = fc
  .integer({ min: 0, max: 25 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => firmArbitrary(i + 1))));

const ofKind = <K extends Opportunity['kind']>(list: Opportunity[], kind: K) =>
  list.filter((o): o is Extract<Opportunity, { kind: K }> => o.kind === kind);

describe('collaboration profile', () => {
  it('accepts the issue example and defaults the lists', () => {
    const parsed = collaborationProfileSchema.parse({
      purchasing: [{ category: 'steel_bars', annualSpendEur: 120000 }],
      offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 40 }],
      needs: [{ kind: 'service', what: 'galvanic_treatment', hoursPerMonth: 25 }],
      brands: ['varese_precision'],
      interestedInNetwork: true,
    });
    expect(collaborationProfileIssues(parsed, catalogue)).toEqual([]);
    expect(collaborationProfileSchema.parse({ interestedInNetwork: false })).toEqual(profile());
  });

  it('refuses codes outside the catalogue, a resource under the wrong kind, and the same thing twice', () => {
    const issues = collaborationProfileIssues(
      profile({
        purchasing: [
          { category: 'gold', annualSpendEur: 1 },
          { category: 'steel_bars', annualSpendEur: 1 },
          { category: 'steel_bars', annualSpendEur: 2 },
        ],
        offers: [{ kind: 'workforce', what: 'cnc_5_axis', hoursPerMonth: 10 }],
        brands: ['nope'],
      }),
      catalogue,
    );
    expect(issues).toEqual([
      { path: ['purchasing', 0, 'category'], message: 'validation.collaboration.unknownCode' },
      { path: ['purchasing', 2], message: 'validation.duplicates' },
      { path: ['offers', 0, 'what'], message: 'validation.collaboration.unknownCode' },
      { path: ['brands', 0], message: 'validation.collaboration.unknownCode' },
    ]);
  });

  it('refuses free text, fractional hours and unknown fields', () => {
    for (const bad of [
      { interestedInNetwork: true, purchasing: [{ category: 'Steel bars!', annualSpendEur: 1 }] },
      { interestedInNetwork: true, offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 2.5 }] },
      { interestedInNetwork: true, extra: 1 },
      {},
    ])
      expect(collaborationProfileSchema.safeParse(bad).success).toBe(false);
  });
});

describe('opportunity finder', () => {
  it('pools purchasing, pairs offers with needs (same province first), groups brands, ranks network candidates', () => {
    const firms = [
      firm(1, {
        purchasing: [{ category: 'steel_bars', annualSpendEur: 100_000 }],
        offers: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 40 }],
        brands: ['varese_precision'],
        interestedInNetwork: true,
      }),
      firm(2, {
        purchasing: [{ category: 'steel_bars', annualSpendEur: 50_000 }],
        needs: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 30 }],
        brands: ['varese_precision'],
        interestedInNetwork: true,
      }),
      firm(
        3,
        { needs: [{ kind: 'machine', what: 'cnc_5_axis', hoursPerMonth: 30 }], interestedInNetwork: true },
        'CO',
      ),
      firm(4, { purchasing: [{ category: 'aluminium', annualSpendEur: 10_000 }] }),
    ];
    const found = findOpportunities(firms, catalogue);
    expect(found.map((o) => o.id)).toEqual([
      'purchasing_group.steel_bars',
      'resource_sharing.cnc_5_axis',
      'brand_group.varese_precision',
      'network',
    ]);
    const [steel] = ofKind(found, 'purchasing_group');
    expect(steel).toMatchObject({
      members: [id(1), id(2)],
      pooledSpendEur: 150_000,
      estimatedBenefitEur: 9_000,
    });
    const [cnc] = ofKind(found, 'resource_sharing');
    // 40 hours offered: the Varese firm's 30 first, the 10 left to Como.
    expect(cnc?.pairings).toEqual([
      { from: id(1), to: id(2), hoursPerMonth: 30 },
      { from: id(1), to: id(3), hoursPerMonth: 10 },
    ]);
    expect(cnc?.estimatedBenefitEur).toBe(40 * 12 * 85);
    const [brand] = ofKind(found, 'brand_group');
    expect(brand?.estimatedBenefitEur).toBe(6_000);
    // Ties: to each other candidate, once per opportunity they share (steel, CNC, brand).
    const [network] = ofKind(found, 'network');
    expect(network?.ranking).toEqual([
      { applicationId: id(1), ties: 4 },
      { applicationId: id(2), ties: 4 },
      { applicationId: id(3), ties: 2 },
    ]);
  });

  it('finds nothing for one firm alone, nor a firm needing what only it offers', () => {
    const alone = firm(1, {
      purchasing: [{ category: 'steel_bars', annualSpendEur: 1 }],
      offers: [{ kind: 'machine', what: 'cnc_lathe', hoursPerMonth: 10 }],
      needs: [{ kind: 'machine', what: 'cnc_lathe', hoursPerMonth: 10 }],
      brands: ['made_in_lombardy'],
      interestedInNetwork: true,
    });
    expect(findOpportunities([alone], catalogue)).toEqual([]);
  });

  it('never pairs a firm beyond its declared hours, nor with itself, and matches the most hours', () => {
    fc.assert(
      fc.property(firmsArbitrary, (firms) => {
        const found = findOpportunities(firms, catalogue);
        for (const opportunity of ofKind(found, 'resource_sharing')) {
          const declared = (side: 'offers' | 'needs', who: string) =>
            firms
              .find((f) => f.applicationId === who)!
              .profile[side].find((e) => e.what === opportunity.what)!.hoursPerMonth;
          const given = new Map<string, number>();
          const taken = new Map<string, number>();
          for (const p of opportunity.pairings) {
            expect(p.from).not.toBe(p.to);
            expect(p.hoursPerMonth).toBeGreaterThan(0);
            given.set(p.from, (given.get(p.from) ?? 0) + p.hoursPerMonth);
            taken.set(p.to, (taken.get(p.to) ?? 0) + p.hoursPerMonth);
          }
          for (const [who, h] of given) expect(h).toBeLessThanOrEqual(declared('offers', who));
          for (const [who, h] of taken) expect(h).toBeLessThanOrEqual(declared('needs', who));
          // As many hours as can be matched: every offer left with hours faces only needs that are full or its own.
          for (const f of firms) {
            const offer = f.profile.offers.find((e) => e.what === opportunity.what);
            if (!offer || (given.get(f.applicationId) ?? 0) >= offer.hoursPerMonth) continue;
            for (const other of firms) {
              const need = other.profile.needs.find((e) => e.what === opportunity.what);
              if (!need || other === f) continue;
              expect(taken.get(other.applicationId) ?? 0).toBe(need.hoursPerMonth);
            }
          }
        }
        for (const opportunity of found) expect(opportunity.members.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same list in the same order whatever order the firms come in', () => {
    fc.assert(
      fc.property(
        firmsArbitrary.chain((firms) =>
          fc.tuple(fc.constant(firms), fc.shuffledSubarray(firms, { minLength: firms.length })),
        ),
        ([firms, shuffled]) => {
          expect(findOpportunities(shuffled, catalogue)).toEqual(findOpportunities(firms, catalogue));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('estimates a larger purchasing saving for a larger pooled spend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (count, spends, raised, extra) => {
          const group = (amounts: number[]) =>
            ofKind(
              findOpportunities(
                amounts
                  .slice(0, count)
                  .map((amount, i) =>
                    firm(i + 1, { purchasing: [{ category: 'cutting_tools', annualSpendEur: amount }] }),
                  ),
                catalogue,
              ),
              'purchasing_group',
            )[0]!;
          const before = group(spends);
          const more = spends.map((s, i) => (i === raised % count ? s + extra : s));
          const after = group(more);
          expect(after.pooledSpendEur).toBeGreaterThan(before.pooledSpendEur);
          expect(after.estimatedBenefitEur).toBeGreaterThanOrEqual(before.estimatedBenefitEur);
          expect(before.estimatedBenefitEur).toBe(purchasingSavingEur(before.pooledSpendEur, 8));
        },
      ),
    );
  });
});
