// The e-mails of a collaboration between firms: the invitation to each firm (join or decline), the
// start (or not) to those who joined and the coordinator, the coordinator's verification request,
// the office's notice of a firm without benefit, and the closing with each firm's benefit.
import { formatEuro } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { type RenderedEmail, renderEmail, renderTaskEmail } from './templates.tsx';

interface About {
  readonly programmeName: string;
  /** The collaboration's title (opportunityTitle). */
  readonly title: string;
}

/** To a firm's contact: the collaboration proposed, the other firms, the link to join or decline. */
export function joinInvitationEmail(
  lang: Language,
  data: About & {
    contactName: string;
    companyName: string;
    members: readonly string[];
    benefit: string;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'collaborationEmail.join.subject', { title: data.title }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'collaborationEmail.join.body', {
        programme: data.programmeName,
        company: data.companyName,
        title: data.title,
        members: data.members.join(', '),
        benefit: data.benefit,
      }),
      t(lang, 'collaborationEmail.join.action'),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'collaborationEmail.join.link'), url: data.link },
  });
}

/** To each firm that joined and to the coordinator: the collaboration starts, or it does not. */
export function collaborationStartEmail(
  lang: Language,
  data: About & { name: string; started: boolean; members: readonly string[]; coordinator: string },
): RenderedEmail {
  const key = data.started ? 'started' : 'notStarted';
  return renderEmail(lang, {
    subject: t(lang, `collaborationEmail.${key}.subject`, { title: data.title }),
    greeting: t(lang, 'email.greeting', { name: data.name }),
    paragraphs: [
      t(lang, `collaborationEmail.${key}.body`, {
        title: data.title,
        programme: data.programmeName,
        members: data.members.join(', '),
        coordinator: data.coordinator,
      }),
    ],
  });
}

/** To the coordinator: the verification of a cycle, with its link. */
export function collaborationReportEmail(
  lang: Language,
  data: About & {
    managerName: string;
    cycle: number;
    cycles: number;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'collaborationEmail.report.subject', {
      title: data.title,
      cycle: data.cycle,
      cycles: data.cycles,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'collaborationEmail.report.body', { title: data.title, programme: data.programmeName }),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'collaborationEmail.report.link'), url: data.link },
  });
}

/** To the programme office: a member has had no benefit for the programme's number of cycles. */
export function noBenefitFlagEmail(
  lang: Language,
  data: About & { companyName: string; cycles: number },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'collaborationEmail.flag.subject', { company: data.companyName, cycles: data.cycles }),
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [
      t(lang, 'collaborationEmail.flag.body', {
        title: data.title,
        company: data.companyName,
        cycles: data.cycles,
      }),
    ],
  });
}

/** To the office and each firm that took part: the final report, each firm's benefit. */
export function collaborationClosedEmail(
  lang: Language,
  data: About & {
    name: string;
    cycles: number;
    totalEur: number;
    benefits: readonly { companyName: string; benefitEur: number }[];
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'collaborationEmail.closed.subject', { title: data.title }),
    greeting: t(lang, 'email.greeting', { name: data.name }),
    paragraphs: [
      t(lang, 'collaborationEmail.closed.body', {
        title: data.title,
        programme: data.programmeName,
        cycles: data.cycles,
        total: formatEuro(data.totalEur, lang),
      }),
      ...data.benefits.map((b) =>
        t(lang, 'collaborationEmail.closed.member', {
          company: b.companyName,
          amount: formatEuro(b.benefitEur, lang),
        }),
      ),
    ],
  });
}
