// Test data helpers: valid Partita IVA numbers on demand, a valid application, waiting helpers.
import { readFileSync } from 'node:fs';

/** A valid Partita IVA: random serial, an allowed office code, the Luhn check digit computed. */
export function randomVatNumber(): string {
  const serial = String(Math.floor(Math.random() * 9_999_999) + 1).padStart(7, '0');
  const officeCodes = ['015', '012', '003', '097', '120'];
  const body = serial + officeCodes[Math.floor(Math.random() * officeCodes.length)];
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(body[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** The valid application fixture (test/events/application.valid.json) with a fresh company. */
export function validApplication(overrides: { vatNumber?: string; email?: string } = {}) {
  const base = JSON.parse(readFileSync(new URL('../events/application.valid.json', import.meta.url), 'utf8'));
  base.company.vatNumber = overrides.vatNumber ?? randomVatNumber();
  if (overrides.email) base.contact.email = overrides.email;
  // biome-ignore lint/suspicious/noExplicitAny: tests reshape the fixture freely
  return base as Record<string, any>;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1) (a run replays from its seed). */
export function seededRandom(from: number): () => number {
  let state = from >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Polls until the check returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Six DMA scores a manager could give (overall 37.5: "average" with the default bands). */
export const sampleDmaScores = {
  digitalBusinessStrategy: 40,
  digitalReadiness: 55,
  humanCentricDigitalisation: 35,
  dataManagementAndConnectedness: 30,
  automationAndAi: 20,
  greenDigitalisation: 45,
};

/**
 * Waits until every queued journey start has been handed to Step Functions (the intake's buffer
 * is empty): a journey is started a moment after its application is acknowledged.
 */
export async function journeyStartsDrained(timeoutMs = 20_000): Promise<void> {
  const queueUrl = process.env.JOURNEY_START_QUEUE_URL;
  if (!queueUrl) throw new Error('JOURNEY_START_QUEUE_URL is not set');
  const { GetQueueAttributesCommand, SQSClient } = await import('@aws-sdk/client-sqs');
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  try {
    await eventually(
      async () => {
        const { Attributes } = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: queueUrl,
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
          }),
        );
        const waiting =
          Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
          Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
        return waiting === 0 ? true : undefined;
      },
      timeoutMs,
      20,
    );
  } finally {
    sqs.destroy();
  }
}
