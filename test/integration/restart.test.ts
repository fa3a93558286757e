// Restart durability: stopping the local stack in the middle of a journey and starting it again on
// the same data resumes the execution where it stood; the link already e-mailed still works and no
// e-mail is sent twice. This file runs a stack of its own (its own data folder and ports), so it
// lives apart from the tests that use the shared one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { eventually, validApplication } from '../support/fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'percorso-pmi-restart-'));
let stack: LocalStack | undefined;

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const port = (url: string) => Number(new URL(url).port);

async function outboxOf(site: string) {
  const response = await fetch(`${site}/_local/outbox`, { headers: { Accept: 'application/json' } });
  return (await response.json()) as { to: string[]; subject: string; text: string }[];
}

describe('a restart in the middle of a journey', () => {
  it('resumes the waiting offer: the e-mailed link still works and nothing is sent twice', async () => {
    // Prepare: a journey waiting for the manager's answer.
    stack = await startLocalStack({
      dataDir,
      timeScale: 0.001,
      log: (line) => console.error(`[restart stack] ${line}`),
    });
    const ports = {
      port: port(stack.urls.site),
      dynamoDbPort: port(stack.urls.dynamoDb),
      stepFunctionsPort: port(stack.urls.stepFunctions),
      sesPort: port(stack.urls.ses),
      sqsPort: port(stack.urls.sqs),
    };
    const application = validApplication();
    application.company.name = `Officina Riavvio ${Date.now()}`;
    const submitted = await fetch(`${stack.urls.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(application),
    });
    const { applicationId } = (await submitted.json()) as { applicationId: string };
    const site = stack.urls.site;
    const executionArnOf = (id: string, s: LocalStack) =>
      `${s.stateMachineArns['sme-journey'].replace(':stateMachine:', ':execution:')}:${id}`;
    const offer = await eventually(
      async () => (await outboxOf(site)).find((m) => m.subject.includes(application.company.name)),
      30_000,
    ).catch((error) => {
      // Say where the journey stood, for a failure that only a loaded machine shows.
      const current = stack?.engine.getExecutionHistory({
        executionArn: executionArnOf(applicationId, stack),
      });
      console.error(
        '[restart test] no offer e-mail; journey history:',
        JSON.stringify(current?.events.slice(-6)),
        JSON.stringify((current?.events ?? []).filter((e) => String(e.type).includes('Failed'))),
      );
      throw error;
    });
    const link = offer.text.match(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
    const emailsBefore = (await outboxOf(site)).length;

    // Act: stop, start again on the same data and ports, answer through the old link.
    await stack.stop();
    stack = await startLocalStack({ dataDir, timeScale: 0.001, ...ports });
    const execution = stack.engine.describeExecution({
      executionArn: `${stack.stateMachineArns['sme-journey'].replace(':stateMachine:', ':execution:')}:${applicationId}`,
    });
    const answered = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ decision: 'accept' }),
    });
    const answeredBody = await answered.clone().text();
    const introductions = await eventually(async () => {
      const found = (await outboxOf(site)).filter((m) => m.subject.includes('Incarico confermato'));
      return found.some((m) => m.subject.includes(application.company.name)) ? found : undefined;
    }, 30_000).catch((error) => {
      const restarted = stack?.engine.getExecutionHistory({
        executionArn: executionArnOf(applicationId, stack),
      });
      console.error(
        '[restart test] no introduction; answer:',
        answered.status,
        answeredBody,
        'status:',
        stack?.engine.describeExecution({ executionArn: executionArnOf(applicationId, stack) }).status,
        'last events:',
        JSON.stringify(restarted?.events.slice(-8)),
      );
      throw error;
    });

    // Assess
    expect(execution.status).toBe('RUNNING');
    expect(answered.status).toBe(200);
    expect(introductions.filter((m) => m.subject.includes(application.company.name))).toHaveLength(1);
    const offers = (await outboxOf(site)).filter(
      (m) => m.subject.includes(application.company.name) && m.subject.includes('Proposta di incarico'),
    );
    expect(offers).toHaveLength(1);
    expect((await outboxOf(site)).length).toBeGreaterThan(emailsBefore);
  }, 120_000);
});
