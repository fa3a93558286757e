// What an AWS SDK request asks IAM for: the service, the IAM actions and the resource ARNs, read
// from the signed request as AWS reads it (credential scope, X-Amz-Target, REST path, body).
// Actions per item follow the Service Authorization Reference (a transaction needs the item-level
// action on each table; Query and Scan on an index need the index ARN).

export interface AuthorisationRequest {
  readonly action: string;
  readonly resource: string;
}

export interface ParsedCall {
  /** The credential scope's service (dynamodb, states, ses…). */
  readonly service: string;
  /** The API operation, e.g. TransactWriteItems. */
  readonly operation: string;
  readonly accessKeyId: string;
  readonly checks: readonly AuthorisationRequest[];
}

export class UnsupportedCall extends Error {
  override readonly name = 'UnsupportedCall';
}

interface CallContext {
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  /** The state machine that issued a task token, for SendTask* (the engine knows it). */
  readonly stateMachineOfToken: (token: string) => string | undefined;
  /** The SES identities the templates define (addresses and domains). */
  readonly sesIdentities: readonly string[];
}

type Body = Record<string, unknown>;

/** Reads the access key and service from a SigV4 Authorization header. */
export function credentialScope(authorization: string | undefined): { accessKeyId: string; service: string } {
  const match = /Credential=([^/]+)\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization ?? '');
  if (!match) throw new UnsupportedCall('The request is not signed with SigV4');
  return { accessKeyId: match[1] ?? '', service: match[2] ?? '' };
}

/** The IAM checks one SDK call needs. */
export function parseCall(
  input: { method: string; path: string; headers: Record<string, string | undefined>; body: string },
  context: CallContext,
): ParsedCall {
  const { accessKeyId, service } = credentialScope(input.headers.authorization);
  const arn = (svc: string, resource: string) =>
    `arn:${context.partition}:${svc}:${context.region}:${context.account}:${resource}`;
  const json = (): Body => (input.body.trim() ? (JSON.parse(input.body) as Body) : {});
  switch (service) {
    case 'dynamodb': {
      const operation = targetOperation(input.headers['x-amz-target'], 'DynamoDB_20120810');
      const body = json();
      const table = (name: unknown, index?: unknown) =>
        arn('dynamodb', `table/${String(name)}${index ? `/index/${String(index)}` : ''}`);
      const checks: AuthorisationRequest[] = [];
      switch (operation) {
        case 'TransactWriteItems':
          for (const item of (body.TransactItems ?? []) as Record<string, { TableName?: string }>[]) {
            const [kind, detail] = Object.entries(item)[0] ?? [];
            const action = {
              Put: 'PutItem',
              Update: 'UpdateItem',
              Delete: 'DeleteItem',
              ConditionCheck: 'ConditionCheckItem',
            }[kind ?? ''];
            if (!action || !detail) throw new UnsupportedCall(`TransactWriteItems item ${kind}`);
            checks.push({ action: `dynamodb:${action}`, resource: table(detail.TableName) });
          }
          break;
        case 'TransactGetItems':
          for (const item of (body.TransactItems ?? []) as { Get?: { TableName?: string } }[])
            checks.push({ action: 'dynamodb:GetItem', resource: table(item.Get?.TableName) });
          break;
        case 'BatchGetItem':
        case 'BatchWriteItem':
          for (const name of Object.keys((body.RequestItems ?? {}) as Body))
            checks.push({ action: `dynamodb:${operation}`, resource: table(name) });
          break;
        case 'Query':
        case 'Scan':
          checks.push({ action: `dynamodb:${operation}`, resource: table(body.TableName, body.IndexName) });
          break;
        default:
          if (typeof body.TableName !== 'string')
            throw new UnsupportedCall(`dynamodb:${operation} without TableName`);
          checks.push({ action: `dynamodb:${operation}`, resource: table(body.TableName) });
      }
      return { service, operation, accessKeyId, checks: dedupe(checks) };
    }
    case 'states': {
      const operation = targetOperation(input.headers['x-amz-target'], 'AWSStepFunctions');
      const body = json();
      const action = `states:${operation}`;
      const field = (name: string) => {
        const value = body[name];
        if (typeof value !== 'string') throw new UnsupportedCall(`${action} without ${name}`);
        return value;
      };
      switch (operation) {
        case 'StartExecution':
        case 'StartSyncExecution':
        case 'DescribeStateMachine':
        case 'ListExecutions':
          return {
            service,
            operation,
            accessKeyId,
            checks: [{ action, resource: field('stateMachineArn') }],
          };
        case 'StopExecution':
        case 'DescribeExecution':
        case 'GetExecutionHistory':
        case 'DescribeStateMachineForExecution':
        case 'RedriveExecution':
          return { service, operation, accessKeyId, checks: [{ action, resource: field('executionArn') }] };
        case 'SendTaskSuccess':
        case 'SendTaskFailure':
        case 'SendTaskHeartbeat': {
          // An unknown token is the service's own answer (TaskDoesNotExist), not IAM's.
          const stateMachine = context.stateMachineOfToken(field('taskToken')) ?? '*';
          return { service, operation, accessKeyId, checks: [{ action, resource: stateMachine }] };
        }
        default:
          return { service, operation, accessKeyId, checks: [{ action, resource: '*' }] };
      }
    }
    case 'ses': {
      if (input.method !== 'POST' || input.path.split('?')[0] !== '/v2/email/outbound-emails')
        throw new UnsupportedCall(`SES ${input.method} ${input.path}`);
      const body = json();
      const from = String(body.FromEmailAddress ?? '');
      const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
      const domain = address.split('@')[1] ?? '';
      // SES sends through the address identity if there is one, else the domain's.
      const identity =
        context.sesIdentities.find((id) => id.toLowerCase() === address.toLowerCase()) ??
        context.sesIdentities.find((id) => id.toLowerCase() === domain.toLowerCase());
      if (!identity)
        throw new UnsupportedCall(
          `MessageRejected: Email address is not verified. The following identities failed the check: ${address}`,
        );
      const checks: AuthorisationRequest[] = [
        { action: 'ses:SendEmail', resource: arn('ses', `identity/${identity}`) },
      ];
      if (typeof body.ConfigurationSetName === 'string')
        checks.push({
          action: 'ses:SendEmail',
          resource: arn('ses', `configuration-set/${body.ConfigurationSetName}`),
        });
      return { service, operation: 'SendEmail', accessKeyId, checks };
    }
    case 'sqs': {
      // The JSON protocol; the queue is the last segment of its URL. Batch calls need the single action.
      const operation = targetOperation(input.headers['x-amz-target'], 'AmazonSQS');
      const queueUrl = json().QueueUrl;
      if (typeof queueUrl !== 'string') throw new UnsupportedCall(`sqs:${operation} without QueueUrl`);
      const queueName = queueUrl.replace(/\/+$/, '').split('/').pop() ?? '';
      const action = `sqs:${operation.replace(/Batch$/, '')}`;
      return { service, operation, accessKeyId, checks: [{ action, resource: arn('sqs', queueName) }] };
    }
    default:
      throw new UnsupportedCall(`The rehearsal does not emulate ${service}`);
  }
}

function targetOperation(target: string | undefined, prefix: string): string {
  const [head, operation] = String(target ?? '').split('.');
  if (head !== prefix || !operation) throw new UnsupportedCall(`Unexpected X-Amz-Target ${target}`);
  return operation;
}

function dedupe(checks: AuthorisationRequest[]): AuthorisationRequest[] {
  const seen = new Set<string>();
  return checks.filter((check) => {
    const key = `${check.action} ${check.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
