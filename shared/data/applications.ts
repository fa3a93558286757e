// Applications in the table: creation with its company lock, status link and counter in one
// transaction, screening outcomes with the quota reservation, and the status page's lookup.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord, ApplicationStatus, JourneyOutcome } from '#shared/domain/application.ts';
import type { AuditEvent } from '#shared/domain/audit.ts';
import { DuplicateApplicationError } from '#shared/domain/errors.ts';
import type { IneligibilityReason } from '#shared/domain/programme.ts';
import { auditEventPut } from './audit.ts';
import { documentClient, queryGsi1 } from './client.ts';
import { failedConditions, isConditionFailure } from './conditions.ts';
import type { queuedEmailItem } from './email-outbox.ts';
import { addExpression, assignments } from './expressions.ts';
import { keys, placeClaim } from './table-design.ts';

const applicationItem = (record: ApplicationRecord) => ({
  ...keys.application(record.applicationId),
  ...keys.applicationsOfProgramme(record.programmeId),
  gsi1sk: `${record.submittedAt}#${record.applicationId}`,
  type: 'application',
  ...record,
});

/**
 * How long after its claim an intake may still store its application (its Lambda times out in
 * 15 s). Each claim rides on the counters item until its application is stored (the creating
 * transaction removes it) or the claim is given back: one still there after this long belongs to
 * an intake that died between the two writes, and its place is given back.
 */
export const abandonedClaimMinutes = 10;

/** The claims on a counters item made before `before` (their intakes have died), by attribute. */
function abandonedClaims(item: Record<string, unknown> | undefined, before: Date) {
  const limit = new Date(before.getTime() - abandonedClaimMinutes * 60_000).toISOString();
  return Object.entries(item ?? {})
    .map(([name, value]) => [name, typeof value === 'string' ? value : (value as { S?: string })?.S] as const)
    .filter(
      (entry): entry is readonly [string, string] =>
        placeClaim.is(entry[0]) && entry[1] !== undefined && entry[1] < limit,
    );
}

/**
 * Claims one of the programme's assessment places for an application being acknowledged: places go
 * in the order applications arrive, whatever order their screening runs in later. The arrival is
 * stamped here too, so that acknowledgement times and places agree: two intakes running at once on
 * clocks a few milliseconds apart cannot store a later time with an earlier place (the counter keeps
 * the last arrival, and an arrival never goes back before it). When every place looks taken, the
 * places of intakes that died after claiming (see abandonedClaimMinutes) are given back first.
 * @param claim - the application the place is for, and when the claim is made (wall clock)
 * @returns the place (1 … quota, or undefined when every place is taken) and the acknowledgement time
 */
export async function claimQuotaPlace(
  tableName: string,
  programmeId: string,
  quota: number,
  at: string,
  claim: { readonly applicationId: string; readonly claimedAt: Date },
): Promise<{ place: number | undefined; at: string }> {
  for (let arrival = at, reclaimed = false; ; ) {
    try {
      const { Attributes } = await documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.programmeCounters(programmeId),
          UpdateExpression: 'ADD placesClaimed :one SET lastArrivalAt = :at, #claim = :claimedAt',
          ConditionExpression:
            '(attribute_not_exists(placesClaimed) OR placesClaimed < :quota) AND (attribute_not_exists(lastArrivalAt) OR lastArrivalAt <= :at)',
          ExpressionAttributeNames: { '#claim': placeClaim.attribute(claim.applicationId) },
          ExpressionAttributeValues: {
            ':one': 1,
            ':quota': quota,
            ':at': arrival,
            ':claimedAt': claim.claimedAt.toISOString(),
          },
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { place: Number(Attributes?.placesClaimed), at: arrival };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const item = (error as { Item?: Record<string, unknown> }).Item;
      const old = item?.lastArrivalAt;
      const last = typeof old === 'string' ? old : (old as { S?: string } | undefined)?.S;
      // Another intake stamped a later arrival: this one is acknowledged at that time, not before.
      if (last && last > arrival) {
        arrival = last;
        continue;
      }
      // Every place taken: those of intakes that died after claiming go back, once, then try again.
      const abandoned = reclaimed ? [] : abandonedClaims(item, claim.claimedAt);
      if (abandoned.length > 0) {
        reclaimed = true;
        for (const [name, claimedAt] of abandoned)
          await giveBackClaim(tableName, programmeId, name, claimedAt);
        continue;
      }
      return { place: undefined, at: arrival };
    }
  }
}

/** Gives an abandoned claim's place back, once (another intake may be doing the same). */
async function giveBackClaim(tableName: string, programmeId: string, name: string, claimedAt: string) {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.programmeCounters(programmeId),
        UpdateExpression: 'ADD placesClaimed :minusOne REMOVE #claim',
        ConditionExpression: '#claim = :claimedAt AND placesClaimed > :zero',
        ExpressionAttributeNames: { '#claim': name },
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0, ':claimedAt': claimedAt },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * Gives a claimed place back (the application was not stored, or was screened out).
 * @param applicationId - the application whose claim is still on the counters (not stored)
 */
