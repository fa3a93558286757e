// The e-mails of the SME journey: task requests with their links (offer, assessment, financing
// decision, escalation), the introductions, the assessment summary, the launch and the closing;
// then the launched project's monitoring (check-in requests, summaries, the office's notices, the
// project's closing). In
// Italian and English, plain text plus HTML through renderEmail; money in euro and dates in Italian
// time, written the way each language writes them.
import type { EscalationReason, JourneyOutcome } from '#shared/domain/application.ts';
import type { DmaBandCode } from '#shared/domain/dma-score.ts';
import type { projectOutcomes } from '#shared/domain/human-tasks.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import { type DmaDimension, dmaDimensions } from '#shared/domain/manager.ts';
import { formatChange, formatEuro, formatNumber, formatPhone } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { InterestArea } from '#shared/schemas/application.ts';
import { type RenderedEmail, renderEmail, renderTaskEmail } from './templates.tsx';

const formatScore = (score: number, lang: Language) => formatNumber(score, lang, 1);

const provinceName = (code: string) =>
  Object.hasOwn(lombardyProvinces, code)
    ? `${lombardyProvinces[code as keyof typeof lombardyProvinces]} (${code})`
    : code;

/** To a manager: a company to follow (no contact details before acceptance), with the answer link. */
export function offerEmail(
  lang: Language,
  data: {
    managerName: string;
    companyName: string;
    programmeName: string;
    sectorCode: string;
    province: string;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'journeyEmail.offer.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'journeyEmail.offer.body', {
        programme: data.programmeName,
        company: data.companyName,
        sector: data.sectorCode,
        province: provinceName(data.province),
      }),
      t(lang, 'journeyEmail.offer.action'),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'journeyEmail.offer.link'), url: data.link },
  });
}

/** To the SME's contact: who their manager is and how to reach them. */
export function introductionToSmeEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    managerName: string;
    managerEmail: string;
    managerPhone?: string;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'journeyEmail.introSme.subject', { programme: data.programmeName }),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'journeyEmail.introSme.body', {
        manager: data.managerName,
        company: data.companyName,
        programme: data.programmeName,
      }),
      t(lang, 'journeyEmail.introSme.email', { email: data.managerEmail }),
      ...(data.managerPhone
        ? [t(lang, 'journeyEmail.introSme.phone', { phone: formatPhone(data.managerPhone) })]
        : []),
    ],
  });
}

/** To the manager who accepted: the SME's contact person. */
export function introductionToManagerEmail(
  lang: Language,
  data: {
    managerName: string;
    companyName: string;
    contactName: string;
    contactEmail: string;
    contactPhone?: string;
    programmeName: string;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'journeyEmail.introManager.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'journeyEmail.introManager.body', {
        company: data.companyName,
        programme: data.programmeName,
        contact: data.contactName,
      }),
      t(lang, 'journeyEmail.introManager.email', { email: data.contactEmail }),
      ...(data.contactPhone
        ? [t(lang, 'journeyEmail.introManager.phone', { phone: formatPhone(data.contactPhone) })]
        : []),
      t(lang, 'journeyEmail.introManager.next'),
    ],
  });
}

/** To the manager: the link to record the assessment. */
export function assessmentRequestEmail(
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
    subject: t(lang, 'journeyEmail.assessmentRequest.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [
      t(lang, 'journeyEmail.assessmentRequest.body', {
        company: data.companyName,
        programme: data.programmeName,
      }),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'journeyEmail.assessmentRequest.link'), url: data.link },
  });
}

