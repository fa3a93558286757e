// Journeys under load: N simulated SMEs apply through POST /applications; simulated managers and a
// simulated programme office read each e-mail as it reaches the outbox and answer through the link
// it carries (POST JSON to /tasks/{token}, the real callback URL): accept the offer, record an
// assessment that recommends a project, approve the financing. A journey ends when its execution
// stops; every one must end launched, or the bench fails.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OutboxMessage } from '#infra/local/outbox.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import { putManager } from '#shared/data/managers.ts';
import { putProgramme } from '#shared/data/programmes.ts';
import type { Manager } from '#shared/domain/manager.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { eventually } from '../test/support/fixtures.ts';
import { benchApplication, postJson } from './applications.ts';
import { percentile } from './meters.ts';

export interface JourneyBenchOptions {
  readonly stack: LocalStack;
  readonly journeys: number;
  /** SMEs in flight at once. */
  readonly concurrency: number;
  /** Managers on the programme's roster. */
  readonly managers: number;
  /** First company serial (each SME takes the next). */
  readonly serialStart: number;
  /** A journey still running after this long is lost. */
  readonly journeyTimeoutMs: number;
  /** Called once the programme and roster exist, just before the first application. */
  readonly onReady?: () => void;
  readonly log: (line: string) => void;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface JourneyBenchResult {
  journeys: number;
  concurrency: number;
  managers: number;
  completed: number;
  outcomes: Record<string, number>;
  failures: { serial: number; problem: string }[];
  wallSeconds: number;
  journeysPerSecond: number;
  journeyMs: Percentiles;
  /** Latency of the people's requests (apply, answers) while the journeys ran. */
  requestMs: Record<string, Percentiles & { count: number }>;
  emails: {
    total: number;
    perJourney: number;
    reminders: number;
    unrouted: number;
    bySubject: Record<string, number>;
  };
  /** From the histories of every execution started during the run, all state machines. */
  history: {
    executions: number;
    stateTransitions: number;
    lambdaTasksScheduled: number;
    events: number;
    maxEventsPerExecution: number;
    byStateMachine: Record<
      string,
      { executions: number; running: number; stateTransitions: number; events: number }
    >;
  };
  /** The outbox JSON (GET /_local/outbox) holds as many messages as the people received. */
  outboxJsonCount: number;
}

interface Journey {
  readonly serial: number;
  startedAt: number;
  applicationId?: string;
  problems: string[];
  answered: Set<string>;
}

const stats = (values: number[]): Percentiles => ({
  p50: percentile(values, 0.5),
  p95: percentile(values, 0.95),
  p99: percentile(values, 0.99),
  max: values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : Number.NaN,
});

/** A complete assessment that recommends a project (the JSON contract of the assessment link). */
const assessmentAnswer = {
  dma: {
    digitalBusinessStrategy: 40,
    digitalReadiness: 55,
    humanCentricDigitalisation: 35,
    dataManagementAndConnectedness: 30,
    automationAndAi: 20,
    greenDigitalisation: 45,
  },
  improvementAreas: ['digital', 'supply_chain'],
  findings: 'Produzione poco digitalizzata; dati di macchina non raccolti.',
  projectRecommended: true,
  project: {
    title: 'MES e raccolta dati di macchina',
    objectives: 'Collegare le macchine CNC e misurare OEE.',
    durationMonths: 12,
    budgetEur: 40_000,
    kpis: [{ name: 'OEE', unit: '%', baseline: 55, target: 70 }],
    qualitativeObjectives: ['Formazione del personale'],
  },
};

/** What a person does with each kind of e-mail (by its Italian subject), or nothing. */
const answers: { readonly step: string; readonly subject: RegExp; readonly body: unknown }[] = [
  { step: 'offer', subject: /^Proposta di incarico:/, body: { decision: 'accept' } },
  { step: 'assessment', subject: /^Registra l’assessment di/, body: assessmentAnswer },
  {
    step: 'financing',
    subject: /^Decisione sul finanziamento:/,
    body: { decision: 'approve', amountEur: 35_000 },
  },
];

const taskLinkPattern = /https?:\/\/[^\s]+\/tasks\/[A-Za-z0-9_-]{43}/;

/** Creates the bench programme (open, quota and budget for every SME) and its roster. */
export async function createJourneyProgramme(
  tableName: string,
  options: { journeys: number; managers: number },
): Promise<{ programmeId: string; officeEmail: string }> {
  const base = findPreset('sviluppo-pmi');
  if (!base) throw new Error('the sviluppo-pmi preset is missing');
  const capacity = Math.ceil(options.journeys / options.managers) + 1;
  const roster: string[] = [];
  for (let i = 0; i < options.managers; i++) {
    const managerId = randomUUID();
    const manager: Manager = {
      managerId,
      name: `Manager Bench ${i + 1}`,
      email: `manager.${String(i + 1).padStart(4, '0')}@example.it`,
      languages: ['it', 'en'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital', 'supply_chain'],
      provinces: ['VA', 'MI'],
      capacity,
      load: 0,
      merit: 60 + ((i * 7) % 36),
      status: 'active',
      conflicts: [],
      createdAt: new Date().toISOString(),
    };
    await putManager(tableName, manager);
    roster.push(managerId);
  }
  const programmeId = `bench-journeys-${randomUUID().slice(0, 8)}`;
  const officeEmail = `office.${programmeId}@example.it`;
  await putProgramme(tableName, {
    ...base,
    id: programmeId,
    names: { it: `Bench ${programmeId}`, en: `Bench ${programmeId}` },
    officeEmails: [officeEmail],
    quotas: { assessments: options.journeys * 2 + 10 },
    budget: { totalEur: options.journeys * 100_000, perProjectCapEur: 50_000 },
    matching: { maxOffers: 3, noManagerRetries: 3, capacityOnLaunch: 'keep', roster },
    // No de minimis check: the bench's people do not register aid in the RNA, and an approved
    // project would wait for its COR (the presets check de minimis since issue 17).
    stateAid: { regime: 'none' },
  } as never);
  return { programmeId, officeEmail };
}

/** Runs the journeys and returns every figure; never throws for a failed journey (it is counted). */
export async function runJourneyBench(options: JourneyBenchOptions): Promise<JourneyBenchResult> {
  const { stack, log } = options;
  const { programmeId } = await createJourneyProgramme(stack.tableNames.main, options);
  const site = stack.urls.site;
  const journeyArn = stack.stateMachineArns['sme-journey'];
  const executionArn = (applicationId: string) =>
    `${journeyArn.replace(':stateMachine:', ':execution:')}:${applicationId}`;

  const journeys = new Map<number, Journey>();
  const requestLatencies: Record<string, number[]> = { apply: [], offer: [], assessment: [], financing: [] };
  const emails = { total: 0, reminders: 0, unrouted: 0, bySubject: {} as Record<string, number> };
  const pendingAnswers = new Set<Promise<void>>();
  const outboxBefore = stack.outbox.list().length;

  const post = postJson;

  // The people: each new message is read as its addressee would read it in an inbox.
  const read = (message: OutboxMessage) => {
    emails.total++;
    // The kind of e-mail: its subject without the company, programme or project named in it.
    const kind = message.subject
      .replace(/Bench PMI \d{7} S\.r\.l\./g, '{company}')
      .replace(/«[^»]*»/g, '«…»')
      .replace(/ — .*$/, '')
      .replace(/^(Progetto avviato):.*$/, '$1');
    emails.bySubject[kind] = (emails.bySubject[kind] ?? 0) + 1;
    const serial = Number(
      /pmi\.(\d{7})@example\.it/.exec(message.to.join(' '))?.[1] ??
        /Bench PMI (\d{7}) S\.r\.l\./.exec(`${message.subject}\n${message.text}`)?.[1],
    );
    const journey = journeys.get(serial);
    if (!journey) {
      emails.unrouted++;
      return;
    }
    if (message.subject.startsWith('Promemoria')) {
      emails.reminders++;
      return;
    }
    if (/^Decisione richiesta:/.test(message.subject)) {
      journey.problems.push('escalated to the programme office (no manager found)');
      return;
    }
    const answer = answers.find((a) => a.subject.test(message.subject));
    if (!answer) return;
    const link = taskLinkPattern.exec(message.text)?.[0];
    if (!link) {
      journey.problems.push(`no task link in "${message.subject}"`);
      return;
    }
    if (journey.answered.has(answer.step)) return;
    journey.answered.add(answer.step);
    const started = performance.now();
    const pending = post(link, answer.body)
      .then(({ status, text }) => {
        requestLatencies[answer.step]?.push(performance.now() - started);
        if (status !== 200)
          journey.problems.push(`${answer.step} answer: HTTP ${status} ${text.slice(0, 200)}`);
      })
      .catch((error: unknown) => {
        journey.problems.push(`${answer.step} answer failed: ${String(error)}`);
      })
      .finally(() => pendingAnswers.delete(pending));
    pendingAnswers.add(pending);
  };
  const stopReading = stack.outbox.onMessage(read);

  const outcomes: Record<string, number> = {};
  const journeyMs: number[] = [];
  const failures: { serial: number; problem: string }[] = [];
  let completed = 0;
  let finishedCount = 0;

  const one = async (serial: number) => {
    const journey: Journey = { serial, startedAt: performance.now(), problems: [], answered: new Set() };
    journeys.set(serial, journey);
    const applied = await post(`${site}/applications`, benchApplication(programmeId, serial)).catch(
      (error: unknown) => ({ status: 0, text: String(error) }),
    );
    requestLatencies.apply?.push(performance.now() - journey.startedAt);
    if (applied.status !== 201) {
      failures.push({ serial, problem: `apply: HTTP ${applied.status} ${applied.text.slice(0, 200)}` });
      outcomes.not_submitted = (outcomes.not_submitted ?? 0) + 1;
      return;
    }
    journey.applicationId = (JSON.parse(applied.text) as { applicationId: string }).applicationId;
    try {
      // The journey starts from the intake's buffer a moment after the receipt.
      const arn = executionArn(journey.applicationId);
      await eventually(async () => {
        try {
          return stack.engine.describeExecution({ executionArn: arn });
        } catch {
          return undefined;
        }
      }, options.journeyTimeoutMs);
      const execution = await stack.engine.waitForExecution(arn, options.journeyTimeoutMs);
      const outcome =
        execution.status === 'SUCCEEDED'
          ? String((JSON.parse(execution.output ?? '{}') as { outcome?: string }).outcome ?? 'none')
          : execution.status;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === 'launched' && journey.problems.length === 0) {
        completed++;
        journeyMs.push(performance.now() - journey.startedAt);
      } else {
        failures.push({
          serial,
          problem: [`ended ${outcome}`, ...journey.problems, execution.error, execution.cause]
            .filter(Boolean)
            .join('; '),
        });
      }
    } catch (error) {
      outcomes.lost = (outcomes.lost ?? 0) + 1;
      failures.push({
        serial,
        problem: [
          `lost: ${error instanceof Error ? error.message : String(error)}`,
          ...journey.problems,
        ].join('; '),
      });
    } finally {
      finishedCount++;
    }
  };

  options.onReady?.();
  const phaseStart = new Date();
  const started = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    log(
      `journeys: ${finishedCount}/${options.journeys} ended (${completed} launched, ${failures.length} failed) after ${seconds.toFixed(0)} s`,
    );
  }, 5000);
  let next = 0;
  const workers = Array.from({ length: Math.min(options.concurrency, options.journeys) }, async () => {
    while (next < options.journeys) {
      const serial = options.serialStart + next++;
      await one(serial);
    }
  });
  await Promise.all(workers);
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(progress);
  await Promise.all([...pendingAnswers]);
  stopReading();

  // What the executions recorded, the billing view of Step Functions: every execution of every
  // state machine started since the first application (the journeys, and whatever they started,
  // such as a launched project's first monitoring cycle, still running at the end).
  const history = executionHistories(stack, phaseStart);

  const outboxJson = (await (
    await fetch(stack.urls.outbox, { headers: { Accept: 'application/json' } })
  ).json()) as unknown[];

  const requestMs = Object.fromEntries(
    Object.entries(requestLatencies).map(([step, values]) => [
      step,
      { count: values.length, ...stats(values) },
    ]),
  );
  return {
    journeys: options.journeys,
    concurrency: options.concurrency,
    managers: options.managers,
    completed,
    outcomes,
    failures,
    wallSeconds,
    journeysPerSecond: completed / wallSeconds,
    journeyMs: stats(journeyMs),
    requestMs,
    emails: { ...emails, perJourney: emails.total / Math.max(1, options.journeys) },
    history,
    outboxJsonCount: outboxJson.length - outboxBefore,
  };
}

