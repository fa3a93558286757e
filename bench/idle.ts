// The fixed monthly cost while idle: synthesise the CDK app (bundling skipped) and look at every
// resource. A resource costs money while idle only if it bills by the hour or month whatever the
// traffic (NAT gateways, provisioned capacity, WAF, customer-managed KMS keys, secrets, alarms…).
// Storage (DynamoDB items and backups, log retention) is billed per GB held, not as a fixed fee.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '#infra/app.ts';

export interface IdleResourceType {
  readonly type: string;
  readonly count: number;
  /** Fixed monthly fee while idle, USD, for all of them; null when the type is not classified. */
  readonly idleMonthlyUsd: number | null;
  readonly why: string;
}

export interface IdleResult {
  readonly stacks: string[];
  readonly resources: IdleResourceType[];
  readonly idleMonthlyUsd: number;
  /** Types the bench does not know: the verdict is not $0 but "check these". */
  readonly unclassified: string[];
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

/** Types with a fee while idle (us-east-1 list, per resource and month), with the fee. */
const fixedFee: Record<string, { usd: number | null; why: string }> = {
  'AWS::EC2::NatGateway': { usd: 32.85, why: 'NAT gateway: hourly fee' },
  'AWS::EC2::VPCEndpoint': { usd: 7.3, why: 'interface endpoint: hourly fee per AZ' },
  'AWS::EC2::EIP': { usd: 3.65, why: 'public IPv4 address: hourly fee' },
  'AWS::EC2::Instance': { usd: null, why: 'EC2 instance: hourly fee (size-dependent, not priced here)' },
  'AWS::KMS::Key': { usd: 1, why: 'customer-managed KMS key: $1 a month' },
  'AWS::SecretsManager::Secret': { usd: 0.4, why: 'secret: $0.40 a month' },
  'AWS::WAFv2::WebACL': { usd: 5, why: 'web ACL: $5 a month plus $1 per rule' },
  'AWS::CloudWatch::Alarm': { usd: 0.1, why: 'standard alarm: $0.10 a month' },
  'AWS::CloudWatch::Dashboard': { usd: 3, why: 'dashboard: $3 a month beyond the free three' },
  'AWS::Route53::HostedZone': { usd: 0.5, why: 'hosted zone: $0.50 a month' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { usd: 16.43, why: 'load balancer: hourly fee' },
  'AWS::SES::DedicatedIpPool': { usd: 24.95, why: 'dedicated IPs: monthly fee' },
  // Lambda polls an SQS queue even when it is empty: about five pollers, each a 20-second long
  // poll, ~650,000 ReceiveMessage requests a month at $0.40 per million (inside SQS's always-free
  // first million a month, which the list prices here ignore). An estimate: AWS does not publish
  // the pollers' idle count.
  'AWS::Lambda::EventSourceMapping': {
    usd: 0.26,
    why: 'SQS mapping: its pollers long-poll the empty queue, ~650k requests a month (estimate; free tier covers it)',
  },
  'AWS::RDS::DBInstance': { usd: null, why: 'database instance: hourly fee (size-dependent)' },
  'AWS::RDS::DBCluster': { usd: null, why: 'database cluster: hourly or ACU fee' },
  'AWS::ElastiCache::CacheCluster': { usd: null, why: 'cache nodes: hourly fee' },
};

/** Types that bill only per use (or per GB stored), with the reason. */
const payPerUse: Record<string, string> = {
  'AWS::DynamoDB::Table': 'on-demand: per request unit; storage and PITR per GB held',
  'AWS::Lambda::Function': 'per request and GB-second',
  'AWS::Lambda::Permission': 'no charge',
  'AWS::IAM::Role': 'no charge',
  'AWS::IAM::Policy': 'no charge',
  'AWS::Logs::LogGroup': 'per GB ingested and stored',
  'AWS::StepFunctions::StateMachine': 'Standard: per state transition',
  'AWS::ApiGateway::RestApi': 'per request',
  'AWS::ApiGateway::Deployment': 'no charge',
  'AWS::ApiGateway::Stage': 'no charge without a cache cluster',
  'AWS::ApiGateway::Method': 'no charge',
  'AWS::ApiGateway::Resource': 'no charge',
  'AWS::ApiGateway::Account': 'no charge',
  'AWS::SES::ConfigurationSet': 'no charge (per e-mail sent)',
  'AWS::SES::ConfigurationSetEventDestination': 'no charge (events on the default bus are free)',
  'AWS::SES::EmailIdentity': 'no charge',
  'AWS::Events::Rule': 'no charge for rules on the default bus; per event for custom ones',
  'AWS::Cognito::UserPool': 'per monthly active user (Essentials: the first 10,000 free); no fixed fee',
  'AWS::Cognito::UserPoolClient': 'no charge',
  'AWS::SQS::Queue': 'per request (the first million a month free); no fixed fee',
  'AWS::SQS::QueuePolicy': 'no charge',
  'AWS::Cognito::UserPoolGroup': 'no charge',
  'AWS::ApiGateway::Authorizer': 'no charge; its Lambda function is billed per /admin request',
  'AWS::ApiGateway::GatewayResponse': 'no charge',
  'AWS::Cognito::UserPoolDomain': 'no charge (a Cognito prefix domain)',
  'AWS::Cognito::ManagedLoginBranding': 'no charge (managed login is in the per-user Essentials price)',
  'AWS::CDK::Metadata': 'no charge',
};

/** A property that turns a pay-per-use resource into one with a fixed fee. */
function fixedFeeOf(resource: Resource): string | undefined {
  const p = resource.Properties ?? {};
  if (resource.Type === 'AWS::DynamoDB::Table' && p.BillingMode !== 'PAY_PER_REQUEST')
    return 'provisioned capacity';
  if (resource.Type === 'AWS::ApiGateway::Stage' && p.CacheClusterEnabled === true)
    return 'API cache cluster';
  if (
    (resource.Type === 'AWS::Lambda::Alias' || resource.Type === 'AWS::Lambda::Version') &&
    p.ProvisionedConcurrencyConfig
  )
    return 'provisioned concurrency';
  if (
    resource.Type === 'AWS::DynamoDB::Table' &&
    (p.SSESpecification as { SSEType?: string })?.SSEType === 'KMS'
  ) {
    const key = (p.SSESpecification as { KMSMasterKeyId?: unknown }).KMSMasterKeyId;
    if (key) return 'customer-managed KMS key';
  }
  return undefined;
}

/** Synthesises the app offline (no bundling, no account) and prices every resource type idle. */
export function runIdleCheck(): IdleResult {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], 'percorso-pmi:stage': 'bench' } });
  const built = buildApp(app);
  const byType = new Map<string, { count: number; fees: string[] }>();
  const stacks: string[] = [];
  for (const stack of [built.data, built.stateless]) {
    stacks.push(stack.stackName);
    const template = Template.fromStack(stack).toJSON() as { Resources?: Record<string, Resource> };
    for (const resource of Object.values(template.Resources ?? {})) {
      const entry = byType.get(resource.Type) ?? { count: 0, fees: [] };
      entry.count++;
      const fee = fixedFeeOf(resource);
      if (fee) entry.fees.push(fee);
      byType.set(resource.Type, entry);
    }
  }
  const unclassified: string[] = [];
  const resources: IdleResourceType[] = [...byType]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([type, { count, fees }]) => {
      const fixed = fixedFee[type];
      if (fixed)
        return { type, count, idleMonthlyUsd: fixed.usd === null ? null : fixed.usd * count, why: fixed.why };
      if (fees.length > 0) return { type, count, idleMonthlyUsd: null, why: `fixed fee: ${fees.join(', ')}` };
      const why = payPerUse[type];
      if (why) return { type, count, idleMonthlyUsd: 0, why };
      unclassified.push(type);
      return { type, count, idleMonthlyUsd: null, why: 'not classified by the bench: check its pricing' };
    });
  const idleMonthlyUsd = resources.reduce((sum, r) => sum + (r.idleMonthlyUsd ?? 0), 0);
  for (const r of resources)
    if (r.idleMonthlyUsd === null && !unclassified.includes(r.type)) unclassified.push(r.type);
  return { stacks, resources, idleMonthlyUsd, unclassified };
}
