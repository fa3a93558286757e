// The opening-day bench as a command: a local stack with the AWS quotas in place (infra/api-capacity.ts),
// the simulation (opening-day.ts), a readable report, bench/results/opening-day.json. Returns the exit
// code: 1 if any firm was lost or any application got no journey, or two.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { awsQuotas, trafficLimits } from '#infra/api-capacity.ts';
import type { OpeningDayOptions } from './opening-day.ts';
import { fixed, table } from './report.ts';

export async function runOpeningDayBench(options: Omit<OpeningDayOptions, 'log'>): Promise<number> {
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  log(
    `opening day: ${os.cpus().length} CPUs (load average ${fixed(os.loadavg()[0] ?? 0, 2)}), Node ${process.version}`,
  );
  const { startLocalStack } = await import('#infra/local/stack.ts');
  let handlerFailures = 0;
  const stack = await startLocalStack({
    timeScale: 1,
    quotaSpeed: options.speed,
    startExecutionLimit: awsQuotas.startExecution,
    // Concurrency is a count, not a rate: compressed arrivals need `speed` times as many at once.
    lambdaConcurrency: options.lambdaConcurrency * options.speed,
    log: (line) => {
      if (line.startsWith('Handler failed')) handlerFailures += 1;
      else log(`stack: ${line}`);
    },
  });
  try {
    // The handlers' DynamoDB client (imported only now: it reads the stack's endpoint).
    const { dynamoDbClient } = await import('#shared/data/client.ts');
    const { meterDynamoDb } = await import('./meters.ts');
    const dynamoDb = meterDynamoDb(dynamoDbClient);
    const { runOpeningDay } = await import('./opening-day.ts');
    const result = await runOpeningDay(
      stack,
      { ...options, log },
      {
        writeUnits: () => dynamoDb.totals.writeUnits,
        lambda: () => stack.lambdaStats(),
        submissions: trafficLimits.submissions,
      },
    );
    const s = (value: number) => fixed(value, 1);
    console.log(
      table(
        `Opening day: ${result.firms} firms in ${options.minutes} minutes (simulated ${options.speed}× faster: ${s(result.wallSeconds)} s of wall time)`,
        ['measure', 'value'],
        [
          ['accepted (receipt)', String(result.accepted)],
          [
            'refused (4xx, not retried)',
            `${result.refused}${
              result.refused
                ? ` (${Object.entries(result.refusedWith)
                    .map(([why, n]) => `${why}: ${n}`)
                    .join(', ')})`
                : ''
            }`,
          ],
          ['lost (gave up, or no journey)', String(result.lost)],
          ['firms throttled at least once, then retried', String(result.throttledAndRetried)],
          [
            'retries by answer',
            Object.entries(result.retriesByStatus)
              .map(([status, count]) => `${status}: ${count}`)
              .join(', ') || '—',
          ],
          ['time to receipt p50, s', s(result.secondsToReceipt.p50)],
          ['time to receipt p99, s', s(result.secondsToReceipt.p99)],
          ['time to receipt max, s', s(result.secondsToReceipt.max)],
          [
            'journeys started / duplicated / missing',
            `${result.journeys.started} / ${result.journeys.duplicates} / ${result.journeys.missing}`,
          ],
          [
            'StartExecution calls throttled (then retried from the buffer)',
            String(result.startExecutionThrottled),
          ],
          ['Lambda invocations refused (concurrency)', String(result.lambdaThrottled)],
          ['peak Lambda concurrency', `${s(result.peakLambdaConcurrency)} of ${options.lambdaConcurrency}`],
          [
            'peak DynamoDB write units/s',
            `${s(result.peakDynamoDbWriteUnitsPerSecond)} of ${awsQuotas.dynamoDbOnDemand.writeUnits}`,
          ],
          [
            'places given / out of submission order / earlier firms passed over',
            `${result.places.given} / ${result.places.outOfOrder} / ${result.places.laterFirmsPlacedBeforeEarlier}`,
          ],
        ],
      ),
    );
    if (handlerFailures > 0)
      log(
        `opening day: ${handlerFailures} invocations failed (answered 502 or 500, then retried by the firm)`,
      );
    const resultsDir = new URL('./results/', import.meta.url);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(new URL('opening-day.json', resultsDir), `${JSON.stringify(result, null, 2)}\n`);
    log('opening day: figures in bench/results/opening-day.json');
    const failed = result.lost > 0 || result.journeys.duplicates > 0 || result.places.outOfOrder > 0;
    if (failed) console.error('\nOPENING DAY FAILED: firms lost, journeys duplicated or places out of order');
    return failed ? 1 : 0;
  } finally {
    await stack.stop();
  }
}
