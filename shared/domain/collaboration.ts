// Collaboration between the firms of a programme (MechNet's second half): each firm's profile (what
// it buys, what it can offer and needs of machines, services and workforce, its brands, whether it
// wants stable collaboration), the programme's catalogue its codes come from, and the opportunity
// finder. Pure: no I/O, no clock.
import * as z from 'zod';
import { storableNumber } from '#shared/schemas/number.ts';
import { multiLine, singleLine } from '#shared/schemas/text.ts';
import { minCostFlow } from './min-cost-flow.ts';

const code = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lowercase letters, digits and underscores');
const names = z.strictObject({ it: singleLine(1, 200), en: singleLine(1, 200) });

/** What a firm can share or needs: a machine's time, a service (design, sales…), people's hours. */
export const resourceKinds = ['machine', 'service', 'workforce'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

const hours = z
  .number()
  .positive()
  .max(24 * 365);

/** The codes a profile may use, each with its Italian and English name: data, extendable per programme. */
export const collaborationCatalogueSchema = z.strictObject({
  /** Purchasing categories, each with the saving rate pooled purchasing is expected to bring. */
  purchasing: z
    .array(z.strictObject({ code, names, savingRatePercent: storableNumber().min(0).max(50) }))
    .max(200),
  /** Machines, services and workforce skills, each with the value of one hour of it. */
  resources: z
    .array(
      z.strictObject({
        code,
        kind: z.enum(resourceKinds),
        names,
        hourlyValueEur: storableNumber().min(0).max(10_000),
      }),
    )
    .max(500),
  /** Quality and territorial brands, with what holding one costs a firm alone each year. */
  brands: z
    .array(z.strictObject({ code, names, annualCostEur: storableNumber().min(0).max(1_000_000) }))
    .max(100),
});
export type CollaborationCatalogue = z.output<typeof collaborationCatalogueSchema>;

export const collaborationSettingsSchema = z
  .strictObject({
    enabled: z.boolean(),
    catalogue: collaborationCatalogueSchema.default({ purchasing: [], resources: [], brands: [] }),
    /** How long a firm has to join or decline a proposed collaboration: a reminder, then expiry. */
    invitation: z
      .strictObject({ reminderHours: hours, expiryHours: hours })
      .refine((i) => i.reminderHours < i.expiryHours, { message: 'reminder must come before expiry' })
      .default({ reminderHours: 5 * 24, expiryHours: 10 * 24 }),
    /** Periodic verification: a coordinator's report every so many hours, so many times. */
    verification: z
      .strictObject({
        everyHours: hours,
        cycles: z.number().int().min(1).max(40),
        reminderHours: hours,
        expiryHours: hours,
        /** A member with no benefit for this many cycles in a row is flagged to the office. */
        noBenefitCycles: z.number().int().min(1).max(40),
      })
      .refine((v) => v.reminderHours < v.expiryHours, { message: 'reminder must come before expiry' })
      .default({
        everyHours: 90 * 24,
        cycles: 4,
        reminderHours: 7 * 24,
        expiryHours: 14 * 24,
        noBenefitCycles: 2,
      }),
  })
  .superRefine((settings, ctx) => {
    const { purchasing, resources, brands } = settings.catalogue;
    for (const [list, entries] of [
      ['purchasing', purchasing],
      ['resources', resources],
      ['brands', brands],
    ] as const) {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        if (seen.has(entry.code))
          ctx.addIssue({
            code: 'custom',
            path: ['catalogue', list, i, 'code'],
            message: 'code listed twice',
          });
        seen.add(entry.code);
      });
    }
  });
export type CollaborationSettings = z.output<typeof collaborationSettingsSchema>;

export const noCollaboration: z.input<typeof collaborationSettingsSchema> = { enabled: false };

const hoursPerMonth = z.number().int().positive().max(744);
const resourceEntry = z.strictObject({ kind: z.enum(resourceKinds), what: code, hoursPerMonth });

/**
 * A firm's collaboration profile, as the manager records it with the assessment. The codes are
 * checked against the programme's catalogue by {@link collaborationProfileIssues}.
 */
