// Reads a cloud assembly (what `cdk synth` writes and `cdk deploy` uploads) and resolves its
// templates the way CloudFormation would on a first deploy: pseudo parameters, Ref, Fn::GetAtt,
// Fn::Join/Sub/Select/Split and cross-stack Fn::ImportValue, with physical names and IDs generated
// as CloudFormation generates them. The rehearsal runs the product from this, not from the sources.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, Json>;
  readonly Metadata?: Record<string, Json>;
  readonly DependsOn?: Json;
}

export interface StackTemplate {
  readonly stackName: string;
  readonly resources: Record<string, TemplateResource>;
  readonly outputs: Record<string, { Value: Json; Export?: { Name: Json } }>;
}

/** Thrown for anything CloudFormation itself would refuse when resolving the template. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** A resource's physical identity once "deployed": what Ref and Fn::GetAtt return. */
interface Physical {
  readonly ref: string;
  readonly attributes: Record<string, string>;
}

/** The account the rehearsal deploys to when the assembly was synthesised without one. */
export const rehearsalAccount = '123456789012';

export class CloudAssembly {
  readonly directory: string;
  readonly account: string;
  readonly region: string;
  readonly partition = 'aws';
  readonly urlSuffix = 'amazonaws.com';
  readonly stacks: StackTemplate[];
  private readonly physical = new Map<string, Physical>();
  private readonly exports = new Map<string, Json>();

  constructor(directory: string) {
    this.directory = directory;
    const manifestPath = join(directory, 'manifest.json');
    if (!existsSync(manifestPath))
      throw new TemplateError(`No cloud assembly at ${directory} (no manifest.json)`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      artifacts: Record<
        string,
        { type: string; environment?: string; properties?: { templateFile?: string } }
      >;
    };
    const stackArtifacts = Object.entries(manifest.artifacts).filter(
      ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
    );
    if (stackArtifacts.length === 0) throw new TemplateError(`The assembly at ${directory} has no stacks`);
    const environment = /^aws:\/\/([^/]+)\/(.+)$/.exec(stackArtifacts[0]?.[1].environment ?? '');
    const account = environment?.[1] ?? 'unknown-account';
    this.account = /^\d{12}$/.test(account) ? account : rehearsalAccount;
    const region = environment?.[2] ?? 'unknown-region';
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new TemplateError(`The assembly names no region (${region}): synthesise with a region`);
    this.region = region;
    this.stacks = stackArtifacts.map(([stackName, artifact]) => {
      const template = JSON.parse(
        readFileSync(
          join(directory, artifact.properties?.templateFile ?? `${stackName}.template.json`),
          'utf8',
        ),
      ) as { Resources?: Record<string, TemplateResource>; Outputs?: StackTemplate['outputs'] };
      return { stackName, resources: template.Resources ?? {}, outputs: template.Outputs ?? {} };
    });
    for (const stack of this.stacks) {
      for (const [logicalId, resource] of Object.entries(stack.resources))
        this.physical.set(`${stack.stackName}/${logicalId}`, this.deploy(stack, logicalId, resource));
    }
    // Exports are resolved lazily: an export's value may itself reference resources of its stack.
    for (const stack of this.stacks) {
      for (const output of Object.values(stack.outputs)) {
        if (output.Export) {
          const name = this.resolve(stack, output.Export.Name);
          this.exports.set(String(name), output.Value);
          this.exportStacks.set(String(name), stack);
        }
      }
    }
  }

  private readonly exportStacks = new Map<string, StackTemplate>();

  /** Every resource of a type, across stacks. */
  resourcesOfType(type: string): { stack: StackTemplate; logicalId: string; resource: TemplateResource }[] {
    return this.stacks.flatMap((stack) =>
      Object.entries(stack.resources)
        .filter(([, resource]) => resource.Type === type)
        .map(([logicalId, resource]) => ({ stack, logicalId, resource })),
    );
  }

  /** What Ref returns for a resource of a stack. */
  ref(stack: StackTemplate, logicalId: string): string {
    const found = this.physical.get(`${stack.stackName}/${logicalId}`);
    if (!found) throw new TemplateError(`${stack.stackName}: Ref to unknown resource ${logicalId}`);
    return found.ref;
  }

  /** What Fn::GetAtt returns. */
  attribute(stack: StackTemplate, logicalId: string, name: string): string {
    const found = this.physical.get(`${stack.stackName}/${logicalId}`);
    if (!found) throw new TemplateError(`${stack.stackName}: Fn::GetAtt of unknown resource ${logicalId}`);
    const value = found.attributes[name];
    if (value === undefined)
      throw new TemplateError(
        `${stack.stackName}: ${logicalId} (${stack.resources[logicalId]?.Type}) has no attribute ${name} here`,
      );
    return value;
  }

