// Project monitoring to closure on a stack of its own whose time runs 500,000 times faster (a
// one-month project takes about five seconds): check-ins through e-mailed links, a KPI behind its
// trajectory, a missed check-in, the continue-as-new chain, and the closing with T1 against T0.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { eventually, validApplication } from '../support/fixtures.ts';

let stack: LocalStack;
let tableName: string;

beforeAll(async () => {
  stack = await startLocalStack({ timeScale: 0.000002 });
  tableName = stack.tableNames.main;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

interface Message {
  to: string;
  subject: string;
  text: string;
}

async function outbox(): Promise<Message[]> {
  const response = await fetch(`${stack.urls.site}/_local/outbox`, {
    headers: { Accept: 'application/json' },
  });
  return (await response.json()) as Message[];
}

async function emailTo(to: string, subject: RegExp, nth = 1): Promise<Message> {
  return eventually(
    async () => (await outbox()).filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1],
    30_000,
  );
}

const linkIn = (message: Message) =>
  message.text.match(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const t0 = {
  digitalBusinessStrategy: 40,
  digitalReadiness: 50,
  humanCentricDigitalisation: 30,
  dataManagementAndConnectedness: 30,
  automationAndAi: 20,
  greenDigitalisation: 40,
};

/** A programme of the test's own whose project has three check-ins a month (the third closes it). */
async function launchedProject(options: { checkinReminderHours: number; checkinExpiryHours: number }) {
  const { putManager } = await import('#shared/data/managers.ts');
  const { putProgramme } = await import('#shared/data/programmes.ts');
  const { findPreset } = await import('#shared/programmes/presets.ts');
  const managerId = randomUUID();
  const manager = {
    managerId,
    name: 'Paola Monitor',
    email: `monitor.${managerId.slice(0, 8)}@example.it`,
    languages: ['it'],
    atecoSections: ['C'],
    atecoDivisions: ['25'],
    competences: ['digital'],
    provinces: ['VA'],
    capacity: 2,
    load: 0,
    merit: 80,
    status: 'active',
    conflicts: [],
    createdAt: new Date().toISOString(),
  } as const;
  await putManager(tableName, manager as never);
  const id = `mon-${randomUUID().slice(0, 8)}`;
  const office = `office.${id}@example.it`;
  const long = 8000; // hours: 16 seconds at this time scale, for every journey wait
  await putProgramme(tableName, {
    ...findPreset('sviluppo-pmi'),
    id,
    names: { it: `Programma ${id}`, en: `Programme ${id}` },
    officeEmails: [office],
    budget: { totalEur: 100_000, perProjectCapEur: 50_000 },
    // Not state aid here: the aid's registration is the state-aid tests' subject.
    stateAid: { regime: 'none' },
    timeouts: {
      offerReminderHours: long - 1,
      offerExpiryHours: long,
      noManagerRetryHours: long,
      escalationReminderHours: long - 1,
      escalationExpiryHours: long,
      assessmentReminderHours: long - 1,
      assessmentExpiryHours: long,
      financingReminderHours: long - 1,
      financingExpiryHours: long,
    },
    matching: { maxOffers: 3, noManagerRetries: 0, capacityOnLaunch: 'keep', roster: [managerId] },
    monitoring: { checkinEveryHours: 250, ...options },
  } as never);
  const application = validApplication();
  application.programmeId = id;
  application.company.name = `Officina Monitor ${id}`;
  const applied = await post(`${stack.urls.site}/applications`, application);
  await post(linkIn(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
  await post(linkIn(await emailTo(manager.email, /Registra l’assessment/)), {
    dma: t0,
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
  await post(linkIn(await emailTo(office, /Decisione sul finanziamento/)), {
    decision: 'approve',
    amountEur: 20_000,
  });
  return {
    manager,
    office,
    programmeId: id,
    applicationId: applied.body.applicationId as string,
    contact: application.contact.email as string,
  };
}

describe('project monitoring', () => {
  it('runs a project through its check-ins to closure, one execution per cycle, with T1 against T0', async () => {
    // Prepare
    const project = await launchedProject({ checkinReminderHours: 4000, checkinExpiryHours: 8000 });

    // Act: two check-ins (the second with OEE behind its trajectory), then the closing report.
    await post(linkIn(await emailTo(project.manager.email, /check-in|Check-in|verifica/i, 1)), {
      kpiValues: [70],
      qualitativeProgress: ['in_progress'],
      economicBenefitEur: 5_000,
      benefitJustification: 'Meno fermi macchina',
      spentEur: 6_000,
    });
    await post(linkIn(await emailTo(project.manager.email, /check-in|Check-in|verifica/i, 2)), {
      kpiValues: [51],
      qualitativeProgress: ['in_progress'],
      economicBenefitEur: 6_000,
      benefitJustification: 'Stabile',
      spentEur: 12_000,
    });
    const atRisk = await emailTo(project.office, /rischio|risk/i);
    const closingLink = linkIn(
      await emailTo(project.manager.email, /check-in|Check-in|verifica|chiusura|closing/i, 3),
    );
    const closed = await post(closingLink, {
      kpiValues: [78],
      qualitativeProgress: ['achieved'],
      economicBenefitEur: 30_000,
      benefitJustification: 'OEE al 78%',
      spentEur: 18_000,
      dma: { ...t0, automationAndAi: 50, dataManagementAndConnectedness: 60 },
      outcome: 'completed',
      report: 'Obiettivi raggiunti.',
    });

    // Assess
    expect(closed.status).toBe(200);
    expect(atRisk.text).toContain('OEE');
    const { getApplication } = await import('#shared/data/applications.ts');
    const { getProject } = await import('#shared/data/projects.ts');
    const { getProgrammeCounters } = await import('#shared/data/programmes.ts');
    const projectId = (await getApplication(tableName, project.applicationId))?.projectId ?? '';
    const final = await eventually(async () => {
      const stored = await getProject(tableName, projectId);
      return stored?.status === 'closed' ? stored : undefined;
    }, 30_000);
    expect(final).toMatchObject({ outcome: 'completed', spentEur: 18_000, economicBenefitEur: 30_000 });
    expect((final.dmaChange as { overall: number }).overall).toBe(10); // (30 + 30) / 6 more points
    const counters = (await getProgrammeCounters(tableName, project.programmeId)) as unknown as Record<
      string,
      number
    >;
    expect(counters).toMatchObject({ projectsClosed: 1, budgetSpentEur: 18_000, budgetCommittedEur: 18_000 });
    const dashboard = await (
      await fetch(`${stack.urls.site}/_local/programmes/${project.programmeId}`, {
        headers: { Accept: 'text/html' },
      })
    ).text();
    expect(dashboard).toMatch(/data-testid="benefit-per-euro">1,67</);
    expect(dashboard).toContain('data-testid="dma-improvement"');
    const projectPage = await (
      await fetch(`${stack.urls.site}/_local/projects/${projectId}`, { headers: { Accept: 'text/html' } })
    ).text();
    expect(projectPage).toContain('data-testid="kpi-trajectories"');
    // Whose project: the company and its manager by name.
    expect(projectPage).toMatch(/data-testid="project-company">Officina Monitor /);
    expect(projectPage).toContain(`data-testid="project-manager">${project.manager.name}<`);
    expect(projectPage).toMatch(
      /<td>50<\/td><td>70<\/td><td class="status status-FAILED">51 \(in ritardo rispetto alla traiettoria\)<\/td><td>78<\/td><td>80<\/td>/,
    );
    expect(projectPage).toContain('data-testid="dma-t0-t1"');
    const executions = await eventually(async () => {
      const cycles = stack.engine
        .listExecutions({ stateMachineArn: stack.stateMachineArns['project-monitoring'] })
        .executions.filter((e) => e.name.startsWith(projectId));
      return cycles.length === 3 && cycles.every((e) => e.status !== 'RUNNING') ? cycles : undefined;
    }, 30_000);
    expect(executions.map((e) => e.name).sort()).toEqual([
      `${projectId}-c1`,
      `${projectId}-c2`,
      `${projectId}-c3`,
    ]);
    for (const execution of executions) {
      expect(execution.status).toBe('SUCCEEDED');
      const history = stack.engine.getExecutionHistory({
        executionArn: execution.executionArn,
        includeExecutionData: true,
      }).events;
      expect(history.length).toBeLessThan(100);
      const text = JSON.stringify(history);
      for (const secret of [
        'Meno fermi macchina',
        project.contact,
        project.manager.email,
        'Officina Monitor',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  }, 120_000);

  it('records a missed check-in and tells the programme office, never skipping it silently', async () => {
    // Prepare: check-ins expire almost at once.
    const project = await launchedProject({ checkinReminderHours: 1, checkinExpiryHours: 2 });

    // Act
    const missed = await emailTo(project.office, /mancat|missed/i);

    // Assess
    const { getApplication } = await import('#shared/data/applications.ts');
    const { listCheckins } = await import('#shared/data/projects.ts');
    const projectId = (await getApplication(tableName, project.applicationId))?.projectId ?? '';
    const checkins = await listCheckins(tableName, projectId);
    expect(missed.subject).toBeTruthy();
    expect(checkins[0]).toMatchObject({ cycle: 1, missed: true });
  }, 120_000);

  it('lets the programme office pause, resume and close a project early, with a reason', async () => {
    // Prepare: a launched project, check-ins far enough apart to act between them.
    const project = await launchedProject({ checkinReminderHours: 4000, checkinExpiryHours: 8000 });
    const { getApplication } = await import('#shared/data/applications.ts');
    const { getProject } = await import('#shared/data/projects.ts');
    const { getProgrammeCounters } = await import('#shared/data/programmes.ts');
    const projectId = await eventually(
      async () => (await getApplication(tableName, project.applicationId))?.projectId,
      30_000,
    );
    const control = (action: string, body: unknown) =>
      post(`${stack.urls.site}/_local/projects/${projectId}/${action}`, body);
    const monitoringArn = stack.stateMachineArns['project-monitoring'];
    const execution = (name: string) =>
      stack.engine.describeExecution({
        executionArn: `${monitoringArn.replace(':stateMachine:', ':execution:')}:${name}`,
      });

    await eventually(async () => {
      try {
        return execution(`${projectId}-c1`).status === 'RUNNING' ? true : undefined;
      } catch {
        return undefined;
      }
    }, 30_000);

    // Act
    const noReason = await control('pause', {});
    const paused = await control('pause', { reason: 'Azienda in cassa integrazione' });
    const pausedAgain = await control('pause', { reason: 'di nuovo' });
    const firstCycle = await eventually(async () =>
      execution(`${projectId}-c1`).status === 'ABORTED' ? true : undefined,
    );
    const resumed = await control('resume', { reason: 'Produzione ripresa' });
    const checkin = await emailTo(project.manager.email, /Check-in 1/);
    const closed = await control('close', {
      reason: 'Progetto interrotto dall’impresa',
      outcome: 'abandoned',
    });

    // Assess
    expect(noReason.status).toBe(422);
    expect(paused.status).toBe(200);
    expect(pausedAgain.status).toBe(409);
    expect(firstCycle).toBe(true);
    expect(resumed.status).toBe(200);
    expect(execution(`${projectId}-c1-r1`).name).toBe(`${projectId}-c1-r1`);
    expect(checkin.subject).toContain('Check-in 1');
    expect(closed.status).toBe(200);
    const stored = await getProject(tableName, projectId);
    expect(stored).toMatchObject({ status: 'closed', outcome: 'abandoned', closedEarly: true });
    const counters = (await getProgrammeCounters(tableName, project.programmeId)) as unknown as Record<
      string,
      number
    >;
    expect(counters.budgetCommittedEur).toBe(0); // nothing spent: the whole reservation returns
    expect(
      await eventually(async () => (execution(`${projectId}-c1-r1`).status === 'ABORTED' ? true : undefined)),
    ).toBe(true);
    const lateCheckin = await post(linkIn(checkin), {
      kpiValues: [60],
      qualitativeProgress: ['in_progress'],
      economicBenefitEur: 0,
      benefitJustification: '—',
      spentEur: 0,
    });
    expect(lateCheckin.status).toBe(410);

    // The decision log: each decision exactly once (the refused second pause and the late check-in
    // add nothing), who made it and the codes before and after; no free text, no names.
    const { listAuditEvents } = await import('#shared/data/audit.ts');
    const journeyLog = await listAuditEvents(tableName, { kind: 'application', id: project.applicationId });
    const projectLog = await listAuditEvents(tableName, { kind: 'project', id: projectId });
    expect(journeyLog.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
      ['offer.answered', 'link:manager', 'open', 'accept'],
      ['assessment.recorded', 'link:manager', 'open', 'projectRecommended'],
      ['financing.decided', 'link:office', 'open', 'approve'],
    ]);
    expect(projectLog.map((e) => [e.action, e.before, e.after])).toEqual([
      ['project.paused', 'launched', 'paused'],
      ['project.resumed', 'paused', 'monitoring'],
      ['project.closed', 'monitoring', 'closed:abandoned'],
    ]);
    for (const event of projectLog) expect(event.actor).toMatch(/^user:/);
    const everything = JSON.stringify([...journeyLog, ...projectLog]);
    expect(everything).not.toContain('cassa integrazione');
    expect(everything).not.toContain(project.manager.email);
    const page = await (
      await fetch(`${stack.urls.site}/admin/projects/${projectId}`, { headers: { Accept: 'text/html' } })
    ).text();
    expect(page).toContain('Registro delle decisioni');
    expect(page).toContain('Monitoraggio sospeso');
    expect(page.match(/data-action="/g)).toHaveLength(6);
  }, 120_000);
});
