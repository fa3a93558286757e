// A services programme (an EDIH such as M.I.A. Lombardia) end to end on the local stack, as its
// people do it: the customer applies, the expert takes the T0 DMA and proposes a service plan from
// the catalogue (through the e-mailed link), the office approves it (the budget reserved whole),
// the provider records each service as delivered or not, and after a delay the expert takes the
// T1 DMA. Every path of the workflow: approved and delivered, over budget refused, a service not
// delivered (by its provider, or by its deadline), the T1 overdue → reminder → escalation.
import { readFileSync } from 'node:fs';
import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { putManager } from '#shared/data/managers.ts';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import { listDmaFollowUps, listServicesOfApplication } from '#shared/data/services.ts';
import { getAidByConcession, listAidsOfFirm } from '#shared/data/state-aid.ts';
import { type AidGrant, countedAid } from '#shared/domain/state-aid.ts';
import { miaServiceCatalogue } from '#shared/programmes/presets.ts';
import { aidRow } from '#shared/use-cases/aid-register.ts';
import { planErasure } from '#shared/use-cases/privacy-erase.ts';
import { eventually, sampleDmaScores, validApplication } from '../support/fixtures.ts';
import {
  apply,
  emailTo,
  executionArn,
  finished,
  local,
  newManager,
  postJson,
  sfn,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';
import {
  catalogueWithLabPartner,
  plannedCustomer,
  servicesAssessment,
  servicesProgramme,
  servicesWaits,
} from '../support/services-kit.ts';

/** The columns the README documents for a part of the EDIH report, in order. */
function documentedColumns(part: string): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.split(`<!-- edih-columns:${part} -->`)[1]?.split('\n\n')[0] ?? '';
  return [...table.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1] ?? '');
}

const t1Scores = { ...sampleDmaScores, digitalReadiness: 70, automationAndAi: 45 };

