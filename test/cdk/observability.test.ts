// CDK tests for the CloudWatch dashboard and alarms: off by default (zero fixed cost), complete
// and cdk-nag clean when the context flags turn them on.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { observabilityOptionsFromContext } from '#infra/constructs/observability.ts';
import { functionCatalog } from '#infra/functions.ts';
import { programmeMetricNames } from '#shared/observability/powertools.ts';
import { workflows } from '#workflows/index.ts';
import { synthesiseApp } from '../support/synth.ts';

// Synthesis takes seconds (more on a loaded machine): the hooks get more than the default 10 s.
const synthTimeoutMs = 120_000;
function synthesise(context: Record<string, unknown>) {
  const built = synthesiseApp(context);
  return {
    template: Template.fromStack(built.stateless),
    synthError: built.synthError,
    stack: built.stateless,
  };
}

describe('observability off (the default)', () => {
  let template: Template;

  beforeAll(() => {
    ({ template } = synthesise({}));
  }, synthTimeoutMs);

  it('deploys no dashboard, no alarm and no topic: nothing with a fixed monthly fee', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    template.resourceCountIs('AWS::SNS::Topic', 0);
  });

  it('reads the flags from context, off unless exactly true', () => {
    const flags = (context: Record<string, unknown>) =>
      observabilityOptionsFromContext(new Stack(new App({ context }), 'Flags'));
    expect(flags({})).toEqual({ dashboard: false, alarms: false, alarmEmail: undefined });
    expect(flags({ 'percorso-pmi:dashboard': 'false', 'percorso-pmi:alarms': 'yes' })).toMatchObject({
      dashboard: false,
      alarms: false,
    });
    expect(
      flags({
        'percorso-pmi:dashboard': true,
        'percorso-pmi:alarms': 'true',
        'percorso-pmi:alarmEmail': 'ops@example.org',
      }),
    ).toEqual({ dashboard: true, alarms: true, alarmEmail: 'ops@example.org' });
  });
});

describe('observability on (context flags)', () => {
  let template: Template;
  let synthError: unknown;
  let stack: Stack;

  beforeAll(() => {
    ({ template, synthError, stack } = synthesise({
      'percorso-pmi:dashboard': 'true',
      'percorso-pmi:alarms': 'true',
      'percorso-pmi:alarmEmail': 'ops@example.org',
    }));
  }, synthTimeoutMs);

  it('passes cdk-nag AwsSolutions', () => {
    expect(synthError).toBeUndefined();
  });

  it('builds one dashboard covering the state machines, functions, API, e-mail and programme counters', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'percorso-pmi-test' });
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    const machines = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(Object.keys(workflows).length);
    for (const machine of machines) expect(body).toContain(machine);
    for (const metric of [
      'ExecutionsStarted',
      'ExecutionsSucceeded',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ])
      expect(body).toContain(metric);
    expect(body).toContain('percorso-pmi-test-public');
    for (const metric of ['4XXError', '5XXError', 'Latency', 'Count']) expect(body).toContain(metric);
    for (const name of Object.keys(functionCatalog)) expect(body).toContain(`"label\\":\\"${name}\\"`);
    for (const metric of ['Errors', 'Throttles', 'Duration', 'p99']) expect(body).toContain(metric);
    for (const metric of ['EmailBounced', 'EmailComplaint', ...programmeMetricNames])
      expect(body).toContain(metric);
    expect(body).toContain('PercorsoPmi');
    expect(body).toContain('\\"service\\",\\"percorso-pmi\\"');
  });

  it('alarms on failed or timed-out executions, Lambda errors and the SES bounce rate, to the topic', () => {
    const topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    expect(topicId).toBeDefined();
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    // Every function but the authorizer, whose thrown "Unauthorized" is a 401, not an error.
    const functionCount = Object.values(functionCatalog).filter(
      (spec) => !('refusesByThrowing' in spec && spec.refusesByThrowing),
    ).length;
    // one per state machine, one per 10 functions, one per dead-letter queue (journey starts, SES
    // events), the SES bounce rate
    expect(alarms).toHaveLength(Object.keys(workflows).length + Math.ceil(functionCount / 10) + 2 + 1);
    for (const queue of ['journey-starts', 'email-events'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `percorso-pmi-test-dead-letters-${queue}`,
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.AlarmName).toMatch(/^percorso-pmi-test-/);
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'percorso-pmi-test-sme-journey-failed-or-timed-out',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'SUM([failed, timedOut])' }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ MetricName: 'ExecutionsFailed', Namespace: 'AWS/States' }),
            Period: 300,
            Stat: 'Sum',
          }),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ExecutionsTimedOut' }) }),
        }),
      ]),
    });
    const lambdaAlarms = alarms.filter((a) => String(a.Properties.AlarmName).includes('lambda-errors'));
    const erroringFunctions = lambdaAlarms.flatMap((a) =>
      (a.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[]).filter(
        (m) => m.MetricStat?.Metric.MetricName === 'Errors',
      ),
    );
    expect(erroringFunctions).toHaveLength(functionCount);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'percorso-pmi-test-ses-bounce-rate',
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('enforces SSL on the topic, lets only this app’s alarms publish, and mails the given address', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: Match.objectLike({ ArnLike: Match.anyValue() }),
          }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    const policy = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));
    expect(policy).toContain(':alarm:percorso-pmi-test-*');
    expect(stack.stackName).toBe('PercorsoPmi-App-test');
  });
});
