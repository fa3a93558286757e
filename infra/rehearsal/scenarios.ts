// The scenarios the rehearsal drives, as the product's users do: HTTP requests to the public API,
// the links in the e-mails (the deployed site's address mapped to the rehearsal's), the programme
// office with a Cognito access token, SES's bounce event through EventBridge. The operator's part
// (a programme loaded with the admin CLI's data layer) writes to the table directly, as the CLI does.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { assetFileName } from '#shared/pages/static-assets.ts';
import type { OutboxMessage } from '../local/outbox.ts';

export interface ScenarioContext {
  /** The rehearsal's API base URL (…/<stage>). */
  readonly site: string;
  /** The deployed site's address as the functions know it (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  /** Stores programmes as the operator does, with the admin CLI (`programmes load FILE`). */
  readonly loadProgrammes: (programmes: readonly Record<string, unknown>[]) => Promise<void>;
  readonly officeEmail: string;
  /** The SES configuration set the e-mails are sent with (bounce events carry it as a tag). */
  readonly configurationSetName: string;
  readonly outbox: () => readonly OutboxMessage[];
  readonly adminToken: (groups: readonly string[]) => string;
  /** Delivers an event to the default bus's rules, as EventBridge would. */
  readonly putEvent: (event: Record<string, unknown>) => Promise<number>;
  readonly log: (line: string) => void;
  /** `smoke`: the public pages and one application screened; `full` (default): every scenario. */
  readonly selection?: ScenarioSelection;
}

export type ScenarioSelection = 'smoke' | 'full';

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

class StepFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailed(message);
}

/** A valid Partita IVA from a serial (check digit computed). */
function vatNumber(serial: number): string {
  const firstTen = `${String(serial % 10_000_000).padStart(7, '0')}001`.replace(/^0000000/, '0000001');
  const digits = [...firstTen].map(Number);
  let sum = 0;
  digits.forEach((digit, i) => {
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  });
  return `${firstTen}${(10 - (sum % 10)) % 10}`;
}

const long = 8000; // hours: no journey wait expires during the rehearsal

