// The figures of a services programme's dashboard (an EDIH): customers reached and SMEs among
// them, value delivered against the plan, by category and mode, the aid, the DMA from T0 to T1 and
// the time to a first service. Pure: computed from the stored customers, services and DMA pairs.
import { dmaOverall } from './dma-score.ts';
import { type DmaDimension, dmaDimensions } from './manager.ts';
import {
  type CustomerType,
  customerTypes,
  type DmaScores,
  type ServiceCategory,
  type ServiceMode,
  type ServiceRecord,
  serviceCategories,
  serviceModes,
} from './services.ts';

const cents = (eur: number) => Math.round(eur * 100) / 100;

/** The services figures of a programme, computed from its customers, services and DMAs. */
export interface ServicesFigures {
  readonly customersReached: number;
  readonly smesReached: number;
  readonly byCustomerType: Readonly<Record<CustomerType, number>>;
  readonly targetSmes: number | undefined;
  /** The programme's planned value of services (its budget), delivered so far, and the share. */
  readonly plannedEur: number;
  readonly deliveredEur: number;
  readonly deliveredPercent: number;
  /** Value of approved plans still to be delivered. */
  readonly inDeliveryEur: number;
  readonly aidGrantedEur: number;
  /** Investment triggered by access-to-finance support (investment_support services delivered). */
  readonly investmentTriggeredEur: number;
  readonly servicesDelivered: number;
  readonly servicesNotDelivered: number;
  readonly byCategory: Readonly<Record<ServiceCategory, { services: number; valueEur: number }>>;
  /** Services delivered of each mode, and customers with at least one of each. */
  readonly byMode: Readonly<
    Record<
      ServiceMode,
      { services: number; servicesPercent: number; customers: number; customersPercent: number }
    >
  >;
  /** Customers with both T0 and T1: mean score of each dimension and overall, before and after. */
  readonly dma: {
    readonly customers: number;
    readonly t0: Readonly<Record<DmaDimension | 'overall', number>>;
    readonly t1: Readonly<Record<DmaDimension | 'overall', number>>;
  };
  /** Median days from registration (the application) to the first service delivered. */
  readonly medianDaysToFirstService: number | undefined;
}

export interface ServicesFiguresInput {
  readonly plannedEur: number;
  readonly targetSmes?: number | undefined;
  readonly customers: readonly { applicationId: string; customerType: CustomerType; registeredAt: string }[];
  readonly services: readonly ServiceRecord[];
  readonly dma: readonly { applicationId: string; t0: DmaScores; t1: DmaScores }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : round1((part / whole) * 100));

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : round1(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/**
 * The services dashboard's figures. A customer is reached once a service of theirs was delivered;
 * "SMEs" counts those of type sme among them.
 */
export function servicesFigures(input: ServicesFiguresInput): ServicesFigures {
  const delivered = input.services.filter((s) => s.status === 'delivered');
  const reachedIds = new Set(delivered.map((s) => s.applicationId));
  const reached = input.customers.filter((c) => reachedIds.has(c.applicationId));
  const byCustomerType = Object.fromEntries(customerTypes.map((type) => [type, 0])) as Record<
    CustomerType,
    number
  >;
  for (const customer of reached) byCustomerType[customer.customerType]++;
  const deliveredEur = cents(delivered.reduce((sum, s) => sum + s.valueEur, 0));
  const byCategory = Object.fromEntries(
    serviceCategories.map((category) => {
      const of = delivered.filter((s) => s.category === category);
      return [category, { services: of.length, valueEur: cents(of.reduce((sum, s) => sum + s.valueEur, 0)) }];
    }),
  ) as Record<ServiceCategory, { services: number; valueEur: number }>;
  const byMode = Object.fromEntries(
    serviceModes.map((mode) => {
      const of = delivered.filter((s) => s.mode === mode);
      const customers = new Set(of.map((s) => s.applicationId)).size;
      return [
        mode,
        {
          services: of.length,
          servicesPercent: percentOf(of.length, delivered.length),
          customers,
          customersPercent: percentOf(customers, reached.length),
        },
      ];
    }),
  ) as ServicesFigures['byMode'];
  const firstService = new Map<string, string>();
  for (const service of delivered) {
    const first = firstService.get(service.applicationId);
    if (service.deliveredOn && (!first || service.deliveredOn < first))
      firstService.set(service.applicationId, service.deliveredOn);
  }
  const days = reached.flatMap((customer) => {
    const first = firstService.get(customer.applicationId);
    if (!first) return [];
    const registered = Date.parse(customer.registeredAt.slice(0, 10));
    return [Math.max(0, Math.round((Date.parse(first) - registered) / 86_400_000))];
  });
  const mean = (pick: (row: ServicesFiguresInput['dma'][number]) => number) =>
    input.dma.length === 0
      ? 0
      : round1(input.dma.reduce((sum, row) => sum + pick(row), 0) / input.dma.length);
  const dmaMeans = (which: 't0' | 't1') =>
    ({
      ...Object.fromEntries(dmaDimensions.map((d) => [d, mean((row) => row[which][d])])),
      overall: mean((row) => dmaOverall(row[which])),
    }) as Record<DmaDimension | 'overall', number>;
  return {
    customersReached: reached.length,
    smesReached: byCustomerType.sme,
    byCustomerType,
    targetSmes: input.targetSmes,
    plannedEur: input.plannedEur,
    deliveredEur,
    deliveredPercent: percentOf(deliveredEur, input.plannedEur),
    inDeliveryEur: cents(
      input.services.filter((s) => s.status === 'planned').reduce((sum, s) => sum + s.valueEur, 0),
    ),
    aidGrantedEur: cents(delivered.reduce((sum, s) => sum + s.aidEur, 0)),
    investmentTriggeredEur: cents(delivered.reduce((sum, s) => sum + (s.investmentTriggeredEur ?? 0), 0)),
    servicesDelivered: delivered.length,
    servicesNotDelivered: input.services.filter((s) => s.status === 'not_delivered').length,
    byCategory,
    byMode,
    dma: { customers: input.dma.length, t0: dmaMeans('t0'), t1: dmaMeans('t1') },
    medianDaysToFirstService: median(days),
  };
}
