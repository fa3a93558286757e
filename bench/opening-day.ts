// `npm run bench -- --opening-day`: a call that opens "a sportello" at a set hour, simulated on the
// local stack with the AWS quotas in its way, as token buckets and a concurrency limit:
// - API Gateway: the stage's method throttles (infra/api-capacity.ts), as deployed;
// - Lambda: concurrent executions of the account (a new account's 10 by default);
// - Step Functions: StartExecution's bucket (800, refilled 150/s);
// - DynamoDB on demand: a new table's initial throughput, against the peak units a second used.
// Everything runs `speed` times faster than the simulated clock, quotas included. The firms submit
// from a child process; the journeys behind the buffer are a one-state machine (on AWS they run
// elsewhere). Reported: accepted, throttled and retried, lost (must be 0), time to receipt, the
// journeys started (one per application), and whether the quota's places went in submission order.
import { performance } from 'node:perf_hooks';
import { awsQuotas } from '#infra/api-capacity.ts';
import { type LocalStack, localQueueNames } from '#infra/local/stack.ts';
import { seededRandom } from '../test/support/fixtures.ts';
import { runInChild } from './fork.ts';
import { percentile } from './meters.ts';
import type { FirmOutcome, FirmsRequest } from './opening-day-firms.ts';

export interface OpeningDayOptions {
  readonly firms: number;
  readonly minutes: number;
  readonly speed: number;
  readonly lambdaConcurrency: number;
  /** Places under the programme's quota (first come, first served). */
  readonly places: number;
  readonly log: (line: string) => void;
}

export interface OpeningDayResult {
  readonly options: Omit<OpeningDayOptions, 'log'>;
  readonly quotas: {
    readonly submissions: { rate: number; burst: number };
    readonly startExecution: { rate: number; burst: number };
    readonly lambdaConcurrency: number;
    readonly dynamoDbWriteUnitsPerSecond: number;
  };
  readonly wallSeconds: number;
  readonly firms: number;
  readonly accepted: number;
  readonly refused: number;
  readonly refusedWith: Record<string, number>;
  readonly lost: number;
  readonly throttledAndRetried: number;
  readonly retriesByStatus: Record<string, number>;
  readonly secondsToReceipt: { p50: number; p99: number; max: number };
  readonly journeys: { started: number; duplicates: number; missing: number };
  readonly startExecutionThrottled: number;
  readonly lambdaThrottled: number;
  readonly peakLambdaConcurrency: number;
  readonly peakDynamoDbWriteUnitsPerSecond: number;
  readonly places: { given: number; outOfOrder: number; laterFirmsPlacedBeforeEarlier: number };
}

/** Arrival times (simulated seconds): a fifth in the first ten seconds, the rest decaying over the window. */
export function openingArrivals(firms: number, windowSeconds: number, random: () => number): number[] {
  const arrivals: number[] = [];
  for (let i = 0; i < firms; i += 1) {
    if (i < firms / 5) arrivals.push(random() * 10);
    else {
      // Exponential with a mean of a fifth of the window, kept inside it.
      let t: number;
      do t = -Math.log(1 - random()) * (windowSeconds / 5);
      while (t >= windowSeconds);
      arrivals.push(t);
    }
  }
  return arrivals.sort((a, b) => a - b);
}

