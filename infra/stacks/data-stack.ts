// Stateful resources: the tables (from shared/data/table-design.ts) and the e-mail identity. They
// outlive the stateless stack and are retained when a stack is deleted.
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { idempotencyTable, mainTable, type TableDesign } from '#shared/data/table-design.ts';

export interface DataStackProps extends StackProps {
  /** The address e-mails come from; SES sends a verification e-mail to it on first deploy. */
  readonly senderEmail: string;
}

export class DataStack extends Stack {
  readonly table: Table;
  readonly idempotencyTable: Table;
  readonly senderIdentity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly senderEmail: string;

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
  }
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
