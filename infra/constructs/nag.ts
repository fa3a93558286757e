// cdk-nag acknowledgements that hold in every account and region. cdk-nag names a wildcard
// resource finding by the policy's resolved ARN, so an ID spelled by hand (`<AWS::AccountId>`,
// a region) stops matching as soon as `cdk deploy` makes the account or region concrete. Here the
// ID is derived from the very ARN the grant uses, resolved the way cdk-nag resolves it.
import { Stack, Validations } from 'aws-cdk-lib';
// cdk-nag's own flattening of CloudFormation references into finding IDs (no "exports" map).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** The finding ID cdk-nag's AwsSolutions-IAM5 gives a wildcard resource in a policy of `scope`'s stack. */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

/**
 * Acknowledges AwsSolutions-IAM5 for one wildcard resource ARN on `scope`, whatever account and
 * region the stack is synthesised for.
 * @param arn - the ARN (token or string) exactly as granted in the policy
 * @param reason - why the wildcard is needed
 */
export function acknowledgeWildcardResource(scope: IConstruct, arn: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: wildcardResourceFinding(scope, arn), reason });
}