export async function runOpeningDay(
  stack: LocalStack,
  options: OpeningDayOptions,
  meters: {
    /** Write units DynamoDB consumed so far (the bench's meter on the handlers' client). */
    readonly writeUnits: () => number;
    readonly lambda: () => { peak: number; throttled: number };
    readonly submissions: { rate: number; burst: number };
  },
): Promise<OpeningDayResult> {
  const { putBenchProgramme, useStubJourney } = await import('./programme.ts');
  const { queryGsi1 } = await import('#shared/data/client.ts');
  const { keys } = await import('#shared/data/table-design.ts');
  const programmeId = 'bench-opening-day';
  await putBenchProgramme(stack.tableNames.main, {
    id: programmeId,
    name: { it: 'Bench apertura', en: 'Bench opening day' },
    places: options.places,
  });
  // The journeys behind the buffer: one state, so the simulation measures the intake and the start.
  useStubJourney(stack.engine);

  // Seeded, so two runs simulate the same opening.
  const arrivals = openingArrivals(options.firms, options.minutes * 60, seededRandom(20261205));
  options.log(
    `opening day: ${options.firms} firms over ${options.minutes} minutes (${arrivals.filter((a) => a < 60).length} in the first minute), ${options.speed}× faster than real time`,
  );
  const unitsPerSecond: number[] = [];
  let lastUnits = meters.writeUnits();
  const sampler = setInterval(() => {
    const units = meters.writeUnits();
    unitsPerSecond.push((units - lastUnits) / options.speed);
    lastUnits = units;
  }, 1000);
  const started = performance.now();
  const progress = setInterval(() => {
    const simulated = (((performance.now() - started) / 1000) * options.speed).toFixed(0);
    const depth = stack.queues.depth(localQueueNames.journeyStarts);
    options.log(
      `opening day: t+${simulated} s, journey starts queued ${depth.visible + depth.inFlight}, StartExecution throttled ${stack.throttledStarts()}`,
    );
  }, 10_000);
  let outcomes: FirmOutcome[];
  try {
    outcomes = await runInChild<FirmsRequest, FirmOutcome[]>(
      new URL('./opening-day-firms.ts', import.meta.url),
      {
        url: `${stack.urls.site.replace('//localhost:', '//127.0.0.1:')}/applications`,
        programmeId,
        arrivals,
        serialStart: 7_000_000,
        speed: options.speed,
        retryPausesSeconds: [2, 4, 8, 15, 30, 60, 60, 60],
      },
    );
    // The buffer drains: every acknowledged application's journey starts.
    const deadline = performance.now() + 300_000;
    for (;;) {
      const depth = stack.queues.depth(localQueueNames.journeyStarts);
      if (depth.visible + depth.inFlight === 0 || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
  }
  const wallSeconds = (performance.now() - started) / 1000;

  const accepted = outcomes.filter((o) => o.outcome === 'accepted');
  const journeyNames = new Map<string, number>();
  let nextToken: string | undefined;
  do {
    const page = stack.engine.listExecutions({
      stateMachineArn: stack.stateMachineArns['sme-journey'],
      maxResults: 1000,
      ...(nextToken ? { nextToken } : {}),
    });
    for (const execution of page.executions)
      journeyNames.set(execution.name, (journeyNames.get(execution.name) ?? 0) + 1);
    nextToken = page.nextToken;
  } while (nextToken);
  const acceptedIds = accepted.map((o) => o.applicationId ?? '');

  // Places: in the order of the stored acknowledgement time (submittedAt), whatever order the
  // requests were served in. A place given to a later firm while an earlier one got none, or two
  // places in the opposite order of their acknowledgements, is out of order.
  const stored = (
    (await queryGsi1(stack.tableNames.main, keys.applicationsOfProgramme(programmeId).gsi1pk)) as {
      applicationId?: string;
      submittedAt?: string;
      quotaPlace?: number | null;
    }[]
  ).flatMap((item) =>
    item.applicationId && item.submittedAt
      ? [{ submittedAt: item.submittedAt, quotaPlace: item.quotaPlace }]
      : [],
  );
  // Acknowledged in the same millisecond is simultaneous: either place order is right.
  const byAcknowledgement = [...stored].sort(
    (a, b) => a.submittedAt.localeCompare(b.submittedAt) || (a.quotaPlace ?? 0) - (b.quotaPlace ?? 0),
  );
  const placed = byAcknowledgement.filter((a) => typeof a.quotaPlace === 'number');
  let outOfOrder = 0;
  for (let i = 1; i < placed.length; i += 1)
    if ((placed[i]?.quotaPlace ?? 0) < (placed[i - 1]?.quotaPlace ?? 0)) outOfOrder += 1;
  const lastPlacedAt = placed.at(-1)?.submittedAt ?? '';
  const laterFirmsPlacedBeforeEarlier = byAcknowledgement.filter(
    (a) => typeof a.quotaPlace !== 'number' && a.submittedAt < lastPlacedAt,
  ).length;

  const retriesByStatus: Record<string, number> = {};
  for (const outcome of outcomes)
    for (const [status, count] of Object.entries(outcome.retriedOn))
      retriesByStatus[status] = (retriesByStatus[status] ?? 0) + count;
  const receipts = accepted.map((o) => o.secondsToReceipt ?? 0);
  const lambda = meters.lambda();
  return {
    options: {
      firms: options.firms,
      minutes: options.minutes,
      speed: options.speed,
      lambdaConcurrency: options.lambdaConcurrency,
      places: options.places,
    },
    quotas: {
      submissions: meters.submissions,
      startExecution: awsQuotas.startExecution,
      lambdaConcurrency: options.lambdaConcurrency,
      dynamoDbWriteUnitsPerSecond: awsQuotas.dynamoDbOnDemand.writeUnits,
    },
    wallSeconds,
    firms: outcomes.length,
    accepted: accepted.length,
    refused: outcomes.filter((o) => o.outcome === 'refused').length,
    refusedWith: outcomes.reduce<Record<string, number>>((counts, o) => {
      if (o.refusedWith) counts[o.refusedWith] = (counts[o.refusedWith] ?? 0) + 1;
      return counts;
    }, {}),
    lost:
      outcomes.filter((o) => o.outcome === 'gave_up').length +
      acceptedIds.filter((id) => !journeyNames.has(id)).length,
    throttledAndRetried: outcomes.filter((o) => Object.keys(o.retriedOn).length > 0).length,
    retriesByStatus,
    secondsToReceipt: {
      p50: percentile(receipts, 0.5),
      p99: percentile(receipts, 0.99),
      max: Math.max(0, ...receipts),
    },
    journeys: {
      started: acceptedIds.filter((id) => journeyNames.has(id)).length,
      duplicates: [...journeyNames.values()].filter((count) => count > 1).length,
      missing: acceptedIds.filter((id) => !journeyNames.has(id)).length,
    },
    startExecutionThrottled: stack.throttledStarts(),
    lambdaThrottled: lambda.throttled,
    peakLambdaConcurrency: lambda.peak / options.speed,
    peakDynamoDbWriteUnitsPerSecond: Math.max(0, ...unitsPerSecond),
    places: { given: placed.length, outOfOrder, laterFirmsPlacedBeforeEarlier },
  };
}
