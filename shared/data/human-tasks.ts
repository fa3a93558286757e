// Human tasks in the table. A task lives in its application's partition (kind and round make it
// unique); each e-mailed link is a separate item keyed by the SHA-256 of its secret, pointing at
// the task. Opening, reminding, answering and closing are conditional writes, so every step
// happens once however often a workflow task or a person retries it.
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '#shared/domain/audit.ts';
import type { HumanTaskKind, HumanTaskStatus } from '#shared/domain/human-tasks.ts';
import { hashLinkSecret, newLinkSecret } from '#shared/domain/links.ts';
import type { Programme } from '#shared/domain/programme.ts';
import type { Language } from '#shared/i18n/language.ts';
import { auditEventPut } from './audit.ts';
import { documentClient, getItemsConsistently } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { type QueuedEmailItem, type QueuedMessage, queuedMessage } from './email-outbox.ts';
import { programmeFromItemOrPreset } from './programmes.ts';
import { keys } from './table-design.ts';

export interface HumanTaskRef {
  readonly applicationId: string;
  readonly kind: HumanTaskKind;
  /** 1 for the first task of that kind in the journey, 2 for the second offer, … */
  readonly round: number;
}

export interface HumanTaskRecord extends HumanTaskRef {
  readonly programmeId: string;
  /** The manager the task is for; absent for programme-office tasks. */
  readonly managerId?: string;
  /** The language its e-mail was written in: the link's page speaks it (absent on older tasks). */
  readonly language?: Language;
  readonly status: HumanTaskStatus;
  /** The Step Functions task token of the waiting state; replaced when a reminder re-enters it. */
  readonly taskToken: string;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly remindedAt?: string;
  readonly answeredAt?: string;
  readonly closedAt?: string;
  /** The validated answer, kept here (free text never goes to the workflow). */
  readonly answer?: unknown;
  /** A form saved unfinished (as posted, every value a string), until the answer replaces it. */
  readonly draft?: Readonly<Record<string, string | readonly string[]>>;
  readonly draftSavedAt?: string;
}

export const taskEmailKind = (ref: HumanTaskRef, phase: 'first' | 'reminder') =>
  `task.${ref.kind}.${ref.round}${phase === 'reminder' ? '.reminder' : ''}`;

export async function getHumanTask(
  tableName: string,
  ref: HumanTaskRef,
): Promise<HumanTaskRecord | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.humanTask(ref.applicationId, ref.kind, ref.round),
      ConsistentRead: true,
    }),
  );
  return Item as HumanTaskRecord | undefined;
}

/** Every task of a journey, oldest kind/round first. */
export async function listHumanTasks(tableName: string, applicationId: string): Promise<HumanTaskRecord[]> {
  const { pk, skPrefix } = keys.humanTasksOfApplication(applicationId);
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []) as HumanTaskRecord[];
}

export interface OpenTaskRequest extends HumanTaskRef {
  readonly programmeId: string;
  readonly managerId?: string;
  /** The language of the task's e-mail, kept with the task for its page. */
  readonly language: Language;
  readonly taskToken: string;
  readonly dueAt: string;
  readonly now: string;
  /** Puts the e-mail carrying the link in the same transaction (see email-outbox.ts). */
  readonly emailItem: (linkSecret: string) => QueuedEmailItem;
}

/**
 * Opens a task with a fresh link and queues its e-mail, all or nothing. When the task exists
 * already (a retried workflow task), only the token is refreshed: no second link, no second e-mail.
 * @returns whether it was created, and the task as stored
 */
export async function openHumanTask(
  tableName: string,
  request: OpenTaskRequest,
): Promise<{ created: boolean; task: HumanTaskRecord; queuedEmail?: QueuedMessage }> {
  const secret = newLinkSecret();
  const emailItem = request.emailItem(secret);
  const linkHash = hashLinkSecret(secret);
  const key = keys.humanTask(request.applicationId, request.kind, request.round);
  const task: HumanTaskRecord = {
    applicationId: request.applicationId,
    kind: request.kind,
    round: request.round,
    programmeId: request.programmeId,
    ...(request.managerId ? { managerId: request.managerId } : {}),
    language: request.language,
    status: 'open',
    taskToken: request.taskToken,
    createdAt: request.now,
    dueAt: request.dueAt,
  };
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...key, type: 'human-task', ...task },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...keys.link(linkHash), type: 'link', ...linkOf(task) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: tableName, Item: emailItem } },
        ],
      }),
    );
    return { created: true, task, queuedEmail: queuedMessage(emailItem) };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  return { created: false, task: await refreshToken(tableName, request, request.taskToken) };
}

/**
 * A reminder re-entered the waiting state: stores the new token (so the first link keeps working)
 * and, the first time only, a second link with its reminder e-mail.
 */
export async function remindHumanTask(
  tableName: string,
  request: OpenTaskRequest,
): Promise<{ reminded: boolean; task: HumanTaskRecord | undefined; queuedEmail?: QueuedMessage }> {
  const secret = newLinkSecret();
  const emailItem = request.emailItem(secret);
  const linkHash = hashLinkSecret(secret);
  const key = keys.humanTask(request.applicationId, request.kind, request.round);
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: key,
              UpdateExpression: 'SET taskToken = :token, remindedAt = :now, dueAt = :due',
              ConditionExpression: '#status = :open AND attribute_not_exists(remindedAt)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':token': request.taskToken,
                ':now': request.now,
                ':due': request.dueAt,
                ':open': 'open',
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...keys.link(linkHash), type: 'link', ...linkOf(request) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: tableName, Item: emailItem } },
        ],
      }),
    );
    return {
      reminded: true,
      task: await getHumanTask(tableName, request),
      queuedEmail: queuedMessage(emailItem),
    };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await getHumanTask(tableName, request);
  if (existing?.status !== 'open' && existing?.status !== 'answered')
    return { reminded: false, task: existing };
  return { reminded: false, task: await refreshToken(tableName, request, request.taskToken) };
}

