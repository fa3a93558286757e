// `npm run rehearse [-- --cdk-out DIR] [--keep]`: a deploy rehearsal. Runs the product from the
// cloud assembly that `cdk deploy` would upload — each function's bundled asset with the handler,
// settings and environment of its template, the state machines' own definitions and roles, the REST
// API's resources, methods and authorizer — with IAM enforced on every AWS call, then drives the real
// scenarios and prints what was called, what was denied and what was never exercised.
// Exit code: 0 all good; 1 a scenario failed, a call was denied or a function did not start; 2 usage.
import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { repositoryRoot } from '../constructs/app-function.ts';
import { localDynamoDbClient, startDynamoDbLocal } from '../local/dynamodb.ts';
import { Outbox, startSesEndpoint } from '../local/outbox.ts';
import { LocalQueues, pollQueue, startSqsEndpoint } from '../local/sqs.ts';
import { LocalStepFunctions } from '../local/stepfunctions/engine.ts';
import { startStepFunctionsServer } from '../local/stepfunctions/server.ts';
import { RestApiFromTemplate } from './api-gateway.ts';
import { type Caller, type CallRecord, startAwsGateway } from './aws-gateway.ts';
import { CloudAssembly, type Json } from './cloud-assembly.ts';
import { CognitoStandIn } from './cognito.ts';
import { matchesEventPattern } from './event-pattern.ts';
import { IamRoles } from './iam.ts';
import { LambdaHost } from './lambda-host.ts';
import { runScenarios, type ScenarioResult, type ScenarioSelection } from './scenarios.ts';

const execFileAsync = promisify(execFile);

/** How much faster than real time the rehearsal's workflows wait. */
const rehearsalTimeScale = 0.00001;

export interface RehearsalReport {
  readonly ok: boolean;
  readonly wallSeconds: number;
  readonly calls: number;
  readonly denied: readonly CallRecord[];
  readonly failedCalls: readonly CallRecord[];
  readonly initErrors: ReadonlyMap<string, string>;
  readonly apiFindings: readonly string[];
  readonly scenarios: readonly ScenarioResult[];
  readonly functionsExercised: readonly string[];
  readonly functionsNotExercised: readonly { name: string; reason: string }[];
  readonly routesExercised: number;
  readonly routesNotExercised: readonly { route: string; reason: string }[];
  readonly personalDataInLogs: readonly string[];
}

/** Why a function or route is not driven by the scenarios (a path that needs time to pass). */
const notDrivenBecause: Record<string, string> = {
  ExpireTaskFunction: 'runs when a task expires unanswered; the rehearsal answers every task in time',
  CloseOfferFunction: 'runs when an offer is declined or expires; the scenarios accept',
  ExpireVettingFunction: 'runs when vetting is not done in a week',
  'GET /admin/callback': "needs Cognito's managed login in a browser (authorisation code exchange)",
};

export interface RehearsalOptions {
  /** Use this assembly instead of synthesising one. */
  readonly cdkOut?: string;
  /** Context for the synthesis (`-c key=value`). */
  readonly context?: Record<string, string>;
  readonly log?: (line: string) => void;
  /** Which scenarios to drive. @default 'full' */
  readonly scenarios?: ScenarioSelection;
}

