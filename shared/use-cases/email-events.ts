// SES reports bounces and complaints through EventBridge: each is recorded once per message and
// recipient (the address only as a SHA-256, so no personal data is kept), with daily counters the
// dashboard and the bounce-rate alarm read.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { recordEmailEventOnce } from '#shared/data/email-events.ts';

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
  let recorded = 0;
  for (const recipient of recipients) {
    const isNew = await recordEmailEventOnce(tableName, {
      messageId: event.detail.mail.messageId,
      addressHash: hashAddress(recipient.emailAddress),
      kind,
      ...(event.detail.bounce ? { bounceType: event.detail.bounce.bounceType } : {}),
      at: event.time,
    });
    if (isNew) recorded += 1;
  }
  return recorded;
}