export async function releaseQuotaPlace(
  tableName: string,
  programmeId: string,
  applicationId?: string,
): Promise<void> {
  await documentClient
    .send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.programmeCounters(programmeId),
        UpdateExpression: `ADD placesClaimed :minusOne${applicationId ? ' REMOVE #claim' : ''}`,
        ConditionExpression: 'placesClaimed > :zero',
        ...(applicationId
          ? { ExpressionAttributeNames: { '#claim': placeClaim.attribute(applicationId) } }
          : {}),
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    )
    .catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
}

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
  /** The hash of the request's Idempotency-Key: a retry of this same request is recognised by it. */
  requestKeyHash?: string,
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
                ...(requestKeyHash ? { requestKeyHash } : {}),
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
            // The place's claim, if any, is settled: its application is stored.
            Update: {
              TableName: tableName,
              Key: keys.programmeCounters(record.programmeId),
              UpdateExpression: 'ADD applications :one REMOVE #claim',
              ExpressionAttributeNames: { '#claim': placeClaim.attribute(record.applicationId) },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error, ['application', 'companyLock'])?.has('companyLock')) {
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
  // The place was decided when the application arrived: none left then, none now.
  if (outcome.eligible && application.quotaPlace === null)
    return recordScreening(
      tableName,
      application,
      { eligible: false, reason: 'quota_exhausted' },
      assessmentQuota,
      now,
    );
  const placeHeld = typeof application.quotaPlace === 'number';
  if (outcome.eligible) {
    const reserved = await tryTransition(tableName, application, 'eligible', now, {
      Update: {
        TableName: tableName,
        Key: keys.programmeCounters(application.programmeId),
        UpdateExpression: 'ADD eligible :one',
        // Applications stored before places were claimed on arrival take theirs here.
        ...(placeHeld
          ? { ExpressionAttributeValues: { ':one': 1 } }
          : {
              ConditionExpression: 'attribute_not_exists(eligible) OR eligible < :quota',
              ExpressionAttributeValues: { ':one': 1, ':quota': assessmentQuota },
            }),
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
        // An ineligible application's journey ends here: its outcome is counted with the others. One
        // screened out after claiming a place on arrival (its state aid, say) gives the place back
        // in the same write.
        UpdateExpression: `ADD ineligible :one, #byReason :one, outcome_ineligible :one${
          placeHeld ? ', placesClaimed :minusOne' : ''
        }`,
        ExpressionAttributeNames: { '#byReason': `ineligible_${outcome.reason}` },
        ExpressionAttributeValues: { ':one': 1, ...(placeHeld ? { ':minusOne': -1 } : {}) },
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
  'in_delivery',
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
    const failed = failedConditions(error, ['quotaCounter', 'application']);
    if (failed?.has('application')) return 'already-moved';
    if (failed?.has('quotaCounter')) return 'counter-refused';
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
  /** The office's decision to free the place, recorded in the same transaction. */
  audit?: Omit<AuditEvent, 'eventId'>,
): Promise<boolean> {
  const remove = {
    TableName: tableName,
    Key: keys.companyInProgramme(lock.programmeId, lock.vatNumber),
    ...(lock.applicationId
      ? {
          ConditionExpression: 'applicationId = :id',
          ExpressionAttributeValues: { ':id': lock.applicationId },
        }
      : { ConditionExpression: 'attribute_exists(pk)' }),
  };
  try {
    if (audit)
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: [{ Delete: remove }, auditEventPut(tableName, audit)] }),
      );
    else await documentClient.send(new DeleteCommand(remove));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Who holds a firm's place in a programme, if anyone. */
export async function getCompanyLock(
  tableName: string,
  programmeId: string,
  vatNumber: string,
): Promise<{ applicationId: string; createdAt: string; requestKeyHash?: string } | undefined> {
  const found = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.companyInProgramme(programmeId, vatNumber) }),
  );
  return found.Item as { applicationId: string; createdAt: string; requestKeyHash?: string } | undefined;
}

/** Another status link to an application (a retried submission's answer carries a fresh one). */
export async function addStatusLink(
  tableName: string,
  applicationId: string,
  statusLinkHash: string,
  at: string,
): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.link(statusLinkHash),
        type: 'link',
        kind: 'application-status',
        applicationId,
        createdAt: at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
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

type Values = Record<string, unknown>;

/**
 * Sets attributes on the application when its condition holds.
 * @returns false when the condition failed (already done, or not allowed from the current state)
 */
interface ApplicationUpdate {
  set: string;
  condition?: string;
  names?: Record<string, string>;
  values?: Values;
}

/** The UpdateItem parameters of an update of an existing application (also a transaction item). */
function applicationUpdateParams(tableName: string, applicationId: string, update: ApplicationUpdate) {
  return {
    TableName: tableName,
    Key: keys.application(applicationId),
    UpdateExpression: update.set,
    ConditionExpression: update.condition
      ? `attribute_exists(pk) AND (${update.condition})`
      : 'attribute_exists(pk)',
    ExpressionAttributeNames: update.names && Object.keys(update.names).length ? update.names : undefined,
    ExpressionAttributeValues: update.values && Object.keys(update.values).length ? update.values : undefined,
  };
}

