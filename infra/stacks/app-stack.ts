// Stateless resources: the functions (infra/functions.ts), the public REST API (shared/http/routes.ts)
// and the state machines (workflows/). Everything here can be destroyed and redeployed freely.
import { ArnFormat, CfnOutput, Duration, Size, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  type MethodDeploymentOptions,
  MethodLoggingLevel,
  RequestAuthorizer,
  ResponseType,
  RestApi,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigateway';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  CfnManagedLoginBranding,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type ConfigurationSet,
  ConfigurationSetEventDestination,
  type EmailIdentity,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { type FunctionVariable, variablesOf } from '#shared/config/environment.ts';
import { mainTable } from '#shared/data/table-design.ts';
import { adminRefusals } from '#shared/http/gateway-responses.ts';
import { minimumCompressedBytes } from '#shared/http/responses.ts';
import { type Route, routes } from '#shared/http/routes.ts';
import { stateMachineNameOf, type WorkflowName, workflows } from '#workflows/index.ts';
import { journeyStartBuffer, reservedConcurrency, trafficClassOf, trafficLimits } from '../api-capacity.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { acknowledgeWildcardResource } from '../constructs/nag.ts';
import {
  type DeadLetterQueue,
  Observability,
  observabilityOptionsFromContext,
} from '../constructs/observability.ts';
import { type FunctionName, type FunctionSpec, functionCatalog } from '../functions.ts';

const tableReadActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

export interface AppStackProps extends StackProps {
  /** Short name of this deployment (dev, prod): prefixes the state machine names. */
  readonly stage: string;
  readonly table: Table;
  readonly idempotencyTable: Table;
  readonly senderEmail: string;
  readonly senderIdentity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** The programme office's address for onboarding tasks; absent = the sender address. */
  readonly officeEmail?: string;
  /** The public site's address (custom domain); absent = the API stage URL. */
  readonly publicBaseUrl?: string;
  /**
   * The site's own domain (`-c percorso-pmi:domainName=bandi.example.org`): an API Gateway custom
   * domain mapped at the root, with an ACM certificate (DNS-validated, or an existing one by ARN).
   * Every link is then built from it. No fixed fee: custom domains and public certificates are free.
   */
  readonly siteDomain?: { readonly domainName: string; readonly certificateArn?: string };
  /** The programme office's user pool and its managed-login domain (data stack). */
  readonly programmeOfficeUsers: IUserPool;
  readonly programmeOfficeSignIn: UserPoolDomain;
  /**
   * Requests per second of the pages bucket, the stage's default (the other buckets have their own
   * method settings). @default trafficLimits.pages (infra/api-capacity.ts)
   */
  readonly throttlingRateLimit?: number;
  /** Burst of the pages bucket. @default trafficLimits.pages */
  readonly throttlingBurstLimit?: number;
  /**
   * Reserve concurrency for the intake and the buffer's consumer (infra/api-capacity.ts); needs an
   * account concurrency quota of 1,000. @default false
   */
  readonly reserveConcurrency?: boolean;
}

export class AppStack extends Stack {
  readonly api: RestApi;
  readonly functions: Record<FunctionName, AppFunction>;
  readonly stateMachines: Record<WorkflowName, StateMachine>;
  /** Dead-letter queues whose depth the (opt-in) alarms watch. */
  deadLetterQueues: DeadLetterQueue[] = [];
  /** The intake's buffer: journeys to start, drained by the startJourneys function. */
  readonly journeyStarts: Queue;

  private readonly stage: string;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    this.stage = props.stage;
    const stateMachineName = (workflow: WorkflowName) => stateMachineNameOf(props.stage, workflow);
    // Built from the fixed name rather than referenced, so functions that start executions do not
    // depend on the state machine that depends on the functions.
    const stateMachineArn = (workflow: WorkflowName) =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: stateMachineName(workflow),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });

    // The intake stores an application and queues its journey's start here, so a busy Step
    // Functions delays journeys instead of failing submissions (SQS: no fixed fee). A start still
    // refused after the buffer's retries waits in the dead-letter queue, watched by the alarms.
    const journeyStartsDlq = new Queue(this, 'JourneyStartsDeadLetters', {
      retentionPeriod: Duration.days(journeyStartBuffer.deadLetterRetentionDays),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    Validations.of(journeyStartsDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the journey starts buffer.',
    });
    this.journeyStarts = new Queue(this, 'JourneyStarts', {
      visibilityTimeout: Duration.seconds(journeyStartBuffer.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(journeyStartBuffer.deadLetterRetentionDays),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: journeyStartsDlq, maxReceiveCount: journeyStartBuffer.maxReceiveCount },
    });
    this.deadLetterQueues.push({
      name: 'journey-starts',
      queue: journeyStartsDlq,
      description:
        "Stored applications whose journey could not start after the buffer's retries (about ten minutes). Once Step Functions answers again, redrive the messages to the source queue (SQS console: Start DLQ redrive); a journey already started is not started twice.",
    });

    const functionEntries = Object.entries(functionCatalog) as [FunctionName, FunctionSpec][];
    this.functions = Object.fromEntries(
      functionEntries.map(([name, spec]) => [
        name,
        this.createFunction(name, spec, props, stateMachineArn('sme-journey')),
      ]),
    ) as Record<FunctionName, AppFunction>;

    this.stateMachines = Object.fromEntries(
      (Object.keys(workflows) as WorkflowName[]).map((name) => [
        name,
        this.createStateMachine(name, stateMachineName(name)),
      ]),
    ) as Record<WorkflowName, StateMachine>;

    this.api = this.createApi(props);

    if (props.reserveConcurrency) {
      for (const [name, executions] of Object.entries(reservedConcurrency))
        (this.functions[name as FunctionName].node.defaultChild as CfnFunction).reservedConcurrentExecutions =
          executions;
    }

    // Links in e-mails point at the API's stage URL, built from the API's ID (the deployment is not
    // referenced, so functions and API do not depend on each other in a cycle).
    this.addVariables({ PUBLIC_BASE_URL: this.publicBaseUrl(props, this.api) });
    // Pages link and post under the stage on the API's own URL (`/prod/…`), at the root behind a
    // custom domain: every function that answers a route knows where the site is mounted.
    const siteBasePath = props.publicBaseUrl
      ? new URL(props.publicBaseUrl).pathname.replace(/\/+$/, '')
      : `/${props.stage}`;
    for (const handlerName of new Set((Object.values(routes) as Route[]).map((route) => route.handler))) {
      this.functions[handlerName as FunctionName].addEnvironment('SITE_BASE_PATH', siteBasePath);
    }
    // SES bounces and complaints of our configuration set → EventBridge → recorded (free: AWS
    // service events on the default bus cost nothing).
    new ConfigurationSetEventDestination(this, 'EmailEventsToEventBridge', {
      configurationSet: props.configurationSet,
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // Events EventBridge could not deliver after its retries land here (SQS: no fixed fee), kept 14 days.
    const emailEventsDlq = new Queue(this, 'EmailEventsDeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    Validations.of(emailEventsDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the SES events rule.',
    });
    this.deadLetterQueues.push({
      name: 'email-events',
      queue: emailEventsDlq,
      description: 'SES bounce or complaint events EventBridge could not deliver after its retries.',
    });
    new Rule(this, 'EmailEventsRule', {
      description: 'SES bounces and complaints of Percorso PMI e-mails',
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        detail: {
          mail: { tags: { 'ses:configuration-set': [props.configurationSet.configurationSetName] } },
        },
      },
      targets: [
        new LambdaFunctionTarget(this.functions.recordEmailEvent, {
          retryAttempts: 8,
          deadLetterQueue: emailEventsDlq,
        }),
      ],
    });

    // Answering and stopping executions is scoped to the journey state machine's executions.
    const journeyExecutions = this.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${stateMachineName('sme-journey')}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    for (const [name, spec] of functionEntries) {
      const fn = this.functions[name];
      const answers = (spec as FunctionSpec).respondsToTasks;
      if (answers) {
        // By the machines' ARNs from their names, not references: a function that is itself a task
        // of a machine (the invitations' step) would otherwise make a dependency cycle.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
            resources: (answers === true ? Object.keys(workflows) : answers).map((name) =>
              this.stateMachineArnOf(name),
            ),
          }),
        );
      }
      if ((spec as FunctionSpec).stopsJourneys) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:StopExecution', 'states:DescribeExecution'],
            resources: [journeyExecutions],
          }),
        );
        acknowledgeWildcardResource(
          fn,
          journeyExecutions,
          "Withdrawal stops the SME's own journey execution, whose name is only known at run time; scoped to the journey state machine.",
        );
      }
    }

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWSLambdaBasicExecutionRole only lets a function write its own CloudWatch logs; it is the standard Lambda logging grant.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray (PutTraceSegments, PutTelemetryRecords, sampling) and Step Functions log delivery (logs:*LogDelivery, DescribeLogGroups, PutResourcePolicy) have no resource-level permissions: AWS requires Resource "*".',
      },
    );

    // Dashboard and alarms: opt-in (fixed monthly fees), context `percorso-pmi:dashboard`/`alarms`/`alarmEmail`.
    new Observability(this, 'Observability', {
      stage: props.stage,
      functions: this.functions,
      stateMachines: this.stateMachines,
      api: this.api,
      deadLetterQueues: this.deadLetterQueues,
      ...observabilityOptionsFromContext(this),
    });
  }

  /** Gives each function those of these variables its catalogue flags bring. */
  private addVariables(values: Partial<Record<FunctionVariable, string>>) {
    for (const [name, spec] of Object.entries(functionCatalog) as [FunctionName, FunctionSpec][]) {
      for (const variable of variablesOf(spec)) {
        const value = values[variable];
        if (value !== undefined) this.functions[name].addEnvironment(variable, value);
      }
    }
  }

  private createFunction(
    name: FunctionName,
    spec: FunctionSpec,
    props: AppStackProps,
    journeyArn: string,
  ): AppFunction {
    // What each variable is in this stack; those set later (the API's address, the office's user
    // pool) are added once their resources exist.
    const values: Partial<Record<FunctionVariable, string>> = {
      TABLE_NAME: props.table.tableName,
      IDEMPOTENCY_TABLE_NAME: props.idempotencyTable.tableName,
      JOURNEY_STATE_MACHINE_ARN: journeyArn,
      MONITORING_STATE_MACHINE_ARN: this.stateMachineArnOf('project-monitoring'),
      ONBOARDING_STATE_MACHINE_ARN: this.stateMachineArnOf('manager-onboarding'),
      COLLABORATION_STATE_MACHINE_ARN: this.stateMachineArnOf('collaboration'),
      OFFICE_EMAIL: props.officeEmail ?? props.senderEmail,
      SENDER_EMAIL: props.senderEmail,
      SES_CONFIGURATION_SET: props.configurationSet.configurationSetName,
      JOURNEY_START_QUEUE_URL: this.journeyStarts.queueUrl,
    };
    const environment: Record<string, string> = {};
    for (const name of variablesOf(spec)) {
      const value = values[name];
      if (value !== undefined) environment[name] = value;
    }
    const fn = new AppFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}Function`, {
      spec,
      environment,
    });
    // Scoped grants: item actions the data layer really uses, on the table and its own index only
    // (no DescribeTable, no stream reads, no index/* wildcard; Scan and batch deletes only for handlesDataRequests).
    const tableResources = [
      props.table.tableArn,
      ...mainTable.globalSecondaryIndexes.map((index) => `${props.table.tableArn}/index/${index.indexName}`),
    ];
    if (spec.table) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: spec.table === 'read' ? tableReadActions : [...tableReadActions, ...tableWriteActions],
          resources: tableResources,
        }),
      );
    }
    if ((spec as FunctionSpec).handlesDataRequests) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Scan', 'dynamodb:BatchWriteItem'],
          resources: [props.table.tableArn],
        }),
      );
    }
    if (spec.idempotencyTable) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
          resources: [props.idempotencyTable.tableArn],
        }),
      );
    }
    if (spec.startsOnboarding) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [this.stateMachineArnOf('manager-onboarding')],
        }),
      );
    }
    if (spec.startsCollaborations) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [this.stateMachineArnOf('collaboration')],
        }),
      );
    }
    if (spec.startsMonitoring || spec.controlsMonitoring) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [this.stateMachineArnOf('project-monitoring')],
        }),
      );
    }
    if (spec.controlsMonitoring) {
      const monitoringExecutions = this.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${stateMachineNameOf(this.stage, 'project-monitoring')}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StopExecution', 'states:DescribeExecution'],
          resources: [monitoringExecutions],
        }),
      );
      acknowledgeWildcardResource(
        fn,
        monitoringExecutions,
        'Pausing or closing a project stops its current monitoring cycle, whose execution name is only known at run time; scoped to the project-monitoring state machine.',
      );
    }
    if (spec.startsJourney) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['states:StartExecution'], resources: [journeyArn] }),
      );
    }
    if (spec.queuesJourneyStarts) this.journeyStarts.grantSendMessages(fn);
    if (spec.drainsJourneyStarts) {
      // The event source grants what consuming needs on this queue alone: receive, delete, read its
      // attributes, and change a message's visibility (a retry's backoff).
      fn.addEventSource(
        new SqsEventSource(this.journeyStarts, {
          batchSize: journeyStartBuffer.batchSize,
          maxConcurrency: journeyStartBuffer.maxConcurrency,
          reportBatchItemFailures: true,
        }),
      );
    }
    if (spec.sendsEmail) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            props.senderIdentity.emailIdentityArn,
            this.formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: props.configurationSet.configurationSetName,
            }),
          ],
        }),
      );
    }
    return fn;
  }

  /** A state machine's ARN from its fixed name (no reference, so no dependency cycle). */
  private stateMachineArnOf(workflowName: string): string {
    return this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineNameOf(this.stage, workflowName),
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  private createStateMachine(name: WorkflowName, stateMachineName: string): StateMachine {
    const workflow = workflows[name];
    const id = name.replace(/(^|-)(\w)/g, (_m, _dash, letter: string) => letter.toUpperCase());
    const fns = Object.fromEntries(
      workflow.functions.map((fnName) => [fnName, this.functions[fnName as FunctionName]]),
    ) as never;
    const logGroup = new LogGroup(this, `${id}ExecutionLogs`, { retention: RetentionDays.ONE_MONTH });
    const machine = new StateMachine(this, `${id}StateMachine`, {
      stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(
        workflow.define(this, fns, {
          stateMachineArn: (workflowName) => this.stateMachineArnOf(workflowName),
        }),
      ),
      tracingEnabled: true,
      // Execution data stays out of the logs: the history holds IDs only, the logs not even those.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    for (const fnName of workflow.functions) {
      Validations.of(machine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.functions[fnName as FunctionName].node.defaultChild as CfnFunction)}.Arn>:*]`,
        reason:
          'CDK grants lambda:InvokeFunction on the function and its versions/aliases (ARN:*); the state machine invokes only its own functions.',
      });
    }
    return machine;
  }

  /** The public site's address: the custom domain, else the API stage URL built from the API's ID. */
  private publicBaseUrl(props: AppStackProps, api: RestApi): string {
    return (
      props.publicBaseUrl?.replace(/\/+$/, '') ??
      `https://${api.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${props.stage}`
    );
  }

  private adminAuthorizerInstance?: RequestAuthorizer;

  /**
   * The programme office's app client on its user pool (data stack): authorisation code with PKCE,
   * back to this API. The /admin routes' Lambda authorizer verifies the access token (session cookie
   * or Bearer) and lets only the `admin` group through; the handlers check the group again.
   */
  private adminAuthorizer(
    props: AppStackProps,
    api: RestApi,
    site: { base: string; basePath: string },
  ): RequestAuthorizer {
    if (this.adminAuthorizerInstance) return this.adminAuthorizerInstance;
    // The API's URL from its ID (not its deployment), so the client does not depend on the methods.
    const userPool = props.programmeOfficeUsers;
    const client = new UserPoolClient(this, 'ProgrammeOfficeClient', {
      userPool,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID],
        callbackUrls: [`${site.base}${routes.adminCallback.path}`],
        logoutUrls: [`${site.base}${routes.adminSignIn.path}?signedOut`],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // No refresh: the session is the hour of the access token, then sign in again.
      refreshTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    // Managed login pages need a style for the client; Cognito's own is enough.
    new CfnManagedLoginBranding(this, 'ProgrammeOfficeSignInStyle', {
      userPoolId: userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.addVariables({
      ADMIN_USER_POOL_ID: userPool.userPoolId,
      ADMIN_CLIENT_ID: client.userPoolClientId,
      ADMIN_SIGN_IN_DOMAIN: props.programmeOfficeSignIn.baseUrl({ fips: false }),
    });
    // No identity source and no cache: the authorizer runs on every /admin request, so it can read
    // either the cookie or the Authorization header (API Gateway needs every listed source present).
    this.adminAuthorizerInstance = new RequestAuthorizer(this, 'ProgrammeOfficeAuthorizer', {
      handler: this.functions.adminAuthorizer,
      identitySources: [],
      resultsCacheTtl: Duration.seconds(0),
    });
    const refusals = adminRefusals(site.basePath);
    api.addGatewayResponse('AdminUnauthorized', {
      type: ResponseType.UNAUTHORIZED,
      statusCode: String(refusals.unauthorized.statusCode),
      responseHeaders: { 'Cache-Control': "'no-store'" },
      templates: { 'application/json': JSON.stringify(refusals.unauthorized.body) },
    });
    api.addGatewayResponse('AdminForbidden', {
      type: ResponseType.ACCESS_DENIED,
      statusCode: String(refusals.forbidden.statusCode),
      responseHeaders: { 'Cache-Control': "'no-store'" },
      templates: { 'application/json': JSON.stringify(refusals.forbidden.body) },
    });
    return this.adminAuthorizerInstance;
  }

  private createApi(props: AppStackProps): RestApi {
    const accessLogs = new LogGroup(this, 'PublicApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    const api = new RestApi(this, 'PublicApi', {
      restApiName: `percorso-pmi-${props.stage}-public`,
      description: 'Percorso PMI public site: application form, intake, status pages',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      cloudWatchRole: false,
      deployOptions: {
        stageName: props.stage,
        // Pages draw from the stage's default bucket; submissions, links and admin from their own.
        throttlingRateLimit: props.throttlingRateLimit ?? trafficLimits.pages.rate,
        throttlingBurstLimit: props.throttlingBurstLimit ?? trafficLimits.pages.burst,
        methodOptions: methodThrottles(),
        tracingEnabled: true,
        metricsEnabled: true,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            resourcePath: '$context.resourcePath',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            responseLength: '$context.responseLength',
          }),
        ),
        loggingLevel: MethodLoggingLevel.OFF,
      },
      // Bodies are capped by the handlers (64 KB → 413); API Gateway's own ceiling is 10 MB.
      // Answers are gzipped from this size for clients that accept it (pages, exports, Chart.js).
      minCompressionSize: Size.bytes(minimumCompressedBytes),
    });
    const site = {
      base: this.publicBaseUrl(props, api),
      basePath: props.publicBaseUrl
        ? new URL(props.publicBaseUrl).pathname.replace(/\/+$/, '')
        : `/${props.stage}`,
    };
    const integrations = new Map<string, LambdaIntegration>();
    for (const route of Object.values(routes) as Route[]) {
      const resource = api.root.resourceForPath(route.path);
      const fn = this.functions[route.handler as FunctionName];
      const integration =
        integrations.get(route.handler) ?? new LambdaIntegration(fn, { timeout: Duration.seconds(15) });
      integrations.set(route.handler, integration);
      for (const method of route.methods) {
        resource.addMethod(
          method,
          integration,
          route.admin
            ? {
                authorizer: this.adminAuthorizer(props, api, site),
                authorizationType: AuthorizationType.CUSTOM,
              }
            : undefined,
        );
      }
    }
    Validations.of(api).acknowledge(
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Public site for SMEs: the form, intake and secret-link status pages are anonymous by design.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'Public site for SMEs: no user pool; status pages are protected by 256-bit secret links.',
      },
      {
        id: 'AwsSolutions-APIG2',
        reason:
          'Every body is validated in the handler with the zod schema shared with the form (one source of truth), with translated messages API Gateway models cannot give.',
      },
      {
        id: 'AwsSolutions-APIG3',
        reason:
          'WAF has a fixed monthly fee; nothing may cost money while idle. Stage throttling and handler body caps protect the API.',
      },
      {
        id: 'AwsSolutions-APIG6',
        reason:
          'Execution logging needs an account-wide API Gateway role; access logs and per-function logs cover the need.',
      },
    );
    if (props.siteDomain) this.addSiteDomain(api, props.siteDomain);
    return api;
  }

  /**
   * The site's own domain at the root of the API, over TLS 1.2, and the DNS records `cdk deploy`
   * prints: the CNAME to API Gateway and, for a new certificate, where to read its validation record
   * (the deploy waits until that record exists).
   */
  private addSiteDomain(api: RestApi, domain: { domainName: string; certificateArn?: string }) {
    const certificate: ICertificate = domain.certificateArn
      ? Certificate.fromCertificateArn(this, 'SiteCertificate', domain.certificateArn)
      : new Certificate(this, 'SiteCertificate', {
          domainName: domain.domainName,
          validation: CertificateValidation.fromDns(),
        });
    const siteDomain = api.addDomainName('SiteDomain', {
      domainName: domain.domainName,
      certificate,
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new CfnOutput(this, 'DnsSite', {
      description: `DNS record for ${domain.domainName}: the site served by API Gateway`,
      value: `${domain.domainName} CNAME ${siteDomain.domainNameAliasDomainName}`,
    });
    if (!domain.certificateArn) {
      new CfnOutput(this, 'DnsCertificateValidation', {
        description: `ACM validates ${domain.domainName} by a CNAME record: create the one this command prints (the deploy waits for it)`,
        value: `aws acm describe-certificate --region ${this.region} --certificate-arn ${(certificate as Certificate).certificateArn} --query "Certificate.DomainValidationOptions[].ResourceRecord"`,
      });
    }
  }
}

/** Each route's methods outside the pages bucket, with their bucket's limits (API Gateway method settings). */
function methodThrottles(): Record<string, MethodDeploymentOptions> {
  const options: Record<string, MethodDeploymentOptions> = {};
  for (const route of Object.values(routes) as Route[]) {
    for (const method of route.methods) {
      const bucket = trafficClassOf(route, method);
      if (bucket === 'pages') continue;
      options[`${route.path}/${method}`] = {
        throttlingRateLimit: trafficLimits[bucket].rate,
        throttlingBurstLimit: trafficLimits[bucket].burst,
      };
    }
  }
  return options;
}
