// The services dashboard after a randomised concurrent run: customers of every type apply at once,
// their expert proposes random plans, the office approves them, the providers record each service
// as delivered or not in random order, the T1s are taken; then the dashboard's figures (JSON, as the
// office's tools read them) must equal a recount of what the test itself did, and the programme's
// running totals must agree with both.
import { describe, expect, it } from 'vitest';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import type { ServicesFigures } from '#shared/domain/services-figures.ts';
import { miaServiceCatalogue } from '#shared/programmes/presets.ts';
import { eventually, sampleDmaScores, seededRandom } from '../support/fixtures.ts';
import {
  apply,
  emailTo,
  finished,
  local,
  newManager,
  type OutboxMessage,
  outbox,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';
import { servicesAssessment, servicesProgramme } from '../support/services-kit.ts';

const customers = 10;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('services dashboard', () => {
  it('equals a recount after a randomised concurrent run', async () => {
    const random = seededRandom(Number(process.env.SERVICES_SEED ?? 20261206));
    const expert = await newManager({ capacity: customers + 2 });
    const programme = await servicesProgramme([expert], {
      budget: { totalEur: 2_000_000, perProjectCapEur: 60_000 },
    });
    const truth = {
      delivered: [] as { mode: string; valueEur: number; aidEur: number; customer: string }[],
      notDelivered: 0,
    };
    const kinds: string[] = [];

    const run = async (index: number) => {
      const kind = random() < 0.6 ? 'sme' : random() < 0.5 ? 'large' : 'public_body';
      kinds.push(kind);
      const customer = await apply(programme.id, 'it', (application) => {
        if (kind === 'public_body')
          (application.company as Record<string, unknown>).customerKind = 'public_body';
        if (kind === 'large')
          Object.assign(application.size, {
            employees: 600,
            turnoverEur: 120_000_000,
            balanceSheetEur: 90_000_000,
          });
      });
      const company = escapeRegExp(customer.companyName);
      await postJson(
        taskLink(await emailTo(expert.email, new RegExp(`Proposta di incarico: ${company}`), 1, 60_000)),
        {
          decision: 'accept',
        },
      );
      // One to three catalogue services, within their limits.
      const lines = [...miaServiceCatalogue]
        .sort(() => random() - 0.5)
        .slice(0, 1 + Math.floor(random() * 3));
      const plan = lines.map((service) => ({
        serviceId: service.id,
        quantity: 1 + Math.floor(random() * (service.maxPerCustomer ?? 1)),
      }));
      const assessed = await postJson(
        taskLink(await emailTo(expert.email, new RegExp(`Registra l’assessment di ${company}`), 1, 60_000)),
        servicesAssessment(plan),
      );
      expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
      const value = plan.reduce(
        (sum, line) =>
          sum + line.quantity * (miaServiceCatalogue.find((s) => s.id === line.serviceId)?.valueEur ?? 0),
        0,
      );
      const approval = await emailTo(
        programme.officeEmail,
        new RegExp(`Decisione sul finanziamento: ${company}`),
        1,
        60_000,
      );
      expect((await postJson(taskLink(approval), { decision: 'approve', amountEur: value })).status).toBe(
        200,
      );
      const units = plan.reduce((sum, line) => sum + line.quantity, 0);
      const deliveries = await eventually(async () => {
        // One message per link: a step retried under load may e-mail the same link twice (the
        // outbox sends at least once), and its second POST would rightly answer 409.
        const byLink = new Map<string, OutboxMessage>();
        for (const m of await outbox())
          if (
            m.to.includes(expert.email) &&
            m.subject.startsWith('Registra il servizio') &&
            m.subject.includes(customer.companyName)
          )
            byLink.set(taskLink(m), m);
        return byLink.size >= units ? [...byLink.values()] : undefined;
      }, 60_000);
      let deliveredHere = 0;
      for (const message of deliveries.sort(() => random() - 0.5)) {
        const service = miaServiceCatalogue.find((s) => message.subject.includes(s.names.it));
        if (!service) throw new Error(`unknown service in "${message.subject}"`);
        if (random() < 0.8) {
          const answer = await postJson(taskLink(message), { deliveredOn: '2026-05-04', hours: 6 });
          expect(answer.status).toBe(200);
          truth.delivered.push({
            mode: service.mode,
            valueEur: service.valueEur,
            aidEur: (service.valueEur * service.aidSharePercent) / 100,
            customer: customer.applicationId,
          });
          deliveredHere++;
        } else {
          expect((await postJson(taskLink(message), { notDelivered: true, reason: 'Rinviato' })).status).toBe(
            200,
          );
          truth.notDelivered++;
        }
      }
      // With nothing delivered there is no T1: the journey closes as services_not_delivered.
      if (deliveredHere > 0) {
        const t1 = await emailTo(
          expert.email,
          new RegExp(`Misura T1 della maturità digitale di ${company}`),
          1,
          60_000,
        );
        expect(
          (await postJson(taskLink(t1), { dma: { ...sampleDmaScores, digitalReadiness: 60 + index } }))
            .status,
        ).toBe(200);
      }
      const execution = await finished(customer.applicationId, 60_000);
      expect(execution?.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution?.output ?? '{}')).toMatchObject({
        outcome: deliveredHere > 0 ? 'services_completed' : 'services_not_delivered',
      });
      return { id: customer.applicationId, kind, measured: deliveredHere > 0 };
    };
    const served = await Promise.all(Array.from({ length: customers }, (_, index) => run(index)));

    const response = await fetch(`${local.site}/admin/programmes/${programme.id}`, {
      headers: { Accept: 'application/json' },
    });
    const { services } = (await response.json()) as { services: ServicesFigures };
    const reached = served.filter((c) => truth.delivered.some((d) => d.customer === c.id));
    const deliveredEur = truth.delivered.reduce((sum, d) => sum + d.valueEur, 0);
    const training = truth.delivered.filter((d) => d.mode === 'training').length;
    expect(services).toMatchObject({
      customersReached: reached.length,
      smesReached: reached.filter((c) => c.kind === 'sme').length,
      byCustomerType: {
        sme: reached.filter((c) => c.kind === 'sme').length,
        small_midcap: 0,
        large: reached.filter((c) => c.kind === 'large').length,
        public_body: reached.filter((c) => c.kind === 'public_body').length,
      },
      plannedEur: 2_000_000,
      deliveredEur,
      inDeliveryEur: 0,
      servicesDelivered: truth.delivered.length,
      servicesNotDelivered: truth.notDelivered,
      dma: { customers: served.filter((c) => c.measured).length },
    });
    expect(services.aidGrantedEur).toBeCloseTo(
      truth.delivered.reduce((sum, d) => sum + d.aidEur, 0),
      2,
    );
    expect(services.byMode.training.services).toBe(training);
    expect(services.byMode.consulting.services).toBe(truth.delivered.length - training);
    const counters = await getProgrammeCounters(tableName, programme.id);
    expect(counters.servicesDeliveredEur ?? 0).toBe(deliveredEur);
    expect(counters.servicesDelivered ?? 0).toBe(truth.delivered.length);
    expect(counters.budgetCommittedEur).toBe(deliveredEur);
    expect(new Set(kinds).size).toBeGreaterThan(1);
  }, 400_000);
});
