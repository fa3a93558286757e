// The pages behind the human tasks' e-mailed links (offer, assessment, financing decision,
// escalation, a launched project's check-in and closing, the vetting of a registered manager): a
// summary, then a form that posts back to the same link. Server-rendered, no JavaScript. Each kind's
// fields are in tasks/; the form becomes the JSON contract with taskFormToAnswer
// (shared/schemas/task-forms.ts) and its errors are worded by task-errors.ts.
import type { VNode } from 'preact';
import type { EscalationReason } from '#shared/domain/application.ts';
import type { CollaborationCatalogue, MemberStatus } from '#shared/domain/collaboration.ts';
import { defaultDmaBands } from '#shared/domain/dma-score.ts';
import type { HumanTaskKind } from '#shared/domain/human-tasks.ts';
import { type DmaDimension, dmaDimensions } from '#shared/domain/manager.ts';
import { type AssessmentModel, type DmaBands, defaultAssessmentModel } from '#shared/domain/programme.ts';
import type { CatalogueService, ServiceCategory, ServiceMode } from '#shared/domain/services.ts';
import { sitePath } from '#shared/http/routes.ts';
import { formatDeadline, formatNumber } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, t } from '#shared/i18n/messages.ts';
import { ErrorSummary, type FormValues, fieldId, formKit } from '#shared/pages/form-kit.tsx';
import { Layout } from '#shared/pages/layout.tsx';
import { assetHref } from '#shared/pages/static-assets.ts';
import type { FieldError, InterestArea } from '#shared/schemas/application.ts';
import { AssessmentFields } from './tasks/assessment.tsx';
import { CollaborationFacts, CollaborationReportFields, JoinFields } from './tasks/collaboration.tsx';
import { EscalationFields } from './tasks/escalation.tsx';
import { AssessmentFacts, CandidateFacts, CompanyFacts } from './tasks/facts.tsx';
import { FinancingFields } from './tasks/financing.tsx';
import { CheckinFields, ClosingFields, ProjectFacts } from './tasks/monitoring.tsx';
import { OfferFields } from './tasks/offer.tsx';
import { RegistrationFields } from './tasks/registration.tsx';
import { DeliveryFields, FollowUpFields, ServiceFacts, ServicePlanFacts } from './tasks/services.tsx';
import { VettingFields } from './tasks/vetting.tsx';

export interface TaskPageContext {
  readonly lang: Language;
  readonly kind: HumanTaskKind;
  /** Absolute path of the link (the form posts back to it). */
  readonly formAction: string;
  /** ISO date-time; shown as "answer by" in Europe/Rome time. */
  readonly dueAt: string;
  /** True when shown after a reminder (just a hint line). */
  readonly reminder: boolean;
  /** Every SME task shows the programme and the company; the vetting of a manager has neither. */
  readonly programmeName?: string;
  readonly company?: {
    name: string;
    province: string;
    municipality?: string;
    atecoCode: string;
    atecoSection: string;
    sizeClass: string;
    employees: number;
    website?: string;
  };
  readonly interests?: readonly InterestArea[];
  /** Join and collaboration report: the collaboration, its firms, its coordinator, the cycle. */
  readonly collaboration?: {
    readonly title: string;
    readonly why: readonly string[];
    readonly benefit: string;
    readonly members: readonly { applicationId: string; name: string; status: MemberStatus }[];
    readonly coordinator?: string;
    readonly cycle?: number;
    readonly cycles?: number;
  };
  /** Vetting: the registered manager's profile (their conflicts only counted, never listed). */
  readonly candidate?: VettingCandidate;
  /** Assessment, financing and escalation context. */
  readonly manager?: { name: string };
  /**
   * Assessment: the programme's model; the internationalisation questions are asked (and required)
   * only with `dma_internationalisation`.
   * @default 'dma'
   */
  readonly assessmentModel?: AssessmentModel;
  /** A services programme's catalogue: the assessment asks a service plan instead of a project. */
  readonly serviceCatalogue?: readonly CatalogueService[];
  /** Financing in a services programme: the plan the office approves, line by line. */
  readonly servicePlan?: ServicePlanView;
  /** Delivery: the planned service its provider records. */
  readonly service?: {
    readonly name: string;
    readonly category: ServiceCategory;
    readonly mode: ServiceMode;
    readonly valueEur: number;
    readonly number: number;
    readonly of: number;
  };
  /** The programme's collaboration catalogue, where the assessment asks the firm's profile. */
  readonly collaborationCatalogue?: CollaborationCatalogue;
  /** Assessment: the programme's DMA bands, for the overall score shown while typing. */
  readonly dmaBands?: DmaBands;
  /** The financing page shows it. */
  readonly assessment?: {
    overall: number;
    band: string;
    scores: Record<DmaDimension, number>;
    improvementAreas: InterestArea[];
    /** The manager's findings about the firm (free text, shown to the office only). */
    findings?: string;
    projectRecommended: boolean;
    project?: {
      title: string;
      objectives: string;
      durationMonths: number;
      budgetEur: number;
      kpis: { name: string; unit: string; baseline: number; target: number }[];
      qualitativeObjectives?: readonly string[];
    };
  };
  readonly escalationReason?: EscalationReason;
  /** Escalation: the managers the office may assign. */
  readonly candidateManagers?: readonly { managerId: string; name: string; load: number; capacity: number }[];
  /** Financing, de minimis programmes: the single undertaking's figures and how the aid is counted. */
  readonly deMinimis?: {
    readonly ceilingEur: number;
    readonly usedEur: number;
    readonly headroomEur: number;
    readonly windowYears: number;
    readonly assessmentAidEur: number;
    readonly financingPercent: number;
  };
  /** Registration: what the office registers in the RNA. */
  readonly registration?: {
    readonly concessionId: string;
    readonly carCode: string | null;
    readonly regulation: string;
    readonly grantedOn: string;
    readonly nominalAmountEur: number;
    readonly aidAmountEur: number;
    readonly beneficiary: string;
    readonly projectTitle: string;
  };
  /** Financing: shown next to the amount field. */
  readonly budgetLeftEur?: number;
  readonly perProjectCapEur?: number;
  /** Check-in and closing: the launched project being monitored. */
  readonly project?: MonitoredProject;
  /** A note above the form (a draft saved or resumed). */
  readonly notice?: { readonly tone: 'ok' | 'bad'; readonly message: string };
  /** The form can be saved unfinished, on the same link. */
  readonly draftable?: boolean;
  /** Submitted values by field name, shown again after an error. */
  readonly values?: Readonly<Record<string, string | readonly string[]>>;
  readonly errors?: readonly FieldError[];
}

