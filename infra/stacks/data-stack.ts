// Stateful resources: the tables (from shared/data/table-design.ts), the e-mail identity and the
// programme office's user pool (its people and their MFA). They outlive the stateless stack and are
// retained when a stack is deleted.
import { Aws, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ManagedLoginVersion,
  Mfa,
  UserPool,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { adminGroup } from '#shared/auth/admin-session.ts';
import { idempotencyTable, mainTable, type TableDesign } from '#shared/data/table-design.ts';

export interface DataStackProps extends StackProps {
  /** The address e-mails come from; SES sends a verification e-mail to it on first deploy. */
  readonly senderEmail: string;
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
    this.senderIdentity = new EmailIdentity(this, 'SenderIdentity', {
      identity: Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });
    ({ users: this.programmeOfficeUsers, signIn: this.programmeOfficeSignIn } = programmeOfficeUserPool(
      this,
      props,
    ));
  }
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
