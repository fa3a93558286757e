// An e-mail a step renders is sent once: recorded as sent after it went (its text never stored),
// never sent again once recorded or erased; a message queued by a transaction goes as queued.
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { type KnownEmailRecord, queuedEmailItem, sendEmailOnce } from '#shared/data/email-outbox.ts';
import { keys } from '#shared/data/table-design.ts';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { tableName } from '../support/journey-kit.ts';

const email = (subject: string): RenderedEmail => ({
  subject,
  text: `${subject}.`,
  html: `<p>${subject}</p>`,
  lang: 'it',
});

const clock = { now: () => new Date('2026-12-06T10:00:00Z') };

/** One owner's mailbox: sends through sendEmailOnce and keeps the subjects that went. */
function mailbox() {
  const owner = randomUUID();
  const sent: string[] = [];
  const send = async (_to: string | readonly string[], message: RenderedEmail) => {
    sent.push(message.subject);
    return `message-${sent.length}`;
  };
  const sendOnce = (kind: string, subject: string, known?: KnownEmailRecord) =>
    sendEmailOnce(tableName, owner, kind, { to: 'a@example.it', email: email(subject) }, send, clock, known);
  return { owner, sent, sendOnce };
}
const record = async (owner: string, kind: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keys.applicationEmail(owner, kind), ConsistentRead: true }),
    )
  ).Item;

describe('sendEmailOnce', () => {
  it('sends, then records it as sent without its text; a second call sends nothing', async () => {
    const { owner, sent, sendOnce } = mailbox();

    const first = await sendOnce('welcome', 'Benvenuto');
    const second = await sendOnce('welcome', 'Benvenuto');

    expect([first, second]).toEqual(['sent', 'already-sent']);
    expect(sent).toEqual(['Benvenuto']);
    const stored = await record(owner, 'welcome');
    expect(stored).toMatchObject({
      status: 'sent',
      messageId: 'message-1',
      sentAt: '2026-12-06T10:00:00.000Z',
    });
    expect(stored).not.toHaveProperty('to');
    expect(stored).not.toHaveProperty('html');
  });

  it('sends what a transaction queued, not what the step rendered again, and marks it sent', async () => {
    const { owner, sent, sendOnce } = mailbox();
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: queuedEmailItem(owner, 'task.offer.1', 'm@example.it', email('Come queued'), clock.now()),
      }),
    );

    const outcome = await sendOnce('task.offer.1', 'Rendered again');

    expect(outcome).toBe('sent');
    expect(sent).toEqual(['Come queued']);
    expect(await record(owner, 'task.offer.1')).toMatchObject({ status: 'sent' });
  });

  it('sends nothing to a recipient whose data was erased', async () => {
    const { owner, sent, sendOnce } = mailbox();
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.applicationEmail(owner, 'closed'), type: 'email', status: 'erased' },
      }),
    );

    const outcome = await sendOnce('closed', 'Chiuso');

    expect(outcome).toBe('erased');
    expect(sent).toEqual([]);
  });

  it('trusts what the step read with its records: an item already there is not sent again', async () => {
    const { sent, sendOnce } = mailbox();

    const known = await sendOnce('intro', 'Intro', { item: { status: 'sent' } });
    const absent = await sendOnce('intro', 'Intro', 'absent');

    expect([known, absent]).toEqual(['already-sent', 'sent']);
    expect(sent).toEqual(['Intro']);
  });
});
