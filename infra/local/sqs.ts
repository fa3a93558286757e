// The local SQS endpoint and Lambda's SQS event source mapping, for the queues the stack declares.
// The endpoint speaks the AWS JSON 1.0 protocol @aws-sdk/client-sqs and the AWS CLI use (POST /,
// X-Amz-Target: AmazonSQS.<Operation>, errors as HTTP 400 {"__type", "message"}); a queue is named
// by the last segment of its URL, so the cloud's URLs work as well as the local ones. Semantics kept:
// at-least-once delivery, a visibility timeout per receive (changeable), the receive count, and the
// redrive policy (past maxReceiveCount a message moves to the dead-letter queue). With a data folder
// every change is on disk before it is acknowledged, so a killed process loses no message.
// Local only: SigV4 headers are accepted and ignored.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SQSEvent, SQSRecord } from 'aws-lambda';

export interface LocalQueueDesign {
  readonly name: string;
  readonly visibilityTimeoutSeconds: number;
  /** Where a message goes once received more than maxReceiveCount times. */
  readonly redrive?: { readonly deadLetterQueue: string; readonly maxReceiveCount: number };
}

interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  visibleAt: number;
  receiptHandle?: string;
}

export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly sentAt: number;
  readonly firstReceivedAt: number;
}

class SqsError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

const maxMessageBytes = 256 * 1024;

/** The queues, their messages and their timers; in memory, or mirrored to `<dataDir>/queues.json`. */
export class LocalQueues {
  private readonly designs = new Map<string, LocalQueueDesign>();
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly file: string | undefined;
  private readonly now: () => number;

  constructor(options: { dataDir?: string; now?: () => number } = {}) {
    // Real time, whatever a scaled process clock says: SQS's timeouts are not workflow waits.
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      this.file = join(options.dataDir, 'queues.json');
      try {
        const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, StoredMessage[]>;
        for (const [name, list] of Object.entries(saved)) this.messages.set(name, list);
      } catch {
        // No file yet: empty queues.
      }
    }
  }

  /** Declares a queue (and keeps the messages a previous run left in it). */
  define(design: LocalQueueDesign): void {
    this.designs.set(design.name, design);
    if (!this.messages.has(design.name)) this.messages.set(design.name, []);
  }

  /** The queue's URL on an endpoint. */
  static urlOf(endpoint: string, accountId: string, name: string): string {
    return `${endpoint.replace(/\/+$/, '')}/${accountId}/${name}`;
  }

  send(queue: string, body: string): string {
    const list = this.listOf(queue);
    if (body.length === 0)
      throw new SqsError('MissingParameter', 'The request must contain the parameter MessageBody.');
    if (Buffer.byteLength(body) > maxMessageBytes)
      throw new SqsError(
        'InvalidParameterValue',
        `One or more parameters are invalid. Reason: Message must be shorter than ${maxMessageBytes} bytes.`,
      );
    const messageId = randomUUID();
    list.push({ messageId, body, sentAt: this.now(), receiveCount: 0, visibleAt: this.now() });
    this.persist();
    for (const wake of this.waiters.get(queue) ?? []) wake();
    return messageId;
  }

  /**
   * Receives up to `max` visible messages, hiding each for the visibility timeout; waits up to
   * `waitSeconds` for one (long polling). A message received more than the redrive's maxReceiveCount
   * moves to the dead-letter queue instead.
   */
  async receive(
    queue: string,
    options: { max?: number; waitSeconds?: number; visibilitySeconds?: number; signal?: AbortSignal } = {},
  ): Promise<ReceivedMessage[]> {
    const deadline = this.now() + (options.waitSeconds ?? 0) * 1000;
    for (;;) {
      const received = this.receiveNow(queue, options.max ?? 1, options.visibilitySeconds);
      if (received.length > 0 || this.now() >= deadline || options.signal?.aborted) return received;
      await this.waitForChange(
        queue,
        Math.min(deadline - this.now(), this.nextVisibleIn(queue)),
        options.signal,
      );
    }
  }

  delete(queue: string, receiptHandle: string): void {
    const list = this.listOf(queue);
    const index = list.findIndex((message) => message.receiptHandle === receiptHandle);
    // As SQS: deleting with a stale handle of a message already gone is not an error.
    if (index >= 0) {
      list.splice(index, 1);
      this.persist();
    }
  }

  changeVisibility(queue: string, receiptHandle: string, seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 43_200)
      throw new SqsError('InvalidParameterValue', 'VisibilityTimeout must be an integer from 0 to 43200.');
    const message = this.listOf(queue).find((m) => m.receiptHandle === receiptHandle);
    if (!message || message.visibleAt <= this.now())
      throw new SqsError('MessageNotInflight', 'The message referred to is not in flight.');
    message.visibleAt = this.now() + seconds * 1000;
    this.persist();
    if (seconds === 0) for (const wake of this.waiters.get(queue) ?? []) wake();
  }

  /** ApproximateNumberOfMessages (visible) and …NotVisible (in flight), as GetQueueAttributes. */
  depth(queue: string): { visible: number; inFlight: number } {
    const now = this.now();
    const list = this.listOf(queue);
    const inFlight = list.filter((m) => m.visibleAt > now).length;
    return { visible: list.length - inFlight, inFlight };
  }

  purge(queue: string): void {
    this.messages.set(queue, []);
    this.listOf(queue);
    this.persist();
  }

  /** The queue a URL (local or AWS) names. */
  queueOfUrl(url: string): string {
    const name = decodeURIComponent(url.split('?')[0]?.replace(/\/+$/, '').split('/').pop() ?? '');
    if (!this.designs.has(name))
      throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.');
    return name;
  }

  private receiveNow(queue: string, max: number, visibilitySeconds?: number): ReceivedMessage[] {
    const design = this.designs.get(queue);
    const list = this.listOf(queue);
    const now = this.now();
    const out: ReceivedMessage[] = [];
    let changed = false;
    for (const message of [...list]) {
      if (out.length >= max) break;
      if (message.visibleAt > now) continue;
      if (design?.redrive && message.receiveCount >= design.redrive.maxReceiveCount) {
        list.splice(list.indexOf(message), 1);
        const { receiptHandle: _handle, ...kept } = message;
        this.listOf(design.redrive.deadLetterQueue).push({ ...kept, visibleAt: now });
        changed = true;
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.receiptHandle = randomUUID();
      message.visibleAt = now + (visibilitySeconds ?? design?.visibilityTimeoutSeconds ?? 30) * 1000;
      changed = true;
      out.push({
        messageId: message.messageId,
        receiptHandle: message.receiptHandle,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: message.sentAt,
        firstReceivedAt: message.firstReceivedAt,
      });
    }
    if (changed) this.persist();
    return out;
  }

  private nextVisibleIn(queue: string): number {
    const now = this.now();
    const next = Math.min(...this.listOf(queue).map((m) => m.visibleAt));
    return Number.isFinite(next) ? Math.max(next - now, 10) : Number.POSITIVE_INFINITY;
  }

  private waitForChange(queue: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(queue) ?? new Set();
      this.waiters.set(queue, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, Math.min(ms, 20_000)));
      set.add(done);
      signal?.addEventListener('abort', done);
    });
  }

  private listOf(queue: string): StoredMessage[] {
    if (!this.designs.has(queue))
      throw new SqsError('QueueDoesNotExist', 'The specified queue does not exist.');
    let list = this.messages.get(queue);
    if (!list) {
      list = [];
      this.messages.set(queue, list);
    }
    return list;
  }

  private persist(): void {
    if (!this.file) return;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.messages)));
    renameSync(temporary, this.file);
  }
}