async function updateApplication(
  tableName: string,
  applicationId: string,
  update: ApplicationUpdate,
): Promise<boolean> {
  try {
    await documentClient.send(new UpdateCommand(applicationUpdateParams(tableName, applicationId, update)));
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
    /** Attributes removed in the same write (e.g. the offer the move settles). */
    remove?: readonly string[];
    counters?: Record<string, number>;
    /** A person's decision behind the move (a withdrawal), recorded in the same transaction. */
    audit?: Omit<AuditEvent, 'eventId'>;
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
  const extra = assignments(move.set ?? {});
  const sets = ['#status = :to', 'statusHistory = list_append(statusHistory, :change)', ...extra.clauses];
  const removed = (move.remove ?? []).map((attribute, index) => {
    names[`#removed${index}`] = attribute;
    return `#removed${index}`;
  });
  Object.assign(names, extra.names);
  Object.assign(values, extra.values);
  const added = addExpression(counters ?? {});
  const counted = Object.keys(counters ?? {}).length > 0;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keys.application(application.applicationId),
              UpdateExpression: `SET ${sets.join(', ')}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          ...(counted
            ? [
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.programmeCounters(application.programmeId),
                    UpdateExpression: added.expression,
                    ExpressionAttributeNames: added.names,
                    ExpressionAttributeValues: added.values,
                  },
                },
              ]
            : []),
          ...(move.audit ? [auditEventPut(tableName, move.audit)] : []),
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
  /** The person's decision behind it (the SME withdrawing), recorded with it. */
  audit?: Omit<AuditEvent, 'eventId'>,
): Promise<boolean> {
  const to: ApplicationStatus =
    outcome === 'withdrawn' ? 'withdrawn' : outcome === 'ineligible' ? 'ineligible' : 'closed';
  return moveApplication(tableName, application, {
    from: ['submitted', 'eligible', 'manager_assigned', 'assessed', 'financing_pending', 'in_delivery'],
    to,
    at,
    set: { outcome, closedAt: at },
    counters: { [`outcome_${outcome}`]: 1 },
    ...(audit ? { audit } : {}),
  });
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

/**
 * An offer to a manager, recorded while the application still waits for one (a withdrawal or
 * closing while matching ran must not get an offer): the offer in progress, the round, the manager
 * as tried, and "why this manager" (the score breakdown of every offer) for the office. A
 * transaction item, for the reservation of the manager's capacity to carry it: both happen, or
 * neither (no capacity held without its offer); its condition fails when another run recorded its
 * offer first or the application no longer waits.
 */
export function recordOfferItem(
  tableName: string,
  applicationId: string,
  offer: { managerId: string; round: number; score: object },
) {
  return { Update: applicationUpdateParams(tableName, applicationId, offerUpdate(offer)) };
}

function offerUpdate(offer: { managerId: string; round: number; score: object }): ApplicationUpdate {
  return {
    set: 'SET currentOffer = :offer, offerRound = :round, triedManagerIds = list_append(if_not_exists(triedManagerIds, :empty), :tried), matchScores = list_append(if_not_exists(matchScores, :empty), :whyList)',
    condition:
      '#status = :eligible AND attribute_not_exists(currentOffer) AND (attribute_not_exists(offerRound) OR offerRound = :prev)',
    names: { '#status': 'status' },
    values: {
      ':eligible': 'eligible',
      ':offer': { managerId: offer.managerId, round: offer.round },
      ':round': offer.round,
      ':prev': offer.round - 1,
      ':empty': [],
      ':tried': [offer.managerId],
      ':whyList': [{ managerId: offer.managerId, round: offer.round, ...offer.score }],
    },
  };
}

/** Records that matching found nobody free, for the `waits`-th time. */
export async function recordNoManagerRound(tableName: string, applicationId: string, waits: number) {
  await updateApplication(tableName, applicationId, {
    set: 'SET noManagerRounds = :waits',
    values: { ':waits': waits },
  });
}

/**
 * Clears this offer if it is still the one in progress (a later offer is never cleared by an old
 * one). The assignment that settles an offer removes it in its own move instead.
 */
export async function clearOffer(
  tableName: string,
  applicationId: string,
  offer: { managerId: string; round: number },
): Promise<void> {
  await updateApplication(tableName, applicationId, {
    set: 'REMOVE currentOffer',
    condition: 'currentOffer.managerId = :manager AND currentOffer.round = :round',
    values: { ':manager': offer.managerId, ':round': offer.round },
  });
}

/** Every application of a programme, through its index (never a table scan). */
export async function listApplicationsOfProgramme(
  tableName: string,
  programmeId: string,
): Promise<ApplicationRecord[]> {
  return (await queryGsi1(
    tableName,
    keys.applicationsOfProgramme(programmeId).gsi1pk,
  )) as unknown as ApplicationRecord[];
}
