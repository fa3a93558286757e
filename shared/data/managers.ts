// Managers in the table: the profile item (listed by status through gsi1), and the capacity
// reservations that tie a manager to an application. A reservation and the manager's load change
// together in one transaction, so the load always equals the number of reservations and never
// leaves 0…capacity, however many journeys ask at once.
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Manager, type ManagerStatus, managerSchema } from '#shared/domain/manager.ts';
import {
  type ExcludedManagers,
  type ManagerScore,
  rankCandidates,
  type SmeProfile,
  scoreManager,
} from '#shared/domain/matching.ts';
import { backOff, documentClient, queryGsi1 } from './client.ts';
import { cancellationReasons } from './conditions.ts';
import { assignments } from './expressions.ts';
import { keys, mainTable } from './table-design.ts';

// The table's own attributes, and the expiry retention sets (a profile written again is kept again).
const tableAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'type', mainTable.timeToLiveAttribute]);

/** The manager without the table's own attributes. */
export function managerFromItem(item: Record<string, unknown>): Manager {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !tableAttributes.has(name))) as Manager;
}

/**
 * Writes a manager's profile (validated with managerSchema), creating the manager or updating it.
 * The item moves to the index partition of its status. The load of an existing manager is kept:
 * only reservations change it, so a profile edit can never reset it. Likewise createdAt.
 * @returns the manager as stored (normalised by the schema)
 */
export async function putManager(tableName: string, manager: Manager): Promise<Manager> {
  const valid = managerSchema.parse(manager);
  const { managerId, load, createdAt, ...profile } = valid;
  const attributes: Record<string, unknown> = {
    ...keys.managersByStatus(valid.status),
    gsi1sk: managerId,
    type: 'manager',
    managerId,
    ...profile,
  };
  const names: Record<string, string> = { '#load': 'load', '#createdAt': 'createdAt' };
  const values: Record<string, unknown> = { ':load': load, ':createdAt': createdAt };
  const sets = ['#load = if_not_exists(#load, :load)', '#createdAt = if_not_exists(#createdAt, :createdAt)'];
  const assigned = assignments(attributes, 'a');
  sets.push(...assigned.clauses);
  Object.assign(names, assigned.names);
  Object.assign(values, assigned.values);
  // Optional fields left out now must not survive from an earlier version of the profile.
  const absent = Object.keys(managerSchema.shape).filter((name) => !Object.hasOwn(valid, name));
  absent.forEach((name, index) => {
    names[`#r${index}`] = name;
  });
  const remove = absent.length > 0 ? ` REMOVE ${absent.map((_, index) => `#r${index}`).join(', ')}` : '';
  const { Attributes } = await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.manager(managerId),
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return managerFromItem(Attributes ?? {});
}

/** The manager, or undefined. */
export async function getManager(tableName: string, managerId: string): Promise<Manager | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.manager(managerId), ConsistentRead: true }),
  );
  return Item ? managerFromItem(Item) : undefined;
}

/**
 * Every manager with this status, in managerId order (all pages of the index). The index is
 * eventually consistent: a load read here may be a moment old, which is why reservations check
 * capacity again on the item itself.
 */
export async function listManagersByStatus(tableName: string, status: ManagerStatus): Promise<Manager[]> {
  return (await queryGsi1(tableName, keys.managersByStatus(status).gsi1pk)).map(managerFromItem);
}

/**
 * reserved (now), already_reserved (by an earlier call), no_capacity, or together_refused: the
 * write that had to happen with the reservation was refused by its condition (nothing written).
 */
export type ReservationOutcome = 'reserved' | 'already_reserved' | 'no_capacity' | 'together_refused';

/** A write that must succeed or fail with the reservation (e.g. the offer on the application). */
export type TransactionItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type ReleaseOutcome = 'released' | 'not_reserved';

export interface ReservationRequest {
  readonly managerId: string;
  readonly applicationId: string;
  /** ISO timestamp recorded on the reservation. */
  readonly at: string;
  /** Written in the reservation's transaction: both happen, or neither. */
  readonly together?: TransactionItem;
}

/** DynamoDB cancels a transaction that touches an item another transaction is writing: retry. */
const maxConflictRetries = 8;

