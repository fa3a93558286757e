// Retention of personal data: when a journey or a project ends, its personal items get the time
// they expire at (the table's TTL attribute, `expiresAt`); DynamoDB deletes them after it. Counters,
// company places, projects' figures and the audit trail stay. DynamoDB Local applies no TTL, so the
// local runtime deletes expired items itself (`purgeExpiredItems`).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { personalDataExpiry } from '#shared/domain/privacy.ts';
import { deleteItems, documentClient, queryPartition, scanItems } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys, mainTable } from './table-design.ts';

const ttl = mainTable.timeToLiveAttribute;

/** The keys of a partition's items (those whose sort key starts with `skPrefix`, if given). */
async function keysOf(
  tableName: string,
  pk: string,
  skPrefix?: string,
): Promise<{ pk: string; sk: string }[]> {
  return (await queryPartition(tableName, pk, skPrefix)).map((item) => ({
    pk: String(item.pk),
    sk: String(item.sk),
  }));
}

/** Runs an update of an item that may be gone already (deleted meanwhile): then nothing happens. */
async function updateIfPresent(input: ConstructorParameters<typeof UpdateCommand>[0]) {
  try {
    await documentClient.send(new UpdateCommand({ ...input, ConditionExpression: 'attribute_exists(pk)' }));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

async function expire(tableName: string, items: readonly { pk: string; sk: string }[], expiresAt: number) {
  for (const key of items) {
    await updateIfPresent({
      TableName: tableName,
      Key: key,
      // An earlier expiry (a queued e-mail's 30 days) is kept.
      UpdateExpression: 'SET #ttl = if_not_exists(#ttl, :at)',
      ExpressionAttributeNames: { '#ttl': ttl },
      ExpressionAttributeValues: { ':at': expiresAt },
    });
  }
}

/**
 * Schedules the expiry of an application's personal items: the application (company and contact),
 * its tasks (answers, findings), its assessment and its e-mails.
 */
export async function expireApplicationData(tableName: string, applicationId: string, expiresAt: number) {
  await expire(tableName, await keysOf(tableName, keys.application(applicationId).pk), expiresAt);
}

/** Schedules the expiry of a project's check-ins (free text about the firm); the project's figures stay. */
export async function expireProjectCheckins(tableName: string, projectId: string, expiresAt: number) {
  await expire(tableName, await keysOf(tableName, keys.project(projectId).pk, 'CHECKIN#'), expiresAt);
}

/** A manager's own items: the profile, the address key, the vetting task. */
async function managerItemKeys(
  tableName: string,
  manager: { readonly managerId: string; readonly email: string },
) {
  const partition = await keysOf(tableName, keys.manager(manager.managerId).pk);
  return [
    ...partition.filter((key) => key.sk === 'MANAGER' || key.sk.startsWith('TASK#')),
    keys.managerEmail(manager.email),
  ];
}

/**
 * A manager left the registry (rejected at vetting, or inactive with no firm to follow): their
 * profile, address key and vetting expire after the retention. The tasks of the firms they
 * followed expire with those firms' journeys.
 */
export async function expireManagerData(
  tableName: string,
  manager: { readonly managerId: string; readonly email: string },
  expiresAt: number,
) {
  await expire(tableName, await managerItemKeys(tableName, manager), expiresAt);
}

/** A manager back in the registry (active again): nothing of theirs expires any more. */
export async function keepManagerData(
  tableName: string,
  manager: { readonly managerId: string; readonly email: string },
) {
  for (const key of await managerItemKeys(tableName, manager)) {
    await updateIfPresent({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'REMOVE #ttl',
      ExpressionAttributeNames: { '#ttl': ttl },
    });
  }
}

/**
 * Deletes every item whose expiry has passed, as DynamoDB's TTL would (the local runtime only:
 * DynamoDB Local keeps expired items). A scan: fine for a local table.
 * @returns how many items were deleted
 */
export async function purgeExpiredItems(tableName: string, now: Date = new Date()): Promise<number> {
  const expired = (await scanItems(tableName, {
    expression: '#ttl < :now',
    names: { '#ttl': ttl },
    values: { ':now': Math.floor(now.getTime() / 1000) },
    projection: 'pk, sk',
  })) as { pk: string; sk: string }[];
  await deleteItems(tableName, expired);
  return expired.length;
}

/**
 * A project ended: its application's personal items and its check-ins expire after the retention,
 * as a journey's do when it ends without a project.
 */
export async function expireProjectPersonalData(
  tableName: string,
  project: { readonly projectId: string; readonly applicationId: string },
  endedAt: Date,
  retentionMonths: number,
) {
  const expiresAt = personalDataExpiry(endedAt, retentionMonths);
  await expireApplicationData(tableName, project.applicationId, expiresAt);
  await expireProjectCheckins(tableName, project.projectId, expiresAt);
}
