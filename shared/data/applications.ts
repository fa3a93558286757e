// Applications in the table: creation with its company lock, status link and counter in one
// transaction, screening outcomes with the quota reservation, and the status page's lookup.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord, ApplicationStatus } from '#shared/domain/application.ts';
import { DuplicateApplicationError } from '#shared/domain/errors.ts';
import type { IneligibilityReason } from '#shared/domain/programme.ts';
import { documentClient } from './client.ts';
import type { queuedEmailItem } from './email-outbox.ts';
import { stageCounter } from './journey-records.ts';
import { keys } from './table-design.ts';

const applicationItem = (record: ApplicationRecord) => ({
  ...keys.application(record.applicationId),
  ...keys.applicationsOfProgramme(record.programmeId),
  gsi1sk: `${record.submittedAt}#${record.applicationId}`,
  type: 'application',
  ...record,
});

/**
 * Writes a new application, the company's lock in its programme (one journey per Partita IVA and
 * programme), the hashed status link, the queued receipt e-mail and the applications counter,
 * all or nothing.
 * @throws DuplicateApplicationError when the company already applied to the programme
 */
export async function createApplication(
  tableName: string,
  record: ApplicationRecord,
  statusLinkHash: string,
  receiptEmail: ReturnType<typeof queuedEmailItem>,
): Promise<void> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: applicationItem(record),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.companyInProgramme(record.programmeId, record.company.vatNumber),
                type: 'company-lock',
                applicationId: record.applicationId,
                createdAt: record.submittedAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.link(statusLinkHash),
                type: 'link',
                kind: 'application-status',
                applicationId: record.applicationId,
                createdAt: record.submittedAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: tableName, Item: receiptEmail } },
          {
            Update: {
              TableName: tableName,
              Key: keys.programmeCounters(record.programmeId),
              UpdateExpression: 'ADD applications :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed'
    ) {
      throw new DuplicateApplicationError('company already applied to this programme');
    }
    throw error;
  }
}

/**
 * Undoes createApplication when the journey could not be started, so a retry can succeed and
 * nothing is left half-written.
 */
export async function removeApplication(
  tableName: string,
  record: ApplicationRecord,
  statusLinkHash: string,
): Promise<void> {
  await documentClient.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName, Key: keys.application(record.applicationId) } },
        {
          Delete: {
            TableName: tableName,
            Key: keys.companyInProgramme(record.programmeId, record.company.vatNumber),
            ConditionExpression: 'applicationId = :id',
            ExpressionAttributeValues: { ':id': record.applicationId },
          },
        },
        { Delete: { TableName: tableName, Key: keys.link(statusLinkHash) } },
        { Delete: { TableName: tableName, Key: keys.applicationEmail(record.applicationId, 'receipt') } },
        {
          Update: {
            TableName: tableName,
            Key: keys.programmeCounters(record.programmeId),
            UpdateExpression: 'ADD applications :minusOne',
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
      ],
    }),
  );
}

/** The application, or undefined. */
export async function getApplication(
  tableName: string,
  applicationId: string,
): Promise<ApplicationRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.application(applicationId), ConsistentRead: true }),
  );
  return Item as ApplicationRecord | undefined;
}

/** The application a status link opens, or undefined for an unknown link. */
export async function findApplicationIdByStatusLink(
  tableName: string,
  statusLinkHash: string,
): Promise<string | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.link(statusLinkHash) }),
  );
  return Item?.kind === 'application-status' ? (Item.applicationId as string) : undefined;
}

export type ScreeningOutcome = { eligible: true } | { eligible: false; reason: IneligibilityReason };

/**
 * Records the screening outcome exactly once. An eligible application reserves one unit of the
 * programme's assessment quota in the same transaction; when the quota is gone it is recorded as
 * ineligible (quota_exhausted) instead. A repeated call returns the outcome already recorded.
 */
export async function recordScreening(
  tableName: string,
  application: ApplicationRecord,
  outcome: ScreeningOutcome,
  assessmentQuota: number,
  now: string,
): Promise<ScreeningOutcome> {
  const recorded = screeningOutcomeOf(application);
  if (recorded) return recorded;
  if (outcome.eligible) {
    const reserved = await tryTransition(tableName, application, 'eligible', now, {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(application.programmeId),
        UpdateExpression: 'ADD eligible :one',
        ConditionExpression: 'attribute_not_exists(eligible) OR eligible < :quota',
        ExpressionAttributeValues: { ':one': 1, ':quota': assessmentQuota },
      },
    });
    if (reserved === 'done') return outcome;
    if (reserved === 'already-moved')
      return screeningOutcomeOf(await mustGet(tableName, application)) ?? outcome;
    return recordScreening(
      tableName,
      application,
      { eligible: false, reason: 'quota_exhausted' },
      assessmentQuota,
      now,
    );
  }
  const moved = await tryTransition(
    tableName,
    application,
    'ineligible',
    now,
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(application.programmeId),
        // An ineligible application's journey ends here: its outcome is counted with the others.
        UpdateExpression: 'ADD ineligible :one, #byReason :one, outcome_ineligible :one',
        ExpressionAttributeNames: { '#byReason': `ineligible_${outcome.reason}` },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    outcome.reason,
  );
  if (moved === 'already-moved') return screeningOutcomeOf(await mustGet(tableName, application)) ?? outcome;
  return outcome;
}

