// The local SQS queues keep the semantics the intake's buffer relies on: a received message is
// hidden for its visibility timeout and comes back if not deleted, its receive count grows, past
// the redrive policy's maxReceiveCount it moves to the dead-letter queue, and with a data folder
// nothing acknowledged is lost across a restart. Driven through the SDK where a client would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalQueues, pollQueue, startSqsEndpoint } from '#infra/local/sqs.ts';

const design = (redrive = 3) => [
  { name: 'dead', visibilityTimeoutSeconds: 30 },
  {
    name: 'work',
    visibilityTimeoutSeconds: 30,
    redrive: { deadLetterQueue: 'dead', maxReceiveCount: redrive },
  },
];

function queuesAt(clock: { now: number }, dataDir?: string) {
  const queues = new LocalQueues({ now: () => clock.now, ...(dataDir ? { dataDir } : {}) });
  for (const queue of design()) queues.define(queue);
  return queues;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('local SQS queues', () => {
  it('hide a received message for its visibility timeout and hand it out again, counting receives', async () => {
    const clock = { now: 1_000_000 };
    const queues = queuesAt(clock);
    queues.send('work', '{"n":1}');

    const first = await queues.receive('work');
    const whileHidden = await queues.receive('work');
    clock.now += 30_000;
    const again = await queues.receive('work');

    expect(first.map((m) => m.receiveCount)).toEqual([1]);
    expect(whileHidden).toEqual([]);
    expect(again.map((m) => [m.messageId, m.receiveCount])).toEqual([[first[0]?.messageId, 2]]);
    expect(again[0]?.receiptHandle).not.toBe(first[0]?.receiptHandle);
  });

  it('move a message received more than maxReceiveCount times to the dead-letter queue', async () => {
    const clock = { now: 1_000_000 };
    const queues = queuesAt(clock);
    queues.send('work', 'poison');

    for (let i = 0; i < 3; i += 1) {
      expect(await queues.receive('work')).toHaveLength(1);
      clock.now += 30_000;
    }
    const fourth = await queues.receive('work');

    expect(fourth).toEqual([]);
    expect(queues.depth('work')).toEqual({ visible: 0, inFlight: 0 });
    expect((await queues.receive('dead')).map((m) => m.body)).toEqual(['poison']);
  });

  it('keep every acknowledged message, and the ones in flight, across a restart on the same folder', async () => {
    const clock = { now: 1_000_000 };
    const dataDir = mkdtempSync(join(tmpdir(), 'local-sqs-'));
    folders.push(dataDir);
    const before = queuesAt(clock, dataDir);
    before.send('work', 'a');
    before.send('work', 'b');
    await before.receive('work');

    const after = queuesAt(clock, dataDir);

    expect(after.depth('work')).toEqual({ visible: 1, inFlight: 1 });
    clock.now += 30_000;
    expect((await after.receive('work', { max: 10 })).map((m) => m.body).sort()).toEqual(['a', 'b']);
  });

  it('answer the SDK: send, receive with attributes, change visibility, delete; an unknown queue is refused', async () => {
    const queues = new LocalQueues();
    for (const queue of design()) queues.define(queue);
    const endpoint = await startSqsEndpoint(queues, { accountId: '000000000000' });
    const sqs = new SQSClient({
      endpoint: endpoint.url,
      region: 'eu-south-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      useQueueUrlAsEndpoint: false,
    });
    try {
      // A cloud-shaped URL names the same queue: the last segment counts.
      const QueueUrl = 'https://sqs.eu-south-1.amazonaws.com/123456789012/work';
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
      const received = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl,
          MaxNumberOfMessages: 10,
          MessageSystemAttributeNames: ['All'],
        }),
      );
      const message = received.Messages?.[0];
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl,
          ReceiptHandle: message?.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
      const visibleAgain = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
      );
      await sqs.send(
        new DeleteMessageCommand({ QueueUrl, ReceiptHandle: visibleAgain.Messages?.[0]?.ReceiptHandle }),
      );
      const unknown = await sqs
        .send(new SendMessageCommand({ QueueUrl: `${endpoint.url}/000000000000/nope`, MessageBody: 'x' }))
        .catch((error: Error) => error.name);

      expect(message?.Body).toBe('hello');
      expect(message?.Attributes?.ApproximateReceiveCount).toBe('1');
      expect(visibleAgain.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
      expect(queues.depth('work')).toEqual({ visible: 0, inFlight: 0 });
      expect(unknown).toBe('QueueDoesNotExist');
    } finally {
      sqs.destroy();
      await endpoint.close();
    }
  });

  it('poll as the event source mapping: records reported as failed stay queued, the rest are deleted', async () => {
    const queues = new LocalQueues();
    for (const queue of design(5)) queues.define(queue);
    for (const body of ['ok-1', 'fail', 'ok-2']) queues.send('work', body);
    const seen: string[] = [];
    const stop = pollQueue(queues, {
      queue: 'work',
      queueArn: 'arn:aws:sqs:eu-south-1:000000000000:work',
      region: 'eu-south-1',
      batchSize: 10,
      maxConcurrency: 1,
      invoke: async (event) => {
        seen.push(...event.Records.map((r) => r.body));
        return {
          batchItemFailures: event.Records.filter((r) => r.body === 'fail').map((r) => ({
            itemIdentifier: r.messageId,
          })),
        };
      },
    });
    const deadline = Date.now() + 5_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await stop();

    expect(seen.sort()).toEqual(['fail', 'ok-1', 'ok-2']);
    expect(queues.depth('work')).toEqual({ visible: 0, inFlight: 1 });
  });
});