export const collaborationProfileSchema = z.strictObject(
  {
    purchasing: z
      .array(z.strictObject({ category: code, annualSpendEur: storableNumber().positive().max(1e10) }))
      .max(50)
      .default([]),
    offers: z.array(resourceEntry).max(50).default([]),
    needs: z.array(resourceEntry).max(50).default([]),
    brands: z.array(code).max(20).default([]),
    interestedInNetwork: z.boolean(),
  },
  { error: (issue) => (issue.input === undefined ? 'validation.required' : undefined) },
);
export type CollaborationProfile = z.output<typeof collaborationProfileSchema>;

export interface ProfileIssue {
  readonly path: (string | number)[];
  readonly message: 'validation.collaboration.unknownCode' | 'validation.duplicates';
}

/**
 * Where a profile uses a code its programme's catalogue does not have (or a resource under another
 * kind than the catalogue's), or lists the same thing twice. The one rule the page, the JSON answer
 * and the demo loader pass through.
 */
export function collaborationProfileIssues(
  profile: CollaborationProfile,
  catalogue: CollaborationCatalogue,
): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const categories = new Set(catalogue.purchasing.map((entry) => entry.code));
  const kindOf = new Map(catalogue.resources.map((entry) => [entry.code, entry.kind]));
  const brands = new Set(catalogue.brands.map((entry) => entry.code));
  const twice = (values: string[], path: (string | number)[]) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) issues.push({ path: [...path, i], message: 'validation.duplicates' });
      seen.add(value);
    });
  };
  profile.purchasing.forEach((entry, i) => {
    if (!categories.has(entry.category))
      issues.push({ path: ['purchasing', i, 'category'], message: 'validation.collaboration.unknownCode' });
  });
  twice(
    profile.purchasing.map((entry) => entry.category),
    ['purchasing'],
  );
  for (const side of ['offers', 'needs'] as const) {
    profile[side].forEach((entry, i) => {
      if (kindOf.get(entry.what) !== entry.kind)
        issues.push({ path: [side, i, 'what'], message: 'validation.collaboration.unknownCode' });
    });
    twice(
      profile[side].map((entry) => entry.what),
      [side],
    );
  }
  profile.brands.forEach((brand, i) => {
    if (!brands.has(brand))
      issues.push({ path: ['brands', i], message: 'validation.collaboration.unknownCode' });
  });
  twice(profile.brands, ['brands']);
  return issues;
}

/** A firm as the finder sees it: its profile and where it is (pairings prefer the same province). */
export interface CollaboratingFirm {
  readonly applicationId: string;
  readonly province: string;
  readonly profile: CollaborationProfile;
}

