// `npm run bench [-- --quick] [-- --journeys N]`: starts the local stack on free ports (in memory,
// time accelerated) and measures intake under load against a one-PutItem baseline, N whole
// journeys answered through the e-mailed links, the cost of a journey at list prices, the idle
// cost of the CDK app, bundle sizes and module-init times, and the cohort matcher. Prints tables
// while it runs and writes every figure to bench/results/latest.json. Exits 1 if any journey was
// lost or failed, or a phase could not run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FunctionName } from '#infra/functions.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import type { BundleFigures } from './cold-start.ts';
import type { CollaborationBenchRow } from './collaboration.ts';
import type { CostResult, Usage } from './cost.ts';
import type { OperationCost } from './dynamodb-local.ts';
import type { IdleResult } from './idle.ts';
import type { IntakeResult } from './intake.ts';
import type { JourneyBenchResult } from './journeys.ts';
import type { MatchingBenchOptions, MatchingBenchResult } from './matching.ts';
import type { CapacityTotals, InvocationStats } from './meters.ts';
import { fixed, kb, table, usd } from './report.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    journeys: { type: 'string' },
    concurrency: { type: 'string' },
    managers: { type: 'string' },
    'time-scale': { type: 'string' },
    'workflow-runs': { type: 'string' },
    baseline: { type: 'string' },
    'before-rate': { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
    'opening-day': { type: 'boolean', default: false },
    firms: { type: 'string' },
    minutes: { type: 'string' },
    speed: { type: 'string' },
    'lambda-concurrency': { type: 'string' },
    places: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench [-- options]
  --quick            smoke run (fewer rates, 100 journeys, no 100k matching), under two minutes
  --journeys N       simulated SMEs (default 1000; 100 with --quick)
  --concurrency C    SMEs in flight at once (default 50)
  --managers M       managers on the programme's roster (default 100)
  --time-scale S     local time scale for waits and timeouts (default 0.001)
  --workflow-runs R  runs of each other workflow priced on its own: onboarding, EDIH customer,
                     monitoring cycle (default 20; 5 with --quick)
  --baseline REV     also bundle and import every function as it was at git revision REV, turn
                     about with today's (cold starts compared side by side)
  --before-rate R    journeys per second of the code before issue 19 (7cf51c9) measured in the
                     same hour, for the 3× verdict (default 3.19, its figure on another day)
  --skip PHASE       skip a phase: intake, journeys, workflows, ddblocal, coldstart, idle,
                     matching, collaboration (repeatable)

npm run bench -- --opening-day [options]   a call opening "a sportello", with AWS's quotas modelled
  --firms N               firms applying (default 5000)
  --minutes M             the window they apply in (default 10; a fifth in the first ten seconds)
  --speed S               simulated time runs S times faster, quotas included (default 1; above
                          it this machine, not the quotas, becomes the limit)
  --lambda-concurrency C  the account's Lambda concurrency (default 1000; a new account's may be 10)
  --places P              places under the programme's quota (default 1000)`);
  process.exit(0);
}

const quick = args.quick;
const positive = (text: string | undefined, fallback: number) => {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a positive number: ${text}`);
  return value;
};
const options = {
  quick,
  journeys: Math.round(positive(args.journeys, quick ? 100 : 1000)),
  concurrency: Math.round(positive(args.concurrency, 50)),
  managers: Math.round(positive(args.managers, 100)),
  timeScale: positive(args['time-scale'], 0.001),
  workflowRuns: Math.round(positive(args['workflow-runs'], quick ? 5 : 20)),
  baseline: args.baseline,
  intakeRates: quick ? [25, 100] : [25, 50, 100, 200],
  intakeSeconds: quick ? 3 : 10,
  warmupSeconds: quick ? 1 : 3,
  initRuns: 5,
  skip: new Set(args.skip),
};

if (options.baseline !== undefined) {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${options.baseline}^{commit}`], {
      stdio: 'ignore',
    });
  } catch {
    console.error(
      `--baseline ${options.baseline}: not a git revision of this repository (try a commit hash)`,
    );
    process.exit(2);
  }
}

if (args['opening-day']) {
  const { runOpeningDayBench } = await import('./opening-day-run.ts');
  process.exit(
    await runOpeningDayBench({
      firms: Math.round(positive(args.firms, 5000)),
      minutes: positive(args.minutes, 10),
      speed: positive(args.speed, 1),
      lambdaConcurrency: Math.round(positive(args['lambda-concurrency'], 1000)),
      places: Math.round(positive(args.places, 1000)),
    }),
  );
}

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const problems: string[] = [];
const loadAtStart = os.loadavg()[0];

/** Runs a phase; an exception is reported and recorded, and the bench goes on with the next. */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  if (options.skip.has(name)) {
    log(`${name}: skipped`);
    return undefined;
  }
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    problems.push(`${name}: ${message}`);
    log(`${name}: FAILED: ${message}`);
    return undefined;
  }
}

