// The cost of each workflow on its own, measured one after the other on the bench's stack: the
// programme office's onboarding of a manager, an EDIH customer's services journey, and a launched
// project's monitoring cycle. Each is driven as its people drive it (HTTP requests, the links in
// the e-mails, answered the moment they reach the outbox); run.ts meters what happened between
// `measured.begin()` and `measured.end()` and prices it. The SME journey to launch is priced by the
// journeys phase itself; the collaboration between firms is not driven by the bench.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '#infra/local/outbox.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import { getApplication } from '#shared/data/applications.ts';
import { documentClient } from '#shared/data/client.ts';
import { putManager } from '#shared/data/managers.ts';
import { putProgramme } from '#shared/data/programmes.ts';
import {
  executionArnOf,
  type MonitoringInput,
  monitoringExecutionName,
  startMonitoringCycle,
} from '#shared/data/step-functions.ts';
import { keys } from '#shared/data/table-design.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { italianToday } from '#shared/domain/programme.ts';
import { planValue } from '#shared/domain/services.ts';
import { findPreset, miaServiceCatalogue } from '#shared/programmes/presets.ts';
import type { WorkflowName } from '#workflows/index.ts';
import { benchApplication, postJson } from './applications.ts';

/** What run.ts does around one workflow's runs: reset the meters, then read and price them. */
export interface WorkflowMeter {
  /** Meters from zero now; executions of `machines` started from now on are counted. */
  begin(machines: readonly WorkflowName[], since?: Date): void;
  /** Reads the meters for `runs` runs of the workflow. */
  end(workflow: string, runs: number, failures: string[]): void;
}

export interface WorkflowBenchOptions {
  readonly stack: LocalStack;
  readonly meter: WorkflowMeter;
  /** Runs of each workflow. */
  readonly runs: number;
  /** First company serial (each SME takes the next). */
  readonly serialStart: number;
  readonly log: (line: string) => void;
}

const taskLinkPattern = /https?:\/\/[^\s]+\/tasks\/[A-Za-z0-9_-]{43}/;

/** An answer to the e-mails whose subject matches, posted to the link they carry. */
interface Rule {
  readonly subject: RegExp;
  readonly answer: (message: OutboxMessage) => unknown;
}

/**
 * The people of a workflow: every new e-mail whose subject a rule matches is answered once
 * through its link (a reminder, which starts "Promemoria", is left alone).
 * @returns a function that stops reading and waits for the answers in flight, with the problems seen
 */
function answerEmails(stack: LocalStack, rules: readonly Rule[]): () => Promise<string[]> {
  const problems: string[] = [];
  const pending = new Set<Promise<void>>();
  const answered = new Set<string>();
  const stop = stack.outbox.onMessage((message) => {
    if (message.subject.startsWith('Promemoria')) return;
    const rule = rules.find((r) => r.subject.test(message.subject));
    if (!rule) return;
    const link = taskLinkPattern.exec(message.text)?.[0];
    if (!link || answered.has(link)) return;
    answered.add(link);
    const sent: Promise<void> = postJson(link, rule.answer(message))
      .then(({ status, text }) => {
        if (status !== 200) problems.push(`"${message.subject}": HTTP ${status} ${text.slice(0, 160)}`);
      })
      .catch((error: unknown) => {
        problems.push(`"${message.subject}": ${String(error)}`);
      })
      .finally(() => pending.delete(sent));
    pending.add(sent);
  });
  return async () => {
    stop();
    await Promise.all([...pending]);
    return problems;
  };
}

