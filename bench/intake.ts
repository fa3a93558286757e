// Intake under load: POST /applications at rising rates, each rate run against our endpoint and then
// against the baseline (one PutItem per request, same DynamoDB Local), so that the overhead is a
// ratio measured minutes apart on the same machine. The load comes from a child process.
import { runInChild } from './fork.ts';
import type { LoadRequest, LoadResult } from './load-worker.ts';
import { type CpuSample, cpuMsPer } from './meters.ts';

export interface IntakeRow {
  readonly target: 'ours' | 'baseline' | 'ours+workflow';
  readonly result: LoadResult;
  /** CPU per answered request, ms: this process (server, handlers, local services) and DynamoDB Local. */
  readonly cpuMsPerRequest: { node: number; dynamoDbLocal: number };
}

export interface IntakeResult {
  readonly rates: number[];
  readonly durationSeconds: number;
  readonly rows: IntakeRow[];
  /** Per rate: our p50 and p99 latency divided by the baseline's. */
  readonly overhead: { rate: number; p50Ratio: number; p99Ratio: number; throughputRatio: number }[];
  readonly nextSerial: number;
}

/** Runs one load from a fresh child process and returns its figures. */
export const runLoad = (request: LoadRequest) =>
  runInChild<LoadRequest, LoadResult>(new URL('./load-worker.ts', import.meta.url), request);

/** Connections for a rate: enough that a slow answer does not throttle the rate (2 req/s each). */
const connectionsFor = (rate: number) => Math.min(100, Math.max(4, Math.ceil(rate / 2)));

export async function runIntakeBench(options: {
  readonly ourUrl: string;
  readonly baselineUrl: string;
  readonly programmeId: string;
  readonly rates: readonly number[];
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly serialStart: number;
  /** One more run at this rate with the real journey workflow running behind the endpoint. */
  readonly withWorkflow?: { rate: number; before(): void; after(): void };
  /** Samples CPU time, for the split per request. */
  readonly cpu: () => CpuSample;
  readonly log: (line: string) => void;
}): Promise<IntakeResult> {
  let serial = options.serialStart;
  const rows: IntakeRow[] = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const load = async (url: string, rate: number, seconds: number) => {
    const before = options.cpu();
    const result = await runLoad({
      url,
      programmeId: options.programmeId,
      rate,
      durationSeconds: seconds,
      connections: connectionsFor(rate),
      serialStart: serial,
    });
    serial = result.nextSerial;
    // autocannon stops sending at the deadline without waiting for answers still on their way.
    await settle();
    return { result, cpuMsPerRequest: cpuMsPer(before, options.cpu(), result.ok) };
  };
  const describe = ({ result: r, cpuMsPerRequest: cpu }: Omit<IntakeRow, 'target'>) =>
    `${r.throughput.toFixed(1)} req/s ok, p50 ${r.latencyMs.p50.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms, ` +
    `CPU/request ${cpu.node.toFixed(1)} ms node + ${cpu.dynamoDbLocal.toFixed(1)} ms DynamoDB Local` +
    (r.non2xx + r.errors + r.timeouts > 0 ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '');

  options.log(`intake: warming up both endpoints (${options.warmupSeconds} s each)`);
  await load(options.ourUrl, 20, options.warmupSeconds);
  await load(options.baselineUrl, 20, options.warmupSeconds);

  for (const rate of options.rates) {
    const ours = await load(options.ourUrl, rate, options.durationSeconds);
    options.log(`intake: POST /applications at ${rate} req/s: ${describe(ours)}`);
    rows.push({ target: 'ours', ...ours });
    const baseline = await load(options.baselineUrl, rate, options.durationSeconds);
    options.log(`intake: baseline PutItem at ${rate} req/s: ${describe(baseline)}`);
    rows.push({ target: 'baseline', ...baseline });
  }
  if (options.withWorkflow) {
    options.withWorkflow.before();
    try {
      const rate = options.withWorkflow.rate;
      const live = await load(options.ourUrl, rate, options.durationSeconds);
      options.log(`intake: POST /applications at ${rate} req/s, journeys running: ${describe(live)}`);
      rows.push({ target: 'ours+workflow', ...live });
    } finally {
      options.withWorkflow.after();
    }
  }

  const overhead = options.rates.map((rate) => {
    const ours = rows.find((r) => r.target === 'ours' && r.result.rate === rate)?.result;
    const baseline = rows.find((r) => r.target === 'baseline' && r.result.rate === rate)?.result;
    return {
      rate,
      p50Ratio: (ours?.latencyMs.p50 ?? Number.NaN) / (baseline?.latencyMs.p50 ?? Number.NaN),
      p99Ratio: (ours?.latencyMs.p99 ?? Number.NaN) / (baseline?.latencyMs.p99 ?? Number.NaN),
      throughputRatio: (ours?.throughput ?? Number.NaN) / (baseline?.throughput ?? Number.NaN),
    };
  });
  return {
    rates: [...options.rates],
    durationSeconds: options.durationSeconds,
    rows,
    overhead,
    nextSerial: serial,
  };
}