export async function runScenarios(context: ScenarioContext): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const local = (url: string) => url.replace(context.publicBaseUrl, context.site);
  const request = async (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(local(url.startsWith('http') ? url : `${context.publicBaseUrl}${url}`), {
      method,
      redirect: 'manual',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // An HTML page or a CSV file.
    }
    return { status: response.status, text, json, headers: response.headers };
  };
  const mail = async (to: string, subject: RegExp, nth = 1, timeoutMs = 30_000): Promise<OutboxMessage> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = context.outbox().filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1];
      if (found) return found;
      if (Date.now() > deadline)
        throw new StepFailed(`no e-mail to ${to} matching ${subject} (#${nth}) within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const link = (message: OutboxMessage, path: RegExp) => {
    const found = message.text.match(new RegExp(`https?://\\S+${path.source}`))?.[0];
    check(found, `no link ${path} in "${message.subject}"`);
    check(
      found.startsWith(context.publicBaseUrl),
      `the link ${found} is not under the site's address ${context.publicBaseUrl}`,
    );
    return found;
  };
  const taskLink = (message: OutboxMessage) => link(message, /\/tasks\/[A-Za-z0-9_-]{43}/);
  /** GET as a browser does, then HEAD as a mail scanner does: both 200, nothing acted on. */
  const show = async (url: string, headers: Record<string, string> = {}) => {
    const shown = url.replace(/[A-Za-z0-9_-]{32,}/, '…');
    const page = await request('GET', url, undefined, { Accept: 'text/html', ...headers });
    check(page.status === 200, `GET ${shown} → ${page.status} ${page.text.slice(0, 200)}`);
    const head = await request('HEAD', url, undefined, { Accept: 'text/html', ...headers });
    check(head.status === 200, `HEAD ${shown} → ${head.status}`);
    return page;
  };
  const step = async (name: string, run: () => Promise<string>) => {
    const started = Date.now();
    try {
      const detail = await run();
      results.push({ name, ok: true, detail, ms: Date.now() - started });
      context.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s) ${detail}`);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      results.push({ name, ok: false, detail, ms: Date.now() - started });
      context.log(`  ✗ ${name}: ${detail}`);
    }
  };

  const { findPreset } = await import('#shared/programmes/presets.ts');
  const application = JSON.parse(
    readFileSync(new URL('../../test/events/application.valid.json', import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  let serial = Math.floor(Math.random() * 9_000_000);
  const apply = async (programmeId: string) => {
    serial += 1;
    const body = structuredClone(application) as Record<string, Record<string, unknown>>;
    body.programmeId = programmeId as never;
    (body.company as Record<string, unknown>).vatNumber = vatNumber(serial);
    (body.company as Record<string, unknown>).name = `Officina Prova ${serial} S.r.l.`;
    (body.contact as Record<string, unknown>).email = `sme.${serial}@example.it`;
    const response = await request('POST', '/applications', body);
    check(response.status === 201, `application → ${response.status} ${response.text.slice(0, 300)}`);
    return {
      applicationId: String(response.json.applicationId),
      statusUrl: String(response.json.statusUrl),
      email: `sme.${serial}@example.it`,
    };
  };

  // ---- public pages -------------------------------------------------------------------------
  await step('public pages: home, form, manager registration, privacy notices, assets', async () => {
    const home = await show('/');
    check(home.text.includes('?programme=mia-edih'), 'the home page does not list the open programmes');
    const form = await show('/?programme=sviluppo-pmi');
    check(form.text.includes('<form'), 'the form page has no form');
    await show('/managers/register');
    const notice = await show('/privacy/sviluppo-pmi');
    check(notice.text.includes('Informativa sulla privacy'), 'the programme’s privacy notice is missing');
    const hub = await show('/privacy');
    check(
      hub.text.includes('/privacy/sviluppo-pmi'),
      'the site’s notice does not list the programmes’ notices',
    );
    const asset = await show(`/assets/${assetFileName('chart')}`, { Accept: '*/*' });
    check(asset.text.length > 10_000, 'Chart.js is not served whole');
    check(/immutable/.test(asset.headers.get('cache-control') ?? ''), 'assets are not cached for good');
    const missing = await request('GET', '/no-such-page');
    check(
      missing.status === 403 && missing.text.includes('Missing Authentication Token'),
      `GET /no-such-page → ${missing.status}`,
    );
    return '7 routes';
  });

  // ---- manager registration and vetting ------------------------------------------------------
  const managerEmail = `manager.${randomUUID().slice(0, 8)}@example.it`;
  let managerId = '';
  await step('manager registration and vetting', async () => {
    const registered = await request('POST', '/managers', {
      name: 'Paola Prova',
      email: managerEmail,
      languages: ['it', 'en'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital', 'supply_chain'],
      provinces: ['VA'],
      capacity: 3,
      consent: { privacy: true },
    });
    check(
      registered.status === 201,
      `POST /managers → ${registered.status} ${registered.text.slice(0, 300)}`,
    );
    managerId = String(registered.json.managerId);
    const vetting = await mail(context.officeEmail, /Paola Prova/);
    const vettingLink = taskLink(vetting);
    await show(vettingLink);
    const approved = await request('POST', vettingLink, { decision: 'approve', merit: 85 });
    check(approved.status === 200, `vetting approve → ${approved.status} ${approved.text.slice(0, 300)}`);
    const welcome = await mail(managerEmail, /Benvenuto|Welcome/);
    const availability = link(welcome, /\/managers\/availability\/[A-Za-z0-9_-]+/);
    await show(availability);
    // Registering again with the same address: the same answer, and the address told (SES).
    const again = await request('POST', '/managers', {
      name: 'Paola Prova',
      email: managerEmail,
      languages: ['it'],
      atecoSections: ['C'],
      competences: ['digital'],
      provinces: ['VA'],
      capacity: 1,
      consent: { privacy: true },
    });
    check(again.status === 201, `POST /managers with a known address → ${again.status}`);
    link(await mail(managerEmail, /già registrato/), /\/managers\/availability\/[A-Za-z0-9_-]+/);
    const changed = await request('POST', availability, { capacity: 4, status: 'active' });
    check(changed.status === 200, `POST availability → ${changed.status} ${changed.text.slice(0, 200)}`);
    return `manager ${managerId.slice(0, 8)} active`;
  });

  if (context.selection === 'smoke') {
    await step('an application is received and screened', async () => {
      const id = `rehearsal-smoke-${randomUUID().slice(0, 8)}`;
      await context.loadProgrammes([
        {
          ...findPreset('sviluppo-pmi'),
          id,
          officeEmails: [context.officeEmail],
          matching: { maxOffers: 3, noManagerRetries: 0, capacityOnLaunch: 'keep', roster: [] },
        },
      ]);
      const before = context.outbox().filter((m) => /Decisione richiesta/.test(m.subject)).length;
      await apply(id);
      // Screened and matched (nobody in the roster): the office is asked to decide.
      await mail(context.officeEmail, /Decisione richiesta/, before + 1, 20_000);
      return 'screened, escalated to the office';
    });
    return results;
  }

  // A second registration nobody vets: the onboarding's week runs out during the scenarios below.
  let unvettedLink = '';
  await step('manager registration left unvetted (its expiry is checked last)', async () => {
    const registered = await request('POST', '/managers', {
      name: 'Luca Attesa',
      email: `manager.${randomUUID().slice(0, 8)}@example.it`,
      languages: ['it'],
      atecoSections: ['C'],
      competences: ['digital'],
      provinces: ['MI'],
      capacity: 1,
      consent: { privacy: true },
    });
    check(
      registered.status === 201,
      `POST /managers → ${registered.status} ${registered.text.slice(0, 300)}`,
    );
    unvettedLink = taskLink(await mail(context.officeEmail, /Luca Attesa/));
    return 'pending vetting';
  });

  // ---- a programme, loaded by the operator -----------------------------------------------------
  const base = findPreset('sviluppo-pmi');
  check(base, 'preset sviluppo-pmi missing');
  const programmeId = `rehearsal-${randomUUID().slice(0, 8)}`;
  const timeouts = {
    offerReminderHours: long - 1,
    offerExpiryHours: long,
    noManagerRetryHours: long,
    escalationReminderHours: long - 1,
    escalationExpiryHours: long,
    assessmentReminderHours: long - 1,
    assessmentExpiryHours: long,
    financingReminderHours: long - 1,
    financingExpiryHours: long,
  };
  const emptyProgramme = `rehearsal-empty-${randomUUID().slice(0, 8)}`;
  const declineProgramme = `rehearsal-decline-${randomUUID().slice(0, 8)}`;
  const programme = (id: string, roster: string[]) => ({
    ...base,
    id,
    names: { it: `Prova ${id}`, en: `Rehearsal ${id}` },
    officeEmails: [context.officeEmail],
    budget: { totalEur: 100_000, perProjectCapEur: 50_000 },
    timeouts,
    matching: { maxOffers: 3, noManagerRetries: 0, capacityOnLaunch: 'keep', roster },
    monitoring: { checkinEveryHours: 720, checkinReminderHours: 4000, checkinExpiryHours: 8000 },
  });

  // ---- application to a launched project, monitored to closure ---------------------------------
  let projectId = '';
  const admin = { Authorization: `Bearer ${context.adminToken(['admin'])}` };
  const adminOrigin = { Origin: new URL(context.publicBaseUrl).origin };
  await step('programmes loaded with the admin CLI', async () => {
    check(managerId, 'no manager');
    await context.loadProgrammes([
      programme(programmeId, [managerId]),
      programme(emptyProgramme, []),
      programme(declineProgramme, [managerId]),
    ]);
    return '3 programmes';
  });

  await step('application → offer → assessment → financing → launch', async () => {
    const applied = await apply(programmeId);
    await show(applied.statusUrl);
    const offer = await mail(managerEmail, /Proposta di incarico/);
    const offerLink = taskLink(offer);
    check(
      (await request('HEAD', offerLink, undefined, { Accept: 'text/html' })).status === 200,
      'HEAD offer link',
    );
    const accepted = await request('POST', offerLink, { decision: 'accept' });
    check(accepted.status === 200, `offer accept → ${accepted.status} ${accepted.text.slice(0, 200)}`);
    const again = await request('POST', offerLink, { decision: 'accept' });
    check(again.status === 409, `second accept → ${again.status} (409 expected)`);
    const assessment = await mail(managerEmail, /Registra l’assessment/);
    const assessed = await request('POST', taskLink(assessment), {
      dma: {
        digitalBusinessStrategy: 40,
        digitalReadiness: 50,
        humanCentricDigitalisation: 30,
        dataManagementAndConnectedness: 30,
        automationAndAi: 20,
        greenDigitalisation: 40,
      },
      improvementAreas: ['digital'],
      findings: 'Dati di produzione non raccolti.',
      projectRecommended: true,
      project: {
        title: 'Raccolta dati di macchina',
        objectives: 'Misurare OEE.',
        durationMonths: 1,
        budgetEur: 20_000,
        kpis: [{ name: 'OEE', unit: '%', baseline: 50, target: 80 }],
        qualitativeObjectives: ['Formazione'],
      },
    });
    check(assessed.status === 200, `assessment → ${assessed.status} ${assessed.text.slice(0, 300)}`);
    const financing = await mail(context.officeEmail, /Decisione sul finanziamento/);
    const approved = await request('POST', taskLink(financing), { decision: 'approve', amountEur: 20_000 });
    check(approved.status === 200, `financing approve → ${approved.status} ${approved.text.slice(0, 300)}`);
    // De minimis aid: registered in the RNA by the office (its COR) before the project is launched.
    const registration = await mail(context.officeEmail, /Registrare l’aiuto nel RNA/);
    const registrationLink = taskLink(registration);
    await show(registrationLink);
    const cor = String(1_000_000 + serial);
    const registered = await request('POST', registrationLink, { cor });
    check(
      registered.status === 200,
      `aid registration → ${registered.status} ${registered.text.slice(0, 300)}`,
    );
    const launched = await mail(applied.email, /Progetto avviato/);
    check(launched.text.includes(cor), 'the launch e-mail does not carry the COR');
    // The office finds the project in its export (the projects.csv of the programme).
    const exported = await request('GET', `/admin/programmes/${programmeId}/projects.csv`, undefined, {
      ...admin,
      Accept: 'text/csv',
      'Accept-Language': 'en',
    });
    check(exported.status === 200, `projects.csv → ${exported.status}`);
    const rows = parse(exported.text.replace(/^\uFEFF/, ''), { delimiter: [',', ';'] }) as string[][];
    const column =
      rows[0]?.findIndex((name) => /^project ?id$|^projectId$|^ID progetto$/i.test(name.trim())) ?? -1;
    projectId = column >= 0 ? String(rows[1]?.[column] ?? '') : '';
    check(/^[0-9a-f-]{36}$/.test(projectId), `no project in projects.csv (${exported.text.slice(0, 200)})`);
    return `project ${projectId.slice(0, 8)} launched`;
  });

  await step('programme office: project paused and resumed (stops and restarts monitoring)', async () => {
    check(projectId, 'no project');
    const paused = await request(
      'POST',
      `/admin/projects/${projectId}/pause`,
      { reason: 'Verifica documenti' },
      { ...admin, ...adminOrigin },
    );
    check(paused.status === 200, `pause → ${paused.status} ${paused.text.slice(0, 300)}`);
    const resumed = await request(
      'POST',
      `/admin/projects/${projectId}/resume`,
      { reason: 'Documenti ricevuti' },
      { ...admin, ...adminOrigin },
    );
    check(resumed.status === 200, `resume → ${resumed.status} ${resumed.text.slice(0, 300)}`);
    return 'pause 200, resume 200';
  });

  await step('monitoring: check-ins to closure', async () => {
    check(projectId, 'no project');
    const checkin = {
      qualitativeProgress: ['in_progress'],
      economicBenefitEur: 5_000,
      benefitJustification: 'Meno fermi macchina',
    };
    let cycles = 0;
    for (let nth = 1; nth <= 6; nth += 1) {
      const message = await mail(managerEmail, /Check-in|Chiusura del progetto/, nth, 60_000);
      cycles += 1;
      if (/Chiusura del progetto/.test(message.subject)) {
        const closed = await request('POST', taskLink(message), {
          ...checkin,
          kpiValues: [78],
          qualitativeProgress: ['achieved'],
          spentEur: 18_000,
          economicBenefitEur: 30_000,
          dma: {
            digitalBusinessStrategy: 50,
            digitalReadiness: 60,
            humanCentricDigitalisation: 40,
            dataManagementAndConnectedness: 60,
            automationAndAi: 50,
            greenDigitalisation: 40,
          },
          outcome: 'completed',
          report: 'Obiettivi raggiunti.',
        });
        check(closed.status === 200, `closing report → ${closed.status} ${closed.text.slice(0, 300)}`);
        await mail(managerEmail, /Progetto concluso/, 1, 30_000);
        return `${cycles} cycles, closed`;
      }
      const answered = await request('POST', taskLink(message), {
        ...checkin,
        kpiValues: [60 + nth],
        spentEur: 5_000 * nth,
      });
      check(answered.status === 200, `check-in ${nth} → ${answered.status} ${answered.text.slice(0, 300)}`);
    }
    throw new StepFailed('no closing report requested after 6 e-mails');
  });

  await step('withdrawal from the status page', async () => {
    const applied = await apply(programmeId);
    const withdrawn = await request('POST', applied.statusUrl, { action: 'withdraw' });
    check(withdrawn.status === 200, `withdraw → ${withdrawn.status} ${withdrawn.text.slice(0, 300)}`);
    return `application ${applied.applicationId.slice(0, 8)} withdrawn`;
  });

  await step('data requests from the status page: a copy, then erasure', async () => {
    const applied = await apply(programmeId);
    const privacyLink = (message: OutboxMessage) => link(message, /\/privacy-requests\/[A-Za-z0-9_-]{43}/);
    const asked = await request('POST', applied.statusUrl, { action: 'privacy-export' });
    check(asked.status === 202, `ask for a copy → ${asked.status} ${asked.text.slice(0, 300)}`);
    const copyLink = privacyLink(await mail(applied.email, /Conferma la tua richiesta/));
    await show(copyLink);
    const copy = await request('POST', copyLink, {});
    check(copy.status === 200 && copy.text.includes(applied.applicationId), `copy → ${copy.status}`);
    const askedErasure = await request('POST', applied.statusUrl, { action: 'privacy-erase' });
    check(askedErasure.status === 202, `ask for erasure → ${askedErasure.status}`);
    const eraseLink = privacyLink(await mail(applied.email, /Conferma la tua richiesta/, 2));
    const erased = await request('POST', eraseLink, {});
    check(erased.status === 200, `erase → ${erased.status} ${erased.text.slice(0, 300)}`);
    const gone = await request('GET', applied.statusUrl);
    check(gone.status === 404, `status link after erasure → ${gone.status}`);
    return 'copy downloaded, data erased, journey withdrawn';
  });

  await step('no manager: escalation to the office, closed by the office', async () => {
    const applied = await apply(emptyProgramme);
    const escalation = await mail(context.officeEmail, /Decisione richiesta/);
    const page = await request('GET', taskLink(escalation), undefined, { Accept: 'text/html' });
    check(page.status === 200, `GET escalation → ${page.status}`);
    const closed = await request('POST', taskLink(escalation), {
      decision: 'close',
      reason: 'Nessun manager disponibile',
    });
    check(closed.status === 200, `escalation close → ${closed.status} ${closed.text.slice(0, 300)}`);
    await mail(applied.email, /Percorso concluso/);
    return 'closed by the office';
  });

  await step('offer declined: released, the office decides (no other manager)', async () => {
    const count = (to: string, subject: RegExp) =>
      context.outbox().filter((m) => m.to.includes(to) && subject.test(m.subject)).length;
    const offersBefore = count(managerEmail, /Proposta di incarico/);
    const escalationsBefore = count(context.officeEmail, /Decisione richiesta/);
    const applied = await apply(declineProgramme);
    const offer = await mail(managerEmail, /Proposta di incarico/, offersBefore + 1);
    const declined = await request('POST', taskLink(offer), {
      decision: 'decline',
      reason: 'Impegni già presi',
    });
    check(declined.status === 200, `offer decline → ${declined.status} ${declined.text.slice(0, 300)}`);
    const escalation = await mail(context.officeEmail, /Decisione richiesta/, escalationsBefore + 1);
    const closed = await request('POST', taskLink(escalation), {
      decision: 'close',
      reason: 'Nessun altro manager',
    });
    check(closed.status === 200, `escalation close → ${closed.status} ${closed.text.slice(0, 300)}`);
    await mail(applied.email, /Percorso concluso/);
    return 'declined, then closed by the office';
  });

  await step('vetting not done in time: its link answers 410', async () => {
    check(unvettedLink, 'no vetting link');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const late = await request('POST', unvettedLink, { decision: 'approve', merit: 70 });
      if (late.status === 410) return 'expired after its week (scaled)';
      check(late.status !== 200, 'a vetting answered after its week was accepted');
      if (Date.now() > deadline) throw new StepFailed(`vetting link still → ${late.status} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  // ---- collaboration between firms (MechNet's second half) ---------------------------------------
  await step('collaboration: profiles, proposal, joins, verification, network contract', async () => {
    check(managerId, 'no manager');
    const mechNet = findPreset('mechnet');
    check(mechNet, 'preset mechnet missing');
    const id = `rehearsal-collab-${randomUUID().slice(0, 8)}`;
    await context.loadProgrammes([
      {
        ...programme(id, [managerId]),
        collaboration: {
          enabled: true,
          catalogue: mechNet.collaboration.catalogue,
          invitation: { reminderHours: long - 1, expiryHours: long },
          verification: {
            everyHours: 24,
            cycles: 1,
            reminderHours: long - 1,
            expiryHours: long,
            noBenefitCycles: 1,
          },
        },
      },
    ]);
    const firms = [];
    for (const spend of [90_000, 40_000]) {
      const firm = await apply(id);
      const offer = await mail(managerEmail, new RegExp(`Proposta di incarico: Officina Prova ${serial} `));
      check((await request('POST', taskLink(offer), { decision: 'accept' })).status === 200, 'offer accept');
      const assessment = await mail(
        managerEmail,
        new RegExp(`Registra l’assessment.*Officina Prova ${serial}`),
      );
      const assessed = await request('POST', taskLink(assessment), {
        dma: {
          digitalBusinessStrategy: 40,
          digitalReadiness: 50,
          humanCentricDigitalisation: 30,
          dataManagementAndConnectedness: 30,
          automationAndAi: 20,
          greenDigitalisation: 40,
        },
        improvementAreas: ['supply_chain'],
        findings: 'Acquisti frammentati.',
        projectRecommended: false,
        collaboration: {
          purchasing: [{ category: 'steel_bars', annualSpendEur: spend }],
          interestedInNetwork: true,
        },
      });
      check(assessed.status === 200, `assessment → ${assessed.status} ${assessed.text.slice(0, 300)}`);
      firms.push(firm);
    }
    const page = `/admin/programmes/${id}/collaborations`;
    let opportunities: { id: string }[] = [];
    for (const deadline = Date.now() + 20_000; opportunities.length === 0; ) {
      check(Date.now() < deadline, 'no opportunity within 20 s');
      opportunities = ((await request('GET', page, undefined, admin)).json.opportunities ?? []) as {
        id: string;
      }[];
      if (opportunities.length === 0) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await show(page, admin);
    const proposed = await request(
      'POST',
      page,
      { opportunityId: 'purchasing_group.steel_bars', coordinatorManagerId: managerId },
      { ...admin, ...adminOrigin },
    );
    check(proposed.status === 201, `propose → ${proposed.status} ${proposed.text.slice(0, 300)}`);
    const collaborationId = String(proposed.json.collaborationId);
    for (const firm of firms) {
      const invitation = taskLink(await mail(firm.email, /Invito a collaborare/));
      await show(invitation);
      check((await request('POST', invitation, { decision: 'join' })).status === 200, 'join');
    }
    const report = taskLink(await mail(managerEmail, /Verifica 1 di 1/, 1, 60_000));
    await show(report);
    const reported = await request('POST', report, {
      benefits: firms.map((firm, i) => ({
        applicationId: firm.applicationId,
        economicBenefitEur: 1000 * (i + 1),
        justification: 'Sconto sul volume',
      })),
      status: 'active',
    });
    check(reported.status === 200, `report → ${reported.status} ${reported.text.slice(0, 300)}`);
    await mail(firms[0]?.email ?? '', /Collaborazione conclusa/, 1, 60_000);
    const detail = `/admin/collaborations/${collaborationId}`;
    await show(detail, admin);
    const shown = await request('GET', detail, undefined, admin);
    check(
      shown.json.benefitTotalEur === 3000 && shown.json.status === 'closed',
      `detail → ${shown.text.slice(0, 200)}`,
    );
    const contract = await request(
      'POST',
      `${detail}/contract`,
      {
        name: 'Rete Prova',
        objectives: ['Acquisti comuni'],
        programme: 'Acquisti collettivi di acciaio.',
        rightsAndObligations: 'Fabbisogni trimestrali comunicati.',
        durationMonths: 24,
        joiningRules: 'Con il consenso di tutti.',
        withdrawalRules: 'Preavviso di sei mesi.',
      },
      { ...admin, ...adminOrigin },
    );
    check(contract.status === 200, `contract → ${contract.status} ${contract.text.slice(0, 300)}`);
    const draft = await show(`${detail}/contract`, admin);
    check(draft.text.includes('Rete Prova'), 'the draft lacks the network’s name');
    const signed = await request(
      'POST',
      `${detail}/signature`,
      {
        signedOn: '2026-11-20',
        filedOn: '2026-11-27',
        registryReference: 'VA-2026-0001',
        signatories: firms.map((firm) => firm.applicationId),
      },
      { ...admin, ...adminOrigin },
    );
    check(signed.status === 200, `signature → ${signed.status} ${signed.text.slice(0, 300)}`);
    return `collaboration ${collaborationId.slice(0, 8)} closed, €3,000 reported, network signed`;
  });

  // ---- a services programme (an EDIH) ---------------------------------------------------------------
  await step('services (EDIH): plan, approval, a delivery, one expired, T1, the network report', async () => {
    check(managerId, 'no manager');
    const mia = findPreset('mia-edih');
    check(mia, 'preset mia-edih missing');
    const id = `rehearsal-edih-${randomUUID().slice(0, 8)}`;
    await context.loadProgrammes([
      {
        ...programme(id, [managerId]),
        delivery: 'services',
        stateAid: { regime: 'none' },
        eligibility: { ...mia.eligibility },
        // The second workshop is left unrecorded: its delivery expires after a reminder (scaled).
        services: {
          catalogue: mia.services.catalogue,
          delivery: { reminderHours: 100, expiryHours: 200 },
          followUp: { delayHours: 1, reminderHours: long - 1, expiryHours: long },
        },
      },
    ]);
    const customer = await apply(id);
    const offer = await mail(managerEmail, new RegExp(`Proposta di incarico: Officina Prova ${serial} `));
    check((await request('POST', taskLink(offer), { decision: 'accept' })).status === 200, 'offer accept');
    const assessment = await mail(
      managerEmail,
      new RegExp(`Registra l’assessment.*Officina Prova ${serial}`),
    );
    const assessed = await request('POST', taskLink(assessment), {
      dma: {
        digitalBusinessStrategy: 40,
        digitalReadiness: 50,
        humanCentricDigitalisation: 30,
        dataManagementAndConnectedness: 30,
        automationAndAi: 20,
        greenDigitalisation: 40,
      },
      improvementAreas: ['digital'],
      findings: 'Nessuna formazione sulla sicurezza informatica.',
      servicePlan: [{ serviceId: 'cybersecurity_workshop', quantity: 2 }],
    });
    check(assessed.status === 200, `assessment → ${assessed.status} ${assessed.text.slice(0, 300)}`);
    const approval = await mail(
      context.officeEmail,
      new RegExp(`Decisione sul finanziamento: Officina Prova ${serial} `),
    );
    const approved = await request('POST', taskLink(approval), { decision: 'approve', amountEur: 3_000 });
    check(approved.status === 200, `plan approve → ${approved.status} ${approved.text.slice(0, 300)}`);
    const delivery = await mail(managerEmail, new RegExp(`Registra il servizio .*Officina Prova ${serial} `));
    await show(taskLink(delivery));
    const recorded = await request('POST', taskLink(delivery), { deliveredOn: '2026-11-02', hours: 4 });
    check(recorded.status === 200, `delivery → ${recorded.status} ${recorded.text.slice(0, 300)}`);
    const t1 = await mail(managerEmail, new RegExp(`Misura T1 .*Officina Prova ${serial} `), 1, 60_000);
    const measured = await request('POST', taskLink(t1), {
      dma: {
        digitalBusinessStrategy: 45,
        digitalReadiness: 55,
        humanCentricDigitalisation: 40,
        dataManagementAndConnectedness: 30,
        automationAndAi: 25,
        greenDigitalisation: 40,
      },
    });
    check(measured.status === 200, `T1 → ${measured.status} ${measured.text.slice(0, 300)}`);
    const closed = await mail(customer.email, /Percorso concluso/, 1, 30_000);
    check(closed.text.length > 0, 'no closing e-mail');
    const report = await request('GET', `/admin/programmes/${id}/edih-services.csv`, undefined, {
      ...admin,
      Accept: 'text/csv',
    });
    check(report.status === 200, `edih-services.csv → ${report.status}`);
    const rows = report.text.trim().split('\n');
    check(rows.length === 2, `edih-services.csv has ${rows.length - 1} service(s), 1 expected`);
    return 'plan of 2 approved, 1 delivered, 1 expired, T1 taken, reported';
  });

  await step('programme office area with a Cognito access token', async () => {
    const anonymous = await request('GET', '/admin/programmes');
    check(anonymous.status === 401, `anonymous → ${anonymous.status} (401 expected)`);
    const outsider = await request('GET', '/admin/programmes', undefined, {
      Authorization: `Bearer ${context.adminToken(['viewers'])}`,
    });
    check(outsider.status === 403, `outside the admin group → ${outsider.status} (403 expected)`);
    await show('/admin/programmes', admin);
    await show(`/admin/programmes/${programmeId}`, admin);
    const csv = await request('GET', `/admin/programmes/${programmeId}/applications.csv`, undefined, {
      ...admin,
      Accept: 'text/csv',
    });
    check(csv.status === 200 && csv.text.includes('Officina Prova'), `applications.csv → ${csv.status}`);
    await show(`/admin/projects/${projectId}`, admin);
    const unlock = await request(
      'POST',
      `/admin/programmes/${programmeId}/unlock`,
      { vatNumber: vatNumber(serial + 1) },
      {
        ...admin,
        ...adminOrigin,
      },
    );
    check(
      unlock.status === 200 && unlock.json.outcome === 'not_held',
      `unlock → ${unlock.status} ${unlock.text.slice(0, 200)}`,
    );
    await show('/admin/privacy', admin);
    const requester = await apply(programmeId);
    const copy = await request(
      'POST',
      '/admin/privacy',
      { action: 'export', email: requester.email },
      { ...admin, ...adminOrigin },
    );
    check(
      copy.status === 200 && copy.text.includes(requester.applicationId),
      `privacy export → ${copy.status}`,
    );
    const erased = await request(
      'POST',
      '/admin/privacy',
      { action: 'erase', email: requester.email },
      { ...admin, ...adminOrigin },
    );
    check(
      erased.status === 200 && erased.json.outcome === 'erased',
      `privacy erase → ${erased.status} ${erased.text.slice(0, 200)}`,
    );
    const signInHead = await request('HEAD', '/admin/sign-in', undefined, { Accept: 'text/html' });
    check(signInHead.status === 302, `HEAD sign-in → ${signInHead.status}`);
    const signIn = await request('GET', '/admin/sign-in', undefined, { Accept: 'text/html' });
    const location = signIn.headers.get('location') ?? '';
    check(
      signIn.status === 302 && /\.auth\.[a-z0-9-]+\.amazoncognito\.com\/oauth2\/authorize\?/.test(location),
      `sign-in → ${signIn.status} ${location}`,
    );
    const signOut = await request('GET', '/admin/sign-out', undefined, { Accept: 'text/html' });
    check(signOut.status === 302, `sign-out → ${signOut.status}`);
    return '401 anonymous, 403 outsider, 200 admin pages, a data request exported and erased, sign-in → Cognito';
  });

  await step('SES bounce through EventBridge', async () => {
    const delivered = await context.putEvent({
      version: '0',
      id: randomUUID(),
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      time: new Date().toISOString(),
      resources: [],
      detail: {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: managerEmail }],
          timestamp: new Date().toISOString(),
          feedbackId: randomUUID(),
        },
        mail: {
          timestamp: new Date().toISOString(),
          messageId: randomUUID(),
          tags: { 'ses:configuration-set': [context.configurationSetName] },
        },
      },
    });
    check(delivered > 0, 'no rule matched the bounce event');
    return `${delivered} target(s) invoked`;
  });

  return results;
}
