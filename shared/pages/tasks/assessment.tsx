// The assessment form, the manager's main work screen: the six DMA scores, improvement areas
// ranked, findings, the internationalisation part where the programme asks it, and the project
// proposed with its KPIs and qualitative objectives.

import { dmaDimensions } from '#shared/domain/manager.ts';
import type { AssessmentModel } from '#shared/domain/programme.ts';
import { formatEuro } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { type FormValues, fieldId, type Kit } from '#shared/pages/form-kit.tsx';
import { interestAreas } from '#shared/schemas/application.ts';
import {
  improvementAreaSlots,
  kpiProperties,
  kpiRowCount,
  maxKpiRows,
  segments,
} from '#shared/schemas/task-forms.ts';

export function kpiRowsToShow(values: FormValues): number {
  let highest = -1;
  for (const name of Object.keys(values)) {
    const match = /^project\.kpis\.(\d{1,2})\./.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Math.min(maxKpiRows, Math.max(kpiRowCount, highest + 1));
}

export function AssessmentFields({
  lang,
  kit,
  values,
  model,
  perProjectCapEur,
}: {
  lang: Language;
  kit: Kit;
  values: FormValues;
  model: AssessmentModel;
  /** The programme's cap, stated beside the project's budget. */
  perProjectCapEur?: number | undefined;
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
          hint={[
            t(lang, 'assessment.hint.budget'),
            perProjectCapEur === undefined
              ? ''
              : t(lang, 'financing.cap', { amount: formatEuro(perProjectCapEur, lang) }),
          ]
            .filter(Boolean)
            .join(' ')}
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
