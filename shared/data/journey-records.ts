// The journey's own writes on the application item and its side items (assessment, project,
// programme counters). Every write is conditional on the state it expects, so a retried workflow
// task changes nothing the second time.
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord, ApplicationStatus, JourneyOutcome } from '#shared/domain/application.ts';
import { documentClient } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

type Values = Record<string, unknown>;

/**
 * Sets attributes on the application when its condition holds.
 * @returns false when the condition failed (already done, or not allowed from the current state)
 */
export async function updateApplication(
  tableName: string,
  applicationId: string,
  update: { set: string; condition?: string; names?: Record<string, string>; values?: Values },
): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.application(applicationId),
        UpdateExpression: update.set,
        ConditionExpression: update.condition
          ? `attribute_exists(pk) AND (${update.condition})`
          : 'attribute_exists(pk)',
        ExpressionAttributeNames: update.names && Object.keys(update.names).length ? update.names : undefined,
        ExpressionAttributeValues:
          update.values && Object.keys(update.values).length ? update.values : undefined,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Moves the application to a status (appending to its history) from one of the given statuses,
 * optionally with more attributes and a counter in the same transaction.
 * @returns false when the application was not in one of `from` (e.g. already moved)
 */
export async function moveApplication(
  tableName: string,
  application: Pick<ApplicationRecord, 'applicationId' | 'programmeId'> &
    Partial<Pick<ApplicationRecord, 'statusHistory'>>,
  move: {
    from: readonly ApplicationStatus[];
    to: ApplicationStatus;
    at: string;
    set?: Record<string, unknown>;
    counters?: Record<string, number>;
  },
): Promise<boolean> {
  // The stage counter is charged to the status the history ends with; if another write moved the
  // application since it was read (a withdrawal racing screening), read it again and recount.
  let history = application.statusHistory;
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await moveApplicationOnce(tableName, application, move, history);
    if (outcome !== 'history-changed') return outcome === 'moved';
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.application(application.applicationId),
        ConsistentRead: true,
      }),
    );
    const current = Item as Pick<ApplicationRecord, 'status' | 'statusHistory'> | undefined;
    if (!current || !move.from.includes(current.status)) return false;
    history = current.statusHistory;
  }
  return false;
}

async function moveApplicationOnce(
  tableName: string,
  application: Pick<ApplicationRecord, 'applicationId' | 'programmeId'>,
  move: Parameters<typeof moveApplication>[2],
  history: ApplicationRecord['statusHistory'] | undefined,
): Promise<'moved' | 'not-in-from' | 'history-changed'> {
  const stage = stageCounter(history, move.at);
  const counters = stage ? { ...move.counters, [stage]: 1 } : move.counters;
  const names: Record<string, string> = { '#status': 'status' };
  const values: Values = { ':to': move.to, ':change': [{ status: move.to, at: move.at }] };
  const fromList = move.from.map((status, index) => {
    values[`:from${index}`] = status;
    return `:from${index}`;
  });
  let condition = `#status IN (${fromList.join(', ')})`;
  if (stage && history) {
    // Only if nothing was appended since the history the stage counter was read from.
    values[':historyLength'] = history.length;
    condition += ' AND size(statusHistory) = :historyLength';
  }
  const sets = ['#status = :to', 'statusHistory = list_append(statusHistory, :change)'];
  for (const [name, value] of Object.entries(move.set ?? {})) {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  }
  const counterEntries = Object.entries(counters ?? {});
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.application(application.applicationId),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          ...(counterEntries.length > 0
            ? [
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.programmeCounters(application.programmeId),
                    UpdateExpression: `ADD ${counterEntries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
                    ExpressionAttributeNames: Object.fromEntries(
                      counterEntries.map(([name], i) => [`#c${i}`, name]),
                    ),
                    ExpressionAttributeValues: Object.fromEntries(
                      counterEntries.map(([, by], i) => [`:c${i}`, by]),
                    ),
                  },
                },
              ]
            : []),
        ],
      }),
    );
    return 'moved';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return stage && history ? 'history-changed' : 'not-in-from';
  }
}

/**
 * The counter that records how long the application stayed in the status it leaves: a histogram
 * bucket per stage (`stage_<status>_h<n>`: n = ⌊log2(hours + 1)⌋, so 0 is under an hour, 1 one to
 * three hours, …, 10 about 43 to 85 days), from which the dashboard reads the median time per stage.
 */
export function stageCounter(
  history: ApplicationRecord['statusHistory'] | undefined,
  at: string,
): string | undefined {
  const previous = history?.at(-1);
  if (!previous) return undefined;
  const hours = Math.max(0, (new Date(at).getTime() - new Date(previous.at).getTime()) / 3_600_000);
  return `stage_${previous.status}_h${Math.min(16, Math.floor(Math.log2(hours + 1)))}`;
}