/** Synthesises the app as `cdk deploy` does (the account known) into a new folder. */
export function synthesise(
  directory: string,
  context: Record<string, string> = {},
  log: (line: string) => void = () => {},
) {
  log(`Synthesising the cloud assembly into ${directory}…`);
  const result = spawnSync(
    'npx',
    [
      'cdk',
      'synth',
      '--quiet',
      '-o',
      directory,
      ...Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        CDK_DEFAULT_ACCOUNT: process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012',
        AWS_REGION: process.env.AWS_REGION ?? 'eu-south-1',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`cdk synth failed:\n${result.stderr.slice(-4000)}`);
}

export async function rehearse(options: RehearsalOptions = {}): Promise<RehearsalReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'percorso-rehearsal-'));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  try {
    const cdkOut = options.cdkOut ? resolve(options.cdkOut) : join(work, 'cdk.out');
    if (!options.cdkOut) synthesise(cdkOut, options.context, log);
    const assembly = new CloudAssembly(cdkOut);
    log(
      `Assembly: ${assembly.stacks.map((s) => s.stackName).join(', ')} — account ${assembly.account}, ${assembly.region}`,
    );
    const iam = new IamRoles(assembly);

    // Stateful resources, from the template: tables, the e-mail identity's outbox.
    const dynamoDb = await startDynamoDbLocal({ port: 0 });
    stops.push(() => dynamoDb.stop());
    const dynamo = localDynamoDbClient(dynamoDb.endpoint);
    for (const { stack, logicalId, resource } of assembly.resourcesOfType('AWS::DynamoDB::Table')) {
      const props = assembly.resolve(stack, resource.Properties as Json) as Record<string, Json>;
      const input = {
        TableName: assembly.ref(stack, logicalId),
        KeySchema: props.KeySchema,
        AttributeDefinitions: props.AttributeDefinitions,
        BillingMode: props.BillingMode ?? 'PROVISIONED',
        ...(props.BillingMode === 'PAY_PER_REQUEST'
          ? {}
          : { ProvisionedThroughput: props.ProvisionedThroughput }),
        ...(props.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: props.GlobalSecondaryIndexes } : {}),
      } as unknown as CreateTableCommandInput;
      await dynamo.send(new CreateTableCommand(input));
      const ttl = props.TimeToLiveSpecification as { AttributeName?: string; Enabled?: boolean } | undefined;
      if (ttl?.Enabled && ttl.AttributeName)
        await dynamo.send(
          new UpdateTimeToLiveCommand({
            TableName: input.TableName,
            TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true },
          }),
        );
    }
    dynamo.destroy();
    const outbox = new Outbox();
    const ses = await startSesEndpoint(outbox, 0);
    stops.push(() => ses.close());
    // The queues, with their visibility timeouts and redrive policies.
    const queues = new LocalQueues();
    for (const { stack, logicalId, resource } of assembly.resourcesOfType('AWS::SQS::Queue')) {
      const props = assembly.resolve(stack, resource.Properties as Json) as Record<string, Json>;
      const redrive = props.RedrivePolicy as
        | { deadLetterTargetArn?: string; maxReceiveCount?: number }
        | undefined;
      queues.define({
        name: String(assembly.attribute(stack, logicalId, 'QueueName')),
        visibilityTimeoutSeconds: Number(props.VisibilityTimeout ?? 30),
        ...(redrive?.deadLetterTargetArn
          ? {
              redrive: {
                deadLetterQueue: redrive.deadLetterTargetArn.split(':').pop() ?? '',
                maxReceiveCount: Number(redrive.maxReceiveCount ?? 10),
              },
            }
          : {}),
      });
    }
    const sqs = await startSqsEndpoint(queues, { accountId: assembly.account });
    stops.push(() => sqs.close());
    const cognito = new CognitoStandIn(assembly);
    const cognitoServer = await cognito.start();
    stops.push(() => cognitoServer.close());

    // The engine, the functions and the authorising endpoint between them.
    const calls: CallRecord[] = [];
    const logs: { fn: string; line: string }[] = [];
    const stateMachineRoles = new Map(
      assembly
        .resourcesOfType('AWS::StepFunctions::StateMachine')
        .map(({ stack, logicalId, resource }) => [
          assembly.ref(stack, logicalId),
          { label: logicalId, role: iam.roleOf(stack, resource.Properties?.RoleArn) },
        ]),
    );
    const authoriseStateMachine = async (stateMachineArn: string, action: string, resource: string) => {
      const machine = stateMachineRoles.get(stateMachineArn);
      if (!machine) return `Unknown state machine ${stateMachineArn}`;
      const decision = await iam.evaluate(machine.role, `rehearsal-${machine.label}`, action, resource);
      calls.push({
        caller: machine.label,
        service: action.split(':')[0] ?? '',
        operation: action.split(':')[1] ?? '',
        checks: [{ action, resource }],
        ...(decision.allowed ? {} : { denied: decision.message }),
      });
      return decision.allowed ? undefined : decision.message;
    };
    const engine = new LocalStepFunctions({
      region: assembly.region,
      accountId: assembly.account,
      // A week of waiting in six seconds: vetting, offers and check-ins happen in a minute or so.
      timeScale: rehearsalTimeScale,
      authorize: (request) =>
        authoriseStateMachine(request.stateMachineArn, request.action, request.resource),
    });
    stops.push(() => engine.close());
    const stepFunctions = await startStepFunctionsServer(engine, { port: 0 });
    stops.push(() => stepFunctions.close());
    const sesIdentities = assembly
      .resourcesOfType('AWS::SES::EmailIdentity')
      .map(({ stack, logicalId }) => assembly.ref(stack, logicalId));
    const callers = new Map<string, Caller>();
    const gateway = await startAwsGateway({
      iam,
      callers,
      upstreams: { dynamodb: dynamoDb.endpoint, states: stepFunctions.url, ses: ses.url, sqs: sqs.url },
      context: {
        region: assembly.region,
        account: assembly.account,
        partition: assembly.partition,
        stateMachineOfToken: (token) => engine.stateMachineOfTaskToken(token),
        sesIdentities,
      },
      record: (call) => calls.push(call),
    });
    stops.push(() => gateway.close());
    const host = new LambdaHost({
      assembly,
      iam,
      workDirectory: work,
      awsEndpoint: gateway.url,
      cognitoUrl: cognitoServer.url,
      log: (fn, line) => logs.push({ fn, line }),
    });
    stops.push(() => host.close());
    for (const [accessKeyId, caller] of host.callers()) callers.set(accessKeyId, caller);

    for (const { stack, logicalId, resource } of assembly.resourcesOfType(
      'AWS::StepFunctions::StateMachine',
    )) {
      const definition = JSON.parse(
        String(assembly.resolve(stack, resource.Properties?.DefinitionString)),
      ) as Record<string, unknown>;
      const name = String(assembly.attribute(stack, logicalId, 'Name'));
      const machineArn = assembly.ref(stack, logicalId);
      const taskHandlers = Object.fromEntries(
        host.functions.map((fn) => [
          fn.arn,
          async (payload: unknown) => {
            const refusal = await authoriseStateMachine(machineArn, 'lambda:InvokeFunction', fn.arn);
            if (refusal) {
              const error = new Error(refusal);
              error.name = 'Lambda.AWSLambdaException';
              throw error;
            }
            return host.invoke(fn, payload);
          },
        ]),
      );
      engine.registerStateMachine({ name, definition, taskHandlers });
    }

    // Lambda's SQS event source mappings: polling with the function's own role, as Lambda does
    // (it needs ReceiveMessage, DeleteMessage and GetQueueAttributes on the queue).
    for (const { stack, logicalId, resource } of assembly.resourcesOfType(
      'AWS::Lambda::EventSourceMapping',
    )) {
      const props = assembly.resolve(stack, resource.Properties as Json) as Record<string, Json>;
      const queueArn = String(props.EventSourceArn ?? '');
      const fn = host.functions.find((f) => f.name === props.FunctionName || f.arn === props.FunctionName);
      if (!queueArn.includes(':sqs:') || !fn)
        throw new Error(`Unsupported event source mapping ${logicalId}`);
      for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']) {
        const decision = await iam.evaluate(fn.role, fn.name, action, queueArn);
        calls.push({
          caller: logicalId,
          service: 'sqs',
          operation: action.split(':')[1] ?? '',
          checks: [{ action, resource: queueArn }],
          ...(decision.allowed ? {} : { denied: decision.message }),
        });
      }
      const reportsFailures = ((props.FunctionResponseTypes ?? []) as string[]).includes(
        'ReportBatchItemFailures',
      );
      const stopPolling = pollQueue(queues, {
        queue: queueArn.split(':').pop() ?? '',
        queueArn,
        region: assembly.region,
        batchSize: Number(props.BatchSize ?? 10),
        maxConcurrency: Number(
          (props.ScalingConfig as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency ?? 2,
        ),
        invoke: async (event) => {
          const result = await host.invoke(fn, event);
          // Without ReportBatchItemFailures Lambda ignores the answer: the whole batch succeeded.
          return reportsFailures ? result : undefined;
        },
        onError: (error) => logs.push({ fn: fn.logicalId, line: `event source: ${String(error)}` }),
      });
      stops.push(stopPolling);
    }

    // Every function starts once, as on its first invocation after the deploy: one that cannot
    // (a missing variable, a module not in its bundle) is reported even if no scenario reaches it.
    log('Starting every function from its bundled asset…');
    await host.startAll();

    const api = new RestApiFromTemplate(assembly, host);
    const apiErrors: string[] = [];
    const apiServer = await api.start((error) =>
      apiErrors.push(error instanceof Error ? error.message : String(error)),
    );
    stops.push(() => apiServer.close());
    log(
      `Rehearsal API: ${apiServer.url} (${api.methods.length} methods); ${host.functions.length} functions; ${stateMachineRoles.size} state machines`,
    );

    // What the template tells the functions about the site, the table and the office.
    const envOf = (name: string) =>
      host.functions.map((fn) => fn.environment[name]).find((value) => value !== undefined);
    const publicBaseUrl = envOf('PUBLIC_BASE_URL');
    const tableName = envOf('TABLE_NAME');
    const officeEmail = envOf('OFFICE_EMAIL') ?? envOf('SENDER_EMAIL');
    if (!publicBaseUrl || !tableName || !officeEmail)
      throw new Error('No function has PUBLIC_BASE_URL, TABLE_NAME and OFFICE_EMAIL/SENDER_EMAIL');
    // The operator loads programmes with the admin CLI, straight to the table (their own access).
    const loadProgrammes = async (programmes: readonly Record<string, unknown>[]) => {
      const file = join(work, `programmes-${randomUUID()}.json`);
      writeFileSync(file, JSON.stringify(programmes));
      const { stdout, stderr } = await execFileAsync(
        join(repositoryRoot, 'node_modules', '.bin', 'tsx'),
        [
          'infra/admin/cli.ts',
          'programmes',
          'load',
          file,
          '--endpoint',
          dynamoDb.endpoint,
          '--table',
          tableName,
        ],
        { cwd: repositoryRoot, env: { ...process.env, AWS_REGION: assembly.region }, encoding: 'utf8' },
      ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(
          `admin CLI programmes load failed: ${error.stderr ?? ''}${error.stdout ?? ''}${error.message}`.slice(
            0,
            2000,
          ),
        );
      });
      void stdout;
      void stderr;
    };

    const rules = assembly.resourcesOfType('AWS::Events::Rule');
    const configurationSet = assembly.resourcesOfType('AWS::SES::ConfigurationSet')[0];
    const scenarios = await runScenarios({
      site: apiServer.url,
      publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
      loadProgrammes,
      officeEmail,
      configurationSetName: configurationSet
        ? assembly.ref(configurationSet.stack, configurationSet.logicalId)
        : '',
      outbox: () => outbox.list(),
      adminToken: (groups) => cognito.accessToken({ username: 'rehearsal-office', groups }),
      putEvent: async (event) => {
        let delivered = 0;
        for (const { stack, logicalId, resource } of rules) {
          const props = assembly.resolve(stack, resource.Properties as Json) as Record<string, Json>;
          if (!matchesEventPattern(props.EventPattern, event as Json)) continue;
          const ruleArn = assembly.attribute(stack, logicalId, 'Arn');
          for (const target of (props.Targets ?? []) as { Arn: string }[]) {
            const fn = host.byArn(target.Arn);
            if (!fn) continue;
            if (!api.mayInvoke(fn, 'events.amazonaws.com', ruleArn)) {
              calls.push({
                caller: logicalId,
                service: 'lambda',
                operation: 'Invoke',
                checks: [{ action: 'lambda:InvokeFunction', resource: fn.arn }],
                denied: `events.amazonaws.com may not invoke ${fn.logicalId} for ${ruleArn}`,
              });
              continue;
            }
            await host.invoke(fn, event);
            delivered += 1;
          }
        }
        return delivered;
      },
      log,
      selection: options.scenarios ?? 'full',
    });

    // What was exercised, and what was not.
    const functionsExercised = host.functions
      .filter((fn) => (host.invocations.get(fn.logicalId) ?? 0) > 0)
      .map((fn) => fn.logicalId);
    const functionsNotExercised = host.functions
      .filter((fn) => !functionsExercised.includes(fn.logicalId))
      .map((fn) => ({
        name: fn.logicalId,
        reason: notDrivenBecause[fn.logicalId.replace(/[A-F0-9]{8}$/, '')] ?? 'not driven by any scenario',
      }));
    const routes = [...api.uses.values()];
    const routesNotExercised = routes
      .filter((use) => use.count === 0)
      .map((use) => ({
        route: `${use.method} ${use.resourcePath}`,
        reason: notDrivenBecause[`${use.method} ${use.resourcePath}`] ?? 'not driven by any scenario',
      }));
    // No personal data in the logs: the scenarios' addresses and names must not appear.
    const personal = /(sme\.\d+@example\.it|manager\.[a-f0-9]{8}@example\.it|Paola Prova|Officina Prova \d+)/;
    const personalDataInLogs = logs
      .filter((entry) => personal.test(entry.line))
      .map((entry) => `${entry.fn}: ${entry.line.slice(0, 300)}`);
    writeFileSync(join(work, 'function-logs.txt'), logs.map((l) => `${l.fn}\t${l.line}`).join('\n'));
    const denied = calls.filter((call) => call.denied);
    const failedCalls = calls.filter((call) => call.failed);
    const apiFindings = [...api.findings.map((f) => f.message), ...apiErrors];
    const ok =
      scenarios.every((s) => s.ok) &&
      denied.length === 0 &&
      failedCalls.length === 0 &&
      host.initErrors.size === 0 &&
      apiFindings.length === 0 &&
      personalDataInLogs.length === 0 &&
      (options.scenarios === 'smoke' ||
        (functionsNotExercised.every((f) => f.reason !== 'not driven by any scenario') &&
          routesNotExercised.every((r) => r.reason !== 'not driven by any scenario')));
    return {
      ok,
      wallSeconds: (Date.now() - started) / 1000,
      calls: calls.length,
      denied,
      failedCalls,
      initErrors: host.initErrors,
      apiFindings,
      scenarios,
      functionsExercised,
      functionsNotExercised,
      routesExercised: routes.length - routesNotExercised.length,
      routesNotExercised,
      personalDataInLogs,
    };
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  }
}