/** To the SME: the DMA scores, the ranked improvement areas and whether a project was proposed. */
export function assessmentSummaryEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    overall: number;
    band: DmaBandCode;
    scores: Readonly<Record<DmaDimension, number>>;
    improvementAreas: readonly InterestArea[];
    projectRecommended: boolean;
    projectTitle?: string;
    /** A services programme: the services the expert proposes ("2 × AI course"), for the office's approval. */
    servicePlan?: readonly string[];
  },
): RenderedEmail {
  const band = t(lang, `dmaBand.${data.band}`);
  const scores = dmaDimensions
    .map((dimension) => `${t(lang, `dma.${dimension}`)} ${formatScore(data.scores[dimension], lang)}`)
    .join('; ');
  const areas = data.improvementAreas
    .map((area, index) => `${index + 1}. ${t(lang, `interest.${area}`)}`)
    .join('; ');
  return renderEmail(lang, {
    subject: t(lang, 'journeyEmail.assessmentSummary.subject', { programme: data.programmeName }),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'journeyEmail.assessmentSummary.body', {
        company: data.companyName,
        programme: data.programmeName,
      }),
      t(lang, 'journeyEmail.assessmentSummary.overall', { overall: formatScore(data.overall, lang), band }),
      t(lang, 'journeyEmail.assessmentSummary.scores', { scores }),
      ...(areas ? [t(lang, 'journeyEmail.assessmentSummary.areas', { areas })] : []),
      data.servicePlan
        ? data.servicePlan.length > 0
          ? t(lang, 'journeyEmail.assessmentSummary.plan', { services: data.servicePlan.join('; ') })
          : t(lang, 'journeyEmail.assessmentSummary.noPlan')
        : data.projectRecommended && data.projectTitle
          ? t(lang, 'journeyEmail.assessmentSummary.project', { title: data.projectTitle })
          : t(lang, 'journeyEmail.assessmentSummary.noProject'),
    ],
  });
}

/** To the programme office: a project proposal waiting for the financing decision. */
export function financingRequestEmail(
  lang: Language,
  data: {
    companyName: string;
    programmeName: string;
    projectTitle: string;
    budgetEur: number;
    managerName: string;
    dueAt: string;
    link: string;
    reminder: boolean;
    /** Asked again: an approved amount no longer fitted the budget left. */
    askedAgain?: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'journeyEmail.financing.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [
      ...(data.askedAgain ? [t(lang, 'journeyEmail.financing.askedAgain')] : []),
      t(lang, 'journeyEmail.financing.body', {
        manager: data.managerName,
        company: data.companyName,
        programme: data.programmeName,
        title: data.projectTitle,
        budget: formatEuro(data.budgetEur, lang),
      }),
      t(lang, 'journeyEmail.financing.action'),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'journeyEmail.financing.link'), url: data.link },
  });
}

/** To the programme office: register the approved aid in the RNA and enter the COR it returns. */
export function registrationRequestEmail(
  lang: Language,
  data: {
    companyName: string;
    programmeName: string;
    projectTitle: string;
    amountEur: number;
    aidAmountEur: number;
    carCode: string | null;
    concessionId: string;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'journeyEmail.registration.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [
      t(lang, 'journeyEmail.registration.body', {
        company: data.companyName,
        title: data.projectTitle,
        amount: formatEuro(data.amountEur, lang),
        aid: formatEuro(data.aidAmountEur, lang),
        car: data.carCode ?? t(lang, 'registration.carMissing'),
        concessionId: data.concessionId,
      }),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'journeyEmail.registration.link'), url: data.link },
  });
}

/** To the programme office: a journey that stopped (no manager, assessment overdue). */
export function escalationEmail(
  lang: Language,
  data: {
    companyName: string;
    programmeName: string;
    reason: EscalationReason;
    dueAt: string;
    link: string;
    reminder: boolean;
  },
): RenderedEmail {
  return renderTaskEmail(lang, {
    subject: t(lang, 'journeyEmail.escalation.subject', {
      company: data.companyName,
      programme: data.programmeName,
    }),
    reminder: data.reminder,
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [
      t(lang, 'journeyEmail.escalation.body', { company: data.companyName, programme: data.programmeName }),
      t(lang, `escalation.reason.${data.reason}`),
      t(lang, 'journeyEmail.escalation.action'),
    ],
    dueAt: data.dueAt,
    link: { label: t(lang, 'journeyEmail.escalation.link'), url: data.link },
  });
}