/** Statuses an application only reaches after being screened eligible. */
const afterEligible: readonly ApplicationStatus[] = [
  'eligible',
  'manager_assigned',
  'assessed',
  'financing_pending',
  'launched',
  'closed',
];

function screeningOutcomeOf(application: ApplicationRecord): ScreeningOutcome | undefined {
  if (afterEligible.includes(application.status)) return { eligible: true };
  if (application.status === 'ineligible' && application.ineligibilityReason) {
    return { eligible: false, reason: application.ineligibilityReason };
  }
  return undefined;
}

async function mustGet(tableName: string, application: ApplicationRecord): Promise<ApplicationRecord> {
  return (await getApplication(tableName, application.applicationId)) ?? application;
}

type CounterUpdate = NonNullable<
  NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]['Update']
>;

/** Moves a submitted application to a new status together with one counter update. */
async function tryTransition(
  tableName: string,
  application: ApplicationRecord,
  status: ApplicationStatus,
  now: string,
  counterUpdate: { Update: CounterUpdate },
  ineligibilityReason?: IneligibilityReason,
): Promise<'done' | 'already-moved' | 'counter-refused'> {
  const stage = stageCounter(application.statusHistory, now);
  const counted = stage
    ? {
        Update: {
          ...counterUpdate.Update,
          UpdateExpression: `${counterUpdate.Update.UpdateExpression}, #stage :stageOne`,
          ExpressionAttributeNames: { ...counterUpdate.Update.ExpressionAttributeNames, '#stage': stage },
          ExpressionAttributeValues: { ...counterUpdate.Update.ExpressionAttributeValues, ':stageOne': 1 },
        },
      }
    : counterUpdate;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          counted,
          {
            Update: {
              TableName: tableName,
              Key: keys.application(application.applicationId),
              UpdateExpression:
                'SET #status = :status, statusHistory = list_append(statusHistory, :change)' +
                (ineligibilityReason
                  ? ', ineligibilityReason = :reason, outcome = :ineligible, closedAt = :now'
                  : ''),
              ConditionExpression: '#status = :submitted',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':status': status,
                ':submitted': 'submitted',
                ':change': [{ status, at: now }],
                ...(ineligibilityReason
                  ? { ':reason': ineligibilityReason, ':ineligible': 'ineligible', ':now': now }
                  : {}),
              },
            },
          },
        ],
      }),
    );
    return 'done';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [counterReason, applicationReason] = error.CancellationReasons ?? [];
    if (applicationReason?.Code === 'ConditionalCheckFailed') return 'already-moved';
    if (counterReason?.Code === 'ConditionalCheckFailed') return 'counter-refused';
    throw error;
  }
}

/**
 * Frees a firm's place in a programme (its Partita IVA lock), if it is still held by this
 * application (a later application's lock is never touched).
 * @returns whether a lock was removed
 */
export async function releaseCompanyLock(
  tableName: string,
  lock: { programmeId: string; vatNumber: string; applicationId?: string },
): Promise<boolean> {
  try {
    await documentClient.send(
      new DeleteCommand({
        TableName: tableName,
        Key: keys.companyInProgramme(lock.programmeId, lock.vatNumber),
        ...(lock.applicationId
          ? {
              ConditionExpression: 'applicationId = :id',
              ExpressionAttributeValues: { ':id': lock.applicationId },
            }
          : { ConditionExpression: 'attribute_exists(pk)' }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Who holds a firm's place in a programme, if anyone. */
export async function getCompanyLock(
  tableName: string,
  programmeId: string,
  vatNumber: string,
): Promise<{ applicationId: string; createdAt: string } | undefined> {
  const found = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.companyInProgramme(programmeId, vatNumber) }),
  );
  return found.Item as { applicationId: string; createdAt: string } | undefined;
}

/** Records that the programme office freed a firm's place: codes and who acted, never personal data. */
export async function recordCompanyUnlock(
  tableName: string,
  unlock: { programmeId: string; vatNumber: string; applicationId: string; actor: string; at: string },
): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `PROGRAMME#${unlock.programmeId}`,
        sk: `UNLOCK#${unlock.at}#${unlock.vatNumber}`,
        type: 'company-unlock',
        ...unlock,
      },
    }),
  );
}
