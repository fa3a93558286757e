// Services programmes (an EDIH such as M.I.A. Lombardia): the programme delivers services from a
// catalogue to its customers instead of financing one project each. The catalogue, the service
// plan an expert proposes with the T0 DMA, the customer types besides SMEs, and the figures a
// services dashboard and the EDIH network's reporting are made of. Pure: no I/O, no clock.
import * as z from 'zod';
import type { DeclaredCustomerKind } from '#shared/schemas/application.ts';
import { storableNumber } from '#shared/schemas/number.ts';
import { singleLine } from '#shared/schemas/text.ts';
import type { DmaDimension } from './manager.ts';

/** What a programme gives: one financed project per firm (today's flow), or catalogue services. */
export const deliveryKinds = ['project', 'services'] as const;
export type DeliveryKind = (typeof deliveryKinds)[number];

/** The EDIH service categories of the European network. */
export const serviceCategories = [
  'test_before_invest',
  'skills_training',
  'investment_support',
  'ecosystem_networking',
] as const;
export type ServiceCategory = (typeof serviceCategories)[number];

/** How a service is given: training (courses, workshops) or consulting (advice, technology transfer). */
export const serviceModes = ['training', 'consulting'] as const;
export type ServiceMode = (typeof serviceModes)[number];

/**
 * Who may be a customer: SMEs (by the size classes of the programme), small mid-caps (not SMEs,
 * fewer than 500 employees), larger firms and public bodies.
 */
export const customerTypes = ['sme', 'small_midcap', 'large', 'public_body'] as const;
export type CustomerType = (typeof customerTypes)[number];

/** The headcount below which a firm that is not an SME is a small mid-cap. */
export const smallMidcapEmployeesBelow = 500;

/**
 * The customer type of an applicant, the one rule behind screening, counts and the EDIH export: a
 * public body as declared; a firm by its size figures (an SME, a small mid-cap under 500 employees,
 * else large).
 */
export function customerTypeOf(applicant: {
  readonly declared?: DeclaredCustomerKind | undefined;
  readonly isSme: boolean;
  readonly employees: number;
}): CustomerType {
  if (applicant.declared === 'public_body') return 'public_body';
  if (applicant.isSme) return 'sme';
  return applicant.employees < smallMidcapEmployeesBelow ? 'small_midcap' : 'large';
}

const serviceId = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lowercase letters, digits and underscores');

export const catalogueServiceSchema = z.strictObject({
  id: serviceId,
  names: z.strictObject({ it: singleLine(1, 200), en: singleLine(1, 200) }),
  category: z.enum(serviceCategories),
  mode: z.enum(serviceModes),
  /** Market value of one service, in euro. */
  valueEur: storableNumber().positive().max(10_000_000),
  /** The part of the value that is state aid to the customer (the rest the customer pays). */
  aidSharePercent: storableNumber().min(0).max(100),
  /** How many of this service one customer may have; absent = no limit beyond the value cap. */
  maxPerCustomer: z.number().int().min(1).max(100).optional(),
  /**
   * Who delivers it and records each delivery (a partner of the hub, by a service address); absent =
   * the customer's expert.
   */
  provider: z.strictObject({ name: singleLine(2, 200), email: z.email() }).optional(),
});
export type CatalogueService = z.output<typeof catalogueServiceSchema>;

const hours = z
  .number()
  .positive()
  .max(24 * 365);

export const servicesSettingsSchema = z
  .strictObject({
    catalogue: z.array(catalogueServiceSchema).max(200),
    /** The providers record each planned service: a reminder, then the services left are not delivered. */
    delivery: z
      .strictObject({ reminderHours: hours, expiryHours: hours })
      .refine((d) => d.reminderHours < d.expiryHours, { message: 'reminder must come before expiry' })
      .default({ reminderHours: 60 * 24, expiryHours: 90 * 24 }),
    /** The T1 DMA: so long after the last service, then a reminder, then the office is told. */
    followUp: z
      .strictObject({ delayHours: hours, reminderHours: hours, expiryHours: hours })
      .refine((f) => f.reminderHours < f.expiryHours, { message: 'reminder must come before expiry' })
      .default({ delayHours: 90 * 24, reminderHours: 14 * 24, expiryHours: 30 * 24 }),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.catalogue.forEach((service, i) => {
      if (seen.has(service.id))
        ctx.addIssue({ code: 'custom', path: ['catalogue', i, 'id'], message: 'duplicate service id' });
      seen.add(service.id);
    });
  });
export type ServicesSettings = z.output<typeof servicesSettingsSchema>;

/** A programme that delivers no services: an empty catalogue. */
export const noServices: { catalogue: CatalogueService[] } = { catalogue: [] };

