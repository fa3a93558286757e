// A launched project's check-in and closing: the project with where each KPI should stand now,
// the values and progress asked, and at closing the report, the outcome and the T1 DMA.
import { projectOutcomes, qualitativeProgress } from '#shared/domain/human-tasks.ts';
import { type DmaDimension, dmaDimensions } from '#shared/domain/manager.ts';
import { formatEuro, formatNumber, formatRomeDate } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { type FormValues, fieldId, type Kit, labelOrCode } from '#shared/pages/form-kit.tsx';
import { kpiLabel } from '#shared/pages/task-errors.ts';
import type { MonitoredProject, TaskPageContext } from '#shared/pages/task-pages.tsx';
import { maxKpiRows } from '#shared/schemas/task-forms.ts';

/** Whole calendar months from the launch to now, between 0 and the project's duration. */
export function monthsElapsed(launchedAt: string, durationMonths: number, now: Date = new Date()): number {
  const start = new Date(launchedAt);
  if (Number.isNaN(start.getTime())) return 0;
  let months = (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + now.getUTCMonth() - start.getUTCMonth();
  if (now.getUTCDate() < start.getUTCDate()) months -= 1;
  return Math.min(Math.max(months, 0), durationMonths);
}

/** The monitored project: title, where it stands in its check-ins and months, funding and T0. */
export function ProjectFacts({ lang, project }: { lang: Language; project: MonitoredProject }) {
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
export function kpiInputCount(project: MonitoredProject | undefined, values: FormValues): number {
  if (project && project.kpis.length > 0) return project.kpis.length;
  let highest = 0;
  for (const name of Object.keys(values)) {
    const match = /^kpiValues\.(\d{1,2})$/.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]) + 1);
  }
  return Math.min(maxKpiRows, Math.max(1, highest));
}

/** A group-level error (the list as a whole) shown at the top of its fieldset. */
export function GroupError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

/** The check-in's questions; the closing page asks them too, then its own. */
export function CheckinFields({ ctx, kit, values }: { ctx: TaskPageContext; kit: Kit; values: FormValues }) {
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

/**
 * The six DMA scores of a T1 measurement (a project's closing, a services customer's follow-up),
 * each with its T0 score beside it when known.
 */
export function T1DmaFields({
  lang,
  kit,
  legend,
  hint,
  t0,
}: {
  lang: Language;
  kit: Kit;
  legend: string;
  hint: string;
  t0?: Readonly<Record<DmaDimension, number>> | undefined;
}) {
  return (
    <fieldset aria-describedby="t1-dma-hint">
      <legend>{legend}</legend>
      <p class="hint" id="t1-dma-hint">
        {hint}
      </p>
      {dmaDimensions.map((dimension) => (
        <kit.Input
          name={`dma.${dimension}`}
          label={t(lang, `dma.${dimension}`)}
          hint={[
            t(lang, `dma.${dimension}.hint`),
            t0 ? t(lang, 'closing.t0Score', { score: formatNumber(t0[dimension] ?? 0, lang) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          // Text with the person's decimal comma, read like every other number field.
          inputMode="decimal"
          required
        />
      ))}
    </fieldset>
  );
}

/** The closing's own questions after the check-in's: the T1 DMA (T0 beside), the outcome, the report. */
export function ClosingFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const t0 = ctx.project?.t0;
  return (
    <>
      <T1DmaFields
        lang={lang}
        kit={kit}
        legend={t(lang, 'closing.section.dma')}
        hint={t(lang, 'closing.hint.dma')}
        t0={t0?.scores}
      />
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