/**
 * Reserves one unit of the manager's capacity for an application, in one transaction: the
 * reservation item is created (it must not exist) and the manager's load goes up by one (the
 * manager must be active with load < capacity). Safe to retry and to run concurrently.
 * @returns reserved; already_reserved when this application already holds a reservation with this
 *   manager (nothing changes); no_capacity when the manager is full, not active or unknown
 */
export async function reserveManagerCapacity(
  tableName: string,
  { managerId, applicationId, at, together }: ReservationRequest,
): Promise<ReservationOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...keys.managerReservation(managerId, applicationId),
                  type: 'manager-reservation',
                  managerId,
                  applicationId,
                  reservedAt: at,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.manager(managerId),
                UpdateExpression: 'SET #load = #load + :one',
                ConditionExpression: '#status = :active AND #load < #capacity',
                ExpressionAttributeNames: { '#load': 'load', '#status': 'status', '#capacity': 'capacity' },
                ExpressionAttributeValues: { ':one': 1, ':active': 'active' },
              },
            },
            ...(together ? [together] : []),
          ],
        }),
      );
      return 'reserved';
    } catch (error) {
      const reasons = cancellationReasons(error, ['reservation', 'manager', 'together']);
      if (!reasons) throw error;
      const { reservation, manager } = reasons;
      if (reasons.together === 'ConditionalCheckFailed') return 'together_refused';
      if (reservation === 'ConditionalCheckFailed') return 'already_reserved';
      if (manager === 'ConditionalCheckFailed') return 'no_capacity';
      const conflict = [reservation, manager, reasons.together].includes('TransactionConflict');
      if (!conflict || attempt >= maxConflictRetries) throw error;
      await backOff(attempt);
    }
  }
}

/**
 * Gives back the unit of capacity an application holds with a manager, in one transaction: the
 * reservation item is deleted (it must exist) and the load goes down by one (it must be above 0).
 * Safe to retry.
 * @returns released; not_reserved when there was no such reservation (nothing changes)
 * @throws when the reservation exists but the load is already 0 (the item was overwritten by hand)
 */
export async function releaseManagerCapacity(
  tableName: string,
  { managerId, applicationId }: Omit<ReservationRequest, 'at'>,
): Promise<ReleaseOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: tableName,
                Key: keys.managerReservation(managerId, applicationId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.manager(managerId),
                UpdateExpression: 'SET #load = #load - :one',
                ConditionExpression: '#load > :zero',
                ExpressionAttributeNames: { '#load': 'load' },
                ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
              },
            },
          ],
        }),
      );
      return 'released';
    } catch (error) {
      const reasons = cancellationReasons(error, ['reservation', 'manager']);
      if (!reasons) throw error;
      const { reservation, manager } = reasons;
      if (reservation === 'ConditionalCheckFailed') return 'not_reserved';
      if (manager === 'ConditionalCheckFailed') {
        throw new Error(
          `manager ${managerId} has a reservation for ${applicationId} but no load to release`,
          { cause: error },
        );
      }
      const conflict = reservation === 'TransactionConflict' || manager === 'TransactionConflict';
      if (!conflict || attempt >= maxConflictRetries) throw error;
      await backOff(attempt);
    }
  }
}

/**
 * The manager (among these) with whom the application already holds a reservation, if any:
 * consistent reads of the possible reservation items, 100 keys per batch, batches in parallel.
 */
async function existingReservation(
  tableName: string,
  managerIds: readonly string[],
  applicationId: string,
): Promise<string | undefined> {
  const batches: string[][] = [];
  for (let start = 0; start < managerIds.length; start += 100) {
    batches.push(managerIds.slice(start, start + 100));
  }
  const found = await Promise.all(
    batches.map(async (batch) => {
      let requested: Record<string, unknown>[] | undefined = batch.map((managerId) =>
        keys.managerReservation(managerId, applicationId),
      );
      for (let attempt = 0; requested && requested.length > 0; attempt++) {
        const page: BatchGetCommandOutput = await documentClient.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: requested, ConsistentRead: true, ProjectionExpression: 'managerId' },
            },
          }),
        );
        const managerId = page.Responses?.[tableName]?.[0]?.managerId;
        if (typeof managerId === 'string') return managerId;
        requested = page.UnprocessedKeys?.[tableName]?.Keys;
        if (requested && requested.length > 0) await backOff(attempt);
      }
      return undefined;
    }),
  );
  return found.find((managerId) => managerId !== undefined);
}

