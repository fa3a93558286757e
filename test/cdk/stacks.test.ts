// CDK tests: assert on the synthesised templates (resources, properties, grants, the ASL itself).
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { journeyStartBuffer, reservedConcurrency } from '#infra/api-capacity.ts';
import { buildApp } from '#infra/app.ts';
import { type FunctionSpec, functionCatalog } from '#infra/functions.ts';
import { variablesOf as catalogueVariablesOf, functionVariables } from '#shared/config/environment.ts';
import { routes } from '#shared/http/routes.ts';

let data: Template;
let stateless: Template;
let synthError: unknown;

beforeAll(() => {
  // Prepare: bundling skipped (esbuild is exercised by `npx cdk synth` and the bench).
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], 'percorso-pmi:stage': 'test' } });
  const built = buildApp(app);
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  data = Template.fromStack(built.data);
  stateless = Template.fromStack(built.stateless);
}, 120_000);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

function policyStatementsOf(template: Template, functionLogicalIdPrefix: string): Statement[] {
  const roles = template.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(functionLogicalIdPrefix));
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('cdk-nag AwsSolutions', () => {
  it('passes with every exception acknowledged', () => {
    // Assess
    expect(synthError).toBeUndefined();
  });

  it.each([
    ['an account in Milan', 'eu-south-1', 'dev'],
    ['an account in Ireland, stage prod', 'eu-west-1', 'prod'],
  ])(
    'holds its acknowledgements when synthesised for %s (as cdk deploy does)',
    (_label, region, stage) => {
      // Prepare: the CLI sets the account from the credentials.
      const previous = process.env.CDK_DEFAULT_ACCOUNT;
      process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
      const app = new App({
        context: {
          'aws:cdk:bundling-stacks': [],
          'percorso-pmi:stage': stage,
          'percorso-pmi:region': region,
        },
      });
      try {
        // Act
        const built = buildApp(app);

        // Assess: cdk-nag errors make synthesis throw.
        expect(() => app.synth()).not.toThrow();
        expect(built.stateless.account).toBe('123456789012');
        expect(built.stateless.region).toBe(region);
      } finally {
        if (previous === undefined) delete process.env.CDK_DEFAULT_ACCOUNT;
        else process.env.CDK_DEFAULT_ACCOUNT = previous;
      }
    },
    120_000,
  );
});

describe('function environment from the catalogue flags', () => {
  const variablesOf = (prefix: string) => {
    const functions = stateless.findResources('AWS::Lambda::Function');
    const id = Object.keys(functions).find((key) => key.startsWith(prefix));
    return (functions[id ?? '']?.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
  };

  it('gives registration the onboarding state machine it starts, and the onboarding steps the office address', () => {
    // Assess
    expect(variablesOf('ManagerRegistrationFunction')).toHaveProperty('ONBOARDING_STATE_MACHINE_ARN');
    for (const step of ['OpenVettingTaskFunction', 'ApplyVettingFunction', 'ExpireVettingFunction'])
      expect(variablesOf(step)).toHaveProperty('OFFICE_EMAIL');
    expect(variablesOf('SubmitApplicationFunction')).not.toHaveProperty('OFFICE_EMAIL');
  });

  it('sets on every function exactly the catalogue variables its flags bring, and no other', () => {
    for (const [name, spec] of Object.entries(functionCatalog)) {
      const prefix = `${name[0]?.toUpperCase()}${name.slice(1)}Function`;
      const given = Object.keys(variablesOf(prefix)).filter((variable) => variable in functionVariables);
      expect({ name, given: given.sort() }).toEqual({
        name,
        given: catalogueVariablesOf(spec as FunctionSpec).sort(),
      });
    }
  });
});

describe('data stack', () => {
  it('keeps the main table on demand, with point-in-time recovery, deletion protection, TTL, retained', () => {
    data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    });
  });

  it('has no provisioned capacity anywhere (nothing costs money while idle)', () => {
    for (const table of Object.values(data.findResources('AWS::DynamoDB::Table'))) {
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.ProvisionedThroughput).toBeUndefined();
    }
  });

  it('declares the SES sender identity with a configuration set', () => {
    data.resourceCountIs('AWS::SES::EmailIdentity', 1);
    data.resourceCountIs('AWS::SES::ConfigurationSet', 1);
  });
});

