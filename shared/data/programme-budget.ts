// A programme's budget, reserved and returned in one place: an approval reserves its amount
// atomically (the committed total never exceeds the budget, whatever runs concurrently) and once
// per application; a closed project returns what it did not spend. The committed total lives on
// the programme's counters item.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { failedConditions } from './conditions.ts';
import { keys } from './table-design.ts';

/** The amount committed so far (approved, minus what closed projects returned). */
export async function budgetCommittedEur(tableName: string, programmeId: string): Promise<number> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.programmeCounters(programmeId),
      ProjectionExpression: 'budgetCommittedEur',
      ConsistentRead: true,
    }),
  );
  return committedOf(Item);
}

/** The committed total on a programme's counters item (read here or in a batch). */
export const committedOf = (counters: Record<string, unknown> | undefined) =>
  Number(counters?.budgetCommittedEur ?? 0);

export interface BudgetReservation {
  readonly programmeId: string;
  readonly applicationId: string;
  readonly amountEur: number;
  readonly budgetTotalEur: number;
  readonly at: string;
}

/**
 * The two writes of a reservation, for a transaction: the programme's committed total grows by the
 * amount only while it stays within the budget; the application records it once, and never for a
 * journey already withdrawn or closed.
 */
export function budgetReservationItems(tableName: string, request: BudgetReservation) {
  return [
    {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(request.programmeId),
        UpdateExpression: 'ADD budgetCommittedEur :amount, projectsApproved :one',
        ConditionExpression: 'attribute_not_exists(budgetCommittedEur) OR budgetCommittedEur <= :room',
        ExpressionAttributeValues: {
          ':amount': request.amountEur,
          ':one': 1,
          ':room': request.budgetTotalEur - request.amountEur,
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.application(request.applicationId),
        UpdateExpression: 'SET budgetReservedEur = :amount, budgetReservedAt = :at',
        // Never for a journey already withdrawn or closed (a withdrawal racing the approval).
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(budgetReservedEur) AND NOT (#status IN (:withdrawn, :closed))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':amount': request.amountEur,
          ':at': request.at,
          ':withdrawn': 'withdrawn',
          ':closed': 'closed',
        },
      },
    },
  ] as const;
}

/** The names of budgetReservationItems' writes, in order, for failedConditions. */
export const budgetReservationItemNames = ['budget', 'application'] as const;

/**
 * Why a reservation's application write was refused: it was reserved by an earlier attempt (a
 * retried step), or the journey ended meanwhile.
 */
export async function refusedReservation(
  tableName: string,
  applicationId: string,
): Promise<'reserved' | 'journey_ended'> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.application(applicationId), ConsistentRead: true }),
  );
  return Item?.budgetReservedEur !== undefined ? 'reserved' : 'journey_ended';
}

/**
 * Reserves an approved amount from the programme budget, atomically and once per application:
 * the committed total can never exceed the budget, whatever runs concurrently.
 * @returns 'reserved' (now or by an earlier call), 'over_budget' or 'journey_ended'
 */
export async function reserveProgrammeBudget(
  tableName: string,
  request: BudgetReservation,
): Promise<'reserved' | 'over_budget' | 'journey_ended'> {
  // Nothing committed yet reads as 0 in the condition below only if the amount fits at all.
  if (request.amountEur > request.budgetTotalEur) return 'over_budget';
  try {
    await documentClient.send(
      new TransactWriteCommand({ TransactItems: [...budgetReservationItems(tableName, request)] }),
    );
    return 'reserved';
  } catch (error) {
    const failed = failedConditions(error, budgetReservationItemNames);
    if (!failed) throw error;
    if (failed.has('application')) return refusedReservation(tableName, request.applicationId);
    return 'over_budget';
  }
}

/**
 * Gives back a reservation whose project will not be launched (the journey withdrawn or closed
 * while the aid waited for its registration): the committed total shrinks by the amount, once.
 * @returns whether it was given back now
 */
export async function returnReservation(
  tableName: string,
  request: { programmeId: string; applicationId: string; amountEur: number },
): Promise<boolean> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.programmeCounters(request.programmeId),
              UpdateExpression: 'ADD budgetCommittedEur :minus, projectsApproved :minusOne',
              ExpressionAttributeValues: { ':minus': -request.amountEur, ':minusOne': -1 },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.application(request.applicationId),
              UpdateExpression: 'REMOVE budgetReservedEur, budgetReservedAt',
              ConditionExpression: 'budgetReservedEur = :amount AND attribute_not_exists(projectId)',
              ExpressionAttributeValues: { ':amount': request.amountEur },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error, ['budget', 'application'])) return false;
    throw error;
  }
}

/**
 * What a closed project gives back to the programme budget, as counter additions to write with the
 * closing: spent (never above the amount approved) and the unspent part taken off the committed total.
 */
export function budgetReturnOnClosing(amountEur: number, spentEur: number) {
  const unspentEur = Math.max(0, amountEur - spentEur);
  return { spentEur: Math.min(spentEur, amountEur), unspentEur, committedChangeEur: -unspentEur };
}