/** Waits until no execution of the machine started since `since` runs, or the deadline passes. */
async function executionsEnded(
  stack: LocalStack,
  machine: WorkflowName,
  since: Date,
  timeoutMs: number,
): Promise<{ ended: number; running: number; failed: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ended = 0;
    let running = 0;
    let failed = 0;
    let nextToken: string | undefined;
    do {
      const page = stack.engine.listExecutions({
        stateMachineArn: stack.stateMachineArns[machine],
        nextToken,
      });
      for (const execution of page.executions) {
        if (execution.startDate < since) continue;
        if (execution.status === 'RUNNING') running++;
        else if (execution.status === 'SUCCEEDED') ended++;
        else failed++;
      }
      nextToken = page.nextToken;
    } while (nextToken);
    if (running === 0 || Date.now() > deadline) return { ended, running, failed };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Managers with room for every run, on the roster of the workflow's programme. */
async function roster(tableName: string, count: number, capacity: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const manager: Manager = {
      managerId: randomUUID(),
      name: `Esperto Bench ${i + 1}`,
      email: `esperto.${randomUUID().slice(0, 8)}@example.it`,
      languages: ['it', 'en'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital', 'supply_chain', 'training'],
      provinces: ['VA', 'MI'],
      capacity,
      load: 0,
      merit: 70 + i,
      status: 'active',
      conflicts: [],
      createdAt: new Date().toISOString(),
    };
    await putManager(tableName, manager);
    ids.push(manager.managerId);
  }
  return ids;
}

const dma = (base: number) => ({
  digitalBusinessStrategy: base,
  digitalReadiness: base + 5,
  humanCentricDigitalisation: base,
  dataManagementAndConnectedness: base - 5,
  automationAndAi: base - 10,
  greenDigitalisation: base,
});

/** Applies for these SMEs, ten at a time. @returns the problems, and the applications received */
async function applyAll(
  site: string,
  programmeId: string,
  serials: readonly number[],
): Promise<{ problems: string[]; applicationIds: string[] }> {
  const problems: string[] = [];
  const applicationIds: string[] = [];
  for (let start = 0; start < serials.length; start += 10) {
    await Promise.all(
      serials.slice(start, start + 10).map(async (serial) => {
        const applied = await postJson(`${site}/applications`, benchApplication(programmeId, serial));
        if (applied.status !== 201) problems.push(`apply ${serial}: HTTP ${applied.status} ${applied.text}`);
        else applicationIds.push((JSON.parse(applied.text) as { applicationId: string }).applicationId);
      }),
    );
  }
  return { problems, applicationIds };
}

/** A programme of the Sviluppo PMI preset for one workflow's runs, with a roster of five. */
async function workflowProgramme(
  stack: LocalStack,
  workflow: string,
  runs: number,
  overrides: Record<string, unknown>,
): Promise<string> {
  const base = findPreset('sviluppo-pmi');
  if (!base) throw new Error('the sviluppo-pmi preset is missing');
  const programmeId = `bench-${workflow}-${randomUUID().slice(0, 8)}`;
  await putProgramme(stack.tableNames.main, {
    ...base,
    id: programmeId,
    names: { it: `Bench ${programmeId}`, en: `Bench ${programmeId}` },
    officeEmails: [`office.${programmeId}@example.it`],
    quotas: { assessments: runs * 2 + 10 },
    budget: { totalEur: runs * 100_000, perProjectCapEur: 50_000 },
    matching: {
      maxOffers: 3,
      noManagerRetries: 3,
      capacityOnLaunch: 'keep',
      roster: await roster(stack.tableNames.main, 5, runs),
    },
    // No de minimis check: the bench's people do not register aid in the RNA.
    stateAid: { regime: 'none' },
    ...overrides,
  } as never);
  return programmeId;
}

/**
 * Waits for the workflow's executions to end, stops answering, and has its runs priced, with
 * whatever went wrong.
 */
async function finish(
  options: WorkflowBenchOptions,
  run: { machine: WorkflowName; since: Date; name: string; runs: number },
  stopAnswering: () => Promise<string[]>,
  problems: string[],
): Promise<void> {
  const state = await executionsEnded(options.stack, run.machine, run.since, 120_000);
  problems.push(...(await stopAnswering()));
  if (state.running + state.failed > 0)
    problems.push(`${state.running} ${run.machine} execution(s) still running, ${state.failed} failed`);
  options.meter.end(run.name, run.runs, problems);
}

/** A manager registers on the public form; the office approves them through its vetting link. */
async function onboarding(options: WorkflowBenchOptions): Promise<void> {
  const { stack, meter, runs } = options;
  meter.begin(['manager-onboarding']);
  const since = new Date();
  const stopAnswering = answerEmails(stack, [
    { subject: /^Nuovo manager da verificare:/, answer: () => ({ decision: 'approve', merit: 80 }) },
  ]);
  const problems: string[] = [];
  for (let i = 0; i < runs; i++) {
    const registered = await postJson(`${stack.urls.site}/managers`, {
      name: `Manager Registrato ${i + 1}`,
      email: `registrato.${randomUUID().slice(0, 8)}@example.it`,
      languages: ['it'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital'],
      provinces: ['MI'],
      capacity: 3,
      cv: 'Vent’anni in produzione meccanica.',
      conflicts: [],
      consent: { privacy: true },
    });
    if (registered.status !== 201) problems.push(`register: HTTP ${registered.status} ${registered.text}`);
  }
  await finish(
    options,
    {
      machine: 'manager-onboarding',
      since,
      name: 'manager onboarding (registration → vetting → welcome)',
      runs,
    },
    stopAnswering,
    problems,
  );
}

/** EDIH customers: T0 with a plan of two services, approval, both delivered, T1, closed. */
async function services(options: WorkflowBenchOptions): Promise<void> {
  const { stack, meter, runs } = options;
  const plan = [
    { serviceId: miaServiceCatalogue[0]!.id, quantity: 1 },
    { serviceId: miaServiceCatalogue[1]!.id, quantity: 1 },
  ];
  const planEur = planValue(plan, miaServiceCatalogue).valueEur;
  const programmeId = await workflowProgramme(stack, 'services', runs, {
    delivery: 'services',
    services: {
      catalogue: miaServiceCatalogue,
      delivery: { reminderHours: 1000, expiryHours: 2000 },
      followUp: { delayHours: 1, reminderHours: 1000, expiryHours: 2000 },
    },
    budget: { totalEur: runs * planEur * 2, perProjectCapEur: planEur * 2 },
  });
  const serials = Array.from({ length: runs }, (_, i) => options.serialStart + i);
  meter.begin(['sme-journey']);
  const since = new Date();
  const stopAnswering = answerEmails(stack, [
    { subject: /^Proposta di incarico:/, answer: () => ({ decision: 'accept' }) },
    {
      subject: /^Registra l’assessment di/,
      answer: () => ({
        dma: dma(40),
        improvementAreas: ['digital'],
        findings: 'Processi poco digitalizzati.',
        servicePlan: plan,
      }),
    },
    { subject: /^Decisione sul finanziamento:/, answer: () => ({ decision: 'approve', amountEur: planEur }) },
    {
      subject: /^Registra il servizio/,
      answer: () => ({ deliveredOn: italianToday(), hours: 8, participants: 5 }),
    },
    { subject: /^Misura T1/, answer: () => ({ dma: dma(55) }) },
  ]);
  const { problems } = await applyAll(stack.urls.site, programmeId, serials);
  await finish(
    options,
    {
      machine: 'sme-journey',
      since,
      name: 'EDIH customer (application → T0 and plan → 2 services → T1)',
      runs,
    },
    stopAnswering,
    problems,
  );
}

/**
 * Projects launched first (not metered), then their monitoring metered: two check-ins and the
 * closing report each. A check-in falls due a cadence after the launch, at least 250 hours (15
 * minutes of bench time); so the bench moves each project's launch 40 days back and starts its
 * first cycle again (as the office's resume does): the cycles then run at once, each one the
 * workflow it is on AWS (plan, wait, the request, the answer, the record, the next cycle).
 */
async function monitoring(options: WorkflowBenchOptions): Promise<void> {
  const { stack, meter, runs } = options;
  // A one-month project: check-ins at 250 and 500 hours, the closing report at its end.
  const programmeId = await workflowProgramme(stack, 'monitoring', runs, {
    monitoring: { checkinEveryHours: 250, checkinReminderHours: 2000, checkinExpiryHours: 4000 },
  });
  const serials = Array.from({ length: runs }, (_, i) => options.serialStart + i);
  const journeysSince = new Date();
  const checkin = { qualitativeProgress: ['in_progress'], benefitJustification: 'Meno fermi macchina' };
  const stopAnswering = answerEmails(stack, [
    { subject: /^Proposta di incarico:/, answer: () => ({ decision: 'accept' }) },
    {
      subject: /^Registra l’assessment di/,
      answer: () => ({
        dma: dma(40),
        improvementAreas: ['digital'],
        findings: 'Produzione poco digitalizzata.',
        projectRecommended: true,
        project: {
          title: 'Raccolta dati di macchina',
          objectives: 'Misurare OEE.',
          durationMonths: 1,
          budgetEur: 40_000,
          kpis: [{ name: 'OEE', unit: '%', baseline: 55, target: 70 }],
          qualitativeObjectives: ['Formazione del personale'],
        },
      }),
    },
    { subject: /^Decisione sul finanziamento:/, answer: () => ({ decision: 'approve', amountEur: 35_000 }) },
    {
      subject: /^Check-in \d+ di \d+:/,
      answer: () => ({ ...checkin, kpiValues: [62], economicBenefitEur: 4_000, spentEur: 15_000 }),
    },
    {
      subject: /^Chiusura del progetto:/,
      answer: () => ({
        kpiValues: [71],
        qualitativeProgress: ['achieved'],
        economicBenefitEur: 20_000,
        benefitJustification: 'OEE al 71%',
        spentEur: 35_000,
        dma: dma(55),
        outcome: 'completed',
        report: 'Obiettivi raggiunti.',
      }),
    },
  ]);
  const { problems, applicationIds } = await applyAll(stack.urls.site, programmeId, serials);
  const launched = await executionsEnded(stack, 'sme-journey', journeysSince, 60_000);
  if (launched.running + launched.failed > 0)
    problems.push(`${launched.running} journey(s) not launched in time, ${launched.failed} failed`);
  const monitoringArn = stack.stateMachineArns['project-monitoring'];
  const firstCycles: MonitoringInput[] = [];
  for (const applicationId of applicationIds) {
    const projectId = (await getApplication(stack.tableNames.main, applicationId))?.projectId;
    if (!projectId) {
      problems.push(`application ${applicationId}: no project launched`);
      continue;
    }
    stack.engine.stopExecution({
      executionArn: executionArnOf(monitoringArn, monitoringExecutionName(projectId, 1)),
      cause: 'bench: the launch moved back so that the check-ins fall due now',
    });
    await documentClient.send(
      new UpdateCommand({
        TableName: stack.tableNames.main,
        Key: keys.project(projectId),
        UpdateExpression: 'SET launchedAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 40 * 24 * 3600_000).toISOString() },
      }),
    );
    firstCycles.push({ projectId, applicationId, programmeId, cycle: 1 });
  }
  meter.begin(['project-monitoring']);
  const since = new Date();
  for (const input of firstCycles)
    await startMonitoringCycle(monitoringArn, input, `${monitoringExecutionName(input.projectId, 1)}-bench`);
  await finish(
    options,
    {
      machine: 'project-monitoring',
      since,
      name: 'project monitoring cycle (a check-in or the closing report)',
      runs: firstCycles.length * 3,
    },
    stopAnswering,
    problems,
  );
}

/** Runs every workflow of the bench in turn (never two at once: the meters are shared). */
export async function runWorkflowBench(options: WorkflowBenchOptions): Promise<void> {
  const { log, runs } = options;
  log(`workflows: ${runs} manager onboardings`);
  await onboarding(options);
  log(`workflows: ${runs} EDIH customers`);
  await services({ ...options, serialStart: options.serialStart });
  log(`workflows: ${runs} projects to launch, then their monitoring`);
  await monitoring({ ...options, serialStart: options.serialStart + runs });
}
