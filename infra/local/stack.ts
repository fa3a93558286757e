// The whole product on one machine: DynamoDB Local, the local Step Functions service running the
// ASL rendered from the CDK definitions, the SES outbox, the same handlers behind a local API, and
// the local console. `npm start` and the tests both start it through startLocalStack().

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionVariable } from '#shared/config/environment.ts';
import { idempotencyTable, mainTable, tableDesigns } from '#shared/data/table-design.ts';
import { programmePresets } from '#shared/programmes/presets.ts';
import { type WorkflowName, workflows } from '#workflows/index.ts';
import {
  localAccount,
  localFunctionArn,
  localStateMachineArn,
  localStateMachineName,
  renderWorkflowAsl,
} from '#workflows/render.ts';
import { journeyStartBuffer } from '../api-capacity.ts';
import { type FunctionName, functionCatalog } from '../functions.ts';
import { startApiServer } from './api-server.ts';
import { createConsole } from './console.tsx';
import { ensureTables, localDynamoDbClient, startDynamoDbLocal } from './dynamodb.ts';
import { type LocalLambdaRuntime, limitConcurrency, loadLocalLambdaRuntime } from './lambda-runtime.ts';
import { Outbox, startSesEndpoint } from './outbox.ts';
import { LocalQueues, pollQueue, startSqsEndpoint } from './sqs.ts';
import { LocalStepFunctions } from './stepfunctions/engine.ts';
import { startStepFunctionsServer } from './stepfunctions/server.ts';
import { TokenBucket } from './throttle.ts';

export interface LocalStackOptions {
  /** Keep data here (DynamoDB, executions, outbox); absent = everything in memory. */
  readonly dataDir?: string;
  /** Wipe dataDir first. */
  readonly fresh?: boolean;
  /** Port of the site and console; 0 = a free port. @default 0 */
  readonly port?: number;
  /** Ports of the AWS endpoints; 0 = free ports. */
  readonly dynamoDbPort?: number;
  readonly stepFunctionsPort?: number;
  readonly sesPort?: number;
  readonly sqsPort?: number;
  /** Multiplies every wait and timeout (0.001 turns 72 hours into 4.3 minutes). @default 1 */
  readonly timeScale?: number;
  /**
   * Whether the process's Date already runs at timeScale (installScaledClock, as `npm start`
   * does): the engine then keeps workflow durations in clock time and only shortens its timers.
   * Embedders sharing the process with real-time code (the test runner) leave it off.
   * @default false
   */
  readonly sharedClock?: boolean;
  /** Progress lines while starting. */
  readonly log?: (line: string) => void;
  /**
   * StartExecution's quota as a token bucket (AWS: awsQuotas.startExecution); calls past it answer
   * ThrottlingException. @default none (never throttled)
   */
  readonly startExecutionLimit?: { readonly rate: number; readonly burst: number };
  /**
   * How much faster than real time the quotas' token buckets refill (API throttles, StartExecution):
   * the opening-day simulation compresses time. @default 1
   */
  readonly quotaSpeed?: number;
  /** Invocations running at once before Lambda refuses more (the account's quota). @default none */
  readonly lambdaConcurrency?: number;
}

export interface LocalStack {
  readonly urls: {
    readonly site: string;
    readonly console: string;
    readonly outbox: string;
    readonly dynamoDb: string;
    readonly stepFunctions: string;
    readonly ses: string;
    readonly sqs: string;
  };
  /** The intake's buffer of journey starts and its dead-letter queue. */
  readonly queues: LocalQueues;
  readonly queueUrls: { readonly journeyStarts: string; readonly journeyStartsDeadLetters: string };
  /** StartExecution calls refused by startExecutionLimit so far. */
  readonly throttledStarts: () => number;
  /** Changes (or lifts, with undefined) StartExecution's token bucket. */
  readonly limitStarts: (limit: LocalStackOptions['startExecutionLimit']) => void;
  /** The most invocations running at once, and those refused by lambdaConcurrency. */
  readonly lambdaStats: () => { peak: number; throttled: number };
  /** The handlers' invoker (its `invoke` may be wrapped, e.g. by the bench's meters). */
  readonly lambdaRuntime: LocalLambdaRuntime;
  readonly stateMachineArns: Record<WorkflowName, string>;
  readonly tableNames: { readonly main: string; readonly idempotency: string };
  readonly engine: LocalStepFunctions;
  readonly outbox: Outbox;
  stop(): Promise<void>;
}

// The deployed names (percorso-pmi-dev-<workflow>), so ARNs are the same locally and on AWS.
const stateMachineArn = localStateMachineArn;