/** The manager found for an SME, with the score that chose them ("why this manager"). */
export interface ManagerMatch {
  readonly managerId: string;
  readonly score: ManagerScore;
  /** already_reserved: a repeated call found the reservation an earlier call made. */
  readonly outcome: 'reserved' | 'already_reserved';
}

export interface FindManagerOptions {
  /** The managers to choose from; absent = every active manager in the table. */
  readonly candidates?: readonly Manager[];
  /** ISO timestamp recorded on the reservation; absent = now. */
  readonly at?: string;
  /** Only managers on this roster (the programme's own); absent = any. */
  readonly roster?: readonly string[];
  /**
   * The write that must happen with the reservation of the chosen manager (the offer on the
   * application, whose condition makes a second run fail). Given, the search needs no look for a
   * reservation an earlier run left: a reservation never exists without it.
   */
  readonly together?: (match: { managerId: string; score: ManagerScore }) => TransactionItem;
}

/**
 * Finds the best manager for the SME under the hard constraints and reserves one unit of their
 * capacity. When the reservation fails because someone else took the last unit meanwhile, the next
 * candidate is tried. Idempotent: if the application already holds a reservation with one of the
 * candidates (a retried call), that manager is returned and nothing else is reserved.
 * @param excludedManagerIds - managers already tried for this journey
 * @returns the manager and their score, or undefined when no candidate is left
 */
export async function findAndReserveManager(
  tableName: string,
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  options?: Omit<FindManagerOptions, 'together'>,
): Promise<ManagerMatch | undefined>;
export async function findAndReserveManager(
  tableName: string,
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  options: FindManagerOptions,
): Promise<ManagerMatch | 'together_refused' | undefined>;
export async function findAndReserveManager(
  tableName: string,
  sme: SmeProfile,
  excludedManagerIds: ExcludedManagers,
  options: FindManagerOptions = {},
): Promise<ManagerMatch | 'together_refused' | undefined> {
  const managers = options.candidates ?? (await listManagersByStatus(tableName, 'active'));
  const excluded = excludedManagerIds instanceof Set ? excludedManagerIds : new Set(excludedManagerIds);
  if (!options.together) {
    const notExcluded = managers.filter((manager) => !excluded.has(manager.managerId));
    const held = await existingReservation(
      tableName,
      notExcluded.map((manager) => manager.managerId),
      sme.applicationId,
    );
    const holder = notExcluded.find((manager) => manager.managerId === held);
    if (holder) {
      return { managerId: holder.managerId, score: scoreManager(holder, sme), outcome: 'already_reserved' };
    }
  }
  const at = options.at ?? new Date().toISOString();
  for (const { manager, score } of rankCandidates(managers, sme, excluded, options.roster)) {
    const outcome = await reserveManagerCapacity(tableName, {
      managerId: manager.managerId,
      applicationId: sme.applicationId,
      at,
      ...(options.together ? { together: options.together({ managerId: manager.managerId, score }) } : {}),
    });
    if (outcome === 'together_refused') return outcome;
    if (outcome !== 'no_capacity') return { managerId: manager.managerId, score, outcome };
  }
  return undefined;
}

/**
 * Takes a manager's address lock (the one registration takes in its transaction), for the paths
 * that create managers outside registration (roster import, demo seed), so a later registration
 * with that address is recognised.
 * @returns 'claimed' (now or already by this manager) or 'taken' (by another manager)
 */
export async function claimManagerEmail(
  tableName: string,
  email: string,
  managerId: string,
): Promise<'claimed' | 'taken'> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.managerEmail(email), type: 'manager-email', managerId },
        ConditionExpression: 'attribute_not_exists(pk) OR managerId = :id',
        ExpressionAttributeValues: { ':id': managerId },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'taken';
    throw error;
  }
}

/** The manager whose address this is (the address lock), if any. */
export async function managerIdByEmail(tableName: string, email: string): Promise<string | undefined> {
  const found = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.managerEmail(email) }),
  );
  return (found.Item as { managerId?: string } | undefined)?.managerId;
}
