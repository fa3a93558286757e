// The intake's buffer: an application is acknowledged when it is stored and its journey queued, and
// the journey starts from the queue, retried while Step Functions throttles StartExecution. Exactly
// one journey per application holds through throttling, a start delivered twice, and a withdrawal
// while the start waits. This file runs a stack of its own, whose StartExecution quota it sets.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, localQueueNames, startLocalStack } from '#infra/local/stack.ts';
import { keys } from '#shared/data/table-design.ts';
import { eventually, validApplication } from '../support/fixtures.ts';

let stack: LocalStack;
let sfn: SFNClient;
let sqs: SQSClient;
let dynamo: DynamoDBDocumentClient;

beforeAll(async () => {
  stack = await startLocalStack({ timeScale: 0.001 });
  sfn = new SFNClient({ endpoint: stack.urls.stepFunctions });
  sqs = new SQSClient({ endpoint: stack.urls.sqs, useQueueUrlAsEndpoint: false });
  // Clients of this stack's own endpoints (the shared data modules point at the shared stack's).
  dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.urls.dynamoDb }));
});

afterAll(async () => {
  sfn?.destroy();
  sqs?.destroy();
  dynamo?.destroy();
  await stack?.stop();
});

const apply = async (application: Record<string, unknown>) => {
  const response = await fetch(`${stack.urls.site}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(application),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

async function journeyNames(): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: stack.stateMachineArns['sme-journey'],
        maxResults: 1000,
        nextToken,
      }),
    );
    names.push(...(page.executions ?? []).map((e) => e.name ?? ''));
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}

async function runningJourneys(): Promise<string[]> {
  const page = await sfn.send(
    new ListExecutionsCommand({
      stateMachineArn: stack.stateMachineArns['sme-journey'],
      statusFilter: 'RUNNING',
      maxResults: 1000,
    }),
  );
  return (page.executions ?? []).map((e) => e.name ?? '');
}

const applicationRecord = async (applicationId: string) =>
  (
    await dynamo.send(
      new GetCommand({ TableName: stack.tableNames.main, Key: keys.application(applicationId) }),
    )
  ).Item as { programmeId: string; status: string } | undefined;

const bufferEmpty = () => {
  const waiting = stack.queues.depth(localQueueNames.journeyStarts);
  return waiting.visible + waiting.inFlight === 0 ? true : undefined;
};

describe('the intake buffer', { timeout: 120_000 }, () => {
  it('acknowledges every application of a rush at once and starts exactly one journey each, though StartExecution throttles', async () => {
    // Prepare: StartExecution admits 2 a second (a bucket of 2), far below the rush
    stack.limitStarts({ rate: 2, burst: 2 });
    const applications = Array.from({ length: 16 }, () => validApplication());

    // Act: 16 firms submit at the same moment
    const answers = await Promise.all(applications.map(apply));

    // Assess: every firm has its receipt; once the buffer is drained, each has one journey
    expect(answers.map((a) => a.status)).toEqual(applications.map(() => 201));
    const ids = answers.map((a) => a.body.applicationId ?? '');
    await eventually(async () => bufferEmpty(), 60_000, 100);
    const names = await journeyNames();
    for (const id of ids) expect(names.filter((name) => name === id)).toHaveLength(1);
    expect(stack.throttledStarts()).toBeGreaterThan(0);
    expect(stack.queues.depth(localQueueNames.journeyStartsDeadLetters)).toEqual({
      visible: 0,
      inFlight: 0,
    });
    stack.limitStarts(undefined);
  });

  it('starts one journey when the same start is delivered twice (SQS delivers at least once)', async () => {
    // Prepare: an application whose journey has started
    const { body } = await apply(validApplication());
    const applicationId = body.applicationId ?? '';
    await eventually(async () => ((await journeyNames()).includes(applicationId) ? true : undefined));
    const application = await applicationRecord(applicationId);

    // Act: the same start arrives twice more
    const message = JSON.stringify({ applicationId, programmeId: application?.programmeId });
    for (let i = 0; i < 2; i += 1)
      await sqs.send(
        new SendMessageCommand({ QueueUrl: stack.queueUrls.journeyStarts, MessageBody: message }),
      );
    await eventually(async () => bufferEmpty(), 20_000, 50);

    // Assess
    expect((await journeyNames()).filter((name) => name === applicationId)).toHaveLength(1);
  });

  it('runs no journey for an application withdrawn while its start waited', async () => {
    // Prepare: Step Functions refuses every start for now
    stack.limitStarts({ rate: 0, burst: 0 });
    const { status, body } = await apply(validApplication());
    expect(status).toBe(201);
    const applicationId = body.applicationId ?? '';
    const throttledBefore = stack.throttledStarts();
    await eventually(async () => (stack.throttledStarts() > throttledBefore ? true : undefined));

    // Act: the firm withdraws from its status page, then Step Functions admits starts again
    const withdrawn = await fetch(body.statusUrl ?? '', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ action: 'withdraw' }),
    });
    stack.limitStarts(undefined);
    await eventually(async () => bufferEmpty(), 30_000, 100);

    // Assess
    expect(withdrawn.status).toBe(200);
    expect((await applicationRecord(applicationId))?.status).toBe('withdrawn');
    expect(await runningJourneys()).not.toContain(applicationId);
  });

  it('starts nothing from a message it cannot read, and keeps it (retried, then dead-lettered) instead of dropping it', async () => {
    // Prepare
    const before = (await journeyNames()).length;

    // Act: a body that is not a journey start, and one naming an application that does not exist
    for (const body of ['not json', JSON.stringify({ applicationId: 'x', programmeId: '<script>' })])
      await sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls.journeyStarts, MessageBody: body }));
    await eventually(async () =>
      stack.queues.depth(localQueueNames.journeyStarts).inFlight === 2 ? true : undefined,
    );

    // Assess: both still queued (hidden until their visibility timeout), no journey started
    expect(stack.queues.depth(localQueueNames.journeyStarts)).toEqual({ visible: 0, inFlight: 2 });
    expect((await journeyNames()).length).toBe(before);
    stack.queues.purge(localQueueNames.journeyStarts);
  });
});
