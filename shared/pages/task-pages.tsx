// The pages behind the human tasks' e-mailed links (offer, assessment, financing decision,
// escalation, a launched project's check-in and closing, the vetting of a registered manager): a
// summary, then a form that posts back to the same link. Server-rendered, no JavaScript. The form's
// fields (dotted names, everything a string) become the JSON contract's shape with
// taskFormToAnswer, so the same zod schema validates a form and a JSON answer.
import type { VNode } from 'preact';
import type * as z from 'zod';
import { type HumanTaskKind, projectOutcomes, qualitativeProgress } from '#shared/domain/human-tasks.ts';
import { lombardyProvinces } from '#shared/domain/lombardy.ts';
import { type DmaDimension, dmaDimensions } from '#shared/domain/manager.ts';
import { type AssessmentModel, defaultAssessmentModel } from '#shared/domain/programme.ts';
import { sitePath } from '#shared/http/routes.ts';
import { formatEuro, formatNumber, formatRomeDate, formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, type MessageKey, t } from '#shared/i18n/messages.ts';
import {
  type InterestArea,
  interestAreas,
  parseLocaleNumber,
  unknownFieldErrors,
} from '#shared/schemas/application.ts';
import type { FieldError } from './application-form.tsx';
import { Layout } from './layout.tsx';

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
  /** The financing page shows it. */
  readonly assessment?: {
    overall: number;
    band: string;
    scores: Record<DmaDimension, number>;
    improvementAreas: InterestArea[];
    projectRecommended: boolean;
    project?: {
      title: string;
      objectives: string;
      durationMonths: number;
      budgetEur: number;
      kpis: { name: string; unit: string; baseline: number; target: number }[];
    };
  };
  readonly escalationReason?: 'no_manager' | 'assessment_overdue';
  /** Escalation: the managers the office may assign. */
  readonly candidateManagers?: readonly { managerId: string; name: string; load: number; capacity: number }[];
  /** Financing: shown next to the amount field. */
  readonly budgetLeftEur?: number;
  /** Check-in and closing: the launched project being monitored. */
  readonly project?: MonitoredProject;
  /** Submitted values by field name, shown again after an error. */
  readonly values?: Readonly<Record<string, string | readonly string[]>>;
  readonly errors?: readonly FieldError[];
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

type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** Positions offered for ranking the improvement areas (one per area). */
const improvementAreaSlots = interestAreas.length;
/** KPI rows the assessment form shows (more can arrive; empty rows are ignored). */
const kpiRowCount = 5;
const maxKpiRows = 20;
const kpiProperties = ['name', 'unit', 'baseline', 'target'] as const;
const segments = ['1', '2', '3', '4'] as const;

const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

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

function labelOrCode(lang: Language, key: string, fallback: string): string {
  return isMessageKey(key) ? t(lang, key) : fallback;
}

function provinceName(code: string): string {
  return Object.hasOwn(lombardyProvinces, code)
    ? `${lombardyProvinces[code as keyof typeof lombardyProvinces]} (${code})`
    : code;
}