/** Closes the journey with its outcome, from any status but closed/withdrawn/launched. */
export async function recordOutcome(
  tableName: string,
  application: Pick<ApplicationRecord, 'applicationId' | 'programmeId'> &
    Partial<Pick<ApplicationRecord, 'statusHistory'>>,
  outcome: JourneyOutcome,
  at: string,
): Promise<boolean> {
  const to: ApplicationStatus =
    outcome === 'withdrawn' ? 'withdrawn' : outcome === 'ineligible' ? 'ineligible' : 'closed';
  return moveApplication(tableName, application, {
    from: ['submitted', 'eligible', 'manager_assigned', 'assessed', 'financing_pending'],
    to,
    at,
    set: { outcome, closedAt: at },
    counters: { [`outcome_${outcome}`]: 1 },
  });
}

export interface AssessmentRecord {
  readonly applicationId: string;
  readonly managerId: string;
  readonly submittedAt: string;
  readonly overall: number;
  readonly band: string;
  readonly answer: unknown;
}

export async function putAssessmentOnce(tableName: string, assessment: AssessmentRecord): Promise<boolean> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...keys.assessment(assessment.applicationId), type: 'assessment', ...assessment },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getAssessment(
  tableName: string,
  applicationId: string,
): Promise<AssessmentRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.assessment(applicationId), ConsistentRead: true }),
  );
  return Item as AssessmentRecord | undefined;
}

/**
 * Reserves an approved amount from the programme budget, atomically and once per application:
 * the committed total can never exceed the budget, whatever runs concurrently.
 * @returns 'reserved' (now or by an earlier call) or 'over_budget'
 */
export async function reserveProgrammeBudget(
  tableName: string,
  request: {
    programmeId: string;
    applicationId: string;
    amountEur: number;
    budgetTotalEur: number;
    at: string;
  },
): Promise<'reserved' | 'over_budget' | 'journey_ended'> {
  // Nothing committed yet reads as 0 in the condition below only if the amount fits at all.
  if (request.amountEur > request.budgetTotalEur) return 'over_budget';
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
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
        ],
      }),
    );
    return 'reserved';
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TransactionCanceledException')) throw error;
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    if (reasons[1]?.Code === 'ConditionalCheckFailed') {
      // Reserved by an earlier attempt (a retried step), or the journey ended meanwhile.
      const { Item } = await documentClient.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.application(request.applicationId),
          ConsistentRead: true,
        }),
      );
      return Item?.budgetReservedEur !== undefined ? 'reserved' : 'journey_ended';
    }
    if (request.amountEur > request.budgetTotalEur || reasons[0]?.Code === 'ConditionalCheckFailed')
      return 'over_budget';
    throw error;
  }
}

export interface ProjectRecord {
  readonly projectId: string;
  readonly applicationId: string;
  readonly programmeId: string;
  readonly managerId: string;
  readonly title: string;
  readonly amountEur: number;
  readonly durationMonths: number;
  readonly launchedAt: string;
  readonly status: 'launched';
  readonly proposal: unknown;
}

/** Creates the project and moves the application to launched, all or nothing, once. */
export async function launchProjectOnce(
  tableName: string,
  project: ProjectRecord,
  /** The stage-time counter of the status left (see stageCounter). */
  stage?: string,
): Promise<boolean> {
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...keys.project(project.projectId),
                ...keys.projectsOfProgramme(project.programmeId),
                gsi1sk: `${project.launchedAt}#${project.projectId}`,
                type: 'project',
                ...project,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.application(project.applicationId),
              UpdateExpression:
                'SET #status = :launched, statusHistory = list_append(statusHistory, :change), projectId = :projectId, outcome = :launched',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':launched': 'launched',
                ':pending': 'financing_pending',
                ':projectId': project.projectId,
                ':change': [{ status: 'launched', at: project.launchedAt }],
              },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keys.programmeCounters(project.programmeId),
              UpdateExpression: `ADD projectsLaunched :one, outcome_launched :one${stage ? ', #stage :one' : ''}`,
              ...(stage ? { ExpressionAttributeNames: { '#stage': stage } } : {}),
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Hands a cohort-matching assignment to an application waiting for a manager: its journey offers
 * that manager at its next matching step. Only while it still waits (eligible, no offer, no manager).
 */
export async function assignCohortManager(
  tableName: string,
  applicationId: string,
  managerId: string,
  score: unknown,
): Promise<boolean> {
  return updateApplication(tableName, applicationId, {
    set: 'SET cohortManagerId = :manager, cohortScore = :score',
    condition:
      '#status = :eligible AND attribute_not_exists(currentOffer) AND attribute_not_exists(managerId)',
    names: { '#status': 'status' },
    values: { ':manager': managerId, ':score': score, ':eligible': 'eligible' },
  });
}
