// The services of services programmes (an EDIH): each service of an approved plan is an item in
// its customer's partition and, through the index, under its programme; recording one (delivered
// or not) and the programme's totals change in one transaction, once. The T0/T1 DMA of a customer
// is kept the same way once the T1 is taken.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DmaScores, NotDeliveredReason, ServiceRecord } from '#shared/domain/services.ts';
import { documentClient, queryGsi1, queryPartition, transactWhereConditionsHold } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { setExpression } from './expressions.ts';
import { keys } from './table-design.ts';

const serviceItem = (service: ServiceRecord) => ({
  ...keys.service(service.applicationId, service.number),
  ...keys.servicesOfProgramme(service.programmeId),
  gsi1sk: `${service.applicationId}#${String(service.number).padStart(3, '0')}`,
  ...service,
});

const fromItem = (item: Record<string, unknown>): ServiceRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...service } = item;
  return service as unknown as ServiceRecord;
};

/** Stores the planned services of an approved plan; those stored already (a retried step) stay as they are. */
export async function putPlannedServices(
  tableName: string,
  services: readonly ServiceRecord[],
): Promise<void> {
  await Promise.all(
    services.map(async (service) => {
      try {
        await documentClient.send(
          new PutCommand({
            TableName: tableName,
            Item: serviceItem(service),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }),
  );
}

/** A customer's services, in plan order (read consistently: the workflow decides on them). */
export async function listServicesOfApplication(
  tableName: string,
  applicationId: string,
): Promise<ServiceRecord[]> {
  const { pk, skPrefix } = keys.servicesOfApplication(applicationId);
  return (await queryPartition(tableName, pk, skPrefix, { consistent: true })).map(fromItem);
}

/** Every service of a programme's customers. */
export async function listServicesOfProgramme(
  tableName: string,
  programmeId: string,
): Promise<ServiceRecord[]> {
  return (await queryGsi1(tableName, keys.servicesOfProgramme(programmeId).gsi1pk)).map(fromItem);
}

export async function getService(
  tableName: string,
  applicationId: string,
  number: number,
): Promise<ServiceRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.service(applicationId, number), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

export type ServiceOutcome =
  | {
      readonly status: 'delivered';
      readonly deliveredOn: string;
      readonly hours: number;
      readonly participants?: number | undefined;
      readonly investmentTriggeredEur?: number | undefined;
    }
  | { readonly status: 'not_delivered'; readonly because: NotDeliveredReason };

/**
 * Records a planned service's outcome once, with the programme's totals in the same transaction: a
 * delivery adds its value and aid to what was delivered; a service not delivered gives its value
 * back to the budget and, when the plan's aid was granted (`aid`), its aid share is added to the
 * aid the firm did not receive. False when it was recorded already (or is not planned).
 */
export async function recordServiceOutcome(
  tableName: string,
  service: Pick<ServiceRecord, 'applicationId' | 'programmeId' | 'number' | 'valueEur' | 'aidEur'>,
  outcome: ServiceOutcome,
  at: string,
  aid?: { readonly vatNumber: string; readonly concessionId: string },
): Promise<boolean> {
  const delivered = outcome.status === 'delivered';
  const aidNotReceived =
    !delivered && aid && service.aidEur > 0
      ? [
          {
            Update: {
              TableName: tableName,
              Key: keys.aid(aid.vatNumber, aid.concessionId),
              UpdateExpression: 'ADD aidNotReceivedEur :aid',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':aid': service.aidEur },
            },
          },
        ]
      : [];
  const facts = {
    status: outcome.status,
    recordedAt: at,
    ...(outcome.status === 'delivered'
      ? {
          deliveredOn: outcome.deliveredOn,
          hours: outcome.hours,
          participants: outcome.participants,
          investmentTriggeredEur: outcome.investmentTriggeredEur,
        }
      : { notDeliveredBecause: outcome.because }),
  };
  // What the provider did not give (participants, investment) is left out, not stored empty.
  const recorded = setExpression(
    Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)),
  );
  return transactWhereConditionsHold([
    {
      Update: {
        TableName: tableName,
        Key: keys.service(service.applicationId, service.number),
        UpdateExpression: recorded.expression,
        ConditionExpression: '#status = :planned',
        ExpressionAttributeNames: { '#status': 'status', ...recorded.names },
        ExpressionAttributeValues: { ':planned': 'planned', ...recorded.values },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(service.programmeId),
        UpdateExpression: delivered
          ? 'ADD servicesDelivered :one, servicesDeliveredEur :value, servicesAidEur :aid'
          : 'ADD servicesNotDelivered :one, budgetCommittedEur :minus',
        ExpressionAttributeValues: delivered
          ? { ':one': 1, ':value': service.valueEur, ':aid': service.aidEur }
          : { ':one': 1, ':minus': -service.valueEur },
      },
    },
    ...aidNotReceived,
  ]);
}

/**
 * Keeps the token of the state waiting for a customer's deliveries on the application (the last
 * delivery recorded completes it). False when the application is not delivering services.
 */
export async function setDeliveryToken(
  tableName: string,
  applicationId: string,
  token: string,
): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.application(applicationId),
        UpdateExpression: 'SET deliveryToken = :token',
        ConditionExpression: '#status = :delivering',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': token, ':delivering': 'in_delivery' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A customer's DMA before (T0) and after (T1) the services. */
export interface DmaFollowUpRecord {
  readonly applicationId: string;
  readonly programmeId: string;
  readonly t0: DmaScores;
  readonly t0On: string;
  readonly t1: DmaScores;
  readonly t1On: string;
}

/** Stores the T0/T1 pair once (a retried step leaves the first). */
export async function putDmaFollowUp(tableName: string, record: DmaFollowUpRecord): Promise<void> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.dmaFollowUp(record.applicationId),
          ...keys.dmaFollowUpsOfProgramme(record.programmeId),
          gsi1sk: record.applicationId,
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Every T0/T1 pair of a programme. */
export async function listDmaFollowUps(tableName: string, programmeId: string): Promise<DmaFollowUpRecord[]> {
  return (await queryGsi1(tableName, keys.dmaFollowUpsOfProgramme(programmeId).gsi1pk)).map((item) => {
    const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, ...record } = item;
    return record as unknown as DmaFollowUpRecord;
  });
}
