// One clock under time acceleration: the stack runs as `npm start -- --time-scale 0.00002` does (a
// workflow hour in 72 real milliseconds), in a child process. An unanswered offer expires after its
// configured 48 hours and the next manager is offered the engagement; the project then gets its
// check-ins every 120 hours. The e-mails' timestamps and the dashboard's time per stage, stamped by
// the handlers, must show the workflow's own waits: the handlers and the engine read one clock.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPreset } from '#shared/programmes/presets.ts';
import { type ChildStack, freePort, seedChildStack, startChildStack } from '../support/child-stack.ts';
import { eventually, sampleDmaScores, validApplication } from '../support/fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'percorso-pmi-clock-'));
let stack: ChildStack | undefined;

afterAll(async () => {
  await stack?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Mail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

const hourMs = 3_600_000;
const offerExpiryHours = 48;
const checkinEveryHours = 120;

function manager(name: string, merit: number) {
  const managerId = randomUUID();
  return {
    managerId,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${managerId.slice(0, 6)}@example.it`,
    languages: ['it'],
    atecoSections: ['C'],
    atecoDivisions: ['25'],
    competences: ['digital'],
    provinces: ['VA'],
    capacity: 2,
    load: 0,
    merit,
    status: 'active',
    conflicts: [],
    createdAt: new Date().toISOString(),
  };
}

const linkIn = (mail: Mail) => mail.text.match(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';

async function post(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('the local clock under --time-scale', () => {
  it('shows the configured waits in e-mail times, check-in spacing and the dashboard’s time per stage', async () => {
    // Prepare: two managers (the first never answers), a programme of the test's own.
    stack = await startChildStack({ dataDir, port: await freePort(), timeScale: 0.00002 });
    const site = stack.site;
    const silent = manager('Sara Silente', 95);
    const willing = manager('Marco Pronto', 90);
    const programmeId = `clock-${randomUUID().slice(0, 8)}`;
    const office = `office.${programmeId}@example.it`;
    const long = 8_000; // hours: every other wait stays out of the way
    await seedChildStack(stack, {
      managers: [silent, willing],
      programmes: [
        {
          ...findPreset('sviluppo-pmi'),
          id: programmeId,
          names: { it: `Programma ${programmeId}`, en: `Programme ${programmeId}` },
          officeEmails: [office],
          budget: { totalEur: 100_000, perProjectCapEur: 50_000 },
          // Not state aid here: the aid's registration is the state-aid tests' subject.
          stateAid: { regime: 'none' },
          timeouts: {
            offerReminderHours: offerExpiryHours / 2,
            offerExpiryHours,
            noManagerRetryHours: long,
            escalationReminderHours: long - 1,
            escalationExpiryHours: long,
            assessmentReminderHours: long - 1,
            assessmentExpiryHours: long,
            financingReminderHours: long - 1,
            financingExpiryHours: long,
          },
          matching: {
            maxOffers: 3,
            noManagerRetries: 0,
            capacityOnLaunch: 'keep',
            roster: [silent.managerId, willing.managerId],
          },
          monitoring: { checkinEveryHours, checkinReminderHours: 60, checkinExpiryHours: 100 },
        },
      ],
    });
    const outbox = async () =>
      (await (
        await fetch(`${site}/_local/outbox`, { headers: { Accept: 'application/json' } })
      ).json()) as Mail[];
    const mailTo = (to: string, subject: RegExp, nth = 1) =>
      eventually(
        async () => (await outbox()).filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1],
        60_000,
      );

    // Act: apply; the first offer expires unanswered; the second manager accepts, assesses; the office
    // approves; the manager answers three check-ins as they come.
    const application = validApplication();
    application.programmeId = programmeId;
    expect(await post(`${site}/applications`, application)).toBe(201);
    const firstOffer = await mailTo(silent.email, /Proposta di incarico/);
    const secondOffer = await mailTo(willing.email, /Proposta di incarico/);
    expect(await post(linkIn(secondOffer), { decision: 'accept' })).toBe(200);
    const assessment = await mailTo(willing.email, /Registra l’assessment/);
    expect(
      await post(linkIn(assessment), {
        dma: sampleDmaScores,
        improvementAreas: ['digital'],
        findings: 'Dati di produzione non raccolti.',
        projectRecommended: true,
        project: {
          title: 'Raccolta dati di macchina',
          objectives: 'Misurare OEE.',
          durationMonths: 3,
          budgetEur: 20_000,
          kpis: [{ name: 'OEE', unit: '%', baseline: 50, target: 80 }],
          qualitativeObjectives: ['Formazione'],
        },
      }),
    ).toBe(200);
    expect(
      await post(linkIn(await mailTo(office, /Decisione sul finanziamento/)), {
        decision: 'approve',
        amountEur: 20_000,
      }),
    ).toBe(200);
    const checkins: Mail[] = [];
    for (let cycle = 1; cycle <= 3; cycle++) {
      const checkin = await mailTo(willing.email, /check-in/i, cycle);
      checkins.push(checkin);
      expect(
        await post(linkIn(checkin), {
          kpiValues: [50 + cycle * 5],
          qualitativeProgress: ['in_progress'],
          economicBenefitEur: 1_000 * cycle,
          benefitJustification: 'Meno fermi macchina',
          spentEur: 5_000 * cycle,
        }),
      ).toBe(200);
    }
    const dashboard = await (
      await fetch(`${site}/_local/programmes/${programmeId}`, { headers: { Accept: 'text/html' } })
    ).text();

    // Assess: the waits in workflow hours, within 10% (a real millisecond is 14 workflow seconds).
    const hoursBetween = (a: Mail, b: Mail) => (Date.parse(b.sentAt) - Date.parse(a.sentAt)) / hourMs;
    expect(hoursBetween(firstOffer, secondOffer)).toBeGreaterThanOrEqual(offerExpiryHours * 0.95);
    expect(hoursBetween(firstOffer, secondOffer)).toBeLessThan(offerExpiryHours * 1.1);
    const spacing = [
      hoursBetween(checkins[0] as Mail, checkins[1] as Mail),
      hoursBetween(checkins[1] as Mail, checkins[2] as Mail),
    ];
    for (const hours of spacing) {
      expect(hours).toBeGreaterThanOrEqual(checkinEveryHours * 0.95);
      expect(hours).toBeLessThan(checkinEveryHours * 1.1);
    }
    // The SME waited for a manager 48 hours and a little: the 31–63 hour bucket, shown in days.
    expect(dashboard).toMatch(/data-testid="median-eligible">[\s\S]*?1–3 giorni/);
  }, 300_000);
});