  /** Resolves a template value completely (no intrinsic left); AWS::NoValue removes the key. */
  resolve(stack: StackTemplate, value: Json | undefined): Json {
    if (value === undefined || value === null || typeof value !== 'object') return value ?? null;
    if (Array.isArray(value))
      return value.map((item) => this.resolve(stack, item)).filter((item) => item !== noValue);
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const argument = value[key] as Json;
      switch (key) {
        case 'Ref':
          return this.resolveRef(stack, String(argument));
        case 'Fn::GetAtt': {
          const [logicalId, name] = Array.isArray(argument)
            ? (argument as string[])
            : String(argument).split(/\.(.+)/);
          return this.attribute(stack, String(logicalId), String(name));
        }
        case 'Fn::Join': {
          const [separator, parts] = argument as [string, Json[]];
          return (this.resolve(stack, parts) as Json[]).map(String).join(separator);
        }
        case 'Fn::Select': {
          const [index, list] = argument as [Json, Json];
          const resolved = this.resolve(stack, list) as Json[];
          const item = resolved[Number(this.resolve(stack, index))];
          if (item === undefined) throw new TemplateError(`Fn::Select index out of range`);
          return item;
        }
        case 'Fn::Split': {
          const [separator, source] = argument as [string, Json];
          return String(this.resolve(stack, source)).split(separator);
        }
        case 'Fn::Sub':
          return this.substitute(stack, argument);
        case 'Fn::ImportValue': {
          const name = String(this.resolve(stack, argument));
          const exported = this.exports.get(name);
          const from = this.exportStacks.get(name);
          if (exported === undefined || !from)
            throw new TemplateError(`Fn::ImportValue: no export named ${name}`);
          return this.resolve(from, exported);
        }
        case 'Fn::Base64':
          return Buffer.from(String(this.resolve(stack, argument))).toString('base64');
        default:
          if (key.startsWith('Fn::')) throw new TemplateError(`${key} is not resolved by the rehearsal`);
      }
    }
    const result: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolve(stack, item);
      if (resolved !== noValue) result[key] = resolved;
    }
    return result;
  }

  /** The directory of a bundled asset (a Lambda function's code) named in a resource's metadata. */
  assetDirectory(resource: TemplateResource): string {
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (typeof assetPath !== 'string') throw new TemplateError('The resource names no asset path');
    return join(this.directory, assetPath);
  }

  private resolveRef(stack: StackTemplate, name: string): Json {
    switch (name) {
      case 'AWS::AccountId':
        return this.account;
      case 'AWS::Region':
        return this.region;
      case 'AWS::Partition':
        return this.partition;
      case 'AWS::URLSuffix':
        return this.urlSuffix;
      case 'AWS::StackName':
        return stack.stackName;
      case 'AWS::StackId':
        return `arn:aws:cloudformation:${this.region}:${this.account}:stack/${stack.stackName}/${uuidFrom(stack.stackName)}`;
      case 'AWS::NoValue':
        return noValue;
      default:
        return this.ref(stack, name);
    }
  }

  private substitute(stack: StackTemplate, argument: Json): string {
    const [text, variables] = Array.isArray(argument)
      ? [String(argument[0]), (argument[1] ?? {}) as Record<string, Json>]
      : [String(argument), {}];
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_match, name: string) => {
      if (name in variables) return String(this.resolve(stack, variables[name]));
      if (name.includes('.')) {
        const [logicalId, attribute] = name.split(/\.(.+)/) as [string, string];
        return this.attribute(stack, logicalId, attribute);
      }
      return String(this.resolveRef(stack, name));
    });
  }

  /** The physical name and attributes CloudFormation would give a resource on creation. */
  private deploy(stack: StackTemplate, logicalId: string, resource: TemplateResource): Physical {
    const { region, account, partition } = this;
    const props = resource.Properties ?? {};
    // CloudFormation's generated names: stack name, logical ID, a random suffix, within a length.
    const generated = (max: number) => {
      const suffix = createHash('sha256')
        .update(`${stack.stackName}/${logicalId}`)
        .digest('hex')
        .slice(0, 12)
        .toUpperCase();
      return `${stack.stackName}-${logicalId}`.slice(0, max - suffix.length - 1) + `-${suffix}`;
    };
    const literal = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
    const resolvedProp = (key: string) => {
      const raw = props[key];
      if (raw === undefined) return undefined;
      // Names may reference pseudo parameters only (resources are not deployed yet here).
      return String(this.resolve(stack, raw));
    };
    const id = (prefix: string, length = 10) =>
      `${prefix}${createHash('sha256').update(`${stack.stackName}/${logicalId}`).digest('hex').slice(0, length)}`;
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table': {
        const name = literal('TableName') ?? generated(255);
        return {
          ref: name,
          attributes: { Arn: `arn:${partition}:dynamodb:${region}:${account}:table/${name}` },
        };
      }
      case 'AWS::Lambda::Function': {
        const name = literal('FunctionName') ?? generated(64);
        return {
          ref: name,
          attributes: { Arn: `arn:${partition}:lambda:${region}:${account}:function:${name}` },
        };
      }
      case 'AWS::IAM::Role': {
        const name = literal('RoleName') ?? generated(64);
        return {
          ref: name,
          attributes: {
            Arn: `arn:${partition}:iam::${account}:role/${name}`,
            RoleId: id('AROA', 17).toUpperCase(),
          },
        };
      }
      case 'AWS::IAM::Policy':
        return { ref: id('policy-'), attributes: { Id: id('policy-') } };
      case 'AWS::StepFunctions::StateMachine': {
        const name = resolvedProp('StateMachineName') ?? generated(80);
        const arn = `arn:${partition}:states:${region}:${account}:stateMachine:${name}`;
        return { ref: arn, attributes: { Arn: arn, Name: name } };
      }
      case 'AWS::ApiGateway::RestApi': {
        const apiId = id('', 10);
        return { ref: apiId, attributes: { RootResourceId: id('root', 6) } };
      }
      case 'AWS::ApiGateway::Resource':
      case 'AWS::ApiGateway::Method':
      case 'AWS::ApiGateway::Deployment':
      case 'AWS::ApiGateway::Authorizer':
      case 'AWS::ApiGateway::GatewayResponse':
        return { ref: id('', 6), attributes: {} };
      case 'AWS::ApiGateway::Stage':
        return { ref: literal('StageName') ?? 'prod', attributes: {} };
      case 'AWS::Cognito::UserPool': {
        const poolId = `${region}_${id('', 9).replace(/[^A-Za-z0-9]/g, 'X')}`;
        return {
          ref: poolId,
          attributes: {
            Arn: `arn:${partition}:cognito-idp:${region}:${account}:userpool/${poolId}`,
            ProviderName: `cognito-idp.${region}.amazonaws.com/${poolId}`,
            ProviderURL: `https://cognito-idp.${region}.amazonaws.com/${poolId}`,
            UserPoolId: poolId,
          },
        };
      }
      case 'AWS::Cognito::UserPoolClient': {
        const clientId = id('', 26);
        return { ref: clientId, attributes: { ClientId: clientId, Name: logicalId } };
      }
      case 'AWS::Cognito::UserPoolDomain': {
        const prefix = resolvedProp('Domain') ?? logicalId.toLowerCase();
        return {
          ref: prefix,
          attributes: { CloudFrontDistribution: 'd111111abcdef8.cloudfront.net', ManagedLoginVersion: '2' },
        };
      }
      case 'AWS::SES::EmailIdentity': {
        const identity = resolvedProp('EmailIdentity') ?? logicalId;
        return { ref: identity, attributes: {} };
      }
      case 'AWS::SES::ConfigurationSet': {
        const name = literal('Name') ?? generated(64).replace(/[^A-Za-z0-9_-]/g, '-');
        return { ref: name, attributes: {} };
      }
      case 'AWS::SQS::Queue': {
        const name = literal('QueueName') ?? generated(80);
        return {
          ref: `https://sqs.${region}.amazonaws.com/${account}/${name}`,
          attributes: {
            Arn: `arn:${partition}:sqs:${region}:${account}:${name}`,
            QueueName: name,
            QueueUrl: `https://sqs.${region}.amazonaws.com/${account}/${name}`,
          },
        };
      }
      case 'AWS::Logs::LogGroup': {
        const name = literal('LogGroupName') ?? `/rehearsal/${generated(200)}`;
        return {
          ref: name,
          attributes: { Arn: `arn:${partition}:logs:${region}:${account}:log-group:${name}:*` },
        };
      }
      case 'AWS::Events::Rule': {
        const name = literal('Name') ?? generated(64);
        return {
          ref: name,
          attributes: { Arn: `arn:${partition}:events:${region}:${account}:rule/${name}` },
        };
      }
      case 'AWS::SNS::Topic': {
        const name = literal('TopicName') ?? generated(256);
        const arn = `arn:${partition}:sns:${region}:${account}:${name}`;
        return { ref: arn, attributes: { TopicArn: arn, TopicName: name } };
      }
      case 'AWS::CloudWatch::Alarm':
      case 'AWS::CloudWatch::Dashboard': {
        const name = literal('AlarmName') ?? literal('DashboardName') ?? generated(255);
        return {
          ref: name,
          attributes: { Arn: `arn:${partition}:cloudwatch:${region}:${account}:alarm:${name}` },
        };
      }
      default:
        return { ref: id(`${logicalId}-`, 8), attributes: {} };
    }
  }
}

/** AWS::NoValue: the key it stands for is removed. */
const noValue = '__aws_no_value__' as const;

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