const gitRevision = (() => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const gitDirty = (() => {
  try {
    return execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return undefined;
  }
})();

// Handlers log through Powertools; under load only errors are worth a line, and the metrics' EMF
// lines (a few per journey) would bury the progress.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

log(
  `bench: ${quick ? 'quick' : 'full'} run, ${options.journeys} journeys, ${os.cpus().length} CPUs (load average ${fixed(loadAtStart, 2)}), Node ${process.version}, git ${gitRevision.slice(0, 12)}`,
);

// ---------------------------------------------------------------------------------------------
// The local stack, with meters on it
// ---------------------------------------------------------------------------------------------

let intake: IntakeResult | undefined;
let journeys: JourneyBenchResult | undefined;
let usage: Usage | undefined;
let cost: CostResult | undefined;
let lambdaByFunction: Record<string, Omit<InvocationStats, 'durationsMs'> & { p50Ms: number }> | undefined;
let capacity: CapacityTotals | undefined;
let apiByStatus: Record<string, number> | undefined;
let journeyCpuMs: { node: number; dynamoDbLocal: number } | undefined;
let dynamoDbLocalCosts: OperationCost[] | undefined;
/** Each workflow priced on its own (the journey to launch from the journeys phase). */
const workflowCosts: {
  workflow: string;
  runs: number;
  failures: string[];
  usage: Usage;
  cost: CostResult;
  dynamoDbCalls: number;
}[] = [];

const needsStack = ['intake', 'journeys', 'workflows'].some((name) => !options.skip.has(name));
let stack: LocalStack | undefined;
let stackEnvironment: Record<string, string> = {};
const stopStack = async () => {
  const running = stack;
  stack = undefined;
  await running?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the local stack`);
    void stopStack().finally(() => process.exit(130));
  });
}

if (needsStack) {
  await phase('stack', async () => {
    const { startLocalStack } = await import('#infra/local/stack.ts');
    const before = new Set(Object.keys(process.env));
    const t0 = performance.now();
    stack = await startLocalStack({ timeScale: options.timeScale, log: (line) => log(`stack: ${line}`) });
    log(`stack: up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.urls.site}`);
    // The handlers' configuration as the stack gives it, for the cold-start imports (endpoints
    // and log settings left out: the deployed ones apply there).
    stackEnvironment = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          !before.has(entry[0]) && entry[1] !== undefined && !/^(AWS_|POWERTOOLS_)/.test(entry[0]),
      ),
    );
  });
}

if (stack) {
  const local = stack;
  // Imported only now: the data modules build their SDK clients from the stack's environment.
  const { dynamoDbClient } = await import('#shared/data/client.ts');
  const { loadLocalLambdaRuntime } = await import('#infra/local/lambda-runtime.ts');
  const { functionCatalog } = await import('#infra/functions.ts');
  const { localFunctionArn, localStateMachineName, renderWorkflowAsl } = await import('#workflows/render.ts');
  const { LambdaMeter, cpuMsPer, cpuSampler, meterApiServer, meterDynamoDb, meterQueues, percentile } =
    await import('./meters.ts');
  const cpu = cpuSampler(Number(new URL(local.urls.dynamoDb).port));
  const { routes } = await import('#shared/http/routes.ts');

  const dynamoDb = meterDynamoDb(dynamoDbClient);
  const lambdas = new LambdaMeter();
  const queues = meterQueues(local.queues);
  // Lambda's event source mapping invokes startJourneys (state machine tasks are timed below).
  const invoke = local.lambdaRuntime.invoke.bind(local.lambdaRuntime);
  const timedStart = lambdas.wrap('startJourneys', (event: unknown) => invoke('startJourneys', event));
  local.lambdaRuntime.invoke = (name, event) =>
    name === 'startJourneys' ? timedStart(event) : invoke(name, event);
  const api = { requests: 0, byStatus: {} as Record<string, number> };
  const sitePort = Number(new URL(local.urls.site).port);
  const stopApiMeter = meterApiServer(sitePort, lambdas, api);

  // Every state machine again, its Lambda tasks timed: same ASL, same handlers, one wrapper each.
  const { workflows } = await import('#workflows/index.ts');
  const runtime = await loadLocalLambdaRuntime();
  const taskHandlers = Object.fromEntries(
    (Object.keys(functionCatalog) as FunctionName[]).map((name) => [
      localFunctionArn(name),
      lambdas.wrap(name, (payload: unknown) => runtime.invoke(name, payload)),
    ]),
  );
  const definitions = new Map(
    (Object.keys(workflows) as (keyof typeof workflows)[]).map((name) => [name, renderWorkflowAsl(name)]),
  );
  // Under the deployed names, the ARNs the handlers start: registered under the bare workflow names
  // (as until now) they were machines nobody started, and the tasks went untimed.
  const useRealJourney = () => {
    for (const [name, definition] of definitions)
      local.engine.registerStateMachine({ name: localStateMachineName(name), definition, taskHandlers });
  };
  // During the intake runs the journeys started by the load would otherwise run in this same event
  // loop (on AWS they run elsewhere): a one-state machine takes their place.
  const { useStubJourney: stubJourneyOf } = await import('./programme.ts');
  const useStubJourney = () => stubJourneyOf(local.engine);
  const stopRunningJourneys = () => {
    const arn = local.stateMachineArns['sme-journey'];
    let nextToken: string | undefined;
    let stopped = 0;
    do {
      const page = local.engine.listExecutions({ stateMachineArn: arn, statusFilter: 'RUNNING', nextToken });
      for (const execution of page.executions) {
        local.engine.stopExecution({
          executionArn: execution.executionArn,
          cause: 'bench: intake phase over',
        });
        stopped++;
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return stopped;
  };

  intake = await phase('intake', async () => {
    const { startBaselineServer } = await import('./baseline-server.ts');
    const { runIntakeBench } = await import('./intake.ts');
    const { putBenchProgramme } = await import('./programme.ts');
    const programmeId = 'bench-intake';
    await putBenchProgramme(local.tableNames.main, {
      id: programmeId,
      name: { it: 'Bench intake', en: 'Bench intake' },
      places: 1_000_000,
    });
    const baseline = await startBaselineServer(local.urls.dynamoDb);
    useStubJourney();
    try {
      return await runIntakeBench({
        ourUrl: `${local.urls.site.replace('//localhost:', '//127.0.0.1:')}/applications`,
        baselineUrl: `${baseline.url}/applications`,
        programmeId,
        rates: options.intakeRates,
        durationSeconds: options.intakeSeconds,
        warmupSeconds: options.warmupSeconds,
        serialStart: 1,
        cpu,
        // Skipped by --quick to stay under two minutes.
        withWorkflow: quick
          ? undefined
          : {
              rate: 100,
              before: useRealJourney,
              after: () => {
                useStubJourney();
                log(`intake: stopped ${stopRunningJourneys()} journeys the load had started`);
              },
            },
        log,
      });
    } finally {
      useRealJourney();
      stopRunningJourneys();
      await baseline.close();
    }
  });
  useRealJourney();
  // Tasks of the executions stopped above still finish (and may send e-mail): not the journeys' bill.
  if (!(await lambdas.whenIdle()))
    log('intake: tasks still running after 60 s; the journey figures may include some');

  journeys = await phase('journeys', async () => {
    const { runJourneyBench } = await import('./journeys.ts');
    log(
      `journeys: ${options.journeys} SMEs, ${options.concurrency} in flight, ${options.managers} managers, time scale ${options.timeScale}`,
    );
    let cpuBefore = cpu();
    const result = await runJourneyBench({
      stack: local,
      journeys: options.journeys,
      concurrency: options.concurrency,
      managers: options.managers,
      serialStart: 5_000_000,
      journeyTimeoutMs: 180_000,
      onReady: () => {
        // Count from here: the programme and roster writes are set-up, not journeys.
        dynamoDb.reset();
        lambdas.reset();
        queues.reset();
        api.requests = 0;
        api.byStatus = {};
        cpuBefore = cpu();
      },
      log,
    });
    journeyCpuMs = cpuMsPer(cpuBefore, cpu(), result.journeys);
    log(
      `journeys: ${result.completed}/${result.journeys} launched in ${result.wallSeconds.toFixed(1)} s (${result.journeysPerSecond.toFixed(1)}/s), p50 ${fixed(result.journeyMs.p50, 0)} ms, p95 ${fixed(result.journeyMs.p95, 0)} ms`,
    );
    return result;
  });
  if (journeys) {
    const totals = lambdas.totals();
    capacity = structuredClone(dynamoDb.totals);
    apiByStatus = { ...api.byStatus };
    lambdaByFunction = Object.fromEntries(
      [...lambdas.byFunction].map(([name, { durationsMs, ...rest }]) => [
        name,
        { ...rest, p50Ms: percentile(durationsMs, 0.5) },
      ]),
    );
    const httpHandlers = new Set<string>(Object.values(routes).map((route) => route.handler));
    const sfnInvocations = [...lambdas.byFunction]
      .filter(([name]) => !httpHandlers.has(name))
      .reduce((sum, [, stats]) => sum + stats.count, 0);
    if (journeys.outboxJsonCount !== journeys.emails.total) {
      log(
        `journeys: note: the people read ${journeys.emails.total} e-mails, GET /_local/outbox lists ${journeys.outboxJsonCount}`,
      );
    }
    if (sfnInvocations !== journeys.history.lambdaTasksScheduled) {
      log(
        `journeys: note: ${sfnInvocations} task invocations timed, ${journeys.history.lambdaTasksScheduled} scheduled in the histories`,
      );
    }
    usage = {
      journeys: journeys.completed,
      stateTransitions: journeys.history.stateTransitions,
      historyEvents: journeys.history.events,
      lambdaInvocations: totals.invocations,
      lambdaBilledMs: totals.billedMs,
      readRequestUnits: capacity.readUnits,
      writeRequestUnits: capacity.writeUnits,
      apiRequests: api.requests,
      emails: journeys.emails.total,
      sqsRequests: queues.totals.requests,
    };
    const { costOf, loadPrices } = await import('./cost.ts');
    cost = costOf(usage, loadPrices());
    log(`cost: ${usd(cost.usdPerJourney)} per completed journey at list prices`);
    workflowCosts.push({
      workflow: 'SME journey (application → offer → assessment → financing → launch)',
      runs: usage.journeys,
      failures: [],
      usage,
      cost,
      dynamoDbCalls: Object.values(capacity.calls).reduce((a, b) => a + b, 0),
    });
  }

  await phase('workflows', async () => {
    const { runWorkflowBench } = await import('./workflows.ts');
    const { executionHistories } = await import('./journeys.ts');
    const { costOf, loadPrices } = await import('./cost.ts');
    const prices = loadPrices();
    let since = new Date();
    let machines: readonly string[] = [];
    let outboxBefore = 0;
    await runWorkflowBench({
      stack: local,
      runs: options.workflowRuns,
      serialStart: 8_000_000,
      log,
      meter: {
        begin: (workflowMachines, from) => {
          dynamoDb.reset();
          lambdas.reset();
          queues.reset();
          api.requests = 0;
          since = from ?? new Date();
          machines = workflowMachines;
          outboxBefore = local.outbox.list().length;
        },
        end: (workflow, runs, failures) => {
          const history = executionHistories(local, since, machines);
          const totals = lambdas.totals();
          const measured: Usage = {
            journeys: runs,
            stateTransitions: history.stateTransitions,
            historyEvents: history.events,
            lambdaInvocations: totals.invocations,
            lambdaBilledMs: totals.billedMs,
            readRequestUnits: dynamoDb.totals.readUnits,
            writeRequestUnits: dynamoDb.totals.writeUnits,
            apiRequests: api.requests,
            emails: local.outbox.list().length - outboxBefore,
            sqsRequests: queues.totals.requests,
          };
          const priced = costOf(measured, prices);
          if (failures.length > 0) problems.push(`workflows: ${workflow}: ${failures.length} problem(s)`);
          workflowCosts.push({
            workflow,
            runs,
            failures,
            usage: measured,
            cost: priced,
            dynamoDbCalls: Object.values(dynamoDb.totals.calls).reduce((a, b) => a + b, 0),
          });
          log(
            `workflows: ${workflow}: ${usd(priced.usdPerJourney)} each${failures.length ? `; PROBLEMS: ${failures.slice(0, 3).join(' | ')}` : ''}`,
          );
        },
      },
    });
  });
  stopApiMeter();

  dynamoDbLocalCosts = await phase('ddblocal', async () => {
    const { runDynamoDbLocalCosts } = await import('./dynamodb-local.ts');
    const costs = await runDynamoDbLocalCosts({
      tableName: local.tableNames.main,
      dynamoDbPort: Number(new URL(local.urls.dynamoDb).port),
      requests: quick ? 200 : 1000,
    });
    for (const cost of costs)
      log(`ddblocal: ${cost.operation}: ${fixed(cost.dynamoDbLocalMs)} ms of DynamoDB Local CPU`);
    return costs;
  });
}
await stopStack();

// ---------------------------------------------------------------------------------------------
// Without the stack: bundles, the idle bill, the matcher
// ---------------------------------------------------------------------------------------------

const coldStart: BundleFigures[] | undefined = await phase('coldstart', async () => {
  const { runColdStartBench } = await import('./cold-start.ts');
  const baselineRoot = options.baseline ? checkoutBaseline(options.baseline) : undefined;
  try {
    return await runColdStartBench({
      runs: options.initRuns,
      environment: stackEnvironment,
      ...(baselineRoot ? { baselineRoot } : {}),
      log,
    });
  } finally {
    if (baselineRoot) execFileSync('git', ['worktree', 'remove', '--force', baselineRoot]);
  }
});

/** A checkout of the revision beside the repository, its packages resolved from ours. */
function checkoutBaseline(revision: string): string {
  const root = fileURLToPath(new URL('../node_modules/.cache/percorso-pmi-bench/baseline', import.meta.url));
  rmSync(root, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'prune']);
  execFileSync('git', ['worktree', 'add', '--detach', '--force', root, revision], { stdio: 'ignore' });
  symlinkSync(fileURLToPath(new URL('../node_modules', import.meta.url)), `${root}/node_modules`);
  log(`coldstart: baseline ${revision} checked out in ${root}`);
  return root;
}

const idle: IdleResult | undefined = await phase('idle', async () => {
  log('idle: synthesising the CDK app (bundling skipped)');
  const { runIdleCheck } = await import('./idle.ts');
  const result = runIdleCheck();
  log(
    `idle: ${result.resources.reduce((n, r) => n + r.count, 0)} resources, ${usd(result.idleMonthlyUsd)} a month idle`,
  );
  return result;
});

const matching: MatchingBenchResult | undefined = await phase('matching', async () => {
  // bench/matching.ts (the cohort matcher's own bench), in a fresh process for clean memory figures.
  const sizes = quick ? '1k and 10k' : '1k, 10k and 100k';
  log(`matching: cohort matcher at ${sizes} SMEs × 1k managers (fresh process, --expose-gc)`);
  const { runInChild } = await import('./fork.ts');
  const result = await runInChild<MatchingBenchOptions, MatchingBenchResult>(
    new URL('./matching-worker.ts', import.meta.url),
    // --quick: one timed run per size (the full run takes the module's default).
    quick ? { quick, runs: 1 } : { quick },
    ['--expose-gc'],
  );
  for (const row of result.rows) {
    log(
      `matching: ${row.smes} SMEs × ${row.managers} managers: median ${row.medianMs} ms, heap Δ ${row.heapDeltaMiB} MiB`,
    );
  }
  return result;
});

const collaboration: CollaborationBenchRow[] | undefined = await phase('collaboration', async () => {
  // The collaboration finder (issue 15) on a seeded supply chain, as the office's page runs it.
  const { runCollaborationBench } = await import('./collaboration.ts');
  const rows = runCollaborationBench(quick ? [1_000] : [100, 1_000, 5_000], quick ? 3 : 5);
  for (const row of rows)
    log(
      `collaboration: ${row.firms} firms: ${row.opportunities} opportunities, ${row.pairings} pairings, median ${row.medianMs} ms`,
    );
  return rows;
});

// ---------------------------------------------------------------------------------------------
// Targets (issue 7) and the report
// ---------------------------------------------------------------------------------------------

type Verdict = 'met' | 'missed' | 'not measured' | 'partly measured';
const targets: { target: string; measured: string; verdict: Verdict }[] = [];

{
  const at100 = intake?.rows.find((r) => r.target === 'ours' && r.result.rate === 100)?.result;
  targets.push({
    target: 'intake p99 < 50 ms at 100 req/s (local)',
    measured: at100
      ? `p99 ${fixed(at100.latencyMs.p99)} ms, ${fixed(at100.throughput)} req/s ok, ${at100.non2xx + at100.errors} failed`
      : 'n/a',
    verdict: at100
      ? at100.latencyMs.p99 < 50 && at100.non2xx + at100.errors + at100.timeouts === 0
        ? 'met'
        : 'missed'
      : 'not measured',
  });
  targets.push({
    target: 'cost ≤ $0.002 per completed journey',
    measured: cost
      ? `${usd(cost.usdPerJourney)} (+ ~${usd(cost.estimatedExtrasUsdPerJourney)} logs/traces est.)`
      : 'n/a',
    verdict:
      cost && journeys && journeys.completed > 0
        ? cost.usdPerJourney <= 0.002
          ? 'met'
          : 'missed'
        : 'not measured',
  });
  targets.push({
    target: '$0 fixed monthly cost while idle',
    measured: idle
      ? `${usd(idle.idleMonthlyUsd)}${idle.unclassified.length ? `, unclassified: ${idle.unclassified.join(', ')}` : ''}`
      : 'n/a',
    verdict: idle
      ? idle.idleMonthlyUsd === 0 && idle.unclassified.length === 0
        ? 'met'
        : 'missed'
      : 'not measured',
  });
  const biggest = coldStart?.reduce((a, b) => (b.bundleBytes > a.bundleBytes ? b : a));
  const slowest = coldStart?.reduce((a, b) => (b.initMedianMs > a.initMedianMs ? b : a));
  targets.push({
    target: 'every bundle < 500 KB',
    measured: biggest ? `largest ${kb(biggest.bundleBytes)} (${biggest.entry})` : 'n/a',
    verdict: biggest ? (biggest.bundleBytes < 500 * 1024 ? 'met' : 'missed') : 'not measured',
  });
  targets.push({
    target: 'every module-init < 150 ms',
    measured: slowest ? `slowest ${fixed(slowest.initMedianMs, 0)} ms (${slowest.entry})` : 'n/a',
    verdict: slowest ? (slowest.initMedianMs < 150 ? 'met' : 'missed') : 'not measured',
  });
  const finder = collaboration?.find((row) => row.firms === 1_000);
  targets.push({
    target: 'collaboration finder < 1 s on 1,000 firms',
    measured: finder ? `median ${fixed(finder.medianMs)} ms (${finder.opportunities} opportunities)` : 'n/a',
    verdict: finder ? (finder.medianMs < 1_000 ? 'met' : 'missed') : 'not measured',
  });
  targets.push({
    target: '1,000 journeys with zero lost',
    measured: journeys
      ? `${journeys.completed}/${journeys.journeys} launched, ${journeys.failures.length} failed or lost`
      : 'n/a',
    verdict: journeys
      ? journeys.failures.length > 0
        ? 'missed'
        : journeys.journeys >= 1000
          ? 'met'
          : 'partly measured'
      : 'not measured',
  });
}

// Issue 19 (a lean data path, a faster local runtime, lighter cold starts), against the code before
// it: `npm run bench -- --skip coldstart --skip idle --skip matching --skip collaboration` at git
// 7cf51c9 on 6 December 2026, this machine kind, in the hour before the new code's run (README,
// "Latest figures"); the bundles' and imports' baseline is measured in the run itself (--baseline).
const beforeIssue19 = {
  revision: '7cf51c9',
  // These machines drift from hour to hour: --before-rate gives the rate measured beside this run.
  journeysPerSecond: positive(args['before-rate'], 3.19),
  writeUnitsPerJourney: 142.9,
};
const issue19: { target: string; measured: string; verdict: Verdict }[] = [];
{
  const perJourney = (value: number) => value / Math.max(1, usage?.journeys ?? 0);
  const calls = capacity ? perJourney(Object.values(capacity.calls).reduce((a, b) => a + b, 0)) : undefined;
  const judged = (measured: number | undefined, met: (value: number) => boolean): Verdict =>
    measured === undefined || !Number.isFinite(measured) ? 'not measured' : met(measured) ? 'met' : 'missed';
  issue19.push({
    target: 'DynamoDB calls per completed journey ≤ 50',
    measured: calls === undefined ? 'n/a' : fixed(calls),
    verdict: judged(calls, (value) => value <= 50),
  });
  const reads = usage ? perJourney(usage.readRequestUnits) : undefined;
  issue19.push({
    target: 'read units per journey ≤ 80',
    measured: reads === undefined ? 'n/a' : fixed(reads),
    verdict: judged(reads, (value) => value <= 80),
  });
  const writes = usage ? perJourney(usage.writeRequestUnits) : undefined;
  issue19.push({
    target: `write units per journey ≤ before (${beforeIssue19.writeUnitsPerJourney} at ${beforeIssue19.revision})`,
    measured: writes === undefined ? 'n/a' : fixed(writes),
    verdict: judged(writes, (value) => value <= beforeIssue19.writeUnitsPerJourney),
  });
  const rate = journeys ? journeys.journeysPerSecond : undefined;
  issue19.push({
    target: `1,000 journeys at ≥ 3× ${beforeIssue19.journeysPerSecond}/s, zero lost`,
    measured: journeys
      ? `${fixed(journeys.journeysPerSecond, 2)}/s (${fixed(journeys.journeysPerSecond / beforeIssue19.journeysPerSecond, 2)}×), ${journeys.completed}/${journeys.journeys}, ${journeys.failures.length} lost or failed`
      : 'n/a',
    verdict:
      journeys && journeys.journeys < 1000
        ? 'partly measured'
        : judged(
            rate,
            (value) => value >= 3 * beforeIssue19.journeysPerSecond && journeys?.failures.length === 0,
          ),
  });
  const cpu = journeyCpuMs ? journeyCpuMs.node + journeyCpuMs.dynamoDbLocal : undefined;
  issue19.push({
    target: 'CPU per journey (node + DynamoDB Local) ≤ 300 ms',
    measured: journeyCpuMs
      ? `${fixed(journeyCpuMs.node, 0)} + ${fixed(journeyCpuMs.dynamoDbLocal, 0)} ms`
      : 'n/a',
    verdict: judged(cpu, (value) => value <= 300),
  });
  const biggest = coldStart?.reduce((a, b) => (b.bundleBytes > a.bundleBytes ? b : a));
  issue19.push({
    target: 'every bundle ≤ 250 KB',
    measured: biggest ? `largest ${kb(biggest.bundleBytes)} (${biggest.entry})` : 'n/a',
    verdict: judged(biggest?.bundleBytes, (value) => value <= 250 * 1024),
  });
  const compared = coldStart?.filter((b) => b.baseline) ?? [];
  const ratioOf = (b: BundleFigures) => b.initMedianMs / (b.baseline?.initMedianMs ?? Number.NaN);
  const above = compared.filter((b) => ratioOf(b) > 0.6);
  issue19.push({
    target: 'median module init ≤ 60% of before, side by side (--baseline)',
    measured:
      compared.length > 0
        ? `${compared.length - above.length} of ${compared.length} entries${above.length ? `; above: ${above.map((b) => `${b.entry.split('/').at(-1)} ${fixed(ratioOf(b) * 100, 0)}% (${fixed(b.initMedianMs, 0)} ms)`).join(', ')}` : ''}`
        : 'n/a (run with --baseline REV)',
    verdict: compared.length > 0 ? (above.length === 0 ? 'met' : 'missed') : 'not measured',
  });
  const ours50 = intake?.rows.find((r) => r.target === 'ours' && r.result.rate === 50);
  const base50 = intake?.rows.find((r) => r.target === 'baseline' && r.result.rate === 50);
  const cpuOf = (row: typeof ours50) =>
    row ? row.cpuMsPerRequest.node + row.cpuMsPerRequest.dynamoDbLocal : NaN;
  const intakeRatio = ours50 && base50 ? cpuOf(ours50) / cpuOf(base50) : undefined;
  issue19.push({
    target: 'intake CPU per application ≤ 3× one PutItem (50 req/s); p99 reported',
    measured:
      ours50 && base50
        ? `${fixed(cpuOf(ours50))} ms vs ${fixed(cpuOf(base50))} ms (${fixed(intakeRatio ?? NaN, 1)}×); p99 ${fixed(ours50.result.latencyMs.p99)} ms`
        : 'n/a (the full run measures 50 req/s)',
    verdict: judged(intakeRatio, (value) => value <= 3),
  });
  issue19.push({
    target: 'cost ≤ $0.002 per completed journey',
    measured: cost ? usd(cost.usdPerJourney) : 'n/a',
    verdict: judged(cost?.usdPerJourney, (value) => value <= 0.002),
  });
  const priced = workflowCosts.filter((w) => w.failures.length === 0);
  issue19.push({
    target: 'the cost of each workflow printed on its own',
    measured: `${priced.length} of ${workflowCosts.length} priced cleanly; collaboration not driven by the bench`,
    verdict: workflowCosts.length === 0 ? 'not measured' : 'partly measured',
  });
}

const out: string[] = [];
if (intake) {
  out.push(
    table(
      `Intake: POST /applications vs one PutItem (${intake.durationSeconds} s per rate, load from a child process)`,
      [
        'target',
        'rate/s',
        'ok/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'failed',
        'CPU ms/req node + DDB Local',
      ],
      intake.rows.map(({ target, result: r, cpuMsPerRequest }) => [
        target,
        String(r.rate),
        fixed(r.throughput),
        fixed(r.latencyMs.p50),
        fixed(r.latencyMs.p90),
        fixed(r.latencyMs.p99),
        fixed(r.latencyMs.max),
        String(r.non2xx + r.errors + r.timeouts),
        `${fixed(cpuMsPerRequest.node)} + ${fixed(cpuMsPerRequest.dynamoDbLocal)}`,
      ]),
    ),
    table(
      'Intake overhead (ours ÷ baseline)',
      ['rate/s', 'p50 ×', 'p99 ×', 'throughput ×'],
      intake.overhead.map((o) => [
        String(o.rate),
        fixed(o.p50Ratio),
        fixed(o.p99Ratio),
        fixed(o.throughputRatio, 2),
      ]),
    ),
  );
}
if (journeys) {
  out.push(
    table(
      `Journeys: ${journeys.journeys} SMEs, ${journeys.concurrency} in flight, ${journeys.managers} managers`,
      ['figure', 'value'],
      [
        ['launched', `${journeys.completed}/${journeys.journeys}`],
        ['failed or lost', String(journeys.failures.length)],
        ['outcomes', JSON.stringify(journeys.outcomes)],
        ['wall time', `${fixed(journeys.wallSeconds)} s`],
        ['journeys/s', fixed(journeys.journeysPerSecond, 2)],
        [
          'journey p50 / p95 / max',
          `${fixed(journeys.journeyMs.p50, 0)} / ${fixed(journeys.journeyMs.p95, 0)} / ${fixed(journeys.journeyMs.max, 0)} ms`,
        ],
        ...Object.entries(journeys.requestMs).map(([step, s]) => [
          `${step} request p50 / p99`,
          `${fixed(s.p50)} / ${fixed(s.p99)} ms (${s.count})`,
        ]),
        [
          'CPU per journey: node + DynamoDB Local',
          journeyCpuMs
            ? `${fixed(journeyCpuMs.node, 0)} + ${fixed(journeyCpuMs.dynamoDbLocal, 0)} ms`
            : 'n/a',
        ],
        ['e-mails per journey', fixed(journeys.emails.perJourney, 2)],
        [
          'DynamoDB calls per journey (refused writes)',
          capacity
            ? `${fixed(Object.values(capacity.calls).reduce((a, b) => a + b, 0) / journeys.journeys)} (${fixed(capacity.refusedWrites / journeys.journeys)})`
            : 'n/a',
        ],
        ['reminders sent', String(journeys.emails.reminders)],
        ...Object.entries(journeys.history.byStateMachine).map(([machine, m]) => [
          `${machine}: executions (still running)`,
          `${m.executions} (${m.running}): ${fixed(m.stateTransitions / m.executions, 1)} transitions, ${fixed(m.events / m.executions, 1)} history events each`,
        ]),
      ],
    ),
  );
  for (const failure of journeys.failures.slice(0, 10))
    out.push(`  FAILED SME ${failure.serial}: ${failure.problem}`);
  if (journeys.failures.length > 10)
    out.push(`  … and ${journeys.failures.length - 10} more (bench/results/latest.json)`);
}
if (cost && usage) {
  out.push(
    table(
      `Cost per completed journey (${usage.journeys} journeys, list prices, bench/prices.json)`,
      ['item', 'per journey', 'unit', 'USD per journey'],
      [
        ...cost.lines.map((l) => [l.item, fixed(l.quantityPerJourney, 2), l.unit, usd(l.usdPerJourney)]),
        ['total', '', '', usd(cost.usdPerJourney)],
        ['per 1,000 SMEs', '', '', usd(cost.usdPer1000Smes)],
        ...cost.estimatedExtras.map((l) => [
          l.item,
          fixed(l.quantityPerJourney, 1),
          l.unit,
          usd(l.usdPerJourney),
        ]),
      ],
    ),
  );
}
if (workflowCosts.length > 0) {
  const lineOf = (cost: CostResult, item: string) =>
    cost.lines.find((line) => line.item.startsWith(item))?.usdPerJourney ?? 0;
  out.push(
    table(
      'Cost of each workflow, per run (list prices, bench/prices.json)',
      [
        'workflow',
        'runs',
        'transitions',
        'Lambda',
        'DDB calls',
        'RRU',
        'WRU',
        'e-mails',
        'USD',
        'of which SES',
      ],
      workflowCosts.map((w) => [
        `${w.workflow}${w.failures.length ? ' (PROBLEMS)' : ''}`,
        String(w.runs),
        fixed(w.usage.stateTransitions / w.runs, 1),
        fixed(w.usage.lambdaInvocations / w.runs, 1),
        fixed(w.dynamoDbCalls / w.runs, 1),
        fixed(w.usage.readRequestUnits / w.runs, 1),
        fixed(w.usage.writeRequestUnits / w.runs, 1),
        fixed(w.usage.emails / w.runs, 1),
        usd(w.cost.usdPerJourney),
        usd(lineOf(w.cost, 'SES')),
      ]),
    ),
  );
  for (const w of workflowCosts.filter((w) => w.failures.length > 0))
    out.push(`  ${w.workflow}: ${w.failures.slice(0, 5).join(' | ')}`);
}
if (capacity) {
  const rows = Object.entries(capacity.callsByFunction)
    .map(([name, calls]) => [name, Object.values(calls).reduce((a, b) => a + b, 0), calls] as const)
    .sort((a, b) => b[1] - a[1]);
  out.push(
    table(
      'DynamoDB calls per journey, by function (the journeys phase)',
      ['function', 'calls', 'of which'],
      rows.map(([name, total, calls]) => [
        name,
        fixed(total / Math.max(1, usage?.journeys ?? 1), 1),
        Object.entries(calls)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([what, n]) => `${what} ${fixed(n / Math.max(1, usage?.journeys ?? 1), 1)}`)
          .join(', '),
      ]),
    ),
  );
}
if (dynamoDbLocalCosts) {
  out.push(
    table(
      'DynamoDB Local: CPU per request (the floor under the local CPU per journey)',
      ['request', 'DynamoDB Local ms', 'node ms'],
      dynamoDbLocalCosts.map((c) => [c.operation, fixed(c.dynamoDbLocalMs), fixed(c.nodeMs)]),
    ),
  );
}
if (lambdaByFunction) {
  out.push(
    table(
      'Lambda invocations during the journeys (durations measured in process)',
      ['function', 'invocations', 'per journey', 'p50 ms', 'mean ms', 'errors'],
      Object.entries(lambdaByFunction)
        .sort((a, b) => b[1].count - a[1].count)
        .map(([name, s]) => [
          name,
          String(s.count),
          fixed(s.count / Math.max(1, journeys?.completed ?? 1), 2),
          fixed(s.p50Ms),
          fixed(s.totalMs / Math.max(1, s.count)),
          String(s.errors),
        ]),
    ),
  );
}
if (idle) {
  out.push(
    table(
      `Idle: resources of ${idle.stacks.join(' + ')} and their fixed monthly fee`,
      ['resource type', 'count', 'idle $/month', 'billing'],
      idle.resources.map((r) => [
        r.type,
        String(r.count),
        r.idleMonthlyUsd === null ? '?' : usd(r.idleMonthlyUsd),
        r.why,
      ]),
    ),
  );
}
if (coldStart) {
  out.push(
    table(
      `Cold-start proxies: esbuild bundle as CDK builds it; import in a fresh Node ${process.version} process (median of ${options.initRuns})`,
      ['entry', 'functions', 'bundle', 'map', 'init ms', 'min ms', 'RSS MB', 'largest input'],
      coldStart.map((b) => [
        b.entry,
        String(b.functions.length),
        kb(b.bundleBytes),
        kb(b.sourceMapBytes),
        fixed(b.initMedianMs, 0),
        fixed(b.initMinMs, 0),
        fixed(b.rssMb, 0),
        b.topInputs[0] ? `${b.topInputs[0].name} ${kb(b.topInputs[0].bytes)}` : '',
      ]),
    ),
  );
}
if (coldStart?.some((b) => b.guessedEnvironment.length > 0)) {
  out.push(
    `  configuration guessed by the bench: ${[...new Set(coldStart.flatMap((b) => b.guessedEnvironment))].join(', ')}`,
  );
}
if (matching) {
  out.push(
    table(
      `Cohort matching (bench/matching.ts, ${matching.candidatesPerSme} candidates per SME, fresh process)`,
      [
        'SMEs',
        'managers',
        'places',
        'median ms',
        'runs ms',
        'heap Δ MiB',
        'peak RSS MiB',
        'matched',
        'greedy/optimal',
      ],
      matching.rows.map((row) => [
        String(row.smes),
        String(row.managers),
        String(row.places),
        String(row.medianMs),
        row.runsMs.join(' / '),
        fixed(row.heapDeltaMiB),
        fixed(row.peakRssMiB),
        String(row.optimal.matched),
        fixed(row.greedyFitRatio, 4),
      ]),
    ),
  );
}
out.push(
  table(
    'Targets (issue 7)',
    ['target', 'measured', 'verdict'],
    targets.map((t) => [t.target, t.measured, t.verdict.toUpperCase()]),
  ),
  table(
    'Targets (issue 19)',
    ['target', 'measured', 'verdict'],
    issue19.map((t) => [t.target, t.measured, t.verdict.toUpperCase()]),
  ),
);
console.log(out.join('\n'));

const results = {
  meta: {
    date: new Date().toISOString(),
    gitRevision,
    gitDirty,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    /** 1-minute load average at the start and the end: other work on the machine skews every figure. */
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    options: { ...options, skip: [...options.skip] },
    wallSeconds: (performance.now() - started) / 1000,
  },
  intake,
  journeys,
  usage,
  cost,
  lambdaByFunction,
  dynamoDb: capacity,
  journeyCpuMs,
  apiByStatus,
  idle,
  coldStart,
  matching,
  collaboration,
  workflowCosts,
  dynamoDbLocalCosts,
  targets,
  issue19,
  problems,
};
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
// latest.json is the last run; full.json / quick.json the last run of each kind, so a smoke run
// does not overwrite the figures of the last full one.
const text = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(new URL('latest.json', resultsDir), text);
writeFileSync(new URL(quick ? 'quick.json' : 'full.json', resultsDir), text);
log(
  `bench: done in ${results.meta.wallSeconds.toFixed(0)} s; figures in bench/results/latest.json and ${quick ? 'quick' : 'full'}.json`,
);

const lost = journeys ? journeys.failures.length : 0;
if (lost > 0 || problems.length > 0) {
  console.error(
    `\nBENCH FAILED: ${lost} journeys failed or lost${problems.length ? `; phases failed: ${problems.map((p) => p.split(':')[0]).join(', ')}` : ''}`,
  );
  process.exit(1);
}
process.exit(0);
