// E-mails sent once. Transactional outbox: an e-mail is queued in the same write as the fact it
// reports (the application, a task with its link), then sent by a retried workflow task and marked
// sent, so a crash never loses it and a retry never sends it twice once it is marked; the body is
// removed once sent, so a link secret in it does not stay in the table. An e-mail a step renders
// itself (sendEmailOnce) is sent, then recorded as sent: the step's retry renders it again.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { documentClient } from './client.ts';
import { isConditionFailure } from './conditions.ts';
import { keys } from './table-design.ts';

/** Names one e-mail of an application: 'receipt', 'ineligible', 'task.offer.1', 'introduction.sme'… */
export type EmailKind = string;

const thirtyDaysSeconds = 30 * 24 * 3600;

/** The item that queues one e-mail for an application; put it inside a larger transaction. */
export function queuedEmailItem(
  applicationId: string,
  kind: EmailKind,
  to: string | readonly string[],
  email: RenderedEmail,
  now: Date,
) {
  return {
    ...keys.applicationEmail(applicationId, kind),
    type: 'email',
    status: 'pending',
    to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...(email.lang ? { lang: email.lang } : {}),
    queuedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + thirtyDaysSeconds,
  };
}

export type QueuedEmailItem = ReturnType<typeof queuedEmailItem>;

/** An e-mail to send: its recipients and content. */
export interface QueuedMessage {
  readonly to: string | readonly string[];
  readonly email: RenderedEmail;
}

/** The message a queued item carries (as written, before it is sent). */
export function queuedMessage(item: QueuedEmailItem): QueuedMessage {
  return {
    to: item.to,
    email: {
      subject: item.subject,
      text: item.text,
      html: item.html,
      ...(item.lang === 'it' || item.lang === 'en' ? { lang: item.lang } : {}),
    },
  };
}

/**
 * Queues an e-mail unless one of that kind is already queued or sent for the application.
 * @returns whether this call queued it (false: one was there already)
 */
export async function queueEmail(
  tableName: string,
  applicationId: string,
  kind: EmailKind,
  to: string | readonly string[],
  email: RenderedEmail,
  now: Date,
): Promise<boolean> {
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: queuedEmailItem(applicationId, kind, to, email, now),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
}

type Send = (to: string | readonly string[], email: RenderedEmail) => Promise<string>;

/**
 * What a step already knows of an e-mail's record, so that it need not read it: the item read with
 * its other records (undefined: none), or `absent` when the step's own first write has just
 * succeeded and the e-mail is sent only after it (so no earlier run can have sent it).
 */
export type KnownEmailRecord = { readonly item: Record<string, unknown> | undefined } | 'absent';

/**
 * Sends an e-mail a step renders (again, when the step is retried) once, then records it as sent:
 * the message itself is never stored, so nothing of it stays in the table. A record already there
 * means sent (or erased, or queued by a transaction: then the queued message goes). A crash between
 * the send and the record sends it again on the retry: at least once, as the queued outbox.
 */
export async function sendEmailOnce(
  tableName: string,
  owner: string,
  kind: EmailKind,
  message: QueuedMessage,
  send: Send,
  clock: { now: () => Date; queuedAt?: Date },
  known?: KnownEmailRecord,
): Promise<'sent' | 'already-sent' | 'erased'> {
  const item =
    known === 'absent' ? undefined : known ? known.item : await emailRecord(tableName, owner, kind);
  const state = stateOf(item);
  if (typeof state !== 'string') {
    const outcome = await sendQueuedEmail(tableName, owner, kind, send, clock.now, state);
    return outcome === 'missing' ? 'already-sent' : outcome;
  }
  if (state !== 'missing') return state;
  const messageId = await send(message.to, message.email);
  const now = clock.now();
  const queuedAt = clock.queuedAt ?? now;
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.applicationEmail(owner, kind),
          type: 'email',
          status: 'sent',
          ...(message.email.lang ? { lang: message.email.lang } : {}),
          queuedAt: queuedAt.toISOString(),
          sentAt: now.toISOString(),
          messageId,
          expiresAt: Math.floor(queuedAt.getTime() / 1000) + thirtyDaysSeconds,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    // Another run of the step sent and recorded it meanwhile: this one went twice.
    if (isConditionFailure(error)) return 'already-sent';
    throw error;
  }
  return 'sent';
}

/** Whether an e-mail of that kind was ever queued for the owner (pending or sent). */
export async function emailQueued(tableName: string, owner: string, kind: EmailKind): Promise<boolean> {
  return (await emailRecord(tableName, owner, kind)) !== undefined;
}

/**
 * Sends the queued e-mail of that kind if it is still pending, then marks it sent.
 * @returns 'sent', 'already-sent', 'erased' when its recipient's data was erased before it went,
 *   or 'missing' when nothing was queued
 */
export async function sendQueuedEmail(
  tableName: string,
  applicationId: string,
  kind: EmailKind,
  send: Send,
  now: () => Date,
  /** The message this invocation has just queued (so still pending): sent without a read. */
  justQueued?: QueuedMessage,
): Promise<'sent' | 'already-sent' | 'erased' | 'missing'> {
  const pending = justQueued ?? (await readQueued(tableName, applicationId, kind));
  if (typeof pending === 'string') return pending;
  const messageId = await send(pending.to, pending.email);
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.applicationEmail(applicationId, kind),
        UpdateExpression:
          'SET #status = :sent, sentAt = :now, messageId = :messageId REMOVE #to, subject, #text, html',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status', '#to': 'to', '#text': 'text' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':pending': 'pending',
          ':now': now().toISOString(),
          ':messageId': messageId,
        },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return 'already-sent';
    throw error;
  }
  return 'sent';
}

/** The record of an owner's e-mail of that kind (queued, sent or erased), read consistently. */
async function emailRecord(tableName: string, owner: string, kind: EmailKind) {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: keys.applicationEmail(owner, kind), ConsistentRead: true }),
  );
  return Item;
}

/** What a record says: the queued message still to send, or why there is none. */
function stateOf(
  item: Record<string, unknown> | undefined,
): QueuedMessage | 'already-sent' | 'erased' | 'missing' {
  if (!item) return 'missing';
  if (item.status === 'sent') return 'already-sent';
  if (item.status === 'erased') return 'erased';
  return queuedMessage(item as QueuedEmailItem);
}

/** The queued message, or why there is none to send. */
async function readQueued(tableName: string, owner: string, kind: EmailKind) {
  return stateOf(await emailRecord(tableName, owner, kind));
}
