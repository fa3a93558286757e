// Every e-mail the product sends, in Italian and English, as plain text plus HTML, from the one
// message catalogue. Links are absolute URLs and appear in both parts.

import { renderToString } from 'preact-render-to-string';
import { applicationReference } from '#shared/domain/application.ts';
import type { IneligibilityReason } from '#shared/domain/programme.ts';
import { formatDeadline } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The language it is written in (absent on e-mails queued before it was recorded). */
  readonly lang?: Language;
}

export interface EmailContent {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly link?: { readonly label: string; readonly url: string };
}

/** Renders an e-mail from its parts: plain text and HTML with the same content and links. */
export function renderEmail(lang: Language, content: EmailContent): RenderedEmail {
  const signature = t(lang, 'email.signature');
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.link ? [`${content.link.label}: ${content.link.url}`, ''] : []),
    signature,
  ].join('\n');
  const html = `<!doctype html>${renderToString(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{content.subject}</title>
      </head>
      <body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d2433">
        <p>{content.greeting}</p>
        {content.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        {content.link ? (
          <p>
            <a href={content.link.url} style="color:#0b5cad;font-weight:bold">
              {content.link.label}
            </a>
            <br />
            <small>{content.link.url}</small>
          </p>
        ) : null}
        <p style="color:#5b6475">{signature}</p>
      </body>
    </html>,
  )}`;
  return { subject: content.subject, text, html, lang };
}

/**
 * An e-mail that carries a task link: a reminder says so in its subject and first line, and the
 * answer's deadline closes the text, before the link.
 */
export function renderTaskEmail(
  lang: Language,
  content: Omit<EmailContent, 'link'> & {
    readonly reminder: boolean;
    readonly dueAt: string;
    readonly link: NonNullable<EmailContent['link']>;
  },
): RenderedEmail {
  const { subject, reminder, paragraphs, dueAt, ...rest } = content;
  return renderEmail(lang, {
    ...rest,
    subject: reminder ? t(lang, 'journeyEmail.reminderSubject', { subject }) : subject,
    paragraphs: [
      ...(reminder ? [t(lang, 'journeyEmail.reminder')] : []),
      ...paragraphs,
      t(lang, 'task.answerBy', { date: formatDeadline(dueAt, lang) }),
    ],
  });
}

/**
 * The e-mail with the privacy notice linked at its foot, in both parts: added by the mailer to
 * every message, so no e-mail leaves without it.
 */
export function withPrivacyFooter(email: RenderedEmail, privacyUrl: string): RenderedEmail {
  const label = email.lang
    ? t(email.lang, 'privacy.title')
    : `${t('it', 'privacy.title')} · ${t('en', 'privacy.title')}`;
  const footer = renderToString(
    <p style="color:#5b6475;font-size:13px">
      <a href={privacyUrl} style="color:#5b6475">
        {label}
      </a>
    </p>,
  );
  return {
    ...email,
    text: `${email.text}\n\n${label}: ${privacyUrl}`,
    html: email.html.includes('</body>')
      ? email.html.replace('</body>', `${footer}</body>`)
      : `${email.html}${footer}`,
  };
}

/** Sent when an application is accepted for processing; carries the secret status link. */
export function applicationReceiptEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    applicationId: string;
    statusUrl: string;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'email.receipt.subject', { programme: data.programmeName }),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'email.receipt.body', { company: data.companyName, programme: data.programmeName }),
      t(lang, 'email.receipt.reference', {
        reference: applicationReference(data.applicationId),
        applicationId: data.applicationId,
      }),
    ],
    link: { label: t(lang, 'email.receipt.statusLink'), url: data.statusUrl },
  });
}

/** Sent when screening finds the application ineligible, with the reason. */
export function ineligibleEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    applicationId: string;
    reason: IneligibilityReason;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'email.ineligible.subject', { programme: data.programmeName }),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'email.ineligible.body', { company: data.companyName, programme: data.programmeName }),
      t(lang, `ineligibility.${data.reason}`),
      t(lang, 'email.receipt.reference', {
        reference: applicationReference(data.applicationId),
        applicationId: data.applicationId,
      }),
    ],
  });
}

/** Sent when an SME contact asks about their data from the status page: the link confirms it. */
export function privacyRequestEmail(
  lang: Language,
  data: {
    contactName: string;
    programmeName: string;
    request: 'export' | 'erase';
    hours: number;
    confirmUrl: string;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'email.privacyRequest.subject'),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, `email.privacyRequest.${data.request}`, {
        programme: data.programmeName,
        hours: String(data.hours),
      }),
      t(lang, 'email.privacyRequest.ignore'),
    ],
    link: { label: t(lang, 'email.privacyRequest.link'), url: data.confirmUrl },
  });
}