/** A service plan as the office reads it: each line's service, quantity, value and aid, and the totals. */
export interface ServicePlanView {
  readonly lines: readonly { name: string; quantity: number; valueEur: number; aidEur: number }[];
  readonly valueEur: number;
  readonly aidEur: number;
}

/** What the vetting page shows about a manager who registered. */
export interface VettingCandidate {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly languages: readonly string[];
  /** ATECO 2025 section letters. */
  readonly atecoSections: readonly string[];
  /** ATECO 2025 divisions, two digits. */
  readonly atecoDivisions: readonly string[];
  /** Interest areas and DMA dimensions (codes). */
  readonly competences: readonly string[];
  /** Lombardy province codes. */
  readonly provinces: readonly string[];
  readonly capacity: number;
  readonly cv?: string;
  /** How many companies (Partita IVA) the manager declared ties to. */
  readonly conflictsCount: number;
}

/** What the check-in and closing pages show about the project and ask about, in its order. */
export interface MonitoredProject {
  readonly title: string;
  readonly durationMonths: number;
  /** ISO date-time of the launch (the financing approval). */
  readonly launchedAt: string;
  /** The funding approved, in euro. */
  readonly amountEur: number;
  readonly kpis: readonly {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    /** Where the linear trajectory from baseline to target says the KPI should be now. */
    expected: number;
    /** The value recorded at the last check-in, if any. */
    last?: number;
  }[];
  readonly qualitativeObjectives: readonly string[];
  /** This check-in's number (1-based) and how many the project has; the last one is the closing. */
  readonly cycle: number;
  readonly cycles: number;
  /**
   * The assessment's DMA (T0), shown beside the T1 inputs on the closing page; its band as recorded
   * with the assessment (the programme's bands then, the one the SME was told).
   */
  readonly t0?: { overall: number; band: string; scores: Readonly<Record<DmaDimension, number>> };
}

/** Where the error summary's link for a field should land (the first control of a group). */
function anchorFor(field: string): string {
  if (field === 'improvementAreas' || field.startsWith('improvementAreas.')) {
    return fieldId('improvementAreas.0');
  }
  if (field === 'dma') return fieldId(`dma.${dmaDimensions[0]}`);
  if (field === 'internationalisation') return fieldId('internationalisation.segment');
  if (field === 'project') return fieldId('project.title');
  if (field === 'project.kpis') return fieldId('project.kpis.0.name');
  if (field === 'kpiValues') return fieldId('kpiValues.0');
  if (field === 'qualitativeProgress') return fieldId('qualitativeProgress.0');
  const row = /^project\.kpis\.(\d+)$/.exec(field);
  if (row) return fieldId(`project.kpis.${row[1]}.name`);
  return fieldId(field);
}