export const opportunityKinds = ['purchasing_group', 'resource_sharing', 'brand_group', 'network'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

/** Hours of one firm's offer going to another firm's need, each month. */
export interface Pairing {
  readonly from: string;
  readonly to: string;
  readonly hoursPerMonth: number;
}

interface OpportunityBase {
  /** Stable while the profiles behind it do not change: `<kind>.<code>` (`network` alone). */
  readonly id: string;
  /** The firms it ties, by applicationId, sorted. */
  readonly members: readonly string[];
  /** Estimated yearly benefit for the members together, in euro (rounded to the cent). */
  readonly estimatedBenefitEur: number;
}

/** Why an opportunity was found: the fields that matched, per kind. */
export type Opportunity =
  | (OpportunityBase & {
      readonly kind: 'purchasing_group';
      readonly category: string;
      readonly spends: readonly { applicationId: string; annualSpendEur: number }[];
      readonly pooledSpendEur: number;
      readonly savingRatePercent: number;
    })
  | (OpportunityBase & {
      readonly kind: 'resource_sharing';
      readonly resourceKind: ResourceKind;
      readonly what: string;
      readonly offeredHours: number;
      readonly neededHours: number;
      readonly pairings: readonly Pairing[];
      readonly hourlyValueEur: number;
    })
  | (OpportunityBase & {
      readonly kind: 'brand_group';
      readonly brand: string;
      readonly annualCostEur: number;
    })
  | (OpportunityBase & {
      readonly kind: 'network';
      /** Interested firms, most tied first: how many opportunities tie each to the other candidates. */
      readonly ranking: readonly { applicationId: string; ties: number }[];
    });

const cents = (value: number) => Math.round(value * 100) / 100;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The yearly saving a purchasing group is expected to bring: the category's rate of its pooled spend. */
export function purchasingSavingEur(pooledSpendEur: number, savingRatePercent: number): number {
  return cents((pooledSpendEur * savingRatePercent) / 100);
}

/** Firms listing the same purchasing category: two or more pool their spend. */
function purchasingGroups(
  firms: readonly CollaboratingFirm[],
  catalogue: CollaborationCatalogue,
): Opportunity[] {
  const out: Opportunity[] = [];
  for (const category of catalogue.purchasing) {
    const spends = firms.flatMap((firm) =>
      firm.profile.purchasing
        .filter((entry) => entry.category === category.code)
        .map((entry) => ({ applicationId: firm.applicationId, annualSpendEur: entry.annualSpendEur })),
    );
    if (new Set(spends.map((s) => s.applicationId)).size < 2) continue;
    const pooledSpendEur = cents(spends.reduce((sum, s) => sum + s.annualSpendEur, 0));
    out.push({
      id: `purchasing_group.${category.code}`,
      kind: 'purchasing_group',
      category: category.code,
      members: [...new Set(spends.map((s) => s.applicationId))].sort(byString),
      spends,
      pooledSpendEur,
      savingRatePercent: category.savingRatePercent,
      estimatedBenefitEur: purchasingSavingEur(pooledSpendEur, category.savingRatePercent),
    });
  }
  return out;
}

/**
 * Offers and needs of one machine, service or skill, paired as a transport problem on hours: the
 * most hours matched, then the fewest across provinces; never a firm with itself, never beyond the
 * hours either side declared.
 */
function resourcePairings(
  firms: readonly CollaboratingFirm[],
  resource: CollaborationCatalogue['resources'][number],
): Opportunity | undefined {
  const sideOf = (side: 'offers' | 'needs') =>
    firms.flatMap((firm) =>
      firm.profile[side]
        .filter((entry) => entry.what === resource.code && entry.kind === resource.kind)
        .map((entry) => ({ firm, hours: entry.hoursPerMonth })),
    );
  const offers = sideOf('offers').filter((o) => o.hours > 0);
  const needs = sideOf('needs').filter((n) => n.hours > 0);
  if (offers.length === 0 || needs.length === 0) return undefined;
  const edgeStart = new Int32Array(offers.length + 1);
  const edgeTo: number[] = [];
  const cost: number[] = [];
  const capacity: number[] = [];
  offers.forEach((offer, x) => {
    needs.forEach((need, y) => {
      if (need.firm.applicationId === offer.firm.applicationId) return;
      edgeTo.push(y);
      cost.push(need.firm.province === offer.firm.province ? 0 : 1);
      capacity.push(Math.min(offer.hours, need.hours));
    });
    edgeStart[x + 1] = edgeTo.length;
  });
  if (edgeTo.length === 0) return undefined;
  const { flow } = minCostFlow(
    offers.length,
    needs.length,
    Int32Array.from(offers, (o) => o.hours),
    Int32Array.from(needs, (n) => n.hours),
    edgeStart,
    Int32Array.from(edgeTo),
    Float64Array.from(cost),
    Int32Array.from(capacity),
  );
  const pairings: Pairing[] = [];
  offers.forEach((offer, x) => {
    for (let e = edgeStart[x]!; e < edgeStart[x + 1]!; e++) {
      if (flow[e]! > 0)
        pairings.push({
          from: offer.firm.applicationId,
          to: needs[edgeTo[e]!]!.firm.applicationId,
          hoursPerMonth: flow[e]!,
        });
    }
  });
  if (pairings.length === 0) return undefined;
  pairings.sort((a, b) => byString(a.from, b.from) || byString(a.to, b.to));
  const matched = pairings.reduce((sum, p) => sum + p.hoursPerMonth, 0);
  return {
    id: `resource_sharing.${resource.code}`,
    kind: 'resource_sharing',
    resourceKind: resource.kind,
    what: resource.code,
    members: [...new Set(pairings.flatMap((p) => [p.from, p.to]))].sort(byString),
    offeredHours: offers.reduce((sum, o) => sum + o.hours, 0),
    neededHours: needs.reduce((sum, n) => sum + n.hours, 0),
    pairings,
    hourlyValueEur: resource.hourlyValueEur,
    estimatedBenefitEur: cents(matched * 12 * resource.hourlyValueEur),
  };
}

/** Firms holding or wanting the same brand: sharing it saves all but one holder's cost. */
function brandGroups(firms: readonly CollaboratingFirm[], catalogue: CollaborationCatalogue): Opportunity[] {
  const out: Opportunity[] = [];
  for (const brand of catalogue.brands) {
    const members = firms
      .filter((firm) => firm.profile.brands.includes(brand.code))
      .map((firm) => firm.applicationId)
      .sort(byString);
    if (members.length < 2) continue;
    out.push({
      id: `brand_group.${brand.code}`,
      kind: 'brand_group',
      brand: brand.code,
      members: [...new Set(members)],
      annualCostEur: brand.annualCostEur,
      estimatedBenefitEur: cents(brand.annualCostEur * (members.length - 1)),
    });
  }
  return out;
}

/**
 * The firms interested in stable collaboration that other opportunities already tie to each other,
 * most tied first: the candidates of a network contract. Its benefit is the part of those
 * opportunities that falls to the candidates.
 */
function networkCandidates(
  firms: readonly CollaboratingFirm[],
  found: readonly Opportunity[],
): Opportunity | undefined {
  const interested = new Set(firms.filter((f) => f.profile.interestedInNetwork).map((f) => f.applicationId));
  const ties = new Map<string, number>();
  let benefit = 0;
  for (const opportunity of found) {
    const inNetwork = opportunity.members.filter((m) => interested.has(m));
    if (inNetwork.length < 2) continue;
    for (const member of inNetwork) ties.set(member, (ties.get(member) ?? 0) + inNetwork.length - 1);
    benefit += (opportunity.estimatedBenefitEur * inNetwork.length) / opportunity.members.length;
  }
  if (ties.size < 2) return undefined;
  const ranking = [...ties]
    .map(([applicationId, count]) => ({ applicationId, ties: count }))
    .sort((a, b) => b.ties - a.ties || byString(a.applicationId, b.applicationId));
  return {
    id: 'network',
    kind: 'network',
    members: ranking.map((r) => r.applicationId).sort(byString),
    ranking,
    estimatedBenefitEur: cents(benefit),
  };
}

/**
 * Every collaboration opportunity among a programme's firms: purchasing groups, offer↔need
 * pairings of machines, services and workforce, brand groups, and the network candidates. Ordered
 * by kind, then estimated benefit (largest first), then ID: the same profiles give the same list
 * whatever order they come in.
 */
export function findOpportunities(
  firms: readonly CollaboratingFirm[],
  catalogue: CollaborationCatalogue,
): Opportunity[] {
  const sorted = [...firms].sort((a, b) => byString(a.applicationId, b.applicationId));
  const found = [
    ...purchasingGroups(sorted, catalogue),
    ...catalogue.resources.flatMap((resource) => resourcePairings(sorted, resource) ?? []),
    ...brandGroups(sorted, catalogue),
  ];
  const network = networkCandidates(sorted, found);
  const all = network ? [...found, network] : found;
  return all.sort(
    (a, b) =>
      opportunityKinds.indexOf(a.kind) - opportunityKinds.indexOf(b.kind) ||
      b.estimatedBenefitEur - a.estimatedBenefitEur ||
      byString(a.id, b.id),
  );
}

/** The catalogue code an opportunity is about (the category, resource or brand); none for a network. */
export function opportunityCode(opportunity: Opportunity): string {
  switch (opportunity.kind) {
    case 'purchasing_group':
      return opportunity.category;
    case 'resource_sharing':
      return opportunity.what;
    case 'brand_group':
      return opportunity.brand;
    case 'network':
      return '';
  }
}

/** The catalogue entry's name of a code in a language (the code itself when the catalogue lost it). */
export function catalogueName(catalogue: CollaborationCatalogue, code: string, lang: 'it' | 'en'): string {
  const entry = [...catalogue.purchasing, ...catalogue.resources, ...catalogue.brands].find(
    (e) => e.code === code,
  );
  return entry ? entry.names[lang] : code;
}

// ---------------------------------------------------------------------------------------------
// Collaborations: an opportunity the office proposed, the firms invited, verified cycle by cycle

/**
 * inviting: the firms are deciding; active/paused: running, verified each cycle (paused as the
 * coordinator last reported); not_started: fewer than two firms joined; closed: ended with its
 * final report.
 */
export const collaborationStatuses = ['inviting', 'active', 'paused', 'not_started', 'closed'] as const;
export type CollaborationStatus = (typeof collaborationStatuses)[number];

/** invited: not answered yet; joined, declined; expired: did not answer in time; left: joined, then left. */
export const memberStatuses = ['invited', 'joined', 'declined', 'expired', 'left'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export interface CollaborationMember {
  readonly applicationId: string;
  /** Its number in the collaboration, from 1: the round of its join task. */
  readonly number: number;
  readonly companyName: string;
  readonly status: MemberStatus;
  readonly decidedAt?: string;
  /** Economic benefit reported for it so far, in euro. */
  readonly benefitEur: number;
  /** Verification cycles in a row reported with no benefit for it. */
  readonly noBenefitCycles: number;
  /** When the office was told it has had no benefit for the programme's number of cycles. */
  readonly flaggedAt?: string;
}

/** The network contract's content (art. 3 c. 4-ter DL 5/2009), filled by the office. */
export const networkContractSchema = z.strictObject({
  /** The network's name, as the contract will state it. */
  name: singleLine(3, 200),
  /** Strategic objectives: innovation and competitiveness, and how progress is measured. */
  objectives: z.array(singleLine(3, 500)).min(1).max(20),
  /** The network programme: what the participants will do together. */
  programme: multiLine(3, 4000),
  /** Each participant's rights and obligations (one text for all, by the office). */
  rightsAndObligations: multiLine(3, 4000),
  durationMonths: z.number().int().min(6).max(240),
  /** How new firms may join. */
  joiningRules: multiLine(3, 2000),
  /** How a participant may withdraw, and when. */
  withdrawalRules: multiLine(3, 2000),
  /** Optional: a common fund, with each participant's contribution in euro. */
  commonFund: z
    .strictObject({
      contributionsEur: z.record(z.uuid(), storableNumber().min(0).max(10_000_000)),
      rules: multiLine(3, 2000),
    })
    .optional(),
  /** Optional: a common body executing the contract, with its powers. */
  commonBody: z.strictObject({ name: singleLine(1, 200), powers: multiLine(3, 2000) }).optional(),
});
export type NetworkContract = z.output<typeof networkContractSchema>;

/** The signature of the network contract and its filing in the companies' register. */
export const contractSignatureSchema = z.strictObject({
  signedOn: z.iso.date(),
  /** Members who signed: the network's members. */
  signatories: z.array(z.uuid()).min(2).max(100),
  filedOn: z.iso.date(),
  /** The filing's reference in the Registro delle imprese. */
  registryReference: singleLine(3, 100),
});
export type ContractSignature = z.output<typeof contractSignatureSchema>;

export interface CollaborationRecord {
  readonly collaborationId: string;
  readonly programmeId: string;
  /** The opportunity as it was found when proposed (the finder's ID, kind, why, estimate). */
  readonly opportunity: Opportunity;
  readonly status: CollaborationStatus;
  readonly coordinatorManagerId: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Keyed by applicationId. */
  readonly members: Readonly<Record<string, CollaborationMember>>;
  /** The waiting invitation state's task token (the firms' answers complete it together). */
  readonly invitationToken?: string;
  readonly startedAt?: string;
  /** Verification cycles reported (or missed) so far. */
  readonly cyclesDone: number;
  readonly benefitTotalEur: number;
  readonly closedAt?: string;
  readonly contract?: NetworkContract;
  readonly signature?: ContractSignature;
}

/** Members who joined and have not left: those the coordinator reports on. */
export function activeMembers(collaboration: Pick<CollaborationRecord, 'members'>): CollaborationMember[] {
  return Object.values(collaboration.members)
    .filter((member) => member.status === 'joined')
    .sort((a, b) => a.number - b.number);
}

/** A collaboration needs two firms: fewer joined (or left) and it does not start (or it ends). */
export const minimumMembers = 2;

export interface ReportIssue {
  readonly path: (string | number)[];
  readonly message: 'validation.collaboration.notMember' | 'validation.required';
}

/**
 * What a coordinator's report must name: a benefit for each member taking part now and for no
 * other firm, members leaving among those taking part. The one rule the page and the JSON answer pass.
 */
export function collaborationReportIssues(
  report: { benefits: readonly { applicationId: string }[]; left: readonly string[] },
  collaboration: Pick<CollaborationRecord, 'members'>,
): ReportIssue[] {
  const members = new Set(activeMembers(collaboration).map((m) => m.applicationId));
  const issues: ReportIssue[] = [];
  report.benefits.forEach((benefit, i) => {
    if (!members.has(benefit.applicationId))
      issues.push({ path: ['benefits', i, 'applicationId'], message: 'validation.collaboration.notMember' });
  });
  const named = new Set(report.benefits.map((b) => b.applicationId));
  // The form lists the members taking part in order: a missing one is named by its row.
  activeMembers(collaboration).forEach((member, row) => {
    if (!named.has(member.applicationId))
      issues.push({ path: ['benefits', row, 'economicBenefitEur'], message: 'validation.required' });
  });
  report.left.forEach((applicationId, i) => {
    if (!members.has(applicationId))
      issues.push({ path: ['left', i], message: 'validation.collaboration.notMember' });
  });
  return issues;
}

/** Collaborations that got going: their members took part (whatever happened after). */
const startedStatuses: ReadonlySet<CollaborationStatus> = new Set(['active', 'paused', 'closed']);
const tookPart = (member: CollaborationMember) => member.status === 'joined' || member.status === 'left';

export interface CollaborationFigures {
  /** Collaborations by kind, then by status. */
  readonly byKind: Readonly<Record<OpportunityKind, Readonly<Record<CollaborationStatus, number>>>>;
  /** Firms that took part in a collaboration that started, out of the firms with a profile. */
  readonly firmsTakingPart: number;
  readonly programmeFirms: number;
  /** Yearly spend pooled by the purchasing groups that started, counting the firms that joined. */
  readonly pooledPurchasingEur: number;
  /** Economic benefit reported for each firm, largest first. */
  readonly benefitByFirm: readonly { applicationId: string; companyName: string; benefitEur: number }[];
  readonly benefitTotalEur: number;
  /** Network contracts signed and filed. */
  readonly networksFormed: number;
}

/** The programme's collaboration figures, from its collaborations as stored (the dashboard's one rule). */
export function collaborationFigures(
  collaborations: readonly CollaborationRecord[],
  programmeFirms: number,
): CollaborationFigures {
  const byKind = Object.fromEntries(
    opportunityKinds.map((kind) => [
      kind,
      Object.fromEntries(collaborationStatuses.map((status) => [status, 0])),
    ]),
  ) as Record<OpportunityKind, Record<CollaborationStatus, number>>;
  const firms = new Set<string>();
  const benefit = new Map<string, { applicationId: string; companyName: string; benefitEur: number }>();
  let pooled = 0;
  let total = 0;
  let networks = 0;
  for (const collaboration of collaborations) {
    byKind[collaboration.opportunity.kind][collaboration.status] += 1;
    if (collaboration.signature) networks += 1;
    if (!startedStatuses.has(collaboration.status)) continue;
    const members = Object.values(collaboration.members).filter(tookPart);
    for (const member of members) {
      firms.add(member.applicationId);
      const entry = benefit.get(member.applicationId) ?? {
        applicationId: member.applicationId,
        companyName: member.companyName,
        benefitEur: 0,
      };
      entry.benefitEur = cents(entry.benefitEur + member.benefitEur);
      benefit.set(member.applicationId, entry);
      total += member.benefitEur;
    }
    if (collaboration.opportunity.kind === 'purchasing_group') {
      const joined = new Set(members.map((m) => m.applicationId));
      for (const spend of collaboration.opportunity.spends)
        if (joined.has(spend.applicationId)) pooled += spend.annualSpendEur;
    }
  }
  return {
    byKind,
    firmsTakingPart: firms.size,
    programmeFirms,
    pooledPurchasingEur: cents(pooled),
    benefitByFirm: [...benefit.values()].sort(
      (a, b) => b.benefitEur - a.benefitEur || byString(a.companyName, b.companyName),
    ),
    benefitTotalEur: cents(total),
    networksFormed: networks,
  };
}