/** The form controls of one page, bound to its language, submitted values and errors. */
function formKit(lang: Language, values: FormValues, errors: readonly FieldError[]) {
  const errorFor = (name: string) => errors.find((error) => error.field === name)?.message;
  const value = (name: string): string => {
    const raw = values[name];
    if (raw === undefined) return '';
    return typeof raw === 'string' ? raw : (raw[raw.length - 1] ?? '');
  };
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  interface ControlProps {
    readonly name: string;
    readonly label: string;
    readonly hint?: string;
    /** Shows "(optional)" after the label. */
    readonly optional?: boolean;
    /** Shows "— only if you choose …" after the label. */
    readonly condition?: string;
    /** Always required (adds the attribute; the server validates anyway). */
    readonly required?: boolean;
  }

  const Label = (props: ControlProps & { id: string }) => (
    <label for={props.id}>
      {props.label}
      {props.optional ? ` (${t(lang, 'form.optional')})` : ''}
      {props.condition ? ` — ${props.condition}` : ''}
    </label>
  );

  const HintAndError = (props: { id: string; hint?: string; error?: string }) => (
    <>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </>
  );

  const Input = (
    props: ControlProps & {
      type?: 'text' | 'number';
      inputMode?: 'decimal' | 'numeric' | 'text';
      min?: number;
      max?: number;
      step?: number | 'any';
      autocomplete?: string;
    },
  ) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <input
          id={id}
          name={props.name}
          type={(props.type ?? 'text') as 'text'}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          step={props.step}
          value={value(props.name)}
          required={props.required}
          autoComplete={props.autocomplete ?? 'off'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        />
      </div>
    );
  };

  const TextArea = (props: ControlProps & { rows?: number; maxLength?: number }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          required={props.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
        >
          {value(props.name)}
        </textarea>
      </div>
    );
  };

  const Select = (
    props: ControlProps & {
      options: readonly { value: string; label: string }[];
      /** Error shown by the enclosing group instead (the control is still marked invalid). */
      groupError?: string;
      describedBy?: string;
    },
  ) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    const invalid = Boolean(error ?? props.groupError);
    return (
      <div class={invalid ? 'field invalid' : 'field'}>
        <Label {...props} id={id} />
        <HintAndError id={id} hint={props.hint} error={error} />
        <select
          id={id}
          name={props.name}
          required={props.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy(
            props.hint && `${id}-hint`,
            error && `${id}-error`,
            props.describedBy,
          )}
        >
          <option value="">{t(lang, 'form.choose')}</option>
          {props.options.map((option) => (
            <option value={option.value} selected={value(props.name) === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  /** A radio group: fieldset and legend, the error named once, each radio labelled. */
  const Radios = (props: {
    name: string;
    legend: string;
    options: readonly { value: string; label: string }[];
    required?: boolean;
    /**
     * Sends the name even when nothing is chosen (an empty hidden field before the radios), so an
     * unanswered group in a list keeps its position ("qualitativeProgress.2" → required).
     */
    alwaysSent?: boolean;
  }) => {
    const id = fieldId(props.name);
    const error = errorFor(props.name);
    return (
      <fieldset class={error ? 'invalid' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{props.legend}</legend>
        {props.alwaysSent ? <input type="hidden" name={props.name} value="" /> : null}
        {error ? (
          <span class="field-error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <div class="choices">
          {props.options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <label class="choice" for={optionId}>
                <input
                  type="radio"
                  id={optionId}
                  name={props.name}
                  value={option.value}
                  checked={value(props.name) === option.value}
                  required={props.required}
                  aria-invalid={error ? 'true' : undefined}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    );
  };

  return { errorFor, value, Input, TextArea, Select, Radios };
}

function ErrorSummary(props: { lang: Language; errors: readonly FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(props.lang, 'form.errorSummary')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${anchorFor(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the person needs to decide: the SME (never its contact details on an offer). */
function CompanyFacts({
  ctx,
  company,
}: {
  ctx: TaskPageContext;
  company: NonNullable<TaskPageContext['company']>;
}) {
  const { lang } = ctx;
  const beforeAcceptance = ctx.kind === 'offer';
  return (
    <dl class="facts">
      {ctx.programmeName ? (
        <>
          <dt>{t(lang, 'task.programme')}</dt>
          <dd>{ctx.programmeName}</dd>
        </>
      ) : null}
      <dt>{t(lang, 'task.company')}</dt>
      <dd>{company.name}</dd>
      <dt>{t(lang, 'task.company.sector')}</dt>
      <dd>
        {t(lang, 'task.company.sectorValue', { code: company.atecoCode, section: company.atecoSection })}
      </dd>
      <dt>{t(lang, 'task.company.province')}</dt>
      <dd>{provinceName(company.province)}</dd>
      {!beforeAcceptance && company.municipality ? (
        <>
          <dt>{t(lang, 'task.company.municipality')}</dt>
          <dd>{company.municipality}</dd>
        </>
      ) : null}
      <dt>{t(lang, 'task.company.size')}</dt>
      <dd>
        {t(lang, 'task.company.sizeValue', {
          sizeClass: labelOrCode(lang, `task.sizeClass.${company.sizeClass}`, company.sizeClass),
          employees: formatNumber(company.employees, lang),
        })}
      </dd>
      {!beforeAcceptance && company.website ? (
        <>
          <dt>{t(lang, 'task.company.website')}</dt>
          <dd>{company.website}</dd>
        </>
      ) : null}
      <dt>{t(lang, 'task.company.interests')}</dt>
      <dd class="prose">{(ctx.interests ?? []).map((area) => t(lang, `interest.${area}`)).join(', ')}</dd>
      {!beforeAcceptance && ctx.manager ? (
        <>
          <dt>{t(lang, 'task.manager')}</dt>
          <dd>{ctx.manager.name}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A list of codes as words ("C — Manufacturing, K — …"), or "none". */
function listOrNone(lang: Language, items: readonly string[], name: (item: string) => string): string {
  return items.length === 0 ? t(lang, 'vetting.none') : items.map(name).join(', ');
}

/** What the programme office needs to vet a manager: their profile as registered. */
function CandidateFacts({ lang, candidate }: { lang: Language; candidate: VettingCandidate }) {
  const competence = (code: string) =>
    (interestAreas as readonly string[]).includes(code)
      ? labelOrCode(lang, `interest.${code}`, code)
      : labelOrCode(lang, `dma.${code}`, code);
  return (
    <dl class="facts">
      <dt>{t(lang, 'field.name')}</dt>
      <dd>{candidate.name}</dd>
      <dt>{t(lang, 'field.email')}</dt>
      <dd>{candidate.email}</dd>
      {candidate.phone ? (
        <>
          <dt>{t(lang, 'field.phone')}</dt>
          <dd>{candidate.phone}</dd>
        </>
      ) : null}
      <dt>{t(lang, 'field.languages')}</dt>
      <dd>
        {listOrNone(lang, candidate.languages, (language) =>
          labelOrCode(lang, `manager.language.${language}`, language),
        )}
      </dd>
      <dt>{t(lang, 'field.atecoSections')}</dt>
      <dd class="prose">
        {listOrNone(
          lang,
          candidate.atecoSections,
          (section) => `${section} — ${labelOrCode(lang, `atecoSection.${section}`, section)}`,
        )}
      </dd>
      <dt>{t(lang, 'field.atecoDivisions')}</dt>
      <dd>{listOrNone(lang, candidate.atecoDivisions, (division) => division)}</dd>
      <dt>{t(lang, 'field.competences')}</dt>
      <dd class="prose">{listOrNone(lang, candidate.competences, competence)}</dd>
      <dt>{t(lang, 'field.provinces')}</dt>
      <dd class="prose">{listOrNone(lang, candidate.provinces, provinceName)}</dd>
      <dt>{t(lang, 'field.capacity')}</dt>
      <dd>{t(lang, 'vetting.capacityValue', { capacity: candidate.capacity })}</dd>
      <dt>{t(lang, 'field.conflicts')}</dt>
      <dd>
        {candidate.conflictsCount === 0
          ? t(lang, 'vetting.none')
          : t(lang, 'vetting.conflictsValue', { count: candidate.conflictsCount })}
      </dd>
      <dt>{t(lang, 'field.cv')}</dt>
      <dd class="prose">{candidate.cv?.trim() ? candidate.cv : t(lang, 'vetting.none')}</dd>
    </dl>
  );
}

/** The assessment as recorded: DMA scores, ranked areas, and the project proposal if any. */
function AssessmentFacts({
  lang,
  assessment,
}: {
  lang: Language;
  assessment: NonNullable<TaskPageContext['assessment']>;
}) {
  const project = assessment.project;
  return (
    <>
      <h2>{t(lang, 'assessment.section.dma')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'financing.overall')}</dt>
        <dd>
          <strong>
            {t(lang, 'financing.overallValue', {
              overall: formatNumber(assessment.overall, lang),
              band: labelOrCode(lang, `dmaBand.${assessment.band}`, assessment.band),
            })}
          </strong>
        </dd>
        {dmaDimensions.map((dimension) => (
          <>
            <dt>{t(lang, `dma.${dimension}`)}</dt>
            <dd>{formatNumber(assessment.scores[dimension], lang)}</dd>
          </>
        ))}
        <dt>{t(lang, 'field.assessment.improvementAreas')}</dt>
        <dd class="prose">
          <ol>
            {assessment.improvementAreas.map((area) => (
              <li>{t(lang, `interest.${area}`)}</li>
            ))}
          </ol>
        </dd>
      </dl>
      {project ? (
        <>
          <h2>{t(lang, 'financing.section.project')}</h2>
          <dl class="facts">
            <dt>{t(lang, 'field.assessment.project.title')}</dt>
            <dd class="prose">{project.title}</dd>
            <dt>{t(lang, 'field.assessment.project.objectives')}</dt>
            <dd class="prose">{project.objectives}</dd>
            <dt>{t(lang, 'field.assessment.project.durationMonths')}</dt>
            <dd>{t(lang, 'financing.durationValue', { months: project.durationMonths })}</dd>
            <dt>{t(lang, 'field.assessment.project.budgetEur')}</dt>
            <dd>
              <strong>{formatEuro(project.budgetEur, lang)}</strong>
            </dd>
          </dl>
          {project.kpis.length > 0 ? (
            <table class="data">
              <caption>{t(lang, 'field.assessment.project.kpis')}</caption>
              <thead>
                <tr>
                  {kpiProperties.map((property) => (
                    <th scope="col">{t(lang, `field.assessment.project.kpis.${property}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {project.kpis.map((kpi) => (
                  <tr>
                    <th scope="row">{kpi.name}</th>
                    <td>{kpi.unit}</td>
                    <td>{formatNumber(kpi.baseline, lang)}</td>
                    <td>{formatNumber(kpi.target, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </>
  );
}

type Kit = ReturnType<typeof formKit>;

function OfferFields({ lang, kit }: { lang: Language; kit: Kit }) {
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'offer.decision')}
        required
        options={[
          { value: 'accept', label: t(lang, 'offer.decision.accept') },
          { value: 'decline', label: t(lang, 'offer.decision.decline') },
        ]}
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        hint={t(lang, 'offer.hint.reason')}
        optional
      />
    </>
  );
}

function kpiRowsToShow(values: FormValues): number {
  let highest = -1;
  for (const name of Object.keys(values)) {
    const match = /^project\.kpis\.(\d{1,2})\./.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Math.min(maxKpiRows, Math.max(kpiRowCount, highest + 1));
}

function AssessmentFields({
  lang,
  kit,
  values,
  model,
}: {
  lang: Language;
  kit: Kit;
  values: FormValues;
  model: AssessmentModel;
}) {
  const areasError = kit.errorFor('improvementAreas');
  const internationalisationError = kit.errorFor('internationalisation');
  const internationalisationErrorId = `${fieldId('internationalisation')}-error`;
  const areasId = fieldId('improvementAreas');
  const projectError = kit.errorFor('project');
  const kpisError = kit.errorFor('project.kpis');
  const areaOptions = interestAreas.map((area) => ({ value: area, label: t(lang, `interest.${area}`) }));
  return (
    <>
      <fieldset aria-describedby="assessment-dma-hint">
        <legend>{t(lang, 'assessment.section.dma')}</legend>
        <p class="hint" id="assessment-dma-hint">
          {t(lang, 'assessment.hint.dma')}
        </p>
        {dmaDimensions.map((dimension) => (
          <kit.Input
            name={`dma.${dimension}`}
            label={t(lang, `dma.${dimension}`)}
            hint={t(lang, `dma.${dimension}.hint`)}
            // Text, not type=number: a browser's number field sends "35.5" whatever the person's
            // locale, which the Italian reading (like every other number field here) takes as 355.
            inputMode="decimal"
            required
          />
        ))}
      </fieldset>

      <fieldset
        class={areasError ? 'invalid' : undefined}
        aria-describedby={[`${areasId}-hint`, areasError ? `${areasId}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend>{t(lang, 'field.assessment.improvementAreas')}</legend>
        <span class="hint" id={`${areasId}-hint`}>
          {t(lang, 'assessment.hint.areas')}
        </span>
        {areasError ? (
          <span class="field-error" id={`${areasId}-error`}>
            {areasError}
          </span>
        ) : null}
        <div class="row">
          {Array.from({ length: improvementAreaSlots }, (_, index) => (
            <kit.Select
              name={`improvementAreas.${index}`}
              label={t(lang, 'assessment.rank', { n: index + 1 })}
              options={areaOptions}
              required={index === 0}
              groupError={areasError}
              describedBy={areasError ? `${areasId}-error` : undefined}
            />
          ))}
        </div>
      </fieldset>

      <kit.TextArea
        name="findings"
        label={t(lang, 'field.assessment.findings')}
        hint={t(lang, 'assessment.hint.findings')}
        rows={8}
        maxLength={10_000}
        required
      />

      {model === 'dma_internationalisation' ? (
        <fieldset
          class={internationalisationError ? 'invalid' : undefined}
          aria-describedby={[
            'assessment-internationalisation-hint',
            internationalisationError ? internationalisationErrorId : '',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t(lang, 'assessment.section.internationalisation')}</legend>
          <p class="hint" id="assessment-internationalisation-hint">
            {t(lang, 'assessment.hint.internationalisation')}
          </p>
          {internationalisationError ? (
            <span class="field-error" id={internationalisationErrorId}>
              {internationalisationError}
            </span>
          ) : null}
          <kit.Select
            name="internationalisation.segment"
            label={t(lang, 'field.assessment.internationalisation.segment')}
            options={segments.map((segment) => ({
              value: segment,
              label: t(lang, `assessment.segment.${segment}`),
            }))}
            required
            groupError={internationalisationError}
            describedBy={internationalisationError ? internationalisationErrorId : undefined}
          />
          <kit.TextArea
            name="internationalisation.actionFronts"
            label={t(lang, 'field.assessment.internationalisation.actionFronts')}
            hint={t(lang, 'assessment.hint.actionFronts')}
            required
          />
        </fieldset>
      ) : null}

      <kit.Radios
        name="projectRecommended"
        legend={t(lang, 'field.assessment.projectRecommended')}
        required
        options={[
          { value: 'true', label: t(lang, 'assessment.projectRecommended.yes') },
          { value: 'false', label: t(lang, 'assessment.projectRecommended.no') },
        ]}
      />

      <fieldset
        class={projectError ? 'invalid' : undefined}
        aria-describedby={['assessment-project-hint', projectError ? `${fieldId('project')}-error` : '']
          .filter(Boolean)
          .join(' ')}
      >
        <legend>{t(lang, 'field.assessment.project')}</legend>
        <p class="hint" id="assessment-project-hint">
          {t(lang, 'assessment.hint.project')}
        </p>
        {projectError ? (
          <span class="field-error" id={`${fieldId('project')}-error`}>
            {projectError}
          </span>
        ) : null}
        <kit.Input name="project.title" label={t(lang, 'field.assessment.project.title')} />
        <kit.TextArea name="project.objectives" label={t(lang, 'field.assessment.project.objectives')} />
        <kit.Input
          name="project.durationMonths"
          label={t(lang, 'field.assessment.project.durationMonths')}
          hint={t(lang, 'assessment.hint.durationMonths')}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
        />
        <kit.Input
          name="project.budgetEur"
          label={t(lang, 'field.assessment.project.budgetEur')}
          hint={t(lang, 'form.hint.euro')}
          inputMode="decimal"
        />
        <fieldset
          class={kpisError ? 'invalid' : undefined}
          aria-describedby={['assessment-kpis-hint', kpisError ? `${fieldId('project.kpis')}-error` : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t(lang, 'field.assessment.project.kpis')}</legend>
          <p class="hint" id="assessment-kpis-hint">
            {t(lang, 'assessment.hint.kpis')}
          </p>
          {kpisError ? (
            <span class="field-error" id={`${fieldId('project.kpis')}-error`}>
              {kpisError}
            </span>
          ) : null}
          {Array.from({ length: kpiRowsToShow(values) }, (_, row) => (
            <fieldset>
              <legend>{t(lang, 'assessment.kpiRow', { n: row + 1 })}</legend>
              <div class="row">
                {kpiProperties.map((property) => (
                  <kit.Input
                    name={`project.kpis.${row}.${property}`}
                    label={t(lang, `field.assessment.project.kpis.${property}`)}
                    inputMode={property === 'baseline' || property === 'target' ? 'decimal' : undefined}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
        <kit.TextArea
          name="project.qualitativeObjectives"
          label={t(lang, 'field.assessment.project.qualitativeObjectives')}
          hint={t(lang, 'assessment.hint.qualitativeObjectives')}
        />
      </fieldset>
    </>
  );
}

function FinancingFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const approve = t(lang, 'financing.decision.approve');
  const reject = t(lang, 'financing.decision.reject');
  const amountHint = [
    t(lang, 'financing.hint.amount'),
    ctx.budgetLeftEur === undefined
      ? ''
      : t(lang, 'financing.budgetLeft', { amount: formatEuro(ctx.budgetLeftEur, lang) }),
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'financing.decision')}
        required
        options={[
          { value: 'approve', label: approve },
          { value: 'reject', label: reject },
        ]}
      />
      <kit.Input
        name="amountEur"
        label={t(lang, 'field.task.amountEur')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={amountHint}
        inputMode="decimal"
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: reject })}
        maxLength={1000}
      />
    </>
  );
}

function EscalationFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const candidates = ctx.candidateManagers ?? [];
  const assign = t(lang, 'escalation.decision.assign');
  const close = t(lang, 'escalation.decision.close');
  return (
    <>
      {candidates.length === 0 ? <p class="notice">{t(lang, 'escalation.noCandidates')}</p> : null}
      <kit.Radios
        name="decision"
        legend={t(lang, 'escalation.decision')}
        required
        options={[
          ...(candidates.length > 0 ? [{ value: 'assign', label: assign }] : []),
          { value: 'close', label: close },
        ]}
      />
      {candidates.length > 0 ? (
        <kit.Select
          name="managerId"
          label={t(lang, 'field.task.managerId')}
          condition={t(lang, 'task.onlyIf', { choice: assign })}
          options={candidates.map((candidate) => ({
            value: candidate.managerId,
            label: t(lang, 'escalation.candidate', {
              name: candidate.name,
              load: candidate.load,
              capacity: candidate.capacity,
            }),
          }))}
        />
      ) : null}
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: close })}
        maxLength={1000}
      />
    </>
  );
}

function VettingFields({ lang, kit }: { lang: Language; kit: Kit }) {
  const approve = t(lang, 'vetting.decision.approve');
  const reject = t(lang, 'vetting.decision.reject');
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'vetting.decision')}
        required
        options={[
          { value: 'approve', label: approve },
          { value: 'reject', label: reject },
        ]}
      />
      <kit.Input
        name="merit"
        label={t(lang, 'field.task.merit')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={t(lang, 'vetting.hint.merit')}
        inputMode="decimal"
      />
      <kit.TextArea
        name="notes"
        label={t(lang, 'field.task.notes')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={t(lang, 'vetting.hint.notes')}
        maxLength={2000}
        optional
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: reject })}
        hint={t(lang, 'vetting.hint.reason')}
        maxLength={1000}
      />
    </>
  );
}

/** Whole calendar months from the launch to now, between 0 and the project's duration. */
function monthsElapsed(launchedAt: string, durationMonths: number, now: Date = new Date()): number {
  const start = new Date(launchedAt);
  if (Number.isNaN(start.getTime())) return 0;
  let months = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + now.getUTCMonth() - start.getUTCMonth();
  if (now.getUTCDate() < start.getUTCDate()) months -= 1;
  return Math.min(Math.max(months, 0), durationMonths);
}

/** The monitored project: title, where it stands in its check-ins and months, funding and T0. */
function ProjectFacts({ lang, project }: { lang: Language; project: MonitoredProject }) {
  return (
    <>
      <h2>{t(lang, 'checkin.section.project')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'field.assessment.project.title')}</dt>
        <dd class="prose">
          <strong>{project.title}</strong>
        </dd>
        <dt>{t(lang, 'checkin.project.cycle')}</dt>
        <dd>{t(lang, 'checkin.project.cycleValue', { cycle: project.cycle, cycles: project.cycles })}</dd>
        <dt>{t(lang, 'checkin.project.launchedAt')}</dt>
        <dd>{formatRomeDate(project.launchedAt, lang)}</dd>
        <dt>{t(lang, 'checkin.project.elapsed')}</dt>
        <dd>
          {t(lang, 'checkin.project.elapsedValue', {
            months: monthsElapsed(project.launchedAt, project.durationMonths),
            duration: project.durationMonths,
          })}
        </dd>
        <dt>{t(lang, 'checkin.project.amount')}</dt>
        <dd>{formatEuro(project.amountEur, lang)}</dd>
        {project.t0 ? (
          <>
            <dt>{t(lang, 'checkin.project.t0')}</dt>
            <dd>
              {t(lang, 'financing.overallValue', {
                overall: formatNumber(project.t0.overall, lang),
                band: labelOrCode(lang, `dmaBand.${project.t0.band}`, project.t0.band),
              })}
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

/** How many KPI inputs a check-in shows: the project's KPIs, else as many as were submitted (≥ 1). */
function kpiInputCount(project: MonitoredProject | undefined, values: FormValues): number {
  if (project && project.kpis.length > 0) return project.kpis.length;
  let highest = 0;
  for (const name of Object.keys(values)) {
    const match = /^kpiValues\.(\d{1,2})$/.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]) + 1);
  }
  return Math.min(maxKpiRows, Math.max(1, highest));
}

function kpiLabel(lang: Language, kpi: { name: string; unit: string } | undefined, index: number): string {
  return kpi
    ? t(lang, 'checkin.kpiLabel', { name: kpi.name, unit: kpi.unit })
    : t(lang, 'checkin.kpiN', { n: index + 1 });
}

/** A group-level error (the list as a whole) shown at the top of its fieldset. */
function GroupError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

/** The check-in's questions; the closing page asks them too, then its own. */
function CheckinFields({ ctx, kit, values }: { ctx: TaskPageContext; kit: Kit; values: FormValues }) {
  const { lang, project } = ctx;
  const kpisError = kit.errorFor('kpiValues');
  const kpisId = fieldId('kpiValues');
  const objectives = project?.qualitativeObjectives ?? [];
  const objectivesError = kit.errorFor('qualitativeProgress');
  const objectivesId = fieldId('qualitativeProgress');
  const progressOptions = qualitativeProgress.map((progress) => ({
    value: progress,
    label: t(lang, `qualitativeProgress.${progress}`),
  }));
  return (
    <>
      <fieldset
        class={kpisError ? 'invalid' : undefined}
        aria-describedby={[`${kpisId}-hint`, kpisError ? `${kpisId}-error` : ''].filter(Boolean).join(' ')}
      >
        <legend>{t(lang, 'checkin.section.kpis')}</legend>
        <p class="hint" id={`${kpisId}-hint`}>
          {t(lang, 'checkin.hint.kpis')}
        </p>
        <GroupError id={kpisId} error={kpisError} />
        {Array.from({ length: kpiInputCount(project, values) }, (_, index) => {
          const kpi = project?.kpis[index];
          const hint = kpi
            ? [
                t(lang, 'checkin.kpiHint', {
                  baseline: formatNumber(kpi.baseline, lang),
                  expected: formatNumber(kpi.expected, lang),
                  target: formatNumber(kpi.target, lang),
                }),
                kpi.last === undefined
                  ? ''
                  : t(lang, 'checkin.kpiLast', { last: formatNumber(kpi.last, lang) }),
              ]
                .filter(Boolean)
                .join(' ')
            : undefined;
          return (
            <kit.Input
              name={`kpiValues.${index}`}
              label={kpiLabel(lang, kpi, index)}
              hint={hint}
              inputMode="decimal"
              required
            />
          );
        })}
      </fieldset>

      {objectives.length > 0 || objectivesError ? (
        <fieldset
          class={objectivesError ? 'invalid' : undefined}
          aria-describedby={[`${objectivesId}-hint`, objectivesError ? `${objectivesId}-error` : '']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{t(lang, 'checkin.section.qualitative')}</legend>
          <p class="hint" id={`${objectivesId}-hint`}>
            {t(lang, 'checkin.hint.qualitative')}
          </p>
          <GroupError id={objectivesId} error={objectivesError} />
          {objectives.map((objective, index) => (
            <kit.Radios
              name={`qualitativeProgress.${index}`}
              legend={objective}
              options={progressOptions}
              required
              alwaysSent
            />
          ))}
        </fieldset>
      ) : null}

      <fieldset>
        <legend>{t(lang, 'checkin.section.benefit')}</legend>
        <kit.Input
          name="economicBenefitEur"
          label={t(lang, 'field.task.economicBenefitEur')}
          hint={t(lang, 'checkin.hint.economicBenefit')}
          inputMode="decimal"
          required
        />
        <kit.TextArea
          name="benefitJustification"
          label={t(lang, 'field.task.benefitJustification')}
          hint={t(lang, 'checkin.hint.benefitJustification')}
          maxLength={2000}
          required
        />
        <kit.Input
          name="spentEur"
          label={t(lang, 'field.task.spentEur')}
          hint={[
            t(lang, 'checkin.hint.spent'),
            project ? t(lang, 'checkin.hint.funding', { amount: formatEuro(project.amountEur, lang) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          inputMode="decimal"
          required
        />
      </fieldset>

      <kit.TextArea
        name="risks"
        label={t(lang, 'field.task.risks')}
        hint={t(lang, 'checkin.hint.risks')}
        maxLength={2000}
        optional
      />
    </>
  );
}

/** The closing's own questions after the check-in's: the T1 DMA (T0 beside), the outcome, the report. */
function ClosingFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const t0 = ctx.project?.t0;
  return (
    <>
      <fieldset aria-describedby="closing-dma-hint">
        <legend>{t(lang, 'closing.section.dma')}</legend>
        <p class="hint" id="closing-dma-hint">
          {t(lang, 'closing.hint.dma')}
        </p>
        {dmaDimensions.map((dimension) => (
          <kit.Input
            name={`dma.${dimension}`}
            label={t(lang, `dma.${dimension}`)}
            hint={[
              t(lang, `dma.${dimension}.hint`),
              t0 ? t(lang, 'closing.t0Score', { score: formatNumber(t0.scores[dimension], lang) }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
            // Text with the person's decimal comma, read like every other number field (see above).
            inputMode="decimal"
            required
          />
        ))}
      </fieldset>
      <kit.Radios
        name="outcome"
        legend={t(lang, 'field.task.outcome')}
        required
        options={projectOutcomes.map((outcome) => ({
          value: outcome,
          label: t(lang, `projectOutcome.${outcome}`),
        }))}
      />
      <kit.TextArea
        name="report"
        label={t(lang, 'field.task.report')}
        hint={t(lang, 'closing.hint.report')}
        rows={10}
        maxLength={10_000}
        required
      />
    </>
  );
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
      return [t(lang, 'financing.intro', { ...common, manager: ctx.manager?.name ?? '—' })];
    case 'escalation':
      return [t(lang, 'escalation.intro', common)];
    case 'checkin':
      return [t(lang, 'checkin.intro', common)];
    case 'closing':
      return [t(lang, 'closing.intro', common)];
    case 'vetting':
      return [t(lang, 'vetting.intro', { manager: ctx.candidate?.name ?? '—' })];
  }
}

/** The page of an open task: what is asked, by when, a summary, then the form. */
export function TaskPage(ctx: TaskPageContext): VNode {
  const { lang, kind } = ctx;
  const title = t(lang, `${kind}.title`);
  const values = ctx.values ?? {};
  const errors = ctx.errors ?? [];
  const kit = formKit(lang, values, errors);
  return (
    <Layout lang={lang} title={title} switchHref={ctx.formAction}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      {ctx.reminder ? (
        <p class="notice" role="status">
          {t(lang, 'task.reminder')}
        </p>
      ) : null}
      {intro(ctx).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <p>
        <strong>{t(lang, 'task.answerBy', { date: formatRomeDateTime(ctx.dueAt, lang) })}</strong>
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
      {(kind === 'checkin' || kind === 'closing') && ctx.project ? (
        <ProjectFacts lang={lang} project={ctx.project} />
      ) : null}
      <form method="post" action={sitePath(ctx.formAction)} noValidate>
        <input type="hidden" name="lang" value={lang} />
        {kind === 'offer' ? <OfferFields lang={lang} kit={kit} /> : null}
        {kind === 'assessment' ? (
          <AssessmentFields
            lang={lang}
            kit={kit}
            values={values}
            model={ctx.assessmentModel ?? defaultAssessmentModel}
          />
        ) : null}
        {kind === 'financing' ? <FinancingFields ctx={ctx} kit={kit} /> : null}
        {kind === 'escalation' ? <EscalationFields ctx={ctx} kit={kit} /> : null}
        {kind === 'checkin' || kind === 'closing' ? (
          <CheckinFields ctx={ctx} kit={kit} values={values} />
        ) : null}
        {kind === 'closing' ? <ClosingFields ctx={ctx} kit={kit} /> : null}
        {kind === 'vetting' ? <VettingFields lang={lang} kit={kit} /> : null}
        <button type="submit">{t(lang, 'task.submit')}</button>
      </form>
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

// ---------------------------------------------------------------------------------------------
// Form fields → the JSON contract

const forbiddenNames = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Turns a task form's fields (urlencoded, everything a string) into the JSON contract's shape, so
 * the same schema (humanTaskAnswerSchemas[kind]; for an assessment, its model's
 * assessmentAnswerSchemas[model]) validates both. Blank fields are left out (they
 * become "required" errors); numbers are read as written in the form's language ("1.250.000");
 * text areas of lists give one item per non-empty line; KPI rows left entirely empty are ignored;
 * fields that do not belong to the chosen decision are dropped.
 */
export function taskFormToAnswer(
  kind: HumanTaskKind,
  fields: Readonly<Record<string, string | readonly string[]>>,
  lang: Language,
): unknown {
  const all = (name: string): string[] => {
    if (!Object.hasOwn(fields, name) || forbiddenNames.has(name)) return [];
    const raw = fields[name];
    if (raw === undefined) return [];
    return typeof raw === 'string' ? [raw] : [...raw];
  };
  /** The last value of a field, or undefined when absent or blank. */
  const field = (name: string): string | undefined => {
    const values = all(name);
    const last = values[values.length - 1];
    return last === undefined || last.trim() === '' ? undefined : last;
  };
  const number = (name: string): number | string | undefined => {
    const raw = field(name);
    return raw === undefined ? undefined : parseLocaleNumber(raw, lang);
  };
  const lines = (name: string): string[] =>
    (field(name) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  const answer: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) answer[key] = value;
  };

  switch (kind) {
    case 'offer': {
      const decision = field('decision');
      put('decision', decision);
      if (decision !== 'accept') put('reason', field('reason'));
      return answer;
    }
    case 'financing': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'approve') put('amountEur', number('amountEur'));
      if (decision === 'reject') put('reason', field('reason'));
      return answer;
    }
    case 'escalation': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'assign') put('managerId', field('managerId')?.trim());
      if (decision === 'close') put('reason', field('reason'));
      return answer;
    }
    case 'vetting': {
      const decision = field('decision');
      put('decision', decision);
      if (decision === 'approve') {
        put('merit', number('merit'));
        put('notes', field('notes'));
      }
      if (decision === 'reject') put('reason', field('reason'));
      return answer;
    }
    case 'assessment':
      return assessmentFormToAnswer(fields, { field, number, lines, all });
    case 'checkin':
    case 'closing':
      return monitoringFormToAnswer(kind, fields, { field, number });
  }
}

/**
 * A check-in or closing form. The lists keep their positions ("kpiValues.2" is the third KPI's
 * value), a blank one staying as a hole that the schema reports as required; a qualitative
 * objective left unanswered is sent blank by its hidden field, so it is reported the same way.
 */
function monitoringFormToAnswer(
  kind: 'checkin' | 'closing',
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
  },
): Record<string, unknown> {
  const list = (prefix: string, readOne: (name: string) => unknown): unknown[] => {
    let length = 0;
    for (const name of Object.keys(fields)) {
      const match = new RegExp(`^${prefix}\\.(\\d{1,2})$`).exec(name);
      if (match) length = Math.max(length, Number(match[1]) + 1);
    }
    return Array.from({ length }, (_, index) => readOne(`${prefix}.${index}`));
  };
  const answer: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) answer[key] = value;
  };
  answer.kpiValues = list('kpiValues', read.number);
  const progress = list('qualitativeProgress', (name) => read.field(name)?.trim());
  if (progress.length > 0) answer.qualitativeProgress = progress;
  put('economicBenefitEur', read.number('economicBenefitEur'));
  put('benefitJustification', read.field('benefitJustification'));
  put('spentEur', read.number('spentEur'));
  put('risks', read.field('risks'));
  if (kind === 'closing') {
    const dma: Record<string, unknown> = {};
    for (const dimension of dmaDimensions) {
      const score = read.number(`dma.${dimension}`);
      if (score !== undefined) dma[dimension] = score;
    }
    answer.dma = dma;
    put('outcome', read.field('outcome')?.trim());
    put('report', read.field('report'));
  }
  return answer;
}

function assessmentFormToAnswer(
  fields: Readonly<Record<string, string | readonly string[]>>,
  read: {
    field: (name: string) => string | undefined;
    number: (name: string) => number | string | undefined;
    lines: (name: string) => string[];
    all: (name: string) => string[];
  },
): Record<string, unknown> {
  const answer: Record<string, unknown> = {};

  const dma: Record<string, unknown> = {};
  for (const dimension of dmaDimensions) {
    const score = read.number(`dma.${dimension}`);
    if (score !== undefined) dma[dimension] = score;
  }
  answer.dma = dma;

  // Ranked selects "improvementAreas.0" … in rank order; a plain repeated "improvementAreas" too.
  const ranked = Object.keys(fields)
    .map((name) => /^improvementAreas\.(\d{1,2})$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => ({ rank: Number(match[1]), name: match[0] }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ name }) => read.field(name));
  answer.improvementAreas = [...ranked, ...read.all('improvementAreas')]
    .filter((area): area is string => area !== undefined && area.trim() !== '')
    .map((area) => area.trim());

  const findings = read.field('findings');
  if (findings !== undefined) answer.findings = findings;

  const segment = read.number('internationalisation.segment');
  const actionFronts = read.lines('internationalisation.actionFronts');
  if (segment !== undefined || actionFronts.length > 0) {
    answer.internationalisation = { ...(segment === undefined ? {} : { segment }), actionFronts };
  }

  const recommendedRaw = read.field('projectRecommended')?.trim().toLowerCase();
  const recommended =
    recommendedRaw === undefined
      ? undefined
      : ['true', 'yes', 'on', 'si', 'sì'].includes(recommendedRaw)
        ? true
        : ['false', 'no', 'off'].includes(recommendedRaw)
          ? false
          : recommendedRaw;
  if (recommended !== undefined) answer.projectRecommended = recommended;

  // KPI rows by index; a row with all four cells blank is ignored.
  const rows = new Map<number, Record<string, unknown>>();
  for (const name of Object.keys(fields)) {
    const match = /^project\.kpis\.(\d{1,2})\.(name|unit|baseline|target)$/.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const property = match[2] as (typeof kpiProperties)[number];
    if (index >= maxKpiRows) continue;
    const value =
      property === 'baseline' || property === 'target' ? read.number(name) : read.field(name)?.trim();
    if (value === undefined) continue;
    const row = rows.get(index) ?? {};
    row[property] = value;
    rows.set(index, row);
  }
  const kpis = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);

  const project: Record<string, unknown> = {};
  const title = read.field('project.title');
  const objectives = read.field('project.objectives');
  const durationMonths = read.number('project.durationMonths');
  const budgetEur = read.number('project.budgetEur');
  if (title !== undefined) project.title = title;
  if (objectives !== undefined) project.objectives = objectives;
  if (durationMonths !== undefined) project.durationMonths = durationMonths;
  if (budgetEur !== undefined) project.budgetEur = budgetEur;
  const qualitativeObjectives = read.lines('project.qualitativeObjectives');
  const projectStarted =
    Object.keys(project).length > 0 || kpis.length > 0 || qualitativeObjectives.length > 0;
  // "No project" wins over fields filled before changing one's mind; "yes" wants the whole proposal.
  if (recommended === true || (recommended !== false && projectStarted)) {
    answer.project = { ...project, kpis, qualitativeObjectives };
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Validation issues → messages naming the form's fields

/** Lists of the contract shown as one control (a textarea, a group of selects). */
function formFieldOf(path: readonly (string | number)[]): string {
  const [first, second] = path;
  if (first === 'improvementAreas') return 'improvementAreas';
  if (first === 'internationalisation' && second === 'actionFronts')
    return 'internationalisation.actionFronts';
  if (first === 'project' && second === 'qualitativeObjectives') return 'project.qualitativeObjectives';
  return path.join('.');
}

/** What names a check-in's list entries in messages: the project's KPIs and qualitative objectives. */
export interface TaskFieldNames {
  readonly kpis?: readonly { name: string; unit: string }[];
  readonly qualitativeObjectives?: readonly string[];
}

/** Long enough to recognise a qualitative objective in an error message. */
const objectiveLabelLength = 60;

function taskFieldLabel(lang: Language, field: string, names: TaskFieldNames = {}): string {
  const kpiValue = /^kpiValues\.(\d+)$/.exec(field);
  if (kpiValue) {
    const index = Number(kpiValue[1]);
    return kpiLabel(lang, names.kpis?.[index], index);
  }
  const progress = /^qualitativeProgress\.(\d+)$/.exec(field);
  if (progress) {
    const index = Number(progress[1]);
    const objective = names.qualitativeObjectives?.[index]?.trim();
    if (!objective) return t(lang, 'checkin.objectiveN', { n: index + 1 });
    return objective.length > objectiveLabelLength
      ? `${objective.slice(0, objectiveLabelLength - 1).trimEnd()}…`
      : objective;
  }
  const dimension = /^dma\.(\w+)$/.exec(field);
  if (dimension) return labelOrCode(lang, `dma.${dimension[1]}`, field);
  const kpiCell = /^project\.kpis\.(\d+)\.(\w+)$/.exec(field);
  if (kpiCell) {
    return t(lang, 'assessment.kpiRowField', {
      field: labelOrCode(lang, `field.assessment.project.kpis.${kpiCell[2]}`, kpiCell[2] ?? ''),
      n: Number(kpiCell[1]) + 1,
    });
  }
  const kpiRow = /^project\.kpis\.(\d+)$/.exec(field);
  if (kpiRow) return t(lang, 'assessment.kpiRow', { n: Number(kpiRow[1]) + 1 });
  const assessmentKey = `field.assessment.${field}`;
  if (isMessageKey(assessmentKey)) return t(lang, assessmentKey);
  const taskKey = `field.task.${field}`;
  if (isMessageKey(taskKey)) return t(lang, taskKey);
  return field;
}

/** Fields in the order the forms read, so the error summary follows the page. */
const taskFieldOrder = [
  'decision',
  'kpiValues',
  'qualitativeProgress',
  'economicBenefitEur',
  'benefitJustification',
  'spentEur',
  'risks',
  'dma',
  ...dmaDimensions.map((dimension) => `dma.${dimension}`),
  'improvementAreas',
  'findings',
  'internationalisation',
  'internationalisation.segment',
  'internationalisation.actionFronts',
  'projectRecommended',
  'project',
  'project.title',
  'project.objectives',
  'project.durationMonths',
  'project.budgetEur',
  'project.kpis',
  'project.qualitativeObjectives',
  'merit',
  'notes',
  'amountEur',
  'managerId',
  'reason',
  'outcome',
  'report',
];

function fieldRank(field: string): number {
  const kpi = /^project\.kpis\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (kpi) {
    const property = kpiProperties.indexOf((kpi[2] ?? '') as (typeof kpiProperties)[number]);
    return taskFieldOrder.indexOf('project.kpis') + (Number(kpi[1]) * 5 + property + 2) / 1000;
  }
  const entry = /^(kpiValues|qualitativeProgress)\.(\d+)$/.exec(field);
  if (entry) return taskFieldOrder.indexOf(entry[1] ?? '') + (Number(entry[2]) + 1) / 1000;
  const index = taskFieldOrder.indexOf(field);
  return index < 0 ? taskFieldOrder.length : index;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * One message per field, naming it in the requester's language, in form order.
 * @param issues - from humanTaskAnswerSchemas[kind].safeParse(...)
 * @param input - what was validated (taskFormToAnswer's output or the JSON body), to tell a missing
 *   value ("required") from a wrong one; without it zod's own wording decides
 * @param names - check-in and closing: the project's KPIs and qualitative objectives (a
 *   TaskPageContext's project will do), so that "kpiValues.0" reads "OEE (%)" rather than "KPI 1"
 * @returns field = the dotted form name ("dma.automationAndAi", "project.kpis.0.target",
 *   "kpiValues.0", …)
 */
export function describeTaskAnswerErrors(
  issues: readonly z.core.$ZodIssue[],
  lang: Language,
  input?: unknown,
  names?: TaskFieldNames,
): { field: string; message: string }[] {
  const described: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter(
      (segment): segment is string | number => typeof segment === 'string' || typeof segment === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      described.push(...unknownFieldErrors(path, issue.keys, lang));
      continue;
    }
    if (path.length === 0 && issue.code === 'invalid_type') {
      described.push({ field: 'body', message: t(lang, 'validation.bodyObject') });
      continue;
    }
    const field = formFieldOf(path);
    const label = taskFieldLabel(lang, field, names);
    const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
      described.push({ field, message: t(lang, key, { field: label, ...params }) });
    const missing =
      input === undefined
        ? /received undefined/.test(issue.message)
        : valueAt(input, issue.path) === undefined || valueAt(input, issue.path) === null;

    if (isMessageKey(issue.message)) {
      const params = (issue as { params?: Record<string, string | number> }).params ?? {};
      // An `amount` is in euro: written as the language writes money.
      const amount = params.amount;
      say(
        issue.message,
        typeof amount === 'number' ? { ...params, amount: formatEuro(amount, lang) } : params,
      );
      continue;
    }
    switch (issue.code) {
      case 'invalid_union':
        say(missing ? 'validation.required' : 'validation.choice');
        break;
      case 'invalid_type':
        if (missing) say('validation.required');
        else if (issue.expected === 'number') say('validation.number');
        else if (issue.expected === 'int') say('validation.integer');
        else if (issue.expected === 'boolean') say('validation.choice');
        else say('validation.invalid');
        break;
      case 'too_small':
        if (issue.origin === 'string') {
          if (Number(issue.minimum) <= 1) say('validation.required');
          else say('validation.tooShort', { min: Number(issue.minimum) });
        } else if (issue.origin === 'array' || issue.origin === 'set') {
          say(Number(issue.minimum) <= 1 ? 'validation.atLeastOne' : 'validation.tooSmall', {
            min: Number(issue.minimum),
          });
        } else if (Number(issue.minimum) === 0 && issue.inclusive === false) {
          say('validation.positive');
        } else {
          say('validation.tooSmall', { min: Number(issue.minimum) });
        }
        break;
      case 'too_big':
        if (issue.origin === 'string') say('validation.tooLong', { max: Number(issue.maximum) });
        else if (issue.origin === 'array' || issue.origin === 'set')
          say('validation.tooMany', { max: Number(issue.maximum) });
        else say('validation.tooBig', { max: Number(issue.maximum) });
        break;
      case 'invalid_value':
        say(missing ? 'validation.required' : 'validation.choice');
        break;
      case 'invalid_format':
        say(field === 'managerId' ? 'validation.choice' : 'validation.invalid');
        break;
      default:
        say('validation.invalid');
    }
  }
  const firstPerField = new Map<string, FieldError>();
  for (const error of described) if (!firstPerField.has(error.field)) firstPerField.set(error.field, error);
  return [...firstPerField.values()].sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
}