function intro(ctx: TaskPageContext): string[] {
  const { lang } = ctx;
  const common = { programme: ctx.programmeName ?? '—', company: ctx.company?.name ?? '—' };
  switch (ctx.kind) {
    case 'offer':
      return [t(lang, 'offer.intro', common), t(lang, 'offer.privacy')];
    case 'assessment':
      return [t(lang, 'assessment.intro', common)];
    case 'financing':
      return [
        t(lang, ctx.servicePlan ? 'financing.intro.services' : 'financing.intro', {
          ...common,
          manager: ctx.manager?.name ?? '—',
        }),
      ];
    case 'escalation':
      return [t(lang, 'escalation.intro', common)];
    case 'checkin':
      return [t(lang, 'checkin.intro', common)];
    case 'closing':
      return [t(lang, 'closing.intro', common)];
    case 'vetting':
      return [t(lang, 'vetting.intro', { manager: ctx.candidate?.name ?? '—' })];
    case 'registration':
      return [t(lang, 'registration.intro', common)];
    case 'join':
      return [t(lang, 'join.intro', common)];
    case 'delivery':
      return [
        t(lang, 'delivery.intro', {
          ...common,
          service: ctx.service?.name ?? '—',
          number: ctx.service?.number ?? 1,
          of: ctx.service?.of ?? 1,
        }),
      ];
    case 'followup':
      return [t(lang, 'followup.intro', common)];
    case 'collaboration_report':
      return [
        t(lang, 'collaboration_report.intro', {
          ...common,
          title: ctx.collaboration?.title ?? '—',
          cycle: ctx.collaboration?.cycle ?? 1,
          cycles: ctx.collaboration?.cycles ?? 1,
        }),
      ];
  }
}

/** Whether a task's page loads a script (the assessment's live score): its CSP must allow it. */
export const taskPageHasScript = (kind: HumanTaskKind) => kind === 'assessment';

/** What a form shows before anything was posted: the financing's amount, the project's as proposed. */
function initialValues(ctx: TaskPageContext): FormValues {
  const proposed =
    ctx.kind === 'financing' ? (ctx.servicePlan?.valueEur ?? ctx.assessment?.project?.budgetEur) : undefined;
  return proposed === undefined ? {} : { amountEur: formatNumber(proposed, ctx.lang) };
}

/** The page of an open task: what is asked, by when, a summary, then the form. */
export function TaskPage(ctx: TaskPageContext): VNode {
  const { lang, kind } = ctx;
  const title = t(lang, `${kind}.title`);
  const values = ctx.values ?? initialValues(ctx);
  const errors = ctx.errors ?? [];
  const kit = formKit(lang, values, errors);
  return (
    <Layout lang={lang} title={title} switchHref={ctx.formAction}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} anchorOf={anchorFor} />
      {ctx.reminder ? (
        <p class="notice" role="status">
          {t(lang, 'task.reminder')}
        </p>
      ) : null}
      {ctx.notice ? (
        <p class={`notice ${ctx.notice.tone}`} role="status" data-testid="task-notice">
          {ctx.notice.message}
        </p>
      ) : null}
      {intro(ctx).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <p>
        <strong>{t(lang, 'task.answerBy', { date: formatDeadline(ctx.dueAt, lang) })}</strong>
      </p>
      {kind === 'escalation' && ctx.escalationReason ? (
        <div class="notice">
          <h2>{t(lang, 'escalation.reason')}</h2>
          <p>{t(lang, `escalation.reason.${ctx.escalationReason}`)}</p>
        </div>
      ) : null}
      <h2>{t(lang, kind === 'vetting' ? 'vetting.section.candidate' : 'task.summary')}</h2>
      {kind !== 'vetting' && ctx.company ? <CompanyFacts ctx={ctx} company={ctx.company} /> : null}
      {kind === 'vetting' && ctx.candidate ? <CandidateFacts lang={lang} candidate={ctx.candidate} /> : null}
      {kind !== 'offer' && ctx.assessment ? (
        <AssessmentFacts lang={lang} assessment={ctx.assessment} />
      ) : null}
      {kind === 'join' || kind === 'collaboration_report' ? <CollaborationFacts ctx={ctx} /> : null}
      {kind === 'financing' && ctx.servicePlan ? (
        <ServicePlanFacts lang={lang} plan={ctx.servicePlan} />
      ) : null}
      {kind === 'delivery' && ctx.service ? <ServiceFacts lang={lang} service={ctx.service} /> : null}
      {(kind === 'checkin' || kind === 'closing') && ctx.project ? (
        <ProjectFacts lang={lang} project={ctx.project} />
      ) : null}
      <form
        method="post"
        action={sitePath(ctx.formAction)}
        noValidate
        data-assessment={kind === 'assessment' ? '' : undefined}
      >
        <input type="hidden" name="lang" value={lang} />
        {kind === 'offer' ? <OfferFields lang={lang} kit={kit} /> : null}
        {kind === 'assessment' ? (
          <AssessmentFields
            lang={lang}
            kit={kit}
            values={values}
            model={ctx.assessmentModel ?? defaultAssessmentModel}
            bands={ctx.dmaBands ?? defaultDmaBands}
            perProjectCapEur={ctx.perProjectCapEur}
            collaborationCatalogue={ctx.collaborationCatalogue}
            serviceCatalogue={ctx.serviceCatalogue}
          />
        ) : null}
        {kind === 'financing' ? <FinancingFields ctx={ctx} kit={kit} /> : null}
        {kind === 'escalation' ? <EscalationFields ctx={ctx} kit={kit} /> : null}
        {kind === 'checkin' || kind === 'closing' ? (
          <CheckinFields ctx={ctx} kit={kit} values={values} />
        ) : null}
        {kind === 'closing' ? <ClosingFields ctx={ctx} kit={kit} /> : null}
        {kind === 'vetting' ? <VettingFields lang={lang} kit={kit} /> : null}
        {kind === 'registration' ? <RegistrationFields ctx={ctx} kit={kit} /> : null}
        {kind === 'join' ? <JoinFields ctx={ctx} kit={kit} /> : null}
        {kind === 'collaboration_report' ? <CollaborationReportFields ctx={ctx} kit={kit} /> : null}
        {kind === 'delivery' ? <DeliveryFields ctx={ctx} kit={kit} /> : null}
        {kind === 'followup' ? <FollowUpFields ctx={ctx} kit={kit} /> : null}
        <button type="submit">{t(lang, 'task.submit')}</button>
        {ctx.draftable ? (
          <>
            {' '}
            <button type="submit" name="intent" value="draft" class="secondary" formNoValidate>
              {t(lang, 'task.draft.save')}
            </button>
          </>
        ) : null}
      </form>
      {taskPageHasScript(kind) ? <script src={assetHref('assessment-score')} /> : null}
    </Layout>
  );
}

