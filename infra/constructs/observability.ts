// CloudWatch dashboard and alarms for the app stack. Both are opt-in: each has a fixed monthly fee
// once deployed, and nothing in Percorso PMI may cost money while idle.

import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { RestApiBase } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { programmeMetricNames } from '#shared/observability/powertools.ts';
import { contextFlag } from '../context.ts';
import { functionCatalog } from '../functions.ts';

/** Namespace and dimension of the custom metrics (Powertools EMF, shared/observability/powertools.ts). */
export const customMetricsNamespace = 'PercorsoPmi';
/** Powertools adds `service` (POWERTOOLS_SERVICE_NAME) as the default dimension of every metric. */
export const customMetricsDimensions = { service: 'percorso-pmi' } as const;

/** SES bounce and complaint counts, emitted by functions/email/record-email-event.ts. */
export const emailMetricNames = ['EmailBounced', 'EmailComplaint'] as const;

/**
 * Programme counters graphed on the dashboard. The handlers must emit them (Powertools
 * `metrics.addMetric(name, MetricUnit.Count, 1)`, default dimension only) for the graph to fill.
 */

/** A CloudWatch alarm on a metric math expression may reference at most 10 metrics (hard limit). */
const maxMetricsPerMathAlarm = 10;
const fiveMinutes = Duration.minutes(5);

export interface ObservabilityOptions {
  /**
   * Deploy the CloudWatch dashboard `percorso-pmi-<stage>`. Off by default: only the first 3
   * dashboards of an account with up to 50 metrics each are free; any other costs $3/month whether
   * or not anyone looks at it. This one graphs 4 metrics per function, 5 per state machine and 12
   * more, so past ~8 functions it exceeds 50 metrics, and whether it is among the free 3 depends on
   * the account: a fixed fee, therefore opt-in (context `percorso-pmi:dashboard=true`).
   * @default false
   */
  readonly dashboard?: boolean;
  /**
   * Deploy the alarms and their SNS topic. Off by default: a standard-resolution alarm costs
   * $0.10 per alarm metric per month, idle or not (a metric-math alarm counts every metric it
   * references; the free tier covers 10 alarm metrics per account). Context
   * `percorso-pmi:alarms=true`.
   * @default false
   */
  readonly alarms?: boolean;
  /** Subscribe this address to the alarm topic (only with `alarms`; SNS e-mail delivery is free up to 1,000 a month). */
  readonly alarmEmail?: string;
}

/** A dead-letter queue the alarms watch: a short name for the alarm and what its messages mean. */
export interface DeadLetterQueue {
  readonly name: string;
  readonly queue: IQueue;
  readonly description: string;
}

export interface ObservabilityProps extends ObservabilityOptions {
  /** Short name of this deployment (dev, prod): names the dashboard and the alarms. */
  readonly stage: string;
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly api: RestApiBase;
  /** Dead-letter queues: any message in one raises its alarm, which says what waits there. */
  readonly deadLetterQueues?: readonly DeadLetterQueue[];
  /**
   * Account-level SES `Reputation.BounceRate` at or above which the bounce alarm fires (0–1).
   * SES reviews accounts from 5%.
   * @default 0.05
   */
  readonly bounceRateThreshold?: number;
}

/**
 * Reads the observability flags from context: `percorso-pmi:dashboard`, `percorso-pmi:alarms`
 * (`true`/`'true'` turn them on; anything else, or absent, leaves them off) and
 * `percorso-pmi:alarmEmail`.
 */
export function observabilityOptionsFromContext(scope: Construct): ObservabilityOptions {
  const alarmEmail = scope.node.tryGetContext('percorso-pmi:alarmEmail') as unknown;
  return {
    dashboard: contextFlag(scope, 'percorso-pmi:dashboard'),
    alarms: contextFlag(scope, 'percorso-pmi:alarms'),
    alarmEmail: typeof alarmEmail === 'string' && alarmEmail !== '' ? alarmEmail : undefined,
  };
}