/** Prints the report as a readable summary. */
export function printReport(report: RehearsalReport, out: (line: string) => void): void {
  out('');
  out(`Rehearsal ${report.ok ? 'PASSED' : 'FAILED'} in ${report.wallSeconds.toFixed(1)} s`);
  out(`  scenarios: ${report.scenarios.filter((s) => s.ok).length}/${report.scenarios.length} passed`);
  for (const s of report.scenarios.filter((x) => !x.ok)) out(`    ✗ ${s.name}: ${s.detail}`);
  out(
    `  AWS calls evaluated against IAM: ${report.calls}; denied: ${report.denied.length}; failed: ${report.failedCalls.length}`,
  );
  for (const call of report.denied)
    out(`    DENIED ${call.caller} ${call.service}:${call.operation} — ${call.denied}`);
  for (const call of report.failedCalls) out(`    FAILED ${call.caller} ${call.operation} — ${call.failed}`);
  out(
    `  functions exercised: ${report.functionsExercised.length}/${report.functionsExercised.length + report.functionsNotExercised.length}`,
  );
  for (const f of report.functionsNotExercised) out(`    not exercised: ${f.name} — ${f.reason}`);
  for (const [name, error] of report.initErrors) out(`    DID NOT START: ${name} — ${error}`);
  out(
    `  routes exercised: ${report.routesExercised}/${report.routesExercised + report.routesNotExercised.length}`,
  );
  for (const r of report.routesNotExercised) out(`    not exercised: ${r.route} — ${r.reason}`);
  for (const finding of report.apiFindings) out(`    API: ${finding}`);
  out(`  personal data in function logs: ${report.personalDataInLogs.length}`);
  for (const line of report.personalDataInLogs.slice(0, 10)) out(`    ${line}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const usage = 'Usage: npm run rehearse [-- --cdk-out DIR] [--context KEY=VALUE …] [--scenarios full|smoke]';
  let cdkOut: string | undefined;
  let scenarios: ScenarioSelection = 'full';
  const context: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--cdk-out' && value) {
      cdkOut = value;
      i += 1;
    } else if (arg === '--context' && value?.includes('=')) {
      const [key, ...rest] = value.split('=');
      context[key ?? ''] = rest.join('=');
      i += 1;
    } else if (arg === '--scenarios' && (value === 'full' || value === 'smoke')) {
      scenarios = value;
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`Unknown argument ${arg}\n${usage}`);
      process.exit(2);
    }
  }
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  rehearse({ ...(cdkOut ? { cdkOut } : {}), context, scenarios, log: (line) => console.log(line) }).then(
    (report) => {
      printReport(report, (line) => console.log(line));
      process.exit(report.ok ? 0 : 1);
    },
    (error: unknown) => {
      console.error(
        `Rehearsal could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}
