// Stateful resources: the tables (from shared/data/table-design.ts), the e-mail identity and the
// programme office's user pool (its people and their MFA). They outlive the stateless stack and are
// retained when a stack is deleted.
import { Annotations, Aws, CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ManagedLoginVersion,
  Mfa,
  UserPool,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import {
  ConfigurationSet,
  EmailIdentity,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { adminGroup } from '#shared/auth/admin-session.ts';
import { idempotencyTable, mainTable, type TableDesign } from '#shared/data/table-design.ts';

/**
 * How SES knows the sender: `domain` (the default) verifies the sender's whole domain with Easy
 * DKIM and a custom MAIL FROM subdomain, so mail passes SPF and DKIM aligned with the From address
 * and survives the DMARC policies of public bodies; `address` verifies the one address (a click in
 * the e-mail SES sends), for a quick trial only: its mail is not DKIM-signed for the domain.
 */
export type SenderIdentityKind = 'domain' | 'address';

export interface DataStackProps extends StackProps {
  /** The address e-mails come from (its domain is the SES identity unless `senderIdentity` is `address`). */
  readonly senderEmail: string;
  /** @default 'domain' */
  readonly senderIdentity?: SenderIdentityKind;
  /** Short name of this deployment (dev, prod): names the user pool and its sign-in domain. */
  readonly stage: string;
  /** Prefix of the programme office's Cognito sign-in domain (globally unique per region). @default percorso-pmi-<stage>-<account> */
  readonly signInDomainPrefix?: string;
}

export class DataStack extends Stack {
  readonly table: Table;
  readonly idempotencyTable: Table;
  readonly senderIdentity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly senderEmail: string;
  /** The programme office's people (admin group), retained with the data. */
  readonly programmeOfficeUsers: UserPool;
  /** Cognito's managed-login domain of that pool. */
  readonly programmeOfficeSignIn: UserPoolDomain;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.table = tableFromDesign(this, mainTable, { retain: true });
    this.idempotencyTable = tableFromDesign(this, idempotencyTable, { retain: false });
    this.configurationSet = new ConfigurationSet(this, 'EmailConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.senderEmail = props.senderEmail;
    this.senderIdentity = senderIdentity(this, props, this.configurationSet);
    ({ users: this.programmeOfficeUsers, signIn: this.programmeOfficeSignIn } = programmeOfficeUserPool(
      this,
      props,
    ));
  }
}

/** The subdomain SES uses as MAIL FROM (bounces), so SPF passes aligned with the sender's domain. */
export const mailFromSubdomain = 'mail';

/**
 * The SES identity of the sender and, for a domain, the DNS records to create, printed by
 * `cdk deploy` as outputs (DKIM CNAMEs, MAIL FROM MX and SPF, a starting DMARC policy).
 */
function senderIdentity(
  stack: Stack,
  props: DataStackProps,
  configurationSet: ConfigurationSet,
): EmailIdentity {
  const domain = props.senderEmail.split('@')[1] ?? '';
  if (props.senderIdentity === 'address') {
    Annotations.of(stack).addWarning(
      `SES identity is the address ${props.senderEmail}: fine for a trial, but its mail is not DKIM-signed for ${domain} and DMARC policies may quarantine or reject it. Drop -c percorso-pmi:senderIdentity=address to verify the domain instead.`,
    );
    return new EmailIdentity(stack, 'SenderIdentity', {
      identity: Identity.email(props.senderEmail),
      configurationSet,
    });
  }
  const mailFrom = `${mailFromSubdomain}.${domain}`;
  const identity = new EmailIdentity(stack, 'SenderIdentity', {
    identity: Identity.domain(domain),
    configurationSet,
    dkimSigning: true,
    mailFromDomain: mailFrom,
    // Until the MX record exists SES keeps its own MAIL FROM (mail still goes out, SPF unaligned).
    mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
  });
  identity.dkimRecords.forEach((record, i) => {
    new CfnOutput(stack, `DnsDkim${i + 1}`, {
      description: `DNS record ${i + 1} of 3 for SES Easy DKIM of ${domain}`,
      value: `${record.name} CNAME ${record.value}`,
    });
  });
  new CfnOutput(stack, 'DnsMailFromMx', {
    description: `DNS record for the MAIL FROM subdomain of ${domain} (bounces come back to SES)`,
    value: `${mailFrom} MX 10 feedback-smtp.${stack.region}.amazonses.com`,
  });
  new CfnOutput(stack, 'DnsMailFromSpf', {
    description: `DNS record: SPF of the MAIL FROM subdomain of ${domain}`,
    value: `${mailFrom} TXT "v=spf1 include:amazonses.com ~all"`,
  });
  new CfnOutput(stack, 'DnsDmarc', {
    description: `DNS record: a starting DMARC policy for ${domain}, if it has none (tighten to quarantine once reports are clean)`,
    value: `_dmarc.${domain} TXT "v=DMARC1; p=none; rua=mailto:dmarc@${domain}"`,
  });
  return identity;
}

/**
 * The programme office signs in with a Cognito user pool (no fixed fee: billed per monthly active
 * user, free at this scale) through its managed login (localised pages, Cognito's own style): MFA
 * required, no self sign-up, only the `admin` group reaches the dashboards. Chosen over IAM so
 * people sign in with a browser, not access keys. The app client lives with the API it returns to.
 */
function programmeOfficeUserPool(scope: Construct, props: DataStackProps) {
  const users = new UserPool(scope, 'ProgrammeOfficeUsers', {
    userPoolName: `percorso-pmi-${props.stage}-programme-office`,
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
    },
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new CfnUserPoolGroup(scope, 'ProgrammeOfficeAdminGroup', {
    userPoolId: users.userPoolId,
    groupName: adminGroup,
    description: 'Programme office: dashboards, exports, project actions',
  });
  const signIn = users.addDomain('ProgrammeOfficeSignInDomain', {
    managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    cognitoDomain: {
      domainPrefix: props.signInDomainPrefix ?? `percorso-pmi-${props.stage}-${Aws.ACCOUNT_ID}`,
    },
  });
  Validations.of(users).acknowledge(
    {
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection (advanced security) is a paid Plus-plan feature; sign-in is MFA-required and the pool has no self sign-up.',
    },
    {
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan is billed per user for threat protection a handful of programme-office users do not need; MFA is required instead.',
    },
  );
  return { users, signIn };
}

function tableFromDesign(scope: Construct, design: TableDesign, options: { retain: boolean }): Table {
  const table = new Table(scope, design.logicalName, {
    partitionKey: { name: design.partitionKey.name, type: AttributeType.STRING },
    sortKey: design.sortKey ? { name: design.sortKey.name, type: AttributeType.STRING } : undefined,
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: options.retain,
    removalPolicy: options.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    timeToLiveAttribute: design.timeToLiveAttribute,
  });
  for (const index of design.globalSecondaryIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey.name, type: AttributeType.STRING },
      sortKey: { name: index.sortKey.name, type: AttributeType.STRING },
    });
  }
  return table;
}
