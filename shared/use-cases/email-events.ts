// SES reports bounces and complaints through EventBridge: each is recorded once per message and
// recipient (the address only as a SHA-256, so no personal data is kept), with daily counters the
// dashboard and the bounce-rate alarm read.
import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient } from '#shared/data/client.ts';
import { isConditionFailure } from '#shared/data/conditions.ts';
import { keys } from '#shared/data/table-design.ts';

/** The part of SES's EventBridge event we use ("Email Bounced", "Email Complaint Received"). */
export const sesEmailEventSchema = z.object({
  'detail-type': z.enum(['Email Bounced', 'Email Complaint Received']),
  time: z.string(),
  detail: z.object({
    eventType: z.enum(['Bounce', 'Complaint']),
    mail: z.object({ messageId: z.string().min(1).max(200) }),
    bounce: z
      .object({
        bounceType: z.string(),
        bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
      })
      .optional(),
    complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) }).optional(),
  }),
});
export type SesEmailEvent = z.infer<typeof sesEmailEventSchema>;

export const hashAddress = (address: string) =>
  createHash('sha256').update(address.trim().toLowerCase(), 'utf8').digest('hex');

/**
 * Records a bounce or complaint once per message and recipient.
 * @returns how many recipients were newly recorded (0 for a redelivered event)
 */
export async function recordEmailEvent(tableName: string, event: SesEmailEvent): Promise<number> {
  const kind = event.detail.eventType === 'Bounce' ? 'bounce' : 'complaint';
  const recipients =
    kind === 'bounce'
      ? (event.detail.bounce?.bouncedRecipients ?? [])
      : (event.detail.complaint?.complainedRecipients ?? []);
  const day = event.time.slice(0, 10);
  let recorded = 0;
  for (const recipient of recipients) {
    const addressHash = hashAddress(recipient.emailAddress);
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  ...keys.emailEvent(event.detail.mail.messageId, addressHash),
                  type: 'email-event',
                  kind,
                  ...(event.detail.bounce ? { bounceType: event.detail.bounce.bounceType } : {}),
                  addressHash,
                  at: event.time,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.emailDailyStats(day),
                UpdateExpression: 'ADD #kind :one',
                ExpressionAttributeNames: { '#kind': kind === 'bounce' ? 'bounces' : 'complaints' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      recorded += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return recorded;
}
