// Sends e-mail through SES v2 (in the cloud, SES; locally, the outbox behind AWS_ENDPOINT_URL_SESV2).
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { routes } from '#shared/http/routes.ts';
import { type RenderedEmail, withPrivacyFooter } from './templates.tsx';

const ses = new SESv2Client({});

export interface MailerConfig {
  readonly senderEmail: string;
  readonly configurationSet?: string | undefined;
  /** Every e-mail's foot links the privacy notice here. */
  readonly privacyUrl: string;
}

/** The mailer of a function that sends e-mail, from its environment (sendsEmail brings all three). */
export function mailerConfig(env: {
  readonly SENDER_EMAIL: string;
  readonly SES_CONFIGURATION_SET?: string | undefined;
  readonly PUBLIC_BASE_URL: string;
}): MailerConfig {
  return {
    senderEmail: env.SENDER_EMAIL,
    configurationSet: env.SES_CONFIGURATION_SET,
    privacyUrl: `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}${routes.managerPrivacyNotice.path}`,
  };
}

/**
 * A subject on one line: the text schema already refuses line breaks in names, and this keeps any
 * that reach a subject another way from becoming header lines (`\r\nBcc: …`).
 */
export function oneLineSubject(subject: string): string {
  return subject.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').trim();
}

/**
 * Headers every e-mail carries as transactional mail should (RFC 3834): sent by a program, so no
 * auto-reply (out of office, vacation) comes back to the sender. SES adds Message-ID and Date; the
 * body always has a plain-text part beside the HTML.
 */
export const transactionalHeaders = [
  { Name: 'Auto-Submitted', Value: 'auto-generated' },
  { Name: 'X-Auto-Response-Suppress', Value: 'All' },
] as const;

/**
 * Sends one rendered e-mail (plain text and HTML) to one recipient or several.
 * @returns the SES message ID
 */
export async function sendEmail(
  config: MailerConfig,
  to: string | readonly string[],
  rendered: RenderedEmail,
): Promise<string> {
  const email = withPrivacyFooter(rendered, config.privacyUrl);
  const result = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: config.senderEmail,
      Destination: { ToAddresses: typeof to === 'string' ? [to] : [...to] },
      ConfigurationSetName: config.configurationSet || undefined,
      Content: {
        Simple: {
          Subject: { Data: oneLineSubject(email.subject), Charset: 'UTF-8' },
          Headers: transactionalHeaders.map((header) => ({ ...header })),
          Body: {
            Text: { Data: email.text, Charset: 'UTF-8' },
            Html: { Data: email.html, Charset: 'UTF-8' },
          },
        },
      },
    }),
  );
  return result.MessageId ?? '';
}
