// The rules of a services programme (an EDIH), each in one place: who a customer is, what a plan
// may hold and is worth, the figures of the dashboard; and the forms that become their JSON answers.
import { describe, expect, it } from 'vitest';
import {
  assessmentAnswerSchemaFor,
  deliveryAnswerSchemaFor,
  humanTaskAnswerSchemas,
} from '#shared/domain/human-tasks.ts';
import { programmeSchema } from '#shared/domain/programme.ts';
import {
  customerTypeOf,
  plannedServices,
  planValue,
  type ServiceRecord,
  servicePlanIssues,
} from '#shared/domain/services.ts';
import { servicesFigures } from '#shared/domain/services-figures.ts';
import { findPreset, miaServiceCatalogue } from '#shared/programmes/presets.ts';
import { taskFormToAnswer } from '#shared/schemas/task-forms.ts';
import { sampleDmaScores } from '../../support/fixtures.ts';

const services = { model: 'dma', collaboration: false, services: true } as const;

describe('customers of a services programme', () => {
  it('a public body as declared; a firm by its size figures', () => {
    expect(customerTypeOf({ declared: 'public_body', isSme: true, employees: 40 })).toBe('public_body');
    expect(customerTypeOf({ declared: 'firm', isSme: true, employees: 40 })).toBe('sme');
    expect(customerTypeOf({ isSme: false, employees: 499 })).toBe('small_midcap');
    expect(customerTypeOf({ isSme: false, employees: 500 })).toBe('large');
  });

  it('M.I.A. is a services programme open to every type; a services programme needs a catalogue', () => {
    const mia = findPreset('mia-edih');
    expect(mia?.delivery).toBe('services');
    expect(mia?.eligibility.customerTypes).toEqual(['sme', 'small_midcap', 'large', 'public_body']);
    expect(findPreset('sviluppo-pmi')?.delivery).toBe('project');
    const parsed = programmeSchema.safeParse({ ...mia, services: { catalogue: [] } });
    expect(parsed.success).toBe(false);
  });
});

describe('a service plan', () => {
  it('is worth its services one by one, with each one’s aid share', () => {
    const plan = [
      { serviceId: 'ai_for_smes_course', quantity: 2 },
      { serviceId: 'test_before_invest_lab', quantity: 1 },
    ];
    expect(planValue(plan, miaServiceCatalogue)).toEqual({ valueEur: 17_000, aidEur: 13_400 });
    expect(plannedServices(plan, miaServiceCatalogue).map((s) => [s.number, s.serviceId, s.aidEur])).toEqual([
      [1, 'ai_for_smes_course', 2_500],
      [2, 'ai_for_smes_course', 2_500],
      [3, 'test_before_invest_lab', 8_400],
    ]);
  });

  it('names what breaks the catalogue, a per-customer limit or the value cap', () => {
    expect(
      servicePlanIssues([{ serviceId: 'moon_landing', quantity: 1 }], miaServiceCatalogue, 60_000),
    ).toEqual([{ path: [0, 'serviceId'], message: 'validation.unknownService' }]);
    expect(
      servicePlanIssues([{ serviceId: 'technology_transfer', quantity: 2 }], miaServiceCatalogue, 60_000),
    ).toEqual([{ path: [0, 'quantity'], message: 'task.plan.overPerCustomer', params: { max: 1 } }]);
    expect(
      servicePlanIssues([{ serviceId: 'technology_transfer', quantity: 1 }], miaServiceCatalogue, 10_000),
    ).toEqual([{ path: [], message: 'task.plan.overValueCap', params: { amount: 10_000 } }]);
    expect(
      servicePlanIssues([{ serviceId: 'funding_advice', quantity: 2 }], miaServiceCatalogue, 60_000),
    ).toEqual([]);
  });

  it('is the services programme’s assessment part: required there (empty allowed), refused elsewhere, no project', () => {
    const base = { dma: sampleDmaScores, improvementAreas: ['digital'], findings: 'x' };
    expect(assessmentAnswerSchemaFor(services).parse(base)).toMatchObject({
      servicePlan: [],
      projectRecommended: false,
    });
    expect(assessmentAnswerSchemaFor(services).safeParse({ ...base, projectRecommended: true }).success).toBe(
      false,
    );
    const duplicate = assessmentAnswerSchemaFor(services).safeParse({
      ...base,
      servicePlan: [
        { serviceId: 'funding_advice', quantity: 1 },
        { serviceId: 'funding_advice', quantity: 1 },
      ],
    });
    expect(duplicate.success).toBe(false);
    const elsewhere = assessmentAnswerSchemaFor({ ...services, services: false }).safeParse({
      ...base,
      projectRecommended: false,
      servicePlan: [],
    });
    expect(elsewhere.success).toBe(false);
  });

  it('comes from the page: one quantity per service, blank or 0 for none, Italian numbers', () => {
    const answer = taskFormToAnswer(
      'assessment',
      {
        ...Object.fromEntries(Object.entries(sampleDmaScores).map(([k, v]) => [`dma.${k}`, String(v)])),
        'improvementAreas.0': 'digital',
        findings: 'Pochi dati',
        servicePlanAsked: 'yes',
        'servicePlan.ai_for_smes_course': '2',
        'servicePlan.cybersecurity_workshop': '',
        'servicePlan.funding_advice': '0',
      },
      'it',
    );
    expect(assessmentAnswerSchemaFor(services).parse(answer).servicePlan).toEqual([
      { serviceId: 'ai_for_smes_course', quantity: 2 },
    ]);
  });
});