/** The local queues' names (on AWS, CloudFormation names them). */
export const localQueueNames = {
  journeyStarts: 'percorso-pmi-dev-journey-starts',
  journeyStartsDeadLetters: 'percorso-pmi-dev-journey-starts-dead-letters',
} as const;

/** Starts every local service and returns their URLs; stop() shuts them down in reverse order. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    if (options.dataDir && options.fresh) rmSync(options.dataDir, { recursive: true, force: true });
    const dir = (name: string) => (options.dataDir ? join(options.dataDir, name) : undefined);

    log('Starting DynamoDB Local…');
    const dynamoDb = await startDynamoDbLocal({ dataDir: dir('dynamodb'), port: options.dynamoDbPort });
    stops.push(() => dynamoDb.stop());
    const dynamoDbClient = localDynamoDbClient(dynamoDb.endpoint);
    await ensureTables(dynamoDbClient, tableDesigns);
    dynamoDbClient.destroy();

    const outbox = new Outbox(dir('outbox'));
    const ses = await startSesEndpoint(outbox, options.sesPort ?? 0);
    stops.push(() => ses.close());

    log('Starting the local Step Functions service…');
    const engine = new LocalStepFunctions({
      region: localAccount.region,
      accountId: localAccount.accountId,
      dataDir: dir('executions'),
      timeScale: options.timeScale ?? 1,
      sharedClock: options.sharedClock ?? false,
    });
    stops.push(async () => engine.close());
    const quotaSpeed = options.quotaSpeed ?? 1;
    const quotaClock = () => performance.now() * quotaSpeed;
    let startBucket: TokenBucket | undefined;
    const limitStarts = (limit: LocalStackOptions['startExecutionLimit']) => {
      startBucket = limit ? new TokenBucket(limit.rate, limit.burst, quotaClock) : undefined;
    };
    limitStarts(options.startExecutionLimit);
    let throttledStarts = 0;
    const stepFunctions = await startStepFunctionsServer(engine, {
      port: options.stepFunctionsPort ?? 0,
      admit: (operation) => {
        if (operation !== 'StartExecution' || !startBucket || startBucket.take()) return true;
        throttledStarts += 1;
        return false;
      },
    });
    stops.push(() => stepFunctions.close());

    // The intake's buffer (SQS) and its dead-letter queue, with the deployed redrive policy.
    const queues = new LocalQueues({ dataDir: dir('queues') });
    queues.define({ name: localQueueNames.journeyStartsDeadLetters, visibilityTimeoutSeconds: 30 });
    queues.define({
      name: localQueueNames.journeyStarts,
      visibilityTimeoutSeconds: journeyStartBuffer.visibilityTimeoutSeconds,
      redrive: {
        deadLetterQueue: localQueueNames.journeyStartsDeadLetters,
        maxReceiveCount: journeyStartBuffer.maxReceiveCount,
      },
    });
    const sqs = await startSqsEndpoint(queues, {
      accountId: localAccount.accountId,
      port: options.sqsPort ?? 0,
    });
    stops.push(() => sqs.close());
    const queueUrls = {
      journeyStarts: LocalQueues.urlOf(sqs.url, localAccount.accountId, localQueueNames.journeyStarts),
      journeyStartsDeadLetters: LocalQueues.urlOf(
        sqs.url,
        localAccount.accountId,
        localQueueNames.journeyStartsDeadLetters,
      ),
    };

    let runtime: LocalLambdaRuntime | undefined;
    const localConsole = createConsole({ engine, outbox, tableName: mainTable.logicalName });
    const api = await startApiServer({
      port: options.port ?? 0,
      runtime: () => runtime,
      extra: localConsole.handle,
      localAdministrator: true,
      throttleClock: quotaClock,
      onError: (error) =>
        log(`Handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    stops.push(() => api.close());

    // The handlers read their configuration at module load, from the environment Lambda would give
    // them: every variable of the catalogue has its local value here (the compiler asks for a new one).
    const functionValues: Record<FunctionVariable, string | undefined> = {
      TABLE_NAME: mainTable.logicalName,
      IDEMPOTENCY_TABLE_NAME: idempotencyTable.logicalName,
      JOURNEY_STATE_MACHINE_ARN: stateMachineArn('sme-journey'),
      JOURNEY_START_QUEUE_URL: queueUrls.journeyStarts,
      MONITORING_STATE_MACHINE_ARN: stateMachineArn('project-monitoring'),
      ONBOARDING_STATE_MACHINE_ARN: stateMachineArn('manager-onboarding'),
      COLLABORATION_STATE_MACHINE_ARN: stateMachineArn('collaboration'),
      OFFICE_EMAIL: 'ufficio.programmi@percorso-pmi.local',
      SENDER_EMAIL: 'no-reply@percorso-pmi.local',
      SES_CONFIGURATION_SET: undefined,
      PUBLIC_BASE_URL: api.url,
      // Nobody signs in locally: the admin area is the local console.
      ADMIN_USER_POOL_ID: undefined,
      ADMIN_CLIENT_ID: undefined,
      ADMIN_SIGN_IN_DOMAIN: undefined,
    };
    for (const [name, value] of Object.entries(functionValues)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    Object.assign(process.env, {
      AWS_REGION: localAccount.region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint,
      AWS_ENDPOINT_URL_SFN: stepFunctions.url,
      AWS_ENDPOINT_URL_SESV2: ses.url,
      AWS_ENDPOINT_URL_SQS: sqs.url,
      LOCAL_CONSOLE_URL: api.url,
      POWERTOOLS_SERVICE_NAME: 'percorso-pmi',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'false',
    });
    const { putProgramme, getProgrammeStored } = await import('#shared/data/programmes.ts');
    for (const preset of programmePresets()) {
      if (!(await getProgrammeStored(mainTable.logicalName, preset.id)))
        await putProgramme(mainTable.logicalName, preset);
    }
    // A roster to try the journey with at once (fictional managers, e-mails to the outbox).
    const { claimManagerEmail, getManager, putManager } = await import('#shared/data/managers.ts');
    const { demoManagers } = await import('#shared/programmes/demo-managers.ts');
    for (const manager of demoManagers) {
      if (!(await getManager(mainTable.logicalName, manager.managerId)))
        await putManager(mainTable.logicalName, manager);
      // The address lock registration takes, so registering with a demo address is recognised.
      await claimManagerEmail(mainTable.logicalName, manager.email, manager.managerId);
    }

    log('Loading handlers and state machines…');
    const limited =
      options.lambdaConcurrency === undefined
        ? undefined
        : limitConcurrency(await loadLocalLambdaRuntime(), options.lambdaConcurrency);
    runtime = limited ?? (await loadLocalLambdaRuntime());
    const loaded = runtime;
    const functionByArn = new Map(
      (Object.keys(functionCatalog) as FunctionName[]).map((name) => [localFunctionArn(name), name]),
    );
    const stateMachineArns = {} as Record<WorkflowName, string>;
    for (const name of Object.keys(workflows) as WorkflowName[]) {
      const definition = renderWorkflowAsl(name);
      const taskHandlers = Object.fromEntries(
        [...functionByArn].map(([arn, fnName]) => [
          arn,
          (payload: unknown) => loaded.invoke(fnName, payload),
        ]),
      );
      stateMachineArns[name] = engine.registerStateMachine({
        name: localStateMachineName(name),
        definition,
        taskHandlers,
      });
    }
    await engine.resumeRunningExecutions?.();
    // Lambda's event source mapping: the buffer drained by startJourneys, as deployed.
    const stopPolling = pollQueue(queues, {
      queue: localQueueNames.journeyStarts,
      queueArn: `arn:aws:sqs:${localAccount.region}:${localAccount.accountId}:${localQueueNames.journeyStarts}`,
      region: localAccount.region,
      batchSize: journeyStartBuffer.batchSize,
      maxConcurrency: journeyStartBuffer.maxConcurrency,
      invoke: (event) => loaded.invoke('startJourneys', event),
      onError: (error) =>
        log(`Starting queued journeys failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    stops.push(stopPolling);
    // DynamoDB Local applies no TTL: expired personal data are deleted here, as DynamoDB would.
    const { purgeExpiredItems } = await import('#shared/data/retention.ts');
    const purge = setInterval(() => {
      purgeExpiredItems(mainTable.logicalName).catch((error: unknown) =>
        log(`Purging expired items failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, 60_000);
    purge.unref();
    stops.push(async () => clearInterval(purge));

    return {
      urls: {
        site: api.url,
        console: `${api.url}/_local/`,
        outbox: `${api.url}/_local/outbox`,
        dynamoDb: dynamoDb.endpoint,
        stepFunctions: stepFunctions.url,
        ses: ses.url,
        sqs: sqs.url,
      },
      queues,
      queueUrls,
      throttledStarts: () => throttledStarts,
      limitStarts,
      lambdaStats: () => limited?.stats() ?? { peak: 0, throttled: 0 },
      lambdaRuntime: loaded,
      stateMachineArns,
      tableNames: { main: mainTable.logicalName, idempotency: idempotencyTable.logicalName },
      engine,
      outbox,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
