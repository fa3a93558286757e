// The assessment form, the manager's main work screen: the sections' progress at the top, the six
// DMA scores with the overall score and band (live with the page's script, computed by the server
// on every draft save or error without it), improvement areas ranked, findings, the
// internationalisation part where the programme asks it, and the project proposed with its KPIs
// and qualitative objectives.

import type { CollaborationCatalogue } from '#shared/domain/collaboration.ts';
import { dmaBand, dmaBandCodes, meanToOneDecimal } from '#shared/domain/dma-score.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import type { AssessmentModel, DmaBands } from '#shared/domain/programme.ts';
import type { CatalogueService } from '#shared/domain/services.ts';
import { formatEuro, formatNumber, locale } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { type MessageKey, t } from '#shared/i18n/messages.ts';
import { parseLocaleNumber } from '#shared/i18n/parse-number.ts';
import { type FormValues, fieldId, type Kit } from '#shared/pages/form-kit.tsx';
import { interestAreas } from '#shared/schemas/application.ts';
import {
  collaborationRowCount,
  improvementAreaSlots,
  kpiProperties,
  kpiRowCount,
  maxCollaborationRows,
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

/** A part of the assessment, with the fields it needs filled to count as done. */
export interface AssessmentSection {
  readonly id: 'dma' | 'areas' | 'findings' | 'internationalisation' | 'collaboration' | 'project' | 'plan';
  readonly title: MessageKey;
  /** Where its entry in the progress list leads. */
  readonly anchor: string;
  readonly fields: readonly string[];
  /** Needed too when the project is recommended ("projectRecommended" is "true"). */
  readonly fieldsIfProject?: readonly string[];
}

/**
 * The sections of the assessment in page order. The progress list, the server's count and the
 * page's script all read these lists.
 */
export function assessmentSections(
  model: AssessmentModel,
  collaboration = false,
  services = false,
): readonly AssessmentSection[] {
  return [
    {
      id: 'dma',
      title: 'assessment.section.dma',
      anchor: 'section-dma',
      fields: dmaDimensions.map((dimension) => `dma.${dimension}`),
    },
    {
      id: 'areas',
      title: 'field.assessment.improvementAreas',
      anchor: 'section-areas',
      fields: ['improvementAreas.0'],
    },
    { id: 'findings', title: 'field.assessment.findings', anchor: fieldId('findings'), fields: ['findings'] },
    ...(model === 'dma_internationalisation'
      ? [
          {
            id: 'internationalisation' as const,
            title: 'assessment.section.internationalisation' as const,
            anchor: 'section-internationalisation',
            fields: ['internationalisation.segment', 'internationalisation.actionFronts'],
          },
        ]
      : []),
    ...(collaboration
      ? [
          {
            id: 'collaboration' as const,
            title: 'assessment.section.collaboration' as const,
            anchor: 'section-collaboration',
            fields: ['collaboration.interestedInNetwork'],
          },
        ]
      : []),
    // A services programme: the plan may be empty (no service fits), so it never holds the count back.
    services
      ? { id: 'plan' as const, title: 'assessment.section.plan' as const, anchor: 'section-plan', fields: [] }
      : {
          id: 'project' as const,
          title: 'field.assessment.projectRecommended' as const,
          anchor: fieldId('projectRecommended'),
          fields: ['projectRecommended'],
          fieldsIfProject: [
            'project.title',
            'project.objectives',
            'project.durationMonths',
            'project.budgetEur',
            ...kpiProperties.map((property) => `project.kpis.0.${property}`),
          ],
        },
  ];
}

/** Whether every field a section needs has a value (filled, not yet validated). */
export function sectionComplete(section: AssessmentSection, value: (name: string) => string): boolean {
  const needed = [
    ...section.fields,
    ...(value('projectRecommended') === 'true' ? (section.fieldsIfProject ?? []) : []),
  ];
  return needed.every((name) => value(name).trim() !== '');
}

/** The overall score and band of the scores typed so far, or undefined until all six are valid. */
export function overallOfTyped(
  value: (name: string) => string,
  lang: Language,
  bands: DmaBands,
): { overall: number; band: (typeof dmaBandCodes)[number] } | undefined {
  const scores = dmaDimensions.map((dimension) => parseLocaleNumber(value(`dma.${dimension}`), lang));
  if (!scores.every((score): score is number => typeof score === 'number' && score >= 0 && score <= 100))
    return undefined;
  const overall = meanToOneDecimal(scores);
  return { overall, band: dmaBand(overall, bands) };
}

/** Which earlier rank each ranked choice repeats (by index), for the choices that repeat one. */
export function repeatedRanks(chosen: readonly string[]): Map<number, number> {
  const firstAt = new Map<string, number>();
  const repeats = new Map<number, number>();
  chosen.forEach((choice, index) => {
    if (choice === '') return;
    const first = firstAt.get(choice);
    if (first === undefined) firstAt.set(choice, index);
    else repeats.set(index, first);
  });
  return repeats;
}

function Progress({
  lang,
  kit,
  model,
  collaboration,
  services,
}: {
  lang: Language;
  kit: Kit;
  model: AssessmentModel;
  collaboration: boolean;
  services: boolean;
}) {
  const sections = assessmentSections(model, collaboration, services);
  const done = sections.filter((section) => sectionComplete(section, kit.value)).length;
  const count = (d: number | string, total: number | string) =>
    t(lang, 'assessment.progress.count', { done: d, total });
  return (
    <nav
      class="progress"
      id="assessment-progress"
      aria-labelledby="assessment-progress-title"
      data-labels={JSON.stringify({
        done: t(lang, 'assessment.progress.done'),
        todo: t(lang, 'assessment.progress.todo'),
        // Filled in by the page's script ("%done%", "%total%": no unfilled "{…}" left in a page).
        count: count('%done%', '%total%'),
      })}
    >
      <h2 id="assessment-progress-title">
        {t(lang, 'assessment.progress.title')}:{' '}
        <span data-progress-count aria-live="polite">
          {count(done, sections.length)}
        </span>
      </h2>
      <ol>
        {sections.map((section) => {
          const complete = sectionComplete(section, kit.value);
          return (
            <li
              data-section={section.id}
              data-state={complete ? 'done' : 'todo'}
              data-fields={section.fields.join(' ')}
              data-when-yes={section.fieldsIfProject ? 'projectRecommended' : undefined}
              data-yes-fields={section.fieldsIfProject?.join(' ')}
            >
              <a href={`#${section.anchor}`}>{t(lang, section.title)}</a>
              {' — '}
              <span class="state">
                {t(lang, complete ? 'assessment.progress.done' : 'assessment.progress.todo')}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function OverallScore({ lang, kit, bands }: { lang: Language; kit: Kit; bands: DmaBands }) {
  const typed = overallOfTyped(kit.value, lang, bands);
  const bandNames = Object.fromEntries(dmaBandCodes.map((code) => [code, t(lang, `dmaBand.${code}`)]));
  const template = t(lang, 'assessment.overall', { overall: '%overall%', band: '%band%' });
  const pending = t(lang, 'assessment.overall.pending');
  return (
    <p class="overall">
      <output
        id="dma-overall"
        for={dmaDimensions.map((dimension) => fieldId(`dma.${dimension}`)).join(' ')}
        aria-live="polite"
        data-testid="dma-overall"
        data-config={JSON.stringify({
          lang,
          locale: locale(lang),
          fields: dmaDimensions.map((dimension) => `dma.${dimension}`),
          bands,
          bandNames,
          template,
          pending,
        })}
      >
        {typed
          ? template
              .replace('%overall%', formatNumber(typed.overall, lang, 1))
              .replace('%band%', bandNames[typed.band] ?? typed.band)
          : pending}
      </output>
    </p>
  );
}

export function AssessmentFields({
  lang,
  kit,
  values,
  model,
  bands,
  perProjectCapEur,
  collaborationCatalogue,
  serviceCatalogue,
}: {
  lang: Language;
  kit: Kit;
  values: FormValues;
  model: AssessmentModel;
  /** A services programme's catalogue: the expert proposes a service plan instead of a project. */
  serviceCatalogue?: readonly CatalogueService[] | undefined;
  /** The programme's catalogue, where it enables collaboration between firms: the part is asked. */
  collaborationCatalogue?: CollaborationCatalogue | undefined;
  /** The programme's DMA bands, for the overall score's band. */
  bands: DmaBands;
  /** The programme's cap, stated beside the project's budget. */
  perProjectCapEur?: number | undefined;
}) {
  const ranked = Array.from({ length: improvementAreaSlots }, (_, index) =>
    kit.value(`improvementAreas.${index}`),
  );
  const repeats = repeatedRanks(ranked);
  const areasError = kit.errorFor('improvementAreas');
  const internationalisationError = kit.errorFor('internationalisation');
  const internationalisationErrorId = `${fieldId('internationalisation')}-error`;
  const areasId = fieldId('improvementAreas');
  const projectError = kit.errorFor('project');
  const kpisError = kit.errorFor('project.kpis');
  const areaOptions = interestAreas.map((area) => ({ value: area, label: t(lang, `interest.${area}`) }));
  return (
    <>
      <Progress
        lang={lang}
        kit={kit}
        model={model}
        collaboration={collaborationCatalogue !== undefined}
        services={serviceCatalogue !== undefined}
      />
      <fieldset id="section-dma" aria-describedby="assessment-dma-hint">
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
        <OverallScore lang={lang} kit={kit} bands={bands} />
      </fieldset>

      <fieldset
        id="section-areas"
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
        {/* One choice per line, whole labels; only a repeated choice is marked, with the rank it repeats. */}
        <ol class="ranking">
          {ranked.map((_, index) => {
            const repeats_ = repeats.get(index);
            // Without a repeat the group's problem (none chosen) belongs to the first choice.
            const marked =
              repeats_ !== undefined || (areasError !== undefined && repeats.size === 0 && index === 0);
            return (
              <li>
                <kit.Select
                  name={`improvementAreas.${index}`}
                  label={t(lang, 'assessment.rank', { n: index + 1 })}
                  options={areaOptions}
                  required={index === 0}
                  error={
                    repeats_ === undefined
                      ? undefined
                      : t(lang, 'assessment.rank.duplicate', { n: repeats_ + 1 })
                  }
                  groupError={marked ? areasError : undefined}
                  describedBy={marked && areasError ? `${areasId}-error` : undefined}
                />
              </li>
            );
          })}
        </ol>
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
          id="section-internationalisation"
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

      {collaborationCatalogue ? (
        <CollaborationFields lang={lang} kit={kit} values={values} catalogue={collaborationCatalogue} />
      ) : null}

      {serviceCatalogue ? (
        <ServicePlanFields
          lang={lang}
          kit={kit}
          catalogue={serviceCatalogue}
          perCustomerCapEur={perProjectCapEur}
        />
      ) : (
        <>
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
                  {/* Inputs sit on one line whatever the length of a label or an error above them. */}
                  <div class="kpi-grid">
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
      )}
    </>
  );
}

/** Rows to show for a list of the collaboration part: the usual few, or as many as were posted. */
function collaborationRowsToShow(values: FormValues, list: string): number {
  let highest = -1;
  for (const name of Object.keys(values)) {
    const match = new RegExp(`^collaboration\\.${list}\\.(\\d{1,2})\\.`).exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Math.min(maxCollaborationRows, Math.max(collaborationRowCount, highest + 1));
}

/** The firm's collaboration profile: purchasing, offers and needs by the catalogue's codes, brands, network. */
function CollaborationFields({
  lang,
  kit,
  values,
  catalogue,
}: {
  lang: Language;
  kit: Kit;
  values: FormValues;
  catalogue: CollaborationCatalogue;
}) {
  const error = kit.errorFor('collaboration');
  const errorId = `${fieldId('collaboration')}-error`;
  const categories = catalogue.purchasing.map((entry) => ({ value: entry.code, label: entry.names[lang] }));
  const resources = catalogue.resources.map((entry) => ({
    value: `${entry.kind}:${entry.code}`,
    label: `${t(lang, `collaboration.resourceKind.${entry.kind}`)} — ${entry.names[lang]}`,
  }));
  const resourceRows = (side: 'offers' | 'needs') => (
    <fieldset>
      <legend>{t(lang, `field.assessment.collaboration.${side}`)}</legend>
      <p class="hint">{t(lang, 'collaboration.hint.resources')}</p>
      {Array.from({ length: collaborationRowsToShow(values, side) }, (_, row) => (
        <div class="kpi-grid">
          <kit.Select
            name={`collaboration.${side}.${row}.what`}
            label={`${t(lang, 'collaboration.row', { n: row + 1 })}: ${t(lang, 'field.assessment.collaboration.what')}`}
            options={resources}
          />
          <kit.Input
            name={`collaboration.${side}.${row}.hoursPerMonth`}
            label={t(lang, 'field.assessment.collaboration.hoursPerMonth')}
            inputMode="numeric"
          />
        </div>
      ))}
    </fieldset>
  );
  return (
    <fieldset
      id="section-collaboration"
      class={error ? 'invalid' : undefined}
      aria-describedby={['assessment-collaboration-hint', error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend>{t(lang, 'assessment.section.collaboration')}</legend>
      <p class="hint" id="assessment-collaboration-hint">
        {t(lang, 'assessment.hint.collaboration')}
      </p>
      {error ? (
        <span class="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
      <kit.Radios
        name="collaboration.interestedInNetwork"
        legend={t(lang, 'field.assessment.collaboration.interestedInNetwork')}
        required
        options={[
          { value: 'true', label: t(lang, 'collaboration.interested.yes') },
          { value: 'false', label: t(lang, 'collaboration.interested.no') },
        ]}
      />
      <fieldset>
        <legend>{t(lang, 'field.assessment.collaboration.purchasing')}</legend>
        <p class="hint">{t(lang, 'collaboration.hint.purchasing')}</p>
        {Array.from({ length: collaborationRowsToShow(values, 'purchasing') }, (_, row) => (
          <div class="kpi-grid">
            <kit.Select
              name={`collaboration.purchasing.${row}.category`}
              label={`${t(lang, 'collaboration.row', { n: row + 1 })}: ${t(lang, 'field.assessment.collaboration.category')}`}
              options={categories}
            />
            <kit.Input
              name={`collaboration.purchasing.${row}.annualSpendEur`}
              label={t(lang, 'field.assessment.collaboration.annualSpendEur')}
              inputMode="decimal"
            />
          </div>
        ))}
      </fieldset>
      {resourceRows('offers')}
      {resourceRows('needs')}
      {catalogue.brands.length > 0 ? (
        <kit.Group
          name="collaboration.brands"
          type="checkbox"
          legend={t(lang, 'field.assessment.collaboration.brands')}
          options={catalogue.brands.map((entry) => ({ value: entry.code, label: entry.names[lang] }))}
        />
      ) : null}
    </fieldset>
  );
}

/**
 * The service plan of a services programme: how many of each catalogue service the expert proposes
 * (0 or blank for none), with its value, aid share and per-customer limit beside it.
 */
function ServicePlanFields({
  lang,
  kit,
  catalogue,
  perCustomerCapEur,
}: {
  lang: Language;
  kit: Kit;
  catalogue: readonly CatalogueService[];
  perCustomerCapEur?: number | undefined;
}) {
  const planError = kit.errorFor('servicePlan');
  return (
    <fieldset
      id="section-plan"
      class={planError ? 'invalid' : undefined}
      aria-describedby={['assessment-plan-hint', planError ? `${fieldId('servicePlan')}-error` : '']
        .filter(Boolean)
        .join(' ')}
    >
      <legend>{t(lang, 'assessment.section.plan')}</legend>
      <input type="hidden" name="servicePlanAsked" value="yes" />
      <p class="hint" id="assessment-plan-hint">
        {t(lang, 'assessment.hint.plan', {
          cap: perCustomerCapEur === undefined ? '—' : formatEuro(perCustomerCapEur, lang),
        })}
      </p>
      {planError ? (
        <span class="field-error" id={`${fieldId('servicePlan')}-error`}>
          {planError}
        </span>
      ) : null}
      {catalogue.map((service) => (
        <kit.Input
          name={`servicePlan.${service.id}`}
          label={service.names[lang]}
          hint={t(lang, 'assessment.hint.planService', {
            category: t(lang, `serviceCategory.${service.category}`),
            mode: t(lang, `serviceMode.${service.mode}`),
            value: formatEuro(service.valueEur, lang),
            aid: formatNumber(service.aidSharePercent, lang),
            max: service.maxPerCustomer ?? '—',
          })}
          inputMode="numeric"
        />
      ))}
    </fieldset>
  );
}
