// The load generator, in a process of its own so that it does not share an event loop with the
// server it measures: autocannon at a fixed overall rate, each request a fresh valid application
// (its own Partita IVA). Started by bench/intake.ts with fork(); answers once over IPC.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { benchApplication } from './applications.ts';
import { answerOnce } from './fork.ts';
import { percentile } from './meters.ts';

export interface LoadRequest {
  readonly url: string;
  readonly programmeId: string;
  /** Requests per second, all connections together. */
  readonly rate: number;
  readonly durationSeconds: number;
  readonly connections: number;
  /** First company serial to use; each request takes the next one. */
  readonly serialStart: number;
}

export interface LoadResult {
  readonly rate: number;
  readonly durationSeconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** 2xx answers per second over the run. */
  readonly throughput: number;
  /** Latency of 2xx answers, ms, measured per request (fractional ms). */
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** autocannon's own p99 (whole ms, corrected for coordinated omission at the set rate). */
  readonly autocannonP99Ms: number;
  readonly statusCodes: Record<string, number>;
  readonly nextSerial: number;
}

async function run(request: LoadRequest): Promise<LoadResult> {
  let serial = request.serialStart;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const target = new URL(request.url);
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: target.origin,
      connections: request.connections,
      overallRate: request.rate,
      duration: request.durationSeconds,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          path: target.pathname,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify(benchApplication(request.programmeId, serial++)),
          }),
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  const ok = latencies.length;
  return {
    rate: request.rate,
    durationSeconds: elapsed,
    sent: result.requests.sent,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    throughput: ok / request.durationSeconds,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p90: percentile(latencies, 0.9),
      p99: percentile(latencies, 0.99),
      max: latencies.length > 0 ? latencies.reduce((a, b) => Math.max(a, b)) : Number.NaN,
      mean: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
    },
    autocannonP99Ms: result.latency.p99,
    statusCodes,
    nextSerial: serial,
  };
}

answerOnce(run);
