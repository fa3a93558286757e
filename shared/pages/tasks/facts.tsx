// What a task page shows before its form: the company (never its contact details on an offer),
// the candidate manager of a vetting, the assessment behind a financing decision.
import { dmaDimensions } from '#shared/domain/manager.ts';
import { formatEuro, formatNumber, formatPhone } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { labelOrCode, provinceName } from '#shared/pages/form-kit.tsx';
import type { TaskPageContext, VettingCandidate } from '#shared/pages/task-pages.tsx';
import { interestAreas } from '#shared/schemas/application.ts';
import { kpiProperties } from '#shared/schemas/task-forms.ts';

/** What the person needs to decide: the SME (never its contact details on an offer). */
export function CompanyFacts({
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
export function listOrNone(lang: Language, items: readonly string[], name: (item: string) => string): string {
  return items.length === 0 ? t(lang, 'vetting.none') : items.map(name).join(', ');
}

/** What the programme office needs to vet a manager: their profile as registered. */
export function CandidateFacts({ lang, candidate }: { lang: Language; candidate: VettingCandidate }) {
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
          <dd>
            <a href={`tel:${candidate.phone}`}>{formatPhone(candidate.phone)}</a>
          </dd>
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
export function AssessmentFacts({
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
        {assessment.findings ? (
          <>
            <dt>{t(lang, 'field.assessment.findings')}</dt>
            <dd class="prose" data-testid="findings">
              {assessment.findings}
            </dd>
          </>
        ) : null}
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
            {project.qualitativeObjectives && project.qualitativeObjectives.length > 0 ? (
              <>
                <dt>{t(lang, 'field.assessment.project.qualitativeObjectives')}</dt>
                <dd class="prose">
                  <ul data-testid="qualitative-objectives">
                    {project.qualitativeObjectives.map((objective) => (
                      <li>{objective}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
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