// ----- the endpoint ---------------------------------------------------------------------------

type Body = Record<string, unknown>;

const md5 = (value: string) => createHash('md5').update(value, 'utf8').digest('hex');

const text = (body: Body, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0)
    throw new SqsError('MissingParameter', `The request must contain the parameter ${key}.`);
  return value;
};

const integer = (body: Body, key: string, fallback: number, min: number, max: number): number => {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new SqsError(
      'InvalidParameterValue',
      `Value for parameter ${key} is invalid. Must be an integer from ${min} to ${max}.`,
    );
  return value;
};

const operations: Record<
  string,
  (queues: LocalQueues, body: Body, accountId: string, endpoint: string) => unknown
> = {
  SendMessage: (queues, body) => {
    const queue = queues.queueOfUrl(text(body, 'QueueUrl'));
    const message = text(body, 'MessageBody');
    // The SDK checks the digest of what it sent.
    return { MessageId: queues.send(queue, message), MD5OfMessageBody: md5(message) };
  },
  ReceiveMessage: async (queues, body) => {
    const queue = queues.queueOfUrl(text(body, 'QueueUrl'));
    const messages = await queues.receive(queue, {
      max: integer(body, 'MaxNumberOfMessages', 1, 1, 10),
      waitSeconds: integer(body, 'WaitTimeSeconds', 0, 0, 20),
      ...(body.VisibilityTimeout !== undefined
        ? { visibilitySeconds: integer(body, 'VisibilityTimeout', 30, 0, 43_200) }
        : {}),
    });
    // System attributes only when asked for, as SQS does.
    const wanted = [body.MessageSystemAttributeNames, body.AttributeNames]
      .flatMap((names) => (Array.isArray(names) ? names : []))
      .map(String);
    return {
      Messages: messages.map((m) => ({
        MessageId: m.messageId,
        ReceiptHandle: m.receiptHandle,
        Body: m.body,
        MD5OfBody: md5(m.body),
        ...(wanted.length > 0
          ? {
              Attributes: Object.fromEntries(
                Object.entries({
                  ApproximateReceiveCount: String(m.receiveCount),
                  SentTimestamp: String(m.sentAt),
                  ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
                }).filter(([name]) => wanted.includes('All') || wanted.includes(name)),
              ),
            }
          : {}),
      })),
    };
  },
  DeleteMessage: (queues, body) => {
    queues.delete(queues.queueOfUrl(text(body, 'QueueUrl')), text(body, 'ReceiptHandle'));
    return {};
  },
  ChangeMessageVisibility: (queues, body) => {
    queues.changeVisibility(
      queues.queueOfUrl(text(body, 'QueueUrl')),
      text(body, 'ReceiptHandle'),
      integer(body, 'VisibilityTimeout', -1, 0, 43_200),
    );
    return {};
  },
  GetQueueAttributes: (queues, body) => {
    const depth = queues.depth(queues.queueOfUrl(text(body, 'QueueUrl')));
    return {
      Attributes: {
        ApproximateNumberOfMessages: String(depth.visible),
        ApproximateNumberOfMessagesNotVisible: String(depth.inFlight),
      },
    };
  },
  GetQueueUrl: (queues, body, accountId, endpoint) => {
    const name = text(body, 'QueueName');
    queues.queueOfUrl(name);
    return { QueueUrl: LocalQueues.urlOf(endpoint, accountId, name) };
  },
  PurgeQueue: (queues, body) => {
    queues.purge(queues.queueOfUrl(text(body, 'QueueUrl')));
    return {};
  },
};