/**
 * What the executions of these state machines (all by default) started since `since` recorded:
 * the billing view of Step Functions (a transition per state entered).
 */
export function executionHistories(
  stack: LocalStack,
  since: Date,
  machines: readonly string[] = Object.keys(stack.stateMachineArns),
): JourneyBenchResult['history'] {
  const history: JourneyBenchResult['history'] = {
    executions: 0,
    stateTransitions: 0,
    lambdaTasksScheduled: 0,
    events: 0,
    maxEventsPerExecution: 0,
    byStateMachine: {},
  };
  for (const [machineName, stateMachineArn] of Object.entries(stack.stateMachineArns)) {
    if (!machines.includes(machineName)) continue;
    const machine = { executions: 0, running: 0, stateTransitions: 0, events: 0 };
    let nextToken: string | undefined;
    do {
      const page = stack.engine.listExecutions({ stateMachineArn, nextToken });
      for (const execution of page.executions) {
        if (execution.startDate < since) continue;
        const { events } = stack.engine.getExecutionHistory({
          executionArn: execution.executionArn,
          includeExecutionData: false,
        });
        machine.executions++;
        if (execution.status === 'RUNNING') machine.running++;
        machine.events += events.length;
        history.maxEventsPerExecution = Math.max(history.maxEventsPerExecution, events.length);
        for (const event of events) {
          if (event.type.endsWith('StateEntered')) machine.stateTransitions++;
          if (
            event.type === 'LambdaFunctionScheduled' ||
            (event.type === 'TaskScheduled' && event.taskScheduledEventDetails?.resourceType === 'lambda')
          )
            history.lambdaTasksScheduled++;
        }
      }
      nextToken = page.nextToken;
    } while (nextToken);
    if (machine.executions === 0) continue;
    history.byStateMachine[machineName] = machine;
    history.executions += machine.executions;
    history.stateTransitions += machine.stateTransitions;
    history.events += machine.events;
  }
  return history;
}
