// The e-mails of a services programme (an EDIH): the provider's request to record each planned
// service, and the expert's request for the T1 DMA. Italian and English, with the task's link.
import { formatEuro } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { type RenderedEmail, renderTaskEmail } from './templates.tsx';

/** To the provider: record whether a planned service was delivered. */
export function deliveryRequestEmail(
  lang: Language,
  data: {
    recipientName: string;
    companyName: string;
    programmeName: string;
    serviceName: string;
    valueEur: number;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'servicesEmail.delivery.subject', {
      service: data.serviceName,
      company: data.companyName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.recipientName }),
    paragraphs: [
      t(lang, 'servicesEmail.delivery.body', {
        service: data.serviceName,
        company: data.companyName,
        programme: data.programmeName,
        value: formatEuro(data.valueEur, lang),
      }),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'servicesEmail.delivery.link'), url: data.link },
  });
}

/** To the expert: the customer's DMA again (T1), after the services. */
export function followUpRequestEmail(
  lang: Language,
  data: {
    managerName: string;
    companyName: string;
    programmeName: string;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'servicesEmail.followUp.subject', { company: data.companyName }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'servicesEmail.followUp.body', { company: data.companyName, programme: data.programmeName }),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'servicesEmail.followUp.link'), url: data.link },
  });
}
