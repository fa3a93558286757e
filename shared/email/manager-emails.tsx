// The e-mails of manager onboarding: the vetting request to the programme office (with the task
// link), the welcome to an admitted manager (with the personal availability link) and the outcome
// to a rejected one. In Italian and English, plain text plus HTML through renderEmail.

import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { type RenderedEmail, renderEmail, renderTaskEmail } from './templates.tsx';

/** To the programme office: a registered manager to vet, with the task link and its deadline. */
export function vettingRequestEmail(
  lang: Language,
  data: { managerName: string; link: string; dueAt: string; reminder: boolean },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'managerEmail.vetting.subject', { manager: data.managerName }),
    reminder: data.reminder,
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [t(lang, 'managerEmail.vetting.body', { manager: data.managerName })],
    dueAt: data.dueAt,
    link: { label: t(lang, 'managerEmail.vetting.link'), url: data.link },
  });
}

/** To an admitted manager: welcome, and the personal link to update availability and capacity. */
export function managerWelcomeEmail(
  lang: Language,
  data: { managerName: string; availabilityLink: string },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'managerEmail.welcome.subject'),
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [t(lang, 'managerEmail.welcome.body'), t(lang, 'managerEmail.welcome.availability')],
    link: { label: t(lang, 'managerEmail.welcome.link'), url: data.availabilityLink },
  });
}

/** To a rejected candidate: the outcome and the office's reason. */
export function managerRejectedEmail(
  lang: Language,
  data: { managerName: string; reason: string },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'managerEmail.rejected.subject'),
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'managerEmail.rejected.body'),
      data.reason.trim(),
      t(lang, 'managerEmail.rejected.closing'),
    ],
  });
}

/**
 * To an address that registered again: it is already in the registry. An active manager gets a
 * fresh link to their availability; one being vetted or not admitted is told so.
 */
export function managerAlreadyRegisteredEmail(
  lang: Language,
  data: {
    managerName: string;
    status: 'active' | 'inactive' | 'pending_vetting' | 'rejected';
    availabilityLink?: string;
  },
): RenderedEmail {
  const situation =
    data.status === 'pending_vetting'
      ? t(lang, 'managerEmail.known.pending')
      : data.status === 'rejected'
        ? t(lang, 'managerEmail.known.rejected')
        : t(lang, 'managerEmail.known.active');
  return renderEmail(lang, {
    subject: t(lang, 'managerEmail.known.subject'),
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [t(lang, 'managerEmail.known.body'), situation, t(lang, 'managerEmail.known.notYou')],
    ...(data.availabilityLink
      ? { link: { label: t(lang, 'managerEmail.welcome.link'), url: data.availabilityLink } }
      : {}),
  });
}