/** A link that can no longer be answered: says why and what to do next, and nothing else. */
export function TaskClosedPage(props: {
  lang: Language;
  reason: 'answered' | 'expired' | 'cancelled' | 'unknown';
}): VNode {
  const { lang, reason } = props;
  const title = t(lang, `task.closed.${reason}.title`);
  return (
    <Layout lang={lang} title={title}>
      <div class={reason === 'unknown' ? 'notice bad' : 'notice'} role="status">
        <h1>{title}</h1>
        <p>{t(lang, `task.closed.${reason}.body`)}</p>
      </div>
      <p>{t(lang, `task.closed.${reason}.next`)}</p>
      <p>
        <a href={sitePath(`/?lang=${lang}`)}>{t(lang, 'page.backHome')}</a>
      </p>
    </Layout>
  );
}

/** What callers may pass for an assessment's "decision" (the workflow output has a boolean). */
const assessmentDecisionAliases: Readonly<Record<string, string>> = {
  true: 'project',
  projectRecommended: 'project',
  false: 'no_project',
  noProject: 'no_project',
};

/**
 * The thank-you page after a successful answer.
 * @param decision - offer: accept | decline; assessment: project | no_project (also true | false,
 *   projectRecommended | noProject); financing: approve | reject; escalation: assign | close;
 *   checkin: submitted (a check-in has one outcome, so any value says it); closing: the outcome
 *   code, completed | completed_partially | abandoned (anything else gets a generic line); vetting:
 *   approve | reject
 */
export function TaskDonePage(props: { lang: Language; kind: HumanTaskKind; decision: string }): VNode {
  const { lang } = props;
  const title = t(lang, 'task.done.title');
  const decision =
    props.kind === 'checkin'
      ? 'submitted'
      : props.kind === 'assessment' && Object.hasOwn(assessmentDecisionAliases, props.decision)
        ? assessmentDecisionAliases[props.decision]
        : props.decision;
  const key = `task.done.${props.kind}.${decision}`;
  return (
    <Layout lang={lang} title={title}>
      <div class="notice ok" role="status">
        <h1>{title}</h1>
        <p>{isMessageKey(key) ? t(lang, key) : t(lang, 'task.done.generic')}</p>
      </div>
      <p>{t(lang, 'task.done.next')}</p>
    </Layout>
  );
}

export { taskFormToAnswer } from '#shared/schemas/task-forms.ts';
export { describeTaskAnswerErrors, type TaskFieldNames } from './task-errors.ts';