function reply(response: ServerResponse, status: number, body: unknown, errorType?: string) {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-query-error': `${errorType};Sender` } : {}),
  });
  response.end(payload);
}

async function handle(
  queues: LocalQueues,
  accountId: string,
  endpoint: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const target = String(request.headers['x-amz-target'] ?? '');
  const [prefix, name = ''] = target.split('.');
  const operation = prefix === 'AmazonSQS' ? operations[name] : undefined;
  if (request.method !== 'POST' || !operation) {
    reply(
      response,
      400,
      { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `Unsupported operation ${target}` },
      'AWS.SimpleQueueService.UnsupportedOperation',
    );
    return;
  }
  try {
    const raw = Buffer.concat(chunks).toString('utf8').trim();
    const body = (raw ? JSON.parse(raw) : {}) as Body;
    reply(response, 200, (await operation(queues, body, accountId, endpoint)) ?? {});
  } catch (error) {
    if (error instanceof SqsError)
      reply(response, 400, { __type: `com.amazonaws.sqs#${error.type}`, message: error.message }, error.type);
    else reply(response, 500, { __type: 'com.amazonaws.sqs#InternalError', message: String(error) });
  }
}

/** Serves the queues on 127.0.0.1 (port 0 = a free port). */
export async function startSqsEndpoint(
  queues: LocalQueues,
  options: { port?: number; accountId: string },
): Promise<{ url: string; close(): Promise<void> }> {
  let url = '';
  const server = createServer((request, response) => {
    handle(queues, options.accountId, url, request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ----- the event source mapping -----------------------------------------------------------------

export interface EventSourceMapping {
  readonly queue: string;
  readonly queueArn: string;
  readonly region: string;
  /** Records per invocation. */
  readonly batchSize: number;
  /** Invocations at once (the mapping's maximum concurrency). */
  readonly maxConcurrency: number;
  /** The function; answers { batchItemFailures } (ReportBatchItemFailures) or throws. */
  readonly invoke: (event: SQSEvent) => Promise<unknown>;
  readonly onError?: (error: unknown) => void;
}

/**
 * Polls the queue as Lambda's event source mapping does: a batch per invocation, the records the
 * function does not report as failed are deleted; a thrown error leaves the whole batch to
 * reappear after its visibility timeout. Returns a stop function.
 */
export function pollQueue(queues: LocalQueues, mapping: EventSourceMapping): () => Promise<void> {
  const abort = new AbortController();
  const loop = async () => {
    while (!abort.signal.aborted) {
      const messages = await queues.receive(mapping.queue, {
        max: mapping.batchSize,
        waitSeconds: 20,
        signal: abort.signal,
      });
      if (messages.length === 0) continue;
      const records: SQSRecord[] = messages.map((m) => ({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: mapping.queueArn,
        awsRegion: mapping.region,
      }));
      try {
        const result = (await mapping.invoke({ Records: records })) as
          | { batchItemFailures?: { itemIdentifier: string }[] }
          | undefined;
        const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        for (const m of messages) if (!failed.has(m.messageId)) queues.delete(mapping.queue, m.receiptHandle);
      } catch (error) {
        // Throttled by the account's concurrency: the batch reappears after its visibility timeout.
        if ((error as Error).name !== 'TooManyRequestsException') mapping.onError?.(error);
      }
    }
  };
  const loops = Array.from({ length: mapping.maxConcurrency }, () =>
    loop().catch((error: unknown) => mapping.onError?.(error)),
  );
  return async () => {
    abort.abort();
    await Promise.all(loops);
  };
}