/**
 * The cloud half of "Console and CloudWatch": a dashboard (executions per state machine, Lambda
 * errors, throttles and durations, API requests, errors and latency, SES bounces, programme
 * counters) and alarms to one SNS topic (failed or timed-out executions, Lambda errors, SES bounce
 * rate). With both flags off (the default) it creates nothing, so it costs nothing.
 *
 * Alarms (billed per alarm metric when on): one per state machine (Failed + TimedOut, 2 metrics),
 * one per 10 functions (their Errors summed; a metric-math alarm may reference at most 10 metrics),
 * one for the SES bounce rate. Grouping keeps the alarm list short, not the bill: with S state
 * machines and F functions that is 2S + F + 1 alarm metrics, about $0.10 each per month beyond the
 * 10 free. Aborted executions do not alarm: an SME withdrawing stops its own journey on purpose.
 * The custom metrics (Powertools EMF) cost only in months they are emitted: no fixed fee.
 */
export class Observability extends Construct {
  readonly dashboard?: Dashboard;
  readonly alarmTopic?: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    if (props.alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(props.alarmEmail)) {
      throw new Error(`percorso-pmi:alarmEmail is not an e-mail address: ${props.alarmEmail}`);
    }
    if (props.dashboard) this.dashboard = this.createDashboard(props);
    if (props.alarms) {
      this.alarmTopic = this.createTopic(props);
      this.createAlarms(props, this.alarmTopic);
    }
  }

  private createDashboard(props: ObservabilityProps): Dashboard {
    const functions = Object.entries(props.functions);
    const perFunction = (metric: (fn: IFunction, label: string) => IMetric) =>
      functions.map(([name, fn]) => metric(fn, name));
    const custom = (metricName: string) =>
      new Metric({
        namespace: customMetricsNamespace,
        metricName,
        dimensionsMap: { ...customMetricsDimensions },
        statistic: Stats.SUM,
        period: fiveMinutes,
      });

    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `percorso-pmi-${props.stage}`,
      defaultInterval: Duration.days(1),
    });
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# Percorso PMI (${props.stage})\nExecutions, functions, public API, e-mail and programme counters.`,
        width: 24,
        height: 2,
      }),
    );
    for (const [name, machine] of Object.entries(props.stateMachines)) {
      const opts = { period: fiveMinutes, statistic: Stats.SUM };
      dashboard.addWidgets(
        new GraphWidget({
          title: `Step Functions ${name}: executions`,
          width: 24,
          left: [
            machine.metricStarted({ ...opts, label: 'Started' }),
            machine.metricSucceeded({ ...opts, label: 'Succeeded' }),
            machine.metricFailed({ ...opts, label: 'Failed' }),
            machine.metricTimedOut({ ...opts, label: 'TimedOut' }),
            machine.metricAborted({ ...opts, label: 'Aborted' }),
          ],
        }),
      );
    }
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Lambda errors',
        width: 6,
        left: perFunction((fn, label) =>
          fn.metricErrors({ label, period: fiveMinutes, statistic: Stats.SUM }),
        ),
      }),
      new GraphWidget({
        title: 'Lambda throttles',
        width: 6,
        left: perFunction((fn, label) =>
          fn.metricThrottles({ label, period: fiveMinutes, statistic: Stats.SUM }),
        ),
      }),
      new GraphWidget({
        title: 'Lambda duration p50 (ms)',
        width: 6,
        left: perFunction((fn, label) =>
          fn.metricDuration({ label, period: fiveMinutes, statistic: Stats.p(50) }),
        ),
      }),
      new GraphWidget({
        title: 'Lambda duration p99 (ms)',
        width: 6,
        left: perFunction((fn, label) =>
          fn.metricDuration({ label, period: fiveMinutes, statistic: Stats.p(99) }),
        ),
      }),
    );
    const api = props.api;
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Public API requests and errors',
        width: 12,
        left: [api.metricCount({ label: 'Requests', period: fiveMinutes, statistic: Stats.SUM })],
        right: [
          api.metricClientError({ label: '4XX', period: fiveMinutes, statistic: Stats.SUM }),
          api.metricServerError({ label: '5XX', period: fiveMinutes, statistic: Stats.SUM }),
        ],
      }),
      new GraphWidget({
        title: 'Public API latency (ms)',
        width: 12,
        left: [
          api.metricLatency({ label: 'p50', period: fiveMinutes, statistic: Stats.p(50) }),
          api.metricLatency({ label: 'p99', period: fiveMinutes, statistic: Stats.p(99) }),
        ],
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'E-mail bounces and complaints',
        width: 12,
        left: emailMetricNames.map((name) => custom(name)),
        right: [sesBounceRate(Duration.hours(1)).with({ label: 'SES account bounce rate' })],
      }),
      new GraphWidget({
        title: 'Programme counters',
        width: 12,
        left: programmeMetricNames.map((name) => custom(name).with({ period: Duration.hours(1) })),
      }),
    );
    return dashboard;
  }

  private createTopic(props: ObservabilityProps): Topic {
    // No KMS encryption: CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key,
    // a customer-managed key costs $1/month, and alarm notifications carry no personal data (alarm
    // names, metric values).
    const topic = new Topic(this, 'AlarmTopic', {
      topicName: `percorso-pmi-${props.stage}-alarms`,
      displayName: `Percorso PMI ${props.stage} alarms`,
      enforceSSL: true,
    });
    // A topic with a resource policy (the SSL one) needs CloudWatch allowed explicitly, or alarm
    // actions fail with "no resource-based policy allows the SNS:Publish action".
    const stack = Stack.of(this);
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisApp',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `percorso-pmi-${props.stage}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    return topic;
  }

  private createAlarms(props: ObservabilityProps, topic: Topic): void {
    const alarmName = (suffix: string) => `percorso-pmi-${props.stage}-${suffix}`;
    const action = new SnsAction(topic);
    const add = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };
    const atLeastOnce = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    };

    for (const [name, machine] of Object.entries(props.stateMachines)) {
      add(
        new Alarm(this, `${pascal(name)}FailedOrTimedOut`, {
          ...atLeastOnce,
          alarmName: alarmName(`${name}-failed-or-timed-out`),
          alarmDescription: `An execution of ${name} failed or timed out in the last 5 minutes.`,
          metric: new MathExpression({
            expression: 'SUM([failed, timedOut])',
            label: `${name} failed + timed out`,
            period: fiveMinutes,
            usingMetrics: {
              failed: machine.metricFailed({ period: fiveMinutes, statistic: Stats.SUM }),
              timedOut: machine.metricTimedOut({ period: fiveMinutes, statistic: Stats.SUM }),
            },
          }),
        }),
      );
    }

    // A Lambda authorizer answers 401 by throwing: an anonymous visitor is not an error to page about
    // (the API's 4xx metric shows them).
    const functions = Object.entries(props.functions).filter(
      ([name]) =>
        !(functionCatalog as Record<string, { refusesByThrowing?: boolean }>)[name]?.refusesByThrowing,
    );
    const groups = chunk(functions, maxMetricsPerMathAlarm);
    groups.forEach((group, index) => {
      const usingMetrics = Object.fromEntries(
        group.map(([, fn], i) => [`e${i}`, fn.metricErrors({ period: fiveMinutes, statistic: Stats.SUM })]),
      );
      add(
        new Alarm(this, `LambdaErrors${index + 1}`, {
          ...atLeastOnce,
          alarmName: alarmName(`lambda-errors-${index + 1}`),
          alarmDescription: `A function errored in the last 5 minutes: ${group.map(([name]) => name).join(', ')}.`,
          metric: new MathExpression({
            expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
            label: 'Lambda errors',
            period: fiveMinutes,
            usingMetrics,
          }),
        }),
      );
    });

    for (const { name, queue, description } of props.deadLetterQueues ?? []) {
      add(
        new Alarm(this, `DeadLetters-${name}`, {
          alarmName: alarmName(`dead-letters-${name}`),
          alarmDescription: description,
          metric: queue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: Stats.MAXIMUM,
          }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    add(
      new Alarm(this, 'SesBounceRate', {
        alarmName: alarmName('ses-bounce-rate'),
        alarmDescription:
          'The SES account bounce rate (Reputation.BounceRate) reached the threshold: SES reviews accounts from 5%.',
        metric: sesBounceRate(Duration.hours(1)),
        threshold: props.bounceRateThreshold ?? 0.05,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}

/**
 * SES account reputation bounce rate (0–1). Published without dimensions for the account (what SES
 * enforces against); the configuration set's own series exists too (`reputationMetrics: true`).
 */
function sesBounceRate(period: Duration): Metric {
  return new Metric({
    namespace: 'AWS/SES',
    metricName: 'Reputation.BounceRate',
    statistic: Stats.MAXIMUM,
    period,
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

const pascal = (name: string) =>
  name.replace(/(^|-)(\w)/g, (_m, _dash, letter: string) => letter.toUpperCase());
