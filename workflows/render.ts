// Renders a workflow's ASL outside any deployment, for the local engine and for tests: the same
// CDK definition, with Lambda functions given as plain ARNs.
import { App, Stack } from 'aws-cdk-lib';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { DefinitionBody, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { stateMachineNameOf, type WorkflowName, workflows } from './index.ts';

/** The fake account and region the local runtime uses in every ARN. */
export const localAccount = { accountId: '000000000000', region: 'eu-south-1' } as const;

/** The stage the local runtime names its state machines after (`cdk deploy`'s default stage). */
export const localStage = 'dev';

/** The ARN a catalogue function has in local mode. */
export function localFunctionArn(functionName: string): string {
  return `arn:aws:lambda:${localAccount.region}:${localAccount.accountId}:function:percorso-pmi-${functionName}`;
}

/** The name a workflow's state machine has in local mode: the deployed name of stage `dev`. */
export function localStateMachineName(workflowName: string): string {
  return stateMachineNameOf(localStage, workflowName);
}

/** The ARN a state machine has in local mode (account 000000000000, the deployed name). */
export function localStateMachineArn(workflowName: string): string {
  return `arn:aws:states:${localAccount.region}:${localAccount.accountId}:stateMachine:${localStateMachineName(workflowName)}`;
}

/**
 * The ASL of a workflow as a plain object, with each function's ARN as given.
 * @param functionArn - maps a catalogue function name to the ARN to put in the definition
 */
export function renderWorkflowAsl(
  name: WorkflowName,
  functionArn: (functionName: string) => string = localFunctionArn,
): Record<string, unknown> {
  const app = new App();
  const stack = new Stack(app, 'Render', {
    env: { account: localAccount.accountId, region: localAccount.region },
  });
  const workflow = workflows[name];
  const fns = Object.fromEntries(
    workflow.functions.map((fnName) => [
      fnName,
      LambdaFunction.fromFunctionArn(stack, `Fn-${fnName}`, functionArn(fnName)),
    ]),
  ) as Parameters<typeof workflow.define>[1];
  const machine = new StateMachine(stack, 'Machine', {
    definitionBody: DefinitionBody.fromChainable(
      workflow.define(stack, fns as never, { stateMachineArn: localStateMachineArn }),
    ),
  });
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: { DefinitionString: unknown } }>;
  };
  const resource = Object.values(template.Resources).find(
    (r) => r.Type === 'AWS::StepFunctions::StateMachine',
  );
  void machine;
  return JSON.parse(flattenJoin(resource?.Properties.DefinitionString)) as Record<string, unknown>;
}

/** Resolves the Fn::Join and pseudo-parameter Refs CloudFormation leaves around a definition. */
const pseudoParameters: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': localAccount.region,
  'AWS::AccountId': localAccount.accountId,
  'AWS::URLSuffix': 'amazonaws.com',
};

function flattenJoin(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'Ref' in value) {
    const resolved = pseudoParameters[(value as { Ref: string }).Ref];
    if (resolved) return resolved;
  }
  if (value && typeof value === 'object' && 'Fn::Join' in value) {
    const [separator, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    return parts.map(flattenJoin).join(separator);
  }
  throw new Error(
    `Cannot render a definition that still references deployment values: ${JSON.stringify(value)}`,
  );
}
