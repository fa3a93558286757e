// The CDK app: a stateful data stack and a stateless app stack, checked by cdk-nag AwsSolutions.
// `npx cdk synth` works offline (no account lookups); region defaults to Milan (eu-south-1).

import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { contextFlag } from './context.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

/** Builds the whole app; tests call this to assert on the synthesised templates. */
export function buildApp(app: App = new App()) {
  const stage = String(app.node.tryGetContext('percorso-pmi:stage') ?? 'dev');
  // The stage names resources and the Cognito sign-in domain (percorso-pmi-<stage>-<account>):
  // checked here, since CloudFormation would only refuse it halfway through a deploy.
  if (!/^[a-z0-9][a-z0-9-]{0,19}$/.test(stage) || /aws|amazon|cognito/.test(stage))
    throw new Error(
      `percorso-pmi:stage "${stage}": use 1-20 lowercase letters, digits and dashes, without "aws", "amazon" or "cognito".`,
    );
  const signInDomainPrefix = app.node.tryGetContext('percorso-pmi:signInDomainPrefix') as string | undefined;
  if (
    signInDomainPrefix !== undefined &&
    (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(signInDomainPrefix) ||
      /aws|amazon|cognito/.test(signInDomainPrefix))
  )
    throw new Error(
      `percorso-pmi:signInDomainPrefix "${signInDomainPrefix}": lowercase letters, digits and dashes, without "aws", "amazon" or "cognito".`,
    );
  const senderEmail = String(app.node.tryGetContext('percorso-pmi:senderEmail') ?? 'no-reply@example.org');
  const senderIdentity = String(app.node.tryGetContext('percorso-pmi:senderIdentity') ?? 'domain');
  if (senderIdentity !== 'domain' && senderIdentity !== 'address')
    throw new Error(
      `percorso-pmi:senderIdentity "${senderIdentity}": use "domain" (the default) or "address".`,
    );
  const siteDomain = siteDomainFromContext(app);
  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    // Milan by default (data stays in Italy); `-c percorso-pmi:region=…` deploys elsewhere.
    region: String(app.node.tryGetContext('percorso-pmi:region') ?? 'eu-south-1'),
  };
  const data = new DataStack(app, `PercorsoPmi-Data-${stage}`, {
    env,
    senderEmail,
    senderIdentity,
    stage,
    ...(signInDomainPrefix ? { signInDomainPrefix } : {}),
  });
  const stateless = new AppStack(app, `PercorsoPmi-App-${stage}`, {
    env,
    stage,
    table: data.table,
    idempotencyTable: data.idempotencyTable,
    senderEmail,
    ...(siteDomain ? { siteDomain, publicBaseUrl: `https://${siteDomain.domainName}` } : {}),
    ...(app.node.tryGetContext('percorso-pmi:officeEmail')
      ? { officeEmail: String(app.node.tryGetContext('percorso-pmi:officeEmail')) }
      : {}),
    programmeOfficeUsers: data.programmeOfficeUsers,
    programmeOfficeSignIn: data.programmeOfficeSignIn,
    reserveConcurrency: contextFlag(app, 'percorso-pmi:reservedConcurrency'),
    senderIdentity: data.senderIdentity,
    configurationSet: data.configurationSet,
  });
  Tags.of(app).add('project', 'percorso-pmi');
  Tags.of(app).add('stage', stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, stateless };
}

/**
 * The site's own domain from `-c percorso-pmi:domainName=…` (and `…:certificateArn=…` to reuse a
 * certificate), checked here: CloudFormation would only refuse a bad name halfway through a deploy.
 */
function siteDomainFromContext(app: App): { domainName: string; certificateArn?: string } | undefined {
  const domainName = app.node.tryGetContext('percorso-pmi:domainName') as string | undefined;
  const certificateArn = app.node.tryGetContext('percorso-pmi:certificateArn') as string | undefined;
  if (domainName === undefined) {
    if (certificateArn !== undefined)
      throw new Error('percorso-pmi:certificateArn needs percorso-pmi:domainName (the name it certifies).');
    return undefined;
  }
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName))
    throw new Error(
      `percorso-pmi:domainName "${domainName}": a lowercase host name such as bandi.example.org.`,
    );
  if (
    certificateArn !== undefined &&
    !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/.test(certificateArn)
  )
    throw new Error(
      `percorso-pmi:certificateArn "${certificateArn}": an ACM certificate ARN in the stack's region.`,
    );
  return { domainName, ...(certificateArn ? { certificateArn } : {}) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