describe('app stack', () => {
  it('runs every function on Node 24, arm64, with tracing and a log group', () => {
    const functions = stateless.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions)).toHaveLength(Object.keys(functionCatalog).length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
  });

  it('throttles pages, submissions, task links and admin from separate buckets, and serves every route', () => {
    const [stage] = Object.values(stateless.findResources('AWS::ApiGateway::Stage'));
    const settings = stage?.Properties.MethodSettings as {
      HttpMethod: string;
      ResourcePath: string;
      ThrottlingRateLimit: number;
      ThrottlingBurstLimit: number;
    }[];
    const limitOf = (method: string, path: string) => {
      const found = settings.find(
        // API Gateway writes "/~1applications" for /applications ("~1" escapes "/").
        (s) =>
          s.HttpMethod === method &&
          s.ResourcePath === (path === '/*' ? path : `/${path.replace(/\//g, '~1')}`),
      );
      return found && [found.ThrottlingRateLimit, found.ThrottlingBurstLimit];
    };
    expect(limitOf('*', '/*')).toEqual([300, 600]); // pages: the stage's default bucket
    expect(limitOf('POST', '/applications')).toEqual([100, 200]);
    expect(limitOf('POST', '/managers')).toEqual([100, 200]);
    expect(limitOf('POST', '/tasks/{token}')).toEqual([100, 200]);
    expect(limitOf('GET', '/status/{token}')).toEqual([100, 200]);
    expect(limitOf('GET', '/admin/programmes/{programmeId}')).toEqual([20, 40]);
    expect(limitOf('GET', '/assets/{file}')).toBeUndefined(); // a page: the default bucket
    const methods = Object.values(stateless.findResources('AWS::ApiGateway::Method')).map(
      (m) => m.Properties.HttpMethod,
    );
    const expected = Object.values(routes).flatMap((route) => route.methods as readonly string[]);
    expect(methods.sort()).toEqual([...expected].sort());
  });

  it('runs sme-journey as a Standard state machine whose logs exclude execution data', () => {
    stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'percorso-pmi-test-sme-journey',
      LoggingConfiguration: Match.objectLike({ IncludeExecutionData: false, Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('lets the intake queue journey starts and only the buffer’s consumer start them, on the journey state machine alone', () => {
    const consumer = policyStatementsOf(stateless, 'StartJourneysFunction');
    const start = consumer.find((s) => actionsOf([s]).includes('states:StartExecution'));
    expect(JSON.stringify(start?.Resource)).toContain('stateMachine:percorso-pmi-test-sme-journey');
    const queueId = Object.keys(stateless.findResources('AWS::SQS::Queue')).find((id) =>
      id.startsWith('JourneyStarts9'),
    );
    const send = policyStatementsOf(stateless, 'SubmitApplicationFunction').find((s) =>
      actionsOf([s]).includes('sqs:SendMessage'),
    );
    expect(send?.Resource).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    stateless.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { maxReceiveCount: journeyStartBuffer.maxReceiveCount },
      VisibilityTimeout: journeyStartBuffer.visibilityTimeoutSeconds,
      SqsManagedSseEnabled: true,
    });
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: journeyStartBuffer.batchSize,
      ScalingConfig: { MaximumConcurrency: journeyStartBuffer.maxConcurrency },
    });
    for (const name of [
      'SubmitApplicationFunction',
      'ApplicationFormFunction',
      'ApplicationStatusFunction',
      'ScreenEligibilityFunction',
      'SendApplicationEmailFunction',
    ]) {
      expect(actionsOf(policyStatementsOf(stateless, name))).not.toContain('states:StartExecution');
    }
  });

  it('lets only the e-mail task and the data requests send e-mail, only the data requests scan, and read-only pages only read', () => {
    expect(actionsOf(policyStatementsOf(stateless, 'SendApplicationEmailFunction'))).toContain(
      'ses:SendEmail',
    );
    // The status page e-mails a data request's confirmation link to the contact, and the request
    // finds every item holding their address: the one function that may scan.
    expect(actionsOf(policyStatementsOf(stateless, 'ApplicationStatusFunction'))).toEqual(
      expect.arrayContaining(['ses:SendEmail', 'dynamodb:Scan']),
    );
    for (const name of ['SubmitApplicationFunction', 'HumanTaskFunction', 'AdminDashboardFunction']) {
      expect(actionsOf(policyStatementsOf(stateless, name))).not.toContain('dynamodb:Scan');
    }
    for (const name of [
      'ApplicationFormFunction',
      'SubmitApplicationFunction',
      'ScreenEligibilityFunction',
    ]) {
      expect(actionsOf(policyStatementsOf(stateless, name))).not.toContain('ses:SendEmail');
    }
    for (const name of ['ApplicationFormFunction']) {
      const actions = actionsOf(policyStatementsOf(stateless, name));
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions.filter((a) => /^dynamodb:.*(Put|Update|Delete|Write)/.test(a))).toEqual([]);
    }
  });

  it('records SES bounces and complaints of its own configuration set through EventBridge', () => {
    stateless.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
      }),
    });
    stateless.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': Match.anyValue() } } },
      }),
    });
  });

  it('puts every admin route behind the programme-office authorizer, and no public route', () => {
    const methods = Object.values(stateless.findResources('AWS::ApiGateway::Method'));
    const resources = stateless.findResources('AWS::ApiGateway::Resource');
    const pathOf = (resourceId: string): string => {
      const resource = resources[resourceId];
      if (!resource) return '';
      const parent = (resource.Properties.ParentId as { Ref?: string }).Ref ?? '';
      return `${pathOf(parent)}/${String(resource.Properties.PathPart)}`;
    };
    const adminPaths = new Set<string>(
      Object.values(routes)
        .filter((r) => 'admin' in r && r.admin)
        .map((r) => r.path),
    );
    const isAdmin = (method: (typeof methods)[number]) =>
      adminPaths.has(pathOf((method.Properties.ResourceId as { Ref?: string }).Ref ?? ''));
    const adminMethods = methods.filter(isAdmin);
    const adminRouteMethods = Object.values(routes)
      .filter((r) => 'admin' in r && r.admin)
      .reduce((sum, r) => sum + r.methods.length, 0);
    expect(adminMethods.length).toBe(adminRouteMethods);
    const authorizers = stateless.findResources('AWS::ApiGateway::Authorizer');
    const [authorizerId, authorizer] = Object.entries(authorizers)[0] ?? [];
    expect(Object.keys(authorizers)).toHaveLength(1);
    expect(authorizer?.Properties).toMatchObject({ Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 });
    expect(JSON.stringify(authorizer?.Properties.AuthorizerUri)).toContain('AdminAuthorizerFunction');
    for (const method of adminMethods) {
      expect(method.Properties.AuthorizationType).toBe('CUSTOM');
      expect(method.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
    }
    const publicMethods = methods.filter((m) => !isAdmin(m));
    for (const method of publicMethods) expect(method.Properties.AuthorizationType).toBe('NONE');
    // API Gateway answers the refusals itself: 401 without a sign-in, 403 outside the admin group.
    stateless.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('/test/admin/sign-in') },
    });
    stateless.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'ACCESS_DENIED',
      StatusCode: '403',
    });
    // The pool holds people: it is retained with the data, not rebuilt with the stateless stack.
    expect(stateless.findResources('AWS::Cognito::UserPool')).toEqual({});
    data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        MfaConfiguration: 'ON',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    });
    data.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
    // Managed login: authorisation code only (no implicit flow), back to /admin/callback, no secret.
    const clients = Object.values(stateless.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    expect(clients[0]?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
    });
    expect(JSON.stringify(clients[0]?.Properties.CallbackURLs)).toContain('/test/admin/callback');
    data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
    stateless.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it('refuses at synth a stage Cognito would refuse at deploy (it names the sign-in domain)', () => {
    for (const stage of ['Prod', 'my_stage', 'aws-test', 'x'.repeat(21)]) {
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [], 'percorso-pmi:stage': stage } });
      expect(() => buildApp(app)).toThrow(/lowercase letters, digits and dashes/);
    }
  });

  it('reserves no concurrency unless asked (a new account could not deploy it), then caps the intake and keeps the buffer’s consumer its own', () => {
    const reservations = (template: Template) =>
      Object.entries(template.findResources('AWS::Lambda::Function'))
        .filter(([, fn]) => fn.Properties.ReservedConcurrentExecutions !== undefined)
        .map(([id, fn]) => [id.replace(/[A-F0-9]{8}$/, ''), fn.Properties.ReservedConcurrentExecutions]);
    const reserved = new App({
      context: {
        'aws:cdk:bundling-stacks': [],
        'percorso-pmi:stage': 'test',
        'percorso-pmi:reservedConcurrency': 'true',
      },
    });

    const withReservations = Template.fromStack(buildApp(reserved).stateless);

    expect(reservations(stateless)).toEqual([]);
    expect(reservations(withReservations).sort()).toEqual([
      ['StartJourneysFunction', reservedConcurrency.startJourneys],
      ['SubmitApplicationFunction', reservedConcurrency.submitApplication],
    ]);
  });

  it('lets only the task-link function (and the invitations and deliveries steps, their own) answer tasks, only withdrawals (status page, data requests, a start racing one) stop journeys, only project actions stop monitoring', () => {
    const responders = Object.keys(stateless.findResources('AWS::IAM::Role')).filter((roleId) =>
      actionsOf(policyStatementsOf(stateless, roleId)).includes('states:SendTaskSuccess'),
    );
    // The collaboration's invitations step completes its own waiting state when every firm has
    // answered during its reminder, on the collaboration machine only.
    // The services' deliveries step does the same for a plan's deliveries, on the journey machine only.
    expect(responders.map((id) => id.replace(/ServiceRole.*/, '')).sort()).toEqual([
      'HumanTaskFunction',
      'OpenInvitationsFunction',
      'OpenServiceDeliveriesFunction',
    ]);
    const deliveriesGrant = policyStatementsOf(
      stateless,
      responders.find((id) => id.startsWith('OpenServiceDeliveries'))!,
    ).filter((statement) => actionsOf([statement]).includes('states:SendTaskSuccess'));
    expect(JSON.stringify(deliveriesGrant)).toContain('stateMachine:percorso-pmi-test-sme-journey');
    expect(JSON.stringify(deliveriesGrant)).not.toContain('collaboration');
    const invitationsGrant = policyStatementsOf(
      stateless,
      responders.find((id) => id.startsWith('OpenInvitations'))!,
    ).filter((statement) => actionsOf([statement]).includes('states:SendTaskSuccess'));
    expect(JSON.stringify(invitationsGrant)).toContain('stateMachine:percorso-pmi-test-collaboration');
    expect(JSON.stringify(invitationsGrant)).not.toContain('sme-journey');
    const stoppersOf = (workflow: string) =>
      Object.keys(stateless.findResources('AWS::IAM::Role'))
        .filter((roleId) =>
          policyStatementsOf(stateless, roleId).some(
            (statement) =>
              actionsOf([statement]).includes('states:StopExecution') &&
              JSON.stringify(statement.Resource).includes(`execution:percorso-pmi-test-${workflow}:*`),
          ),
        )
        .map((id) => id.replace(/ServiceRole.*/, ''));
    // The buffer's consumer stops a journey it started in the same instant as a withdrawal.
    expect(stoppersOf('sme-journey').sort()).toEqual([
      'AdminPrivacyFunction',
      'ApplicationStatusFunction',
      'StartJourneysFunction',
    ]);
    expect(stoppersOf('project-monitoring')).toEqual(['AdminProjectsFunction']);
  });

  type AslState = {
    Type: string;
    Resource?: string;
    TimeoutSeconds?: number;
    TimeoutSecondsPath?: string;
    Retry?: unknown[];
    Catch?: { ErrorEquals: string[] }[];
    Parameters?: Record<string, unknown>;
  };

  /** The ASL of the state machine with that name, ARN references replaced by placeholders. */
  function statesOf(workflow: string): AslState[] {
    const machine = Object.values(stateless.findResources('AWS::StepFunctions::StateMachine')).find((m) =>
      String(m.Properties.StateMachineName).endsWith(workflow),
    );
    if (!machine) throw new Error(`no ${workflow} state machine`);
    expect(JSON.stringify(machine.Properties.DefinitionString)).not.toContain('JSONata');
    const text = (machine.Properties.DefinitionString['Fn::Join'][1] as unknown[])
      .map((part) => (typeof part === 'string' ? part : 'arn:aws:lambda:::function:x'))
      .join('');
    return Object.values(JSON.parse(text).States as Record<string, AslState>);
  }

  it.each([
    ['sme-journey', '$.match.timeouts.', 10],
    ['project-monitoring', '$.plan.timeouts.', 4],
    ['manager-onboarding', null, 2],
  ] as const)(
    '%s: every task has a timeout and a retry, every callback a caught States.Timeout, no JSONata',
    (workflow, timeoutPrefix, minCallbacks) => {
      const states = statesOf(workflow);
      const taskStates = states.filter((state) => state.Type === 'Task');
      for (const task of taskStates) {
        expect(task.Retry?.length).toBeGreaterThan(0);
        if (task.Resource?.endsWith('.waitForTaskToken')) {
          if (timeoutPrefix) expect(task.TimeoutSecondsPath?.startsWith(timeoutPrefix)).toBe(true);
          else expect(task.TimeoutSeconds).toBeGreaterThan(0);
          expect(task.Catch?.flatMap((c) => c.ErrorEquals)).toContain('States.Timeout');
        } else {
          expect(task.TimeoutSeconds).toBeGreaterThan(0);
        }
      }
      const callbacks = taskStates.filter((task) => task.Resource?.endsWith('.waitForTaskToken'));
      expect(callbacks.length).toBeGreaterThanOrEqual(minCallbacks);
      if (workflow !== 'manager-onboarding') {
        expect(states.filter((state) => state.Type === 'Wait').length).toBeGreaterThan(0);
      }
    },
  );

  it('continues monitoring as new: a cycle starts the next cycle of the same state machine', () => {
    const starts = statesOf('project-monitoring').filter((state) =>
      state.Resource?.includes(':states:startExecution'),
    );
    expect(starts).toHaveLength(1);
    expect(JSON.stringify(starts[0]?.Parameters)).toContain('nextExecutionName');
  });
});