describe('a service’s delivery record', () => {
  const schema = humanTaskAnswerSchemas.delivery;

  it('is delivered (a day not in the future, hours) or not delivered with a reason, never both', () => {
    expect(schema.safeParse({ deliveredOn: '2026-03-02', hours: 8, participants: 5 }).success).toBe(true);
    expect(schema.safeParse({ notDelivered: true, reason: 'Annullato' }).success).toBe(true);
    expect(schema.safeParse({ deliveredOn: '2026-03-02' }).success).toBe(false);
    expect(schema.safeParse({ notDelivered: true }).success).toBe(false);
    expect(schema.safeParse({ notDelivered: true, reason: 'x', hours: 3 }).success).toBe(false);
    expect(schema.safeParse({ deliveredOn: '2999-01-01', hours: 2 }).success).toBe(false);
  });

  it('gives the investment triggered for access-to-finance support only, never with not delivered', () => {
    const delivered = { deliveredOn: '2026-03-02', hours: 8, investmentTriggeredEur: 250_000 };
    expect(deliveryAnswerSchemaFor('investment_support').safeParse(delivered).success).toBe(true);
    const elsewhere = deliveryAnswerSchemaFor('skills_training').safeParse(delivered);
    expect(elsewhere.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['investmentTriggeredEur'], 'validation.investmentOnlyForInvestmentSupport'],
    ]);
    expect(
      deliveryAnswerSchemaFor('investment_support').safeParse({
        notDelivered: true,
        reason: 'x',
        investmentTriggeredEur: 1,
      }).success,
    ).toBe(false);
    expect(
      taskFormToAnswer(
        'delivery',
        { outcome: 'delivered', deliveredOn: '2026-03-02', hours: '4', investmentTriggeredEur: '250.000,50' },
        'it',
      ),
    ).toEqual({ deliveredOn: '2026-03-02', hours: 4, investmentTriggeredEur: 250_000.5 });
  });

  it('comes from the page: the outcome radio keeps only its own fields', () => {
    expect(
      taskFormToAnswer(
        'delivery',
        { outcome: 'delivered', deliveredOn: '2026-03-02', hours: '7,5', reason: 'x' },
        'it',
      ),
    ).toEqual({ deliveredOn: '2026-03-02', hours: 7.5 });
    expect(
      taskFormToAnswer('delivery', { outcome: 'not_delivered', reason: 'Rinviato', hours: '3' }, 'it'),
    ).toEqual({
      notDelivered: true,
      reason: 'Rinviato',
    });
  });
});

describe('the services figures', () => {
  const service = (applicationId: string, n: number, over: Partial<ServiceRecord>): ServiceRecord => ({
    applicationId,
    programmeId: 'p',
    number: n,
    serviceId: 'ai_for_smes_course',
    category: 'skills_training',
    mode: 'training',
    valueEur: 2_500,
    aidEur: 2_500,
    status: 'delivered',
    plannedAt: '2026-02-01T10:00:00.000Z',
    deliveredOn: '2026-02-11',
    ...over,
  });

  it('count customers reached once, split by type and mode, and value against the plan', () => {
    const figures = servicesFigures({
      plannedEur: 20_000,
      targetSmes: 10,
      customers: [
        { applicationId: 'a', customerType: 'sme', registeredAt: '2026-02-01T08:00:00.000Z' },
        { applicationId: 'b', customerType: 'public_body', registeredAt: '2026-02-01T08:00:00.000Z' },
        { applicationId: 'c', customerType: 'sme', registeredAt: '2026-02-01T08:00:00.000Z' },
      ],
      services: [
        service('a', 1, {}),
        service('a', 2, {
          mode: 'consulting',
          category: 'test_before_invest',
          valueEur: 12_000,
          aidEur: 8_400,
          deliveredOn: '2026-02-21',
        }),
        service('b', 1, { deliveredOn: '2026-02-05' }),
        service('c', 1, { status: 'not_delivered', deliveredOn: undefined }),
        service('c', 2, { status: 'planned', deliveredOn: undefined }),
      ],
      dma: [{ applicationId: 'a', t0: sampleDmaScores, t1: { ...sampleDmaScores, automationAndAi: 50 } }],
    });
    expect(figures).toMatchObject({
      customersReached: 2,
      smesReached: 1,
      byCustomerType: { sme: 1, public_body: 1, small_midcap: 0, large: 0 },
      deliveredEur: 17_000,
      deliveredPercent: 85,
      inDeliveryEur: 2_500,
      aidGrantedEur: 13_400,
      servicesDelivered: 3,
      servicesNotDelivered: 1,
      byMode: {
        training: { services: 2, customers: 2, customersPercent: 100 },
        consulting: { services: 1, customers: 1, customersPercent: 50 },
      },
      byCategory: { skills_training: { services: 2, valueEur: 5_000 }, test_before_invest: { services: 1 } },
      // a: 10 days, b: 4 days → median 7
      medianDaysToFirstService: 7,
    });
    expect(figures.byMode.training.servicesPercent).toBeCloseTo(66.7, 1);
    expect(figures.dma.t1.automationAndAi - figures.dma.t0.automationAndAi).toBe(30);
  });
});