describe('services programme (EDIH)', () => {
  it('lists the open programmes on the public home, each linking to a form that asks what it needs', async () => {
    const expert = await newManager();
    const open = await servicesProgramme([expert], { quotas: { assessments: 40 } });
    const closed = await servicesProgramme([expert], { opensOn: '2025-01-01', closesOn: '2025-12-31' });
    await apply(open.id);
    const italian = await (await fetch(`${local.site}/`)).text();
    const english = await (await fetch(`${local.site}/?lang=en`)).text();
    expect(italian).toContain('<html lang="it"');
    expect(italian).toContain(`href="/?programme=${open.id}&amp;lang=it"`);
    expect(italian).toContain('?programme=sviluppo-pmi');
    expect(italian).not.toContain(closed.id);
    // Places left from the counters (one claimed of 40).
    expect(italian).toMatch(new RegExp(`data-testid="places-${open.id}">39 ancora disponibili su 40`));
    expect(italian).toContain('Servizi di digitalizzazione');
    expect(english).toContain('Programmes for Lombard firms');
    expect(english).toContain(`href="/?programme=${open.id}&amp;lang=en"`);
    expect(italian).not.toContain('<script');
    // The EDIH's form asks whether the applicant is a firm or a public body; Sviluppo PMI's does not.
    const edihForm = await (await fetch(`${local.site}/?programme=mia-edih`)).text();
    const smeForm = await (await fetch(`${local.site}/?programme=sviluppo-pmi`)).text();
    expect(edihForm).toContain('name="company.customerKind"');
    expect(smeForm).not.toContain('name="company.customerKind"');
  });

  it('refuses plans outside the catalogue or its limits, and a project', async () => {
    const expert = await newManager({ capacity: 5 });
    const programme = await servicesProgramme([expert], {
      budget: { totalEur: 100_000, perProjectCapEur: 20_000 },
    });
    // A kind of applicant that does not exist is refused at the door, naming the field.
    const application = validApplication();
    const badKind = await fetch(`${local.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        ...application,
        programmeId: programme.id,
        company: { ...application.company, customerKind: 'charity' },
      }),
    });
    expect(badKind.status).toBe(422);
    expect(JSON.stringify(await badKind.json())).toContain('company.customerKind');
    const customer = await apply(programme.id);
    await postJson(taskLink(await emailTo(expert.email, /Proposta di incarico/)), { decision: 'accept' });
    const link = taskLink(await emailTo(expert.email, /Registra l’assessment/));
    const unknown = await postJson(link, servicesAssessment([{ serviceId: 'space_travel', quantity: 1 }]));
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toMatch(/catalogo/);
    const overMax = await postJson(
      link,
      servicesAssessment([{ serviceId: 'test_before_invest_lab', quantity: 2 }]),
    );
    expect(overMax.status).toBe(422);
    expect(JSON.stringify(overMax.body)).toMatch(/al massimo 1 per cliente/);
    // 2 × 15,000 = 30,000 over the 20,000 per customer.
    const overCap = await postJson(
      link,
      servicesAssessment([
        { serviceId: 'technology_transfer', quantity: 1 },
        { serviceId: 'test_before_invest_lab', quantity: 1 },
      ]),
    );
    expect(overCap.status).toBe(422);
    expect(JSON.stringify(overCap.body)).toMatch(/20\.000/);
    const project = await postJson(link, { ...servicesAssessment([]), projectRecommended: true });
    expect(project.status).toBe(422);
    // Nothing was written by the refused answers: no assessment, the task still open.
    expect(await getAssessment(tableName, customer.applicationId)).toBeUndefined();
    expect((await fetch(link, { headers: { Accept: 'application/json' } })).status).toBe(200);
  });

  it('delivers an approved plan: each service recorded once by its provider, one not delivered frees its value, then T1 closes it', async () => {
    const expert = await newManager({ capacity: 5 });
    // The lab test is delivered by a partner of the hub, who records it; the courses by the expert.
    const { lab, catalogue } = catalogueWithLabPartner(expert);
    const programme = await servicesProgramme([expert], { services: { catalogue, ...servicesWaits.long } });
    const customer = await plannedCustomer(
      programme.id,
      expert,
      [
        { serviceId: 'ai_for_smes_course', quantity: 2 },
        { serviceId: 'test_before_invest_lab', quantity: 1 },
      ],
      1,
    );
    // The customer's summary of the T0 names the services proposed.
    const summary = await emailTo(customer.smeEmail, /Il risultato dell’assessment/);
    expect(summary.text).toContain('2 × Corso: intelligenza artificiale per le PMI');
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    const page = await (await fetch(approval)).text();
    expect(page).toContain('data-testid="service-plan"');
    expect(page).toContain('17.000');
    // The plan is approved whole, at its value.
    const partial = await postJson(approval, { decision: 'approve', amountEur: 10_000 });
    expect(partial.status).toBe(422);
    expect(JSON.stringify(partial.body)).toMatch(/per intero/);
    expect((await postJson(approval, { decision: 'approve', amountEur: 17_000 })).status).toBe(200);

    // One delivery task per service, to the provider.
    const course1 = taskLink(await emailTo(expert.email, /Registra il servizio «Corso/, 1));
    const course2 = taskLink(await emailTo(expert.email, /Registra il servizio «Corso/, 2));
    const labTask = taskLink(await emailTo(lab.email, /Registra il servizio «Test prima di investire/));
    const labPage = await (await fetch(labTask)).text();
    expect(labPage).toContain('data-testid="service-facts"');
    const missingHours = await postJson(course1, { deliveredOn: '2026-03-02' });
    expect(missingHours.status).toBe(422);
    const both = await postJson(course1, {
      deliveredOn: '2026-03-02',
      hours: 8,
      notDelivered: true,
      reason: 'x',
    });
    expect(both.status).toBe(422);
    const [first, again] = await Promise.all([
      postJson(course1, { deliveredOn: '2026-03-02', hours: 8, participants: 6 }),
      postJson(course1, { deliveredOn: '2026-03-02', hours: 8, participants: 6 }),
    ]);
    expect([first.status, again.status].sort()).toEqual([200, 409]);
    expect(
      (await postJson(course2, { notDelivered: true, reason: 'Corso annullato dal cliente' })).status,
    ).toBe(200);
    expect((await postJson(labTask, { deliveredOn: '2026-04-10', hours: 40 })).status).toBe(200);

    const t1 = taskLink(await emailTo(expert.email, /Misura T1 della maturità digitale/));
    expect((await postJson(t1, { dma: t1Scores })).status).toBe(200);
    const execution = await finished(customer.applicationId, 30_000);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution?.output ?? '{}')).toMatchObject({ outcome: 'services_completed' });

    const services = await listServicesOfApplication(tableName, customer.applicationId);
    expect(services.map((s) => s.status)).toEqual(['delivered', 'not_delivered', 'delivered']);
    const counters = await getProgrammeCounters(tableName, programme.id);
    expect(counters).toMatchObject({
      servicesDelivered: 2,
      servicesDeliveredEur: 14_500,
      servicesNotDelivered: 1,
      // 17,000 reserved, the course not delivered (2,500) went back.
      budgetCommittedEur: 14_500,
    });
    const application = await getApplication(tableName, customer.applicationId);
    expect(application).toMatchObject({ status: 'closed', outcome: 'services_completed' });
    const [dma] = await listDmaFollowUps(tableName, programme.id);
    expect(dma).toMatchObject({ applicationId: customer.applicationId, t0: sampleDmaScores, t1: t1Scores });

    // The EDIH network's report: every file has the README's documented columns, in order.
    const report = (file: string, query = '') =>
      fetch(`${local.site}/admin/programmes/${programme.id}/${file}${query}`);
    for (const part of ['customers', 'services', 'dma'] as const) {
      const response = await report(`edih-${part}.csv`);
      expect(response.status).toBe(200);
      const [header, ...rows] = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(header?.split(',')).toEqual(documentedColumns(part));
      expect(rows.length).toBe({ customers: 1, services: 2, dma: 2 }[part]);
    }
    const json = (await (await report('edih-report.json')).json()) as Record<
      string,
      Record<string, unknown>[]
    >;
    expect(json.customers?.[0]).toMatchObject({
      customerId: customer.applicationId,
      customerType: 'sme',
      country: 'IT',
      nuts2: 'ITC4',
      nuts3: 'ITC41',
    });
    expect(json.services?.map((row) => [row.catalogueId, row.endDate, row.valueEur])).toEqual([
      ['ai_for_smes_course', '2026-03-02', 2_500],
      ['test_before_invest_lab', '2026-04-10', 12_000],
    ]);
    expect(json.dma?.map((row) => row.measurement)).toEqual(['T0', 'T1']);
    // A period keeps the services ended in it.
    const april = (await (
      await report('edih-report.json', '?from=2026-04-01&to=2026-04-30')
    ).json()) as typeof json;
    expect(april.services?.map((row) => row.catalogueId)).toEqual(['test_before_invest_lab']);
    const backwards = await report('edih-services.csv', '?from=2026-05-01&to=2026-04-01');
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(await backwards.json())).toMatch(/from/);

    // IDs and codes only in the history: no company name, no address.
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn(customer.applicationId),
        maxResults: 1000,
      }),
    );
    const history = JSON.stringify(events);
    expect(history).toContain('Open the service deliveries');
    expect(history).not.toContain(customer.companyName);
    expect(history).not.toContain(customer.smeEmail);
    expect(history).not.toContain(expert.email);
  });

  it('records the investment an access-to-finance service triggered, and refuses it for any other service', async () => {
    const expert = await newManager({ capacity: 5 });
    const programme = await servicesProgramme([expert]);
    await plannedCustomer(
      programme.id,
      expert,
      [
        { serviceId: 'funding_advice', quantity: 1 },
        { serviceId: 'networking_event', quantity: 1 },
      ],
      1,
    );
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    expect((await postJson(approval, { decision: 'approve', amountEur: 6_800 })).status).toBe(200);
    const advice = taskLink(await emailTo(expert.email, /Registra il servizio «Accompagnamento/));
    const event = taskLink(await emailTo(expert.email, /Registra il servizio «Evento/));
    const page = (link: string) => fetch(link, { headers: { Accept: 'text/html' } }).then((r) => r.text());
    expect(await page(advice)).toContain('name="investmentTriggeredEur"');
    expect(await page(event)).not.toContain('name="investmentTriggeredEur"');

    const refused = await postJson(
      event,
      { deliveredOn: '2026-05-04', hours: 3, investmentTriggeredEur: 1_000 },
      { 'Accept-Language': 'en' },
    );
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('investmentTriggeredEur');
    expect(JSON.stringify(refused.body)).toContain('only for services supporting the search for investment');
    expect((await postJson(event, { deliveredOn: '2026-05-04', hours: 3 })).status).toBe(200);
    expect(
      (await postJson(advice, { deliveredOn: '2026-05-06', hours: 12, investmentTriggeredEur: 250_000 }))
        .status,
    ).toBe(200);

    // The dashboard adds it up; the network's report gives it per service.
    const dashboard = await eventually(async () => {
      const response = await fetch(`${local.site}/admin/programmes/${programme.id}`, {
        headers: { Accept: 'application/json' },
      });
      const { services } = (await response.json()) as {
        services: { servicesDelivered: number; investmentTriggeredEur: number };
      };
      return services.servicesDelivered === 2 ? services : undefined;
    });
    expect(dashboard.investmentTriggeredEur).toBe(250_000);
    const report = (await (
      await fetch(`${local.site}/admin/programmes/${programme.id}/edih-report.json`)
    ).json()) as { services: Record<string, unknown>[] };
    expect(report.services.map((row) => [row.catalogueId, row.investmentTriggeredEur])).toEqual([
      ['funding_advice', 250_000],
      ['networking_event', ''],
    ]);
  });

  it('refuses an approval beyond the budget left', async () => {
    const expert = await newManager({ capacity: 5 });
    const programme = await servicesProgramme([expert], {
      budget: { totalEur: 20_000, perProjectCapEur: 20_000 },
    });
    const plan = [{ serviceId: 'test_before_invest_lab', quantity: 1 }];
    await plannedCustomer(programme.id, expert, plan, 1);
    await plannedCustomer(programme.id, expert, plan, 2);
    const first = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/, 1));
    const second = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/, 2));
    expect((await postJson(first, { decision: 'approve', amountEur: 12_000 })).status).toBe(200);
    // The approval's reservation is the workflow's next step: the page checks what is committed.
    await eventually(
      async () => (await getProgrammeCounters(tableName, programme.id)).budgetCommittedEur || undefined,
    );
    const refused = await postJson(second, { decision: 'approve', amountEur: 12_000 });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/8\.?000/);
    expect((await getProgrammeCounters(tableName, programme.id)).budgetCommittedEur).toBe(12_000);
  });

  it('closes services not recorded by their deadline, and escalates an overdue T1 to the office', async () => {
    const expert = await newManager({ capacity: 5 });
    const programme = await servicesProgramme([expert], {
      services: { catalogue: miaServiceCatalogue, ...servicesWaits.short },
    });
    const customer = await plannedCustomer(
      programme.id,
      expert,
      [{ serviceId: 'cybersecurity_workshop', quantity: 2 }],
      1,
    );
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    expect((await postJson(approval, { decision: 'approve', amountEur: 3_000 })).status).toBe(200);
    const first = taskLink(await emailTo(expert.email, /Registra il servizio/, 1));
    const second = taskLink(await emailTo(expert.email, /Registra il servizio/, 2));
    expect((await postJson(first, { deliveredOn: '2026-03-02', hours: 4 })).status).toBe(200);
    // Nobody records the second: a reminder, then it is not delivered and its value goes back.
    await emailTo(expert.email, /Promemoria: Registra il servizio/, 1, 20_000);
    await eventually(async () => {
      const [, service] = await listServicesOfApplication(tableName, customer.applicationId);
      return service?.status === 'not_delivered' ? service : undefined;
    }, 20_000);
    const late = await postJson(second, { deliveredOn: '2026-03-09', hours: 4 });
    expect(late.status).toBe(410);
    expect((await getProgrammeCounters(tableName, programme.id)).budgetCommittedEur).toBe(1_500);
    // The T1 goes unanswered: a reminder, then the office is asked, and closes the journey.
    await emailTo(expert.email, /Misura T1 della maturità digitale/, 1, 20_000);
    await emailTo(expert.email, /Promemoria: Misura T1/, 1, 20_000);
    const escalation = await emailTo(programme.officeEmail, /Decisione richiesta/, 1, 20_000);
    expect(escalation.text).toMatch(/T1/);
    expect(
      (await postJson(taskLink(escalation), { decision: 'close', reason: 'Cliente non più raggiungibile' }))
        .status,
    ).toBe(200);
    const execution = await finished(customer.applicationId, 30_000);
    expect(JSON.parse(execution?.output ?? '{}')).toMatchObject({ outcome: 'closed_by_office' });
    expect(await listDmaFollowUps(tableName, programme.id)).toEqual([]);
  });

  it('lets a customer withdraw while receiving services: what was delivered stays, the rest goes back', async () => {
    const expert = await newManager({ capacity: 5 });
    const programme = await servicesProgramme([expert]);
    const customer = await plannedCustomer(
      programme.id,
      expert,
      [{ serviceId: 'ai_for_smes_course', quantity: 2 }],
      1,
    );
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    expect((await postJson(approval, { decision: 'approve', amountEur: 5_000 })).status).toBe(200);
    const first = taskLink(await emailTo(expert.email, /Registra il servizio «Corso/, 1));
    const second = taskLink(await emailTo(expert.email, /Registra il servizio «Corso/, 2));
    expect((await postJson(first, { deliveredOn: '2026-03-02', hours: 8 })).status).toBe(200);
    // The status page offers the withdrawal, saying what it means for the services.
    const confirm = await (
      await fetch(`${customer.statusUrl}?withdraw=confirm`, { headers: { Accept: 'text/html' } })
    ).text();
    expect(confirm).toContain('quelli già erogati restano registrati');

    const withdrawn = await postJson(customer.statusUrl, { action: 'withdraw' });

    expect(withdrawn.status).toBe(200);
    expect(await getApplication(tableName, customer.applicationId)).toMatchObject({
      status: 'withdrawn',
      outcome: 'withdrawn',
    });
    expect((await finished(customer.applicationId, 30_000))?.status).toBe('ABORTED');
    const services = await listServicesOfApplication(tableName, customer.applicationId);
    expect(services.map((s) => [s.status, s.notDeliveredBecause])).toEqual([
      ['delivered', undefined],
      ['not_delivered', 'withdrawn'],
    ]);
    expect(await getProgrammeCounters(tableName, programme.id)).toMatchObject({
      servicesDelivered: 1,
      servicesNotDelivered: 1,
      budgetCommittedEur: 2_500,
    });
    // The second course's link no longer acts; nothing stands in the way of an erasure now.
    expect((await postJson(second, { deliveredOn: '2026-03-09', hours: 8 })).status).toBe(410);
    expect((await planErasure(tableName, customer.smeEmail)).refusals).toEqual([]);
  });

  it('closes without a T1 when no service was delivered, and the aid of what was not delivered stops counting', async () => {
    const expert = await newManager({ capacity: 5 });
    const { lab, catalogue } = catalogueWithLabPartner(expert);
    const programme = await servicesProgramme([expert], {
      services: { catalogue, ...servicesWaits.short },
      stateAid: { regime: 'de_minimis', carCode: '12345' },
    } as never);
    const plan = [
      { serviceId: 'test_before_invest_lab', quantity: 1 },
      { serviceId: 'networking_event', quantity: 1 },
    ];
    const customer = await plannedCustomer(programme.id, expert, plan, 1);
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    expect((await postJson(approval, { decision: 'approve', amountEur: 12_800 })).status).toBe(200);
    // The plan's aid: 70% of the lab test (8,400) and all of the event (800), registered before delivery.
    const registration = taskLink(await emailTo(programme.officeEmail, /Registrare l’aiuto nel RNA/));
    expect(await getAidByConcession(tableName, customer.applicationId)).toMatchObject({
      aidAmountEur: 9_200,
      nominalAmountEur: 12_800,
    });
    expect((await postJson(registration, { cor: String(Date.now()).slice(-9) })).status).toBe(200);

    // The lab says the test did not take place; the event's link is left to expire.
    const labTask = taskLink(await emailTo(lab.email, /Registra il servizio «Test prima di investire/));
    const [refused, again] = await Promise.all([
      postJson(labTask, { notDelivered: true, reason: 'Il cliente ha rinunciato' }),
      postJson(labTask, { notDelivered: true, reason: 'Il cliente ha rinunciato' }),
    ]);
    expect([refused.status, again.status].sort()).toEqual([200, 409]);
    const execution = await finished(customer.applicationId, 60_000);

    // Closed without a T1: nothing was delivered, so there is nothing to measure.
    expect(JSON.parse(execution?.output ?? '{}')).toMatchObject({ outcome: 'services_not_delivered' });
    expect(await getApplication(tableName, customer.applicationId)).toMatchObject({
      status: 'closed',
      outcome: 'services_not_delivered',
    });
    const closing = await emailTo(customer.smeEmail, /Percorso concluso/);
    expect(closing.text).toContain('Nessuno dei servizi del piano è stato erogato');
    expect(await listDmaFollowUps(tableName, programme.id)).toEqual([]);
    const services = await listServicesOfApplication(tableName, customer.applicationId);
    expect(services.map((service) => service.status)).toEqual(['not_delivered', 'not_delivered']);
    expect(await getProgrammeCounters(tableName, programme.id)).toMatchObject({
      servicesNotDelivered: 2,
      budgetCommittedEur: 0,
    });
    // The aid stays as registered; what the firm did not receive is recorded once and no longer
    // counts against its de minimis ceiling (the register shows it, to be reduced in the RNA).
    const aid = await getAidByConcession(tableName, customer.applicationId);
    expect(aid).toMatchObject({ status: 'registered', aidAmountEur: 9_200, aidNotReceivedEur: 9_200 });
    const ofThisPlan = (await listAidsOfFirm(tableName, aid?.beneficiary.vatNumber ?? '')).filter(
      (grant) => grant.concessionId === customer.applicationId,
    );
    expect(countedAid(ofThisPlan)).toEqual([expect.objectContaining({ amountEur: 0 })]);
    expect(aidRow(aid as AidGrant)).toMatchObject({ aidAmountEur: 9_200, aidNotReceivedEur: 9_200 });
  });

  it('gives an expert the office assigns for an overdue T1 a request and link of their own', async () => {
    const expert = await newManager({ capacity: 5 });
    // Full at first, so the offer goes to the first expert; freed before the office assigns.
    const second = await newManager({ capacity: 1, load: 1 });
    const programme = await servicesProgramme([expert, second], {
      services: { catalogue: miaServiceCatalogue, ...servicesWaits.short },
    });
    const customer = await plannedCustomer(
      programme.id,
      expert,
      [{ serviceId: 'networking_event', quantity: 1 }],
      1,
    );
    const approval = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    expect((await postJson(approval, { decision: 'approve', amountEur: 800 })).status).toBe(200);
    const delivery = taskLink(await emailTo(expert.email, /Registra il servizio/));
    expect((await postJson(delivery, { deliveredOn: '2026-05-04', hours: 3 })).status).toBe(200);
    const firstT1 = taskLink(await emailTo(expert.email, /Misura T1 della maturità digitale/, 1, 20_000));
    const escalation = await emailTo(programme.officeEmail, /Decisione richiesta/, 1, 30_000);
    await putManager(tableName, { ...second, capacity: 2 });
    const assigned = await postJson(taskLink(escalation), {
      decision: 'assign',
      managerId: second.managerId,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    // The first expert's link is closed; the second gets a request of their own and answers it.
    const secondT1 = taskLink(await emailTo(second.email, /Misura T1 della maturità digitale/, 1, 20_000));
    expect(secondT1).not.toBe(firstT1);
    expect((await postJson(firstT1, { dma: t1Scores })).status).toBe(410);
    expect((await postJson(secondT1, { dma: t1Scores })).status).toBe(200);
    const execution = await finished(customer.applicationId, 30_000);
    expect(JSON.parse(execution?.output ?? '{}')).toMatchObject({ outcome: 'services_completed' });
    expect(await getApplication(tableName, customer.applicationId)).toMatchObject({
      managerId: second.managerId,
    });
  });
});