async function refreshToken(
  tableName: string,
  ref: HumanTaskRef,
  taskToken: string,
): Promise<HumanTaskRecord> {
  try {
    const { Attributes } = await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.humanTask(ref.applicationId, ref.kind, ref.round),
        UpdateExpression: 'SET taskToken = :token',
        // An answered task whose answer has not reached the workflow yet (the waiting state was
        // re-entered meanwhile: a reminder, a resumed local engine) gets the new token too, so the
        // answer can still be delivered with it.
        ConditionExpression: '#status IN (:open, :answered)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': taskToken, ':open': 'open', ':answered': 'answered' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as HumanTaskRecord;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = await getHumanTask(tableName, ref);
    if (!existing) throw new Error(`task ${ref.kind}/${ref.round} of ${ref.applicationId} vanished`);
    return existing;
  }
}

/**
 * The task a link opens, or undefined for an unknown link; with its programme, read together, where
 * the answer is checked against it and the link names it.
 */
export async function findHumanTaskByLink(
  tableName: string,
  linkSecret: string,
): Promise<{ readonly task: HumanTaskRecord; readonly programme?: Programme } | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.link(hashLinkSecret(linkSecret)) }),
  );
  if (Item?.kind !== 'human-task') return undefined;
  const ref: HumanTaskRef = {
    applicationId: Item.applicationId as string,
    kind: Item.taskKind as HumanTaskKind,
    round: Item.round as number,
  };
  const programmeId = typeof Item.programmeId === 'string' ? Item.programmeId : undefined;
  if (!programmeId || !answeredAgainstProgramme.includes(ref.kind)) {
    const task = await getHumanTask(tableName, ref);
    return task ? { task } : undefined;
  }
  const [task, programme] = await getItemsConsistently(tableName, [
    keys.humanTask(ref.applicationId, ref.kind, ref.round),
    keys.programme(programmeId),
  ]);
  if (!task) return undefined;
  const found = programmeFromItemOrPreset(programmeId, programme);
  return { task: task as unknown as HumanTaskRecord, ...(found ? { programme: found } : {}) };
}

/**
 * Records the answer of an open task and its audit event, all or nothing: a task is answered once,
 * and that decision has exactly one event. The task is answered as read (its token included): when
 * a reminder refreshed the token meanwhile, it is read again and answered with the new one.
 * @returns the answered task, or the task as it stands when it was no longer open
 */
export async function answerHumanTask(
  tableName: string,
  task: HumanTaskRecord,
  answer: unknown,
  now: string,
  audit: Omit<AuditEvent, 'eventId'>,
): Promise<
  { answered: true; task: HumanTaskRecord } | { answered: false; task: HumanTaskRecord | undefined }
> {
  let current: HumanTaskRecord | undefined = task;
  for (let attempt = 0; attempt < 3 && current?.status === 'open'; attempt++) {
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keys.humanTask(current.applicationId, current.kind, current.round),
                UpdateExpression:
                  'SET #status = :answered, answer = :answer, answeredAt = :now REMOVE draft, draftSavedAt',
                ConditionExpression: '#status = :open AND taskToken = :token',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':answered': 'answered',
                  ':open': 'open',
                  ':answer': answer,
                  ':now': now,
                  ':token': current.taskToken,
                },
              },
            },
            auditEventPut(tableName, audit),
          ],
        }),
      );
      const { draft: _draft, draftSavedAt: _savedAt, ...answered } = current;
      return { answered: true, task: { ...answered, status: 'answered', answer, answeredAt: now } };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      current = await getHumanTask(tableName, current);
    }
  }
  return { answered: false, task: current };
}

/**
 * Keeps an unfinished form of an open task, replacing any earlier draft.
 * @returns false when the task is no longer open (answered, expired, cancelled)
 */
export async function saveHumanTaskDraft(
  tableName: string,
  ref: HumanTaskRef,
  draft: Readonly<Record<string, string | readonly string[]>>,
  now: string,
): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.humanTask(ref.applicationId, ref.kind, ref.round),
        UpdateExpression: 'SET draft = :draft, draftSavedAt = :now',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': draft, ':now': now, ':open': 'open' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Closes a task that is still open (deadline passed, journey withdrawn) or whose answer arrived
 * too late for the workflow. Idempotent.
 */
export async function closeHumanTask(
  tableName: string,
  ref: HumanTaskRef,
  status: 'expired' | 'cancelled',
  now: string,
  options: { evenIfAnswered?: boolean } = {},
): Promise<boolean> {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.humanTask(ref.applicationId, ref.kind, ref.round),
        UpdateExpression: 'SET #status = :closed, closedAt = :now',
        ConditionExpression: options.evenIfAnswered ? '#status IN (:open, :answered)' : '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': status,
          ':open': 'open',
          ':now': now,
          ...(options.evenIfAnswered ? { ':answered': 'answered' } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
}

/** What a link item holds: which task it opens and the programme's ID, nothing else. */
function linkOf(ref: HumanTaskRef & { readonly programmeId?: string }) {
  return {
    kind: 'human-task',
    applicationId: ref.applicationId,
    taskKind: ref.kind,
    round: ref.round,
    ...(ref.programmeId ? { programmeId: ref.programmeId } : {}),
  };
}

/** The kinds whose answer is checked against the programme (an assessment follows its model). */
const answeredAgainstProgramme: readonly HumanTaskKind[] = ['assessment'];
