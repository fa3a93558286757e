// IAM as AWS enforces it, for the rehearsal: each role's identity policies are collected from the
// template (inline policies, AWS::IAM::Policy attachments, known AWS managed policies) and every
// call is evaluated with a real IAM policy evaluator (@cloud-copilot/iam-simulate; AGPL-3.0, a dev
// dependency that never reaches a Lambda bundle).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { CloudAssembly, Json, StackTemplate } from './cloud-assembly.ts';

interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: readonly Record<string, Json>[];
}

/** AWS managed policies the templates attach, with the statements AWS defines for them. */
const awsManagedPolicies: Record<string, PolicyDocument> = {
  'service-role/AWSLambdaBasicExecutionRole': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: '*',
      },
    ],
  },
};

export interface RoleIdentity {
  readonly logicalId: string;
  readonly arn: string;
  readonly name: string;
  readonly policies: { name: string; policy: PolicyDocument }[];
}

export interface Decision {
  readonly allowed: boolean;
  /** AWS's wording of a refusal, for AccessDeniedException. */
  readonly message: string;
}

/**
 * Step Functions' task-response actions carry no resource type in the Service Authorization
 * Reference (so the evaluator insists on "*"), yet AWS authorises them against the state machine
 * that issued the token (the ARN appears in AWS's own AccessDenied messages, and CDK's
 * grantTaskResponse grants on it). The rehearsal evaluates them the way AWS behaves.
 */
const actionsAuthorisedOnStateMachine = new Set([
  'states:SendTaskSuccess',
  'states:SendTaskFailure',
  'states:SendTaskHeartbeat',
]);

export class IamRoles {
  private readonly roles = new Map<string, RoleIdentity>();

  private readonly assembly: CloudAssembly;

  constructor(assembly: CloudAssembly) {
    this.assembly = assembly;
    for (const { stack, logicalId, resource } of assembly.resourcesOfType('AWS::IAM::Role')) {
      const props = resource.Properties ?? {};
      const policies: RoleIdentity['policies'] = [];
      for (const inline of (assembly.resolve(stack, props.Policies) ?? []) as Record<string, Json>[]) {
        policies.push({
          name: String(inline.PolicyName),
          policy: inline.PolicyDocument as unknown as PolicyDocument,
        });
      }
      for (const arn of (assembly.resolve(stack, props.ManagedPolicyArns) ?? []) as string[]) {
        const name = arn.replace(/^arn:[^:]+:iam::aws:policy\//, '');
        const managed = awsManagedPolicies[name];
        if (!managed)
          throw new Error(`Role ${logicalId}: managed policy ${arn} is not known to the rehearsal`);
        policies.push({ name, policy: managed });
      }
      this.roles.set(key(stack, logicalId), {
        logicalId,
        arn: assembly.attribute(stack, logicalId, 'Arn'),
        name: assembly.ref(stack, logicalId),
        policies,
      });
    }
    for (const { stack, logicalId, resource } of assembly.resourcesOfType('AWS::IAM::Policy')) {
      const props = resource.Properties ?? {};
      const document = assembly.resolve(stack, props.PolicyDocument) as unknown as PolicyDocument;
      for (const roleRef of (props.Roles ?? []) as Json[]) {
        const roleLogicalId = (roleRef as { Ref?: string }).Ref;
        const role = roleLogicalId ? this.roles.get(key(stack, roleLogicalId)) : undefined;
        if (!role) throw new Error(`Policy ${logicalId} is attached to a role the rehearsal cannot find`);
        role.policies.push({ name: String(props.PolicyName ?? logicalId), policy: document });
      }
    }
  }

  /** The role a resource's `Role`/`RoleArn` property names (Fn::GetAtt [Role, Arn]). */
  roleOf(stack: StackTemplate, roleProperty: Json | undefined): RoleIdentity {
    const getAtt = (roleProperty as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt'];
    const role = getAtt ? this.roles.get(key(stack, getAtt[0])) : undefined;
    if (!role) throw new Error(`Cannot find the role ${JSON.stringify(roleProperty)} in ${stack.stackName}`);
    return role;
  }

  /**
   * Whether `role`, assumed by `session`, may perform `action` on `resource`.
   * @param resource - the resource ARN, or "*" for actions without resource-level permissions
   */
  async evaluate(role: RoleIdentity, session: string, action: string, resource: string): Promise<Decision> {
    const principal = `arn:${this.assembly.partition}:sts::${this.assembly.account}:assumed-role/${role.name}/${session}`;
    const denied = (reason: string): Decision => ({
      allowed: false,
      message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because ${reason}`,
    });
    if (actionsAuthorisedOnStateMachine.has(action)) {
      const allowed = statementsAllow(role.policies, action, resource);
      return allowed
        ? { allowed: true, message: '' }
        : denied(`no identity-based policy allows the ${action} action`);
    }
    const result = await runSimulation(
      {
        identityPolicies: role.policies.map((p) => ({ name: p.name, policy: p.policy as never })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: undefined,
        request: {
          action,
          principal,
          resource: { accountId: this.assembly.account, resource },
          contextVariables: {},
        },
      },
      {},
    );
    if (result.resultType === 'error')
      throw new Error(`IAM evaluation of ${action} on ${resource} failed: ${JSON.stringify(result.errors)}`);
    if (result.overallResult === 'Allowed') return { allowed: true, message: '' };
    return denied(
      result.overallResult === 'ExplicitlyDenied'
        ? `an explicit deny in an identity-based policy denies the ${action} action`
        : `no identity-based policy allows the ${action} action`,
    );
  }
}

const key = (stack: StackTemplate, logicalId: string) => `${stack.stackName}/${logicalId}`;

/** IAM's wildcard match of an action or resource pattern (`*` any run, `?` one character). */
export function iamPatternMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    caseInsensitive ? 'i' : '',
  );
  return regex.test(value);
}

/** Allow without an explicit Deny, for the state-machine-scoped actions above. */
function statementsAllow(policies: RoleIdentity['policies'], action: string, resource: string): boolean {
  const list = (value: Json | undefined) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  let allowed = false;
  for (const { policy } of policies) {
    for (const statement of policy.Statement) {
      if (statement.Condition || statement.NotAction || statement.NotResource) continue;
      const actionMatches = list(statement.Action).some((pattern) =>
        iamPatternMatches(pattern, action, true),
      );
      const resourceMatches = list(statement.Resource).some((pattern) =>
        iamPatternMatches(pattern, resource),
      );
      if (!actionMatches || !resourceMatches) continue;
      if (statement.Effect === 'Deny') return false;
      if (statement.Effect === 'Allow') allowed = true;
    }
  }
  return allowed;
}