/** One line of a service plan: a catalogue service and how many of it. */
export const servicePlanSchema = z
  .array(
    z.strictObject({
      serviceId,
      quantity: z.number().int().min(1).max(100),
    }),
  )
  .max(30)
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.forEach((line, i) => {
      if (seen.has(line.serviceId))
        ctx.addIssue({ code: 'custom', path: [i, 'serviceId'], message: 'validation.duplicates' });
      seen.add(line.serviceId);
    });
  });
export type ServicePlan = z.output<typeof servicePlanSchema>;

export interface PlanIssue {
  readonly path: (string | number)[];
  readonly message: 'validation.unknownService' | 'task.plan.overPerCustomer' | 'task.plan.overValueCap';
  readonly params?: Record<string, number>;
}

/**
 * What a plan breaks, the one rule behind the assessment's page, its JSON answer and the office's
 * approval: each line names a catalogue service, at most its per-customer limit, and the whole plan
 * is worth at most the programme's per-customer cap.
 */
export function servicePlanIssues(
  plan: ServicePlan,
  catalogue: readonly CatalogueService[],
  perCustomerCapEur: number,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  plan.forEach((line, i) => {
    const service = catalogue.find((s) => s.id === line.serviceId);
    if (!service) issues.push({ path: [i, 'serviceId'], message: 'validation.unknownService' });
    else if (service.maxPerCustomer !== undefined && line.quantity > service.maxPerCustomer)
      issues.push({
        path: [i, 'quantity'],
        message: 'task.plan.overPerCustomer',
        params: { max: service.maxPerCustomer },
      });
  });
  if (issues.length === 0) {
    const value = planValue(plan, catalogue).valueEur;
    if (value > perCustomerCapEur)
      issues.push({ path: [], message: 'task.plan.overValueCap', params: { amount: perCustomerCapEur } });
  }
  return issues;
}

/** A planned service, one per unit of each plan line, numbered 1… in plan order. */
export interface PlannedService {
  readonly number: number;
  readonly serviceId: string;
  readonly category: ServiceCategory;
  readonly mode: ServiceMode;
  readonly valueEur: number;
  readonly aidEur: number;
}

const cents = (eur: number) => Math.round(eur * 100) / 100;

/** The plan's services one by one (known lines only), with each one's value and aid. */
export function plannedServices(plan: ServicePlan, catalogue: readonly CatalogueService[]): PlannedService[] {
  const services: PlannedService[] = [];
  for (const line of plan) {
    const service = catalogue.find((s) => s.id === line.serviceId);
    if (!service) continue;
    for (let unit = 0; unit < line.quantity; unit++)
      services.push({
        number: services.length + 1,
        serviceId: service.id,
        category: service.category,
        mode: service.mode,
        valueEur: service.valueEur,
        aidEur: cents((service.valueEur * service.aidSharePercent) / 100),
      });
  }
  return services;
}

/** What a plan is worth, and the state aid in it. */
export function planValue(
  plan: ServicePlan,
  catalogue: readonly CatalogueService[],
): { valueEur: number; aidEur: number } {
  const services = plannedServices(plan, catalogue);
  return {
    valueEur: cents(services.reduce((sum, s) => sum + s.valueEur, 0)),
    aidEur: cents(services.reduce((sum, s) => sum + s.aidEur, 0)),
  };
}

/** A service's delivery as its provider records it, or its not being delivered, with why. */
export const serviceStatuses = ['planned', 'delivered', 'not_delivered'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export type NotDeliveredReason = 'provider' | 'expired' | 'withdrawn';

/** A service as stored: planned, then delivered or not. */
export interface ServiceRecord extends PlannedService {
  readonly applicationId: string;
  readonly programmeId: string;
  readonly status: ServiceStatus;
  /** When the plan was approved (the service's start). */
  readonly plannedAt: string;
  readonly deliveredOn?: string;
  readonly hours?: number;
  readonly participants?: number;
  /** Access-to-finance support: the investment it triggered, as its provider recorded it. */
  readonly investmentTriggeredEur?: number;
  /** Why it was not delivered: the provider said so, its deadline passed, or the customer withdrew. */
  readonly notDeliveredBecause?: NotDeliveredReason;
  readonly recordedAt?: string;
}

export type DmaScores = Readonly<Record<DmaDimension, number>>;

/** NUTS-2 of Lombardy and NUTS-3 of each of its provinces (2021 classification). */
export const lombardyNuts2 = 'ITC4';
export const nuts3OfProvince = {
  VA: 'ITC41',
  CO: 'ITC42',
  LC: 'ITC43',
  SO: 'ITC44',
  BG: 'ITC46',
  BS: 'ITC47',
  PV: 'ITC48',
  LO: 'ITC49',
  CR: 'ITC4A',
  MN: 'ITC4B',
  MI: 'ITC4C',
  MB: 'ITC4D',
} as const;
