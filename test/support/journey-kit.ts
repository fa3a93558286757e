// Helpers for journey tests on the local stack: a programme of its own per test (own roster of
// managers, own office address, own timeouts), applications through the public API, task links
// read from the outbox like a person reads their e-mail, and the execution as the SDK sees it.
import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { inject } from 'vitest';
import { getManager, putManager } from '#shared/data/managers.ts';
import { putProgramme } from '#shared/data/programmes.ts';
import type { Manager } from '#shared/domain/manager.ts';
import type { ProgrammeInput } from '#shared/domain/programme.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { eventually, journeyStartsDrained, sampleDmaScores, validApplication } from './fixtures.ts';

export const local = inject('localStack');
export const tableName = process.env.TABLE_NAME ?? '';
export const sfn = new SFNClient({
  endpoint: local.stepFunctions,
  region: 'eu-south-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export interface OutboxMessage {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/** A new active manager in precision mechanics (ATECO 25), Varese; override what the test needs. */
export async function newManager(overrides: Partial<Manager> = {}): Promise<Manager> {
  const managerId = randomUUID();
  const manager: Manager = {
    managerId,
    name: `Manager ${managerId.slice(0, 8)}`,
    email: `manager.${managerId.slice(0, 8)}@example.it`,
    languages: ['it', 'en'],
    atecoSections: ['C'],
    atecoDivisions: ['25'],
    competences: ['digital', 'supply_chain'],
    provinces: ['VA'],
    capacity: 2,
    load: 0,
    merit: 80,
    status: 'active',
    conflicts: [],
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  await putManager(tableName, manager);
  return manager;
}

/** A programme of the test's own: open, all of Lombardy, with the given roster and settings. */
export async function newProgramme(
  roster: readonly Manager[],
  overrides: Partial<ProgrammeInput> = {},
): Promise<{ id: string; officeEmail: string }> {
  const base = findPreset('sviluppo-pmi');
  if (!base) throw new Error('preset missing');
  const id = `test-${randomUUID().slice(0, 8)}`;
  const officeEmail = `office.${id}@example.it`;
  await putProgramme(tableName, {
    ...base,
    id,
    names: { it: `Programma ${id}`, en: `Programme ${id}` },
    officeEmails: [officeEmail],
    // State aid is the state-aid tests' own subject: elsewhere a programme gives none.
    stateAid: { regime: 'none' },
    ...overrides,
    matching: {
      maxOffers: 3,
      noManagerRetries: 0,
      capacityOnLaunch: 'keep',
      ...overrides.matching,
      roster: roster.map((m) => m.managerId),
    },
  } as never);
  return { id, officeEmail };
}

/**
 * Applies through the public API; returns the application and its company name (unique).
 * @param adjust - changes the application before it is sent (another province, another size…)
 */
export async function apply(
  programmeId: string,
  language: 'it' | 'en' = 'it',
  adjust: (application: ReturnType<typeof validApplication>) => void = () => {},
  headers: Record<string, string> = {},
) {
  const application = validApplication();
  application.programmeId = programmeId;
  application.company.name = `Officina ${randomUUID().slice(0, 8)} S.r.l.`;
  application.contact.email = `sme.${randomUUID().slice(0, 8)}@example.it`;
  application.contact.language = language;
  adjust(application);
  const response = await fetch(`${local.site}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(application),
  });
  if (response.status !== 201) throw new Error(`apply: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { applicationId: string; statusUrl: string };
  return {
    ...body,
    companyName: application.company.name as string,
    smeEmail: application.contact.email as string,
  };
}

export async function outbox(): Promise<OutboxMessage[]> {
  const response = await fetch(local.outbox, { headers: { Accept: 'application/json' } });
  return (await response.json()) as OutboxMessage[];
}

/** Waits for the nth e-mail to `to` whose subject matches, and returns it. */
export async function emailTo(
  to: string,
  subject: RegExp,
  nth = 1,
  timeoutMs = 15_000,
): Promise<OutboxMessage> {
  return eventually(async () => {
    const found = (await outbox()).filter((m) => m.to.includes(to) && subject.test(m.subject));
    return found[nth - 1];
  }, timeoutMs);
}

/** The task link in an e-mail (absolute, in both parts). */
export function taskLink(message: OutboxMessage): string {
  const match = message.text.match(/https?:\/\/[^\s]+\/tasks\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no task link in "${message.subject}"`);
  if (!message.html.includes(match[0])) throw new Error('the link is missing from the HTML part');
  return match[0];
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const executionArn = (applicationId: string) =>
  `${local.journeyStateMachineArn.replace(':stateMachine:', ':execution:')}:${applicationId}`;

export async function finished(applicationId: string, timeoutMs = 20_000) {
  await journeyStartsDrained();
  return eventually(async () => {
    const execution = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(applicationId) }),
    );
    return execution.status === 'RUNNING' ? undefined : execution;
  }, timeoutMs);
}

export async function history(applicationId: string) {
  await journeyStartsDrained();
  const result = await sfn.send(
    new GetExecutionHistoryCommand({
      executionArn: executionArn(applicationId),
      includeExecutionData: true,
      maxResults: 1000,
    }),
  );
  return result.events ?? [];
}

export async function loadOf(managerId: string): Promise<number> {
  return (await getManager(tableName, managerId))?.load ?? -1;
}

/** A complete assessment answer (the JSON contract). */
export function assessmentAnswer(projectRecommended: boolean) {
  return {
    dma: sampleDmaScores,
    improvementAreas: ['digital', 'supply_chain'],
    findings: 'Produzione poco digitalizzata; dati di macchina non raccolti.',
    projectRecommended,
    ...(projectRecommended
      ? {
          project: {
            title: 'MES e raccolta dati di macchina',
            objectives: 'Collegare le macchine CNC e misurare OEE.',
            durationMonths: 12,
            budgetEur: 40_000,
            kpis: [{ name: 'OEE', unit: '%', baseline: 55, target: 70 }],
            qualitativeObjectives: ['Formazione del personale'],
          },
        }
      : {}),
  };
}