/** To the SME's contact and to the manager: the project is funded and launched. */
export function projectLaunchedEmail(
  lang: Language,
  data: {
    recipientName: string;
    companyName: string;
    programmeName: string;
    projectTitle: string;
    amountEur: number;
    /** The aid's code in the national State-aid register, where the programme gives state aid. */
    cor?: string;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'journeyEmail.launched.subject', {
      title: data.projectTitle,
      programme: data.programmeName,
    }),
    greeting: t(lang, 'email.greeting', { name: data.recipientName }),
    paragraphs: [
      t(lang, 'journeyEmail.launched.body', {
        title: data.projectTitle,
        company: data.companyName,
        programme: data.programmeName,
        amount: formatEuro(data.amountEur, lang),
      }),
      ...(data.cor ? [t(lang, 'journeyEmail.launched.cor', { cor: data.cor })] : []),
      t(lang, 'journeyEmail.launched.next'),
    ],
  });
}

/** To the SME's contact: the journey ended, and why. */
export function journeyClosedEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    outcome: JourneyOutcome;
  },
): RenderedEmail {
  return renderEmail(lang, {
    subject: t(lang, 'journeyEmail.closed.subject', { programme: data.programmeName }),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'journeyEmail.closed.body', { company: data.companyName, programme: data.programmeName }),
      t(lang, `outcome.${data.outcome}`),
      t(lang, 'journeyEmail.closed.thanks'),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Project monitoring: the check-in and closing requests, the summary to the SME, the programme
// office's notices (at risk, missed check-in) and the closing.

type ProjectOutcome = (typeof projectOutcomes)[number];

const formatValue = (value: number, lang: Language) => formatNumber(value, lang);

/**
 * To the manager: the link to a check-in, or to the closing on the last cycle.
 * @param data.final - whether this is the closing task; by default, when cycle ≥ cycles
 */
export function checkinRequestEmail(
  lang: Language,
  data: {
    managerName: string;
    companyName: string;
    programmeName: string;
    projectTitle: string;
    cycle: number;
    cycles: number;
    dueAt: string;
    link: string;
    reminder: boolean;
    final?: boolean;
  },
): RenderedEmail {
  const kind = (data.final ?? data.cycle >= data.cycles) ? 'closing' : 'checkin';
  const params = {
    title: data.projectTitle,
    company: data.companyName,
    programme: data.programmeName,
    cycle: data.cycle,
    cycles: data.cycles,
  };
  return renderTaskEmail(lang, {
    subject: t(lang, `monitoringEmail.${kind}.subject`, params),
    reminder: data.reminder,
    greeting: t(lang, 'email.greeting', { name: data.managerName }),
    paragraphs: [t(lang, `monitoringEmail.${kind}.body`, params), t(lang, `monitoringEmail.${kind}.action`)],
    dueAt: data.dueAt,
    link: { label: t(lang, `monitoringEmail.${kind}.link`), url: data.link },
  });
}

/** To the SME's contact: the check-in as recorded, each KPI against its baseline and target. */
export function checkinSummaryEmail(
  lang: Language,
  data: {
    contactName: string;
    companyName: string;
    programmeName: string;
    projectTitle: string;
    cycle: number;
    kpis: readonly {
      name: string;
      unit: string;
      baseline: number;
      value: number;
      target: number;
      onTrack: boolean;
    }[];
    economicBenefitEur: number;
    spentEur: number;
  },
): RenderedEmail {
  const params = {
    title: data.projectTitle,
    company: data.companyName,
    programme: data.programmeName,
    cycle: data.cycle,
  };
  return renderEmail(lang, {
    subject: t(lang, 'monitoringEmail.summary.subject', params),
    greeting: t(lang, 'email.greeting', { name: data.contactName }),
    paragraphs: [
      t(lang, 'monitoringEmail.summary.body', params),
      ...data.kpis.map((kpi) =>
        t(lang, 'monitoringEmail.summary.kpi', {
          name: kpi.name,
          unit: kpi.unit,
          value: formatValue(kpi.value, lang),
          baseline: formatValue(kpi.baseline, lang),
          target: formatValue(kpi.target, lang),
          status: t(lang, kpi.onTrack ? 'monitoringEmail.summary.onTrack' : 'monitoringEmail.summary.behind'),
        }),
      ),
      t(lang, 'monitoringEmail.summary.benefit', { amount: formatEuro(data.economicBenefitEur, lang) }),
      t(lang, 'monitoringEmail.summary.spent', { amount: formatEuro(data.spentEur, lang) }),
    ],
  });
}

/** To the programme office: KPIs behind their trajectory at a check-in (the project is at risk). */
export function projectAtRiskEmail(
  lang: Language,
  data: {
    companyName: string;
    programmeName: string;
    projectTitle: string;
    cycle: number;
    kpisBehind: readonly { name: string; unit: string; value: number; expected: number }[];
  },
): RenderedEmail {
  const params = {
    title: data.projectTitle,
    company: data.companyName,
    programme: data.programmeName,
    cycle: data.cycle,
  };
  return renderEmail(lang, {
    subject: t(lang, 'monitoringEmail.atRisk.subject', params),
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [
      t(lang, 'monitoringEmail.atRisk.body', params),
      ...data.kpisBehind.map((kpi) =>
        t(lang, 'monitoringEmail.atRisk.kpi', {
          name: kpi.name,
          unit: kpi.unit,
          value: formatValue(kpi.value, lang),
          expected: formatValue(kpi.expected, lang),
        }),
      ),
      t(lang, 'monitoringEmail.atRisk.action'),
    ],
  });
}

/** To the programme office: a check-in not recorded in time, even after the reminder. */
export function checkinMissedEmail(
  lang: Language,
  data: { companyName: string; programmeName: string; projectTitle: string; cycle: number },
): RenderedEmail {
  const params = {
    title: data.projectTitle,
    company: data.companyName,
    programme: data.programmeName,
    cycle: data.cycle,
  };
  return renderEmail(lang, {
    subject: t(lang, 'monitoringEmail.missed.subject', params),
    greeting: t(lang, 'journeyEmail.officeGreeting'),
    paragraphs: [t(lang, 'monitoringEmail.missed.body', params), t(lang, 'monitoringEmail.missed.action')],
  });
}

/**
 * To the SME's contact, the manager or the office: the project closed, with its outcome, the DMA
 * T0 → T1, the economic benefit and the spending (the unspent part returns to the programme).
 * @param data.t0Overall, data.t1Overall - the DMA overall scores; the line is left out when either
 *   is missing (no closing report)
 */
export function projectClosedEmail(
  lang: Language,
  data: {
    recipientName: string;
    companyName: string;
    programmeName: string;
    projectTitle: string;
    outcome: ProjectOutcome;
    t0Overall?: number | undefined;
    t1Overall?: number | undefined;
    economicBenefitEur: number;
    spentEur: number;
    unspentEur: number;
  },
): RenderedEmail {
  const params = {
    title: data.projectTitle,
    company: data.companyName,
    programme: data.programmeName,
    outcome: t(lang, `projectOutcome.${data.outcome}`),
  };
  const { t0Overall: t0, t1Overall: t1 } = data;
  return renderEmail(lang, {
    subject: t(lang, 'monitoringEmail.closed.subject', params),
    greeting: t(lang, 'email.greeting', { name: data.recipientName }),
    paragraphs: [
      t(lang, 'monitoringEmail.closed.body', params),
      ...(t0 === undefined || t1 === undefined
        ? []
        : [
            t(lang, 'monitoringEmail.closed.dma', {
              t0: formatScore(t0, lang),
              t1: formatScore(t1, lang),
              change: formatChange(Math.round((t1 - t0) * 10) / 10, lang),
            }),
          ]),
      t(lang, 'monitoringEmail.closed.benefit', { amount: formatEuro(data.economicBenefitEur, lang) }),
      t(lang, 'monitoringEmail.closed.spent', {
        spent: formatEuro(data.spentEur, lang),
        unspent: formatEuro(data.unspentEur, lang),
      }),
      t(lang, 'monitoringEmail.closed.thanks'),
    ],
  });
}
