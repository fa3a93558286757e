// The programme dashboard: the figures the seed programmes quote in their press releases, read
// from the counters each write keeps (never recounted), with progress against quota and budget.
// Bars are native <progress>/<meter> elements: no script, no inline style, no chart CDN.
import type { ProgrammeCounters } from '#shared/data/programmes.ts';
import { journeyOutcomes } from '#shared/domain/application.ts';
import { collaborationExportKinds, type ExportKind, exportKinds } from '#shared/domain/exports.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import { ineligibilityReasons, type Programme } from '#shared/domain/programme.ts';
import type { ServicesFigures } from '#shared/domain/services-figures.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { formatEuro, formatNumber, formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { ProjectSummary } from '#shared/use-cases/programme-dashboard.ts';
import { jsonDataBlock } from './dashboard-charts.ts';
import { Layout } from './layout.tsx';
import { outcomeColours } from './outcome-colours.ts';
import { ServicesSection } from './services-dashboard.tsx';

/** The funnel's steps, from application to launched project: the counters it reads, in order. */
export const funnelSteps = [
  'applications',
  'eligible',
  'assessmentsAssigned',
  'assessmentsCompleted',
  'projectsRecommended',
  'projectsApproved',
  'projectsLaunched',
] as const;

/** The statuses whose time is counted (an application leaves them for the next step). */
const stagesTimed = ['submitted', 'eligible', 'manager_assigned', 'financing_pending'] as const;

/**
 * The median time in a status, as the hour range of the histogram bucket that holds it (buckets
 * n = ⌊log2(hours + 1)⌋, counted by stageCounter in the data layer).
 */
export function medianStage(
  count: (name: string) => number,
  status: string,
): { from: number; to: number } | undefined {
  const buckets = Array.from({ length: 17 }, (_, n) => count(`stage_${status}_h${n}`));
  const total = buckets.reduce((sum, n) => sum + n, 0);
  if (total === 0) return undefined;
  let cumulative = 0;
  for (const [n, inBucket] of buckets.entries()) {
    cumulative += inBucket;
    if (cumulative * 2 >= total) return { from: 2 ** n - 1, to: 2 ** (n + 1) - 1 };
  }
  return undefined;
}

function hoursRange(range: { from: number; to: number }, lang: Language): string {
  if (range.to <= 1) return t(lang, 'dashboard.stage.underAnHour');
  if (range.to <= 48) return t(lang, 'dashboard.stage.hours', { from: range.from, to: range.to });
  const days = (h: number) => Math.round(h / 24);
  return t(lang, 'dashboard.stage.days', { from: days(range.from), to: days(range.to) });
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

export function DashboardPage(props: {
  lang: Language;
  programme: Programme;
  counters: ProgrammeCounters;
  at: string;
  selfHref: string;
  /** Active managers' engagements against their capacity (the programme's roster, or all). */
  managers?: { active: number; load: number; capacity: number };
  /** Where the chart library and the drawing script are served; absent = no charts (bars only). */
  charts?: { libraryHref: string; scriptHref: string };
  /** Where each CSV export is downloaded; absent = no export links. */
  exportHref?: (kind: ExportKind) => string;
  /** Where the office posts a Partita IVA to free a firm's place (the cloud admin area). */
  unlockHref?: string;
  /** The programme's collaboration between firms (where it enables it); absent = no link. */
  collaborationsHref?: string;
  /** The list of programmes (a link back to it); absent = no link. */
  programmesHref?: string;
  /** A services programme's figures (an EDIH): shown instead of the projects' monitoring. */
  services?: ServicesFigures;
  /** Where a services programme's EDIH report files are downloaded (edih-customers.csv, …). */
  reportHref?: (file: string) => string;
  /** The latest launched projects (at most `projectsLimit`), each linked to its page by `projectHref`. */
  projects?: readonly ProjectSummary[];
  projectsLimit?: number;
  projectHref?: (projectId: string) => string;
}) {
  const { lang, programme } = props;
  const count = (name: string) => Number((props.counters as unknown as Record<string, unknown>)[name] ?? 0);
  const applications = count('applications');
  const completed = count('assessmentsCompleted');
  const committed = count('budgetCommittedEur');
  const reasons = ineligibilityReasons.filter((reason) => count(`ineligible_${reason}`) > 0);
  const outcomes = journeyOutcomes.filter((outcome) => count(`outcome_${outcome}`) > 0);
  const average = (sumName: string) =>
    formatNumber(Math.round((count(sumName) / Math.max(1, count('dmaImprovedProjects'))) * 10) / 10, lang, 3);
  return (
    <Layout
      lang={lang}
      title={`${t(lang, 'dashboard.title')} · ${programme.names[lang]}`}
      switchHref={props.selfHref}
    >
      <div class="dashboard">
        {props.programmesHref ? (
          <p>
            <a href={`${props.programmesHref}?lang=${lang}`}>{t(lang, 'admin.programmes.title')}</a>
          </p>
        ) : null}
        <h1>{programme.names[lang]}</h1>
        {props.collaborationsHref ? (
          <p>
            <a href={`${props.collaborationsHref}?lang=${lang}`} data-testid="collaborations-link">
              {t(lang, 'dashboard.collaborations')}
            </a>
          </p>
        ) : null}
        <p class="hint">{t(lang, 'dashboard.updated', { at: formatRomeDateTime(props.at, lang) })}</p>
        {props.exportHref ? (
          <p class="exports">
            {t(lang, 'dashboard.export')}{' '}
            {exportKinds
              .filter((kind) => programme.collaboration.enabled || !collaborationExportKinds.includes(kind))
              .map((kind) => (
                <>
                  <a href={props.exportHref?.(kind)} download>
                    {t(lang, `dashboard.export.${kind}`)}
                  </a>{' '}
                </>
              ))}
          </p>
        ) : null}
        {props.unlockHref ? (
          <form method="post" action={props.unlockHref} class="unlock">
            <label for="unlock-vat">{t(lang, 'admin.unlock.label')}</label>{' '}
            <input id="unlock-vat" name="vatNumber" inputMode="numeric" autocomplete="off" required />{' '}
            <button type="submit">{t(lang, 'admin.unlock.button')}</button>
          </form>
        ) : null}
        <h2>{t(lang, 'dashboard.funnel')}</h2>
        {props.charts ? (
          // Hidden until the script has drawn it (no empty box without JavaScript); the script then
          // hides the native bars below, so the funnel is never shown twice.
          <div class="chart" id="funnel-chart-box" hidden>
            <canvas id="funnel-chart" role="img" aria-label={t(lang, 'dashboard.funnel')} />
          </div>
        ) : null}
        <ol class="funnel" id="funnel-bars">
          {funnelSteps.map((step) => (
            <li data-counter={step}>
              <span>{t(lang, `dashboard.${step}`)}</span>
              <progress
                max={Math.max(applications, 1)}
                value={count(step)}
                aria-label={t(lang, `dashboard.${step}`)}
              >
                {count(step)}
              </progress>
              <span class="n" data-testid={`counter-${step}`}>
                {count(step)}
              </span>
            </li>
          ))}
        </ol>
        <p>
          {t(lang, 'dashboard.quota', {
            done: completed,
            quota: programme.quotas.assessments,
            percent: percent(completed, programme.quotas.assessments),
          })}
        </p>
        <meter min={0} max={programme.quotas.assessments} value={completed} />
        {programme.targets.smes ? (
          <>
            <p data-testid="target-smes">
              {t(lang, 'dashboard.target.smes', {
                done: count('eligible'),
                target: programme.targets.smes,
                percent: percent(count('eligible'), programme.targets.smes),
              })}
            </p>
            <meter min={0} max={programme.targets.smes} value={count('eligible')} />
          </>
        ) : null}
        {programme.targets.projectsLaunched ? (
          <p data-testid="target-projects">
            {t(lang, 'dashboard.target.projects', {
              done: count('projectsLaunched'),
              target: programme.targets.projectsLaunched,
              percent: percent(count('projectsLaunched'), programme.targets.projectsLaunched),
            })}
          </p>
        ) : null}
        {props.managers ? (
          <p data-testid="managers">
            {t(lang, 'dashboard.managers', {
              active: props.managers.active,
              load: props.managers.load,
              capacity: props.managers.capacity,
              percent: percent(props.managers.load, props.managers.capacity),
            })}
          </p>
        ) : null}
        <p data-testid="budget">
          {t(lang, 'dashboard.budget', {
            committed: formatEuro(committed, lang),
            total: formatEuro(programme.budget.totalEur, lang),
            percent: percent(committed, programme.budget.totalEur),
          })}
        </p>
        <meter
          min={0}
          max={programme.budget.totalEur}
          value={committed}
          high={programme.budget.totalEur * 0.9}
        />
        {props.services ? (
          <ServicesSection
            lang={lang}
            figures={props.services}
            {...(props.reportHref ? { reportHref: props.reportHref } : {})}
          />
        ) : null}
        {props.services ? null : (
          <>
            <h2>{t(lang, 'dashboard.monitoring')}</h2>
            <table class="data" data-testid="monitoring">
              <tbody>
                <tr>
                  <td>{t(lang, 'dashboard.projectsClosed')}</td>
                  <td class="n">{count('projectsClosed')}</td>
                </tr>
                <tr>
                  <td>{t(lang, 'dashboard.checkinsRecorded')}</td>
                  <td class="n">{count('checkinsRecorded')}</td>
                </tr>
                <tr>
                  <td>{t(lang, 'dashboard.checkinsMissed')}</td>
                  <td class="n">{count('checkinsMissed')}</td>
                </tr>
                <tr>
                  <td>{t(lang, 'dashboard.budgetSpent')}</td>
                  <td class="n">{formatEuro(count('budgetSpentEur'), lang)}</td>
                </tr>
                <tr>
                  <td>{t(lang, 'dashboard.economicBenefit')}</td>
                  <td class="n">{formatEuro(count('economicBenefitEur'), lang)}</td>
                </tr>
                <tr>
                  <td>{t(lang, 'dashboard.benefitPerEuro')}</td>
                  <td class="n" data-testid="benefit-per-euro">
                    {count('budgetSpentEur') > 0
                      ? formatNumber(count('economicBenefitEur') / count('budgetSpentEur'), lang)
                      : '—'}
                  </td>
                </tr>
              </tbody>
            </table>
            {count('dmaImprovedProjects') > 0 ? (
              <>
                <h3>{t(lang, 'dashboard.dmaImprovement')}</h3>
                <table class="data" data-testid="dma-improvement">
                  <tbody>
                    {dmaDimensions.map((dimension) => (
                      <tr>
                        <td>{t(lang, `dma.${dimension}`)}</td>
                        <td class="n">{average(`dmaDeltaSum_${dimension}`)}</td>
                      </tr>
                    ))}
                    <tr>
                      <td>{t(lang, 'dashboard.dmaOverall')}</td>
                      <td class="n">{average('dmaOverallDeltaSum')}</td>
                    </tr>
                  </tbody>
                </table>
              </>
            ) : null}
          </>
        )}
        {stagesTimed.some((status) => medianStage(count, status)) ? (
          <>
            <h2>{t(lang, 'dashboard.medianStage')}</h2>
            <table class="data" data-testid="median-stages">
              <tbody>
                {stagesTimed.map((status) => {
                  const median = medianStage(count, status);
                  return median ? (
                    <tr data-testid={`median-${status}`}>
                      <td>{t(lang, `status.${status}`)}</td>
                      <td class="n">{hoursRange(median, lang)}</td>
                    </tr>
                  ) : null;
                })}
              </tbody>
            </table>
          </>
        ) : null}
        <h2>{t(lang, 'dashboard.ineligibleByReason')}</h2>
        {reasons.length === 0 ? (
          <p>{t(lang, 'dashboard.none')}</p>
        ) : (
          <table class="data">
            <tbody>
              {reasons.map((reason) => (
                <tr>
                  <td>{t(lang, `ineligibility.${reason}`)}</td>
                  <td class="n">{count(`ineligible_${reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {props.projects && props.projects.length > 0 ? (
          <>
            <h2>{t(lang, 'dashboard.projects', { limit: props.projectsLimit ?? props.projects.length })}</h2>
            <div class="table-scroll">
              <table class="data" data-testid="projects">
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'dashboard.projects.title')}</th>
                    <th scope="col">{t(lang, 'admin.project.status')}</th>
                    <th scope="col">{t(lang, 'dashboard.projects.launched')}</th>
                    <th scope="col" class="n">
                      {t(lang, 'admin.project.amount')}
                    </th>
                    <th scope="col" class="n">
                      {t(lang, 'admin.project.spent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.projects.map((project) => (
                    <tr>
                      <td>
                        {props.projectHref ? (
                          <a href={props.projectHref(project.projectId)}>{project.title}</a>
                        ) : (
                          project.title
                        )}
                      </td>
                      <td>{t(lang, `admin.project.state.${project.status}`)}</td>
                      <td>{formatRomeDateTime(project.launchedAt, lang)}</td>
                      <td class="n">{formatEuro(project.amountEur, lang)}</td>
                      <td class="n">{formatEuro(project.spentEur, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        <h2 id="outcomes-heading">{t(lang, 'dashboard.outcomes')}</h2>
        {outcomes.length === 0 ? (
          <p>{t(lang, 'dashboard.none')}</p>
        ) : (
          <div class="outcomes">
            {props.charts ? (
              <div class="chart small" id="outcomes-chart-box" hidden>
                <canvas id="outcomes-chart" role="img" aria-labelledby="outcomes-heading" />
              </div>
            ) : null}
            {/* The table is the chart's legend too: each outcome's colour, its name, its count. */}
            <table class="data" data-testid="outcomes">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'dashboard.outcome')}</th>
                  <th scope="col" class="n">
                    {t(lang, 'dashboard.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcomes.map((outcome) => (
                  <tr>
                    <td>
                      <span class={`swatch outcome-${outcome}`} aria-hidden="true" />
                      {t(lang, `dashboard.outcome.${outcome}`)}
                    </td>
                    <td class="n">{count(`outcome_${outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {props.charts ? (
        <>
          <script
            type="application/json"
            id="dashboard-data"
            // A JSON data block ('<' escaped): never executed, so the CSP lets it be.
            dangerouslySetInnerHTML={{
              __html: jsonDataBlock({
                funnel: {
                  title: t(lang, 'dashboard.funnel'),
                  labels: funnelSteps.map((step) => t(lang, `dashboard.${step}`)),
                  values: funnelSteps.map((step) => count(step)),
                },
                outcomes: {
                  labels: outcomes.map((outcome) => t(lang, `dashboard.outcome.${outcome}`)),
                  values: outcomes.map((outcome) => count(`outcome_${outcome}`)),
                  colours: outcomes.map((outcome) => outcomeColours[outcome]),
                },
              }),
            }}
          />
          <script src={props.charts.libraryHref} />
          <script src={props.charts.scriptHref} />
        </>
      ) : null}
    </Layout>
  );
}

export function ProgrammeListPage(props: {
  lang: Language;
  programmes: readonly Programme[];
  hrefOf: (id: string) => string;
  /** This page's path (unprefixed), for the language switch. */
  selfHref?: string;
  /** Where to sign out (the cloud's admin area); absent locally. */
  signOutHref?: string;
}) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'dashboard.list.title')} switchHref={props.selfHref}>
      {props.signOutHref ? (
        <p>
          <a href={props.signOutHref} data-testid="sign-out">
            {t(lang, 'admin.signOut')}
          </a>
        </p>
      ) : null}
      <h1>{t(lang, 'dashboard.list.title')}</h1>
      <ul>
        {props.programmes.map((programme) => (
          <li>
            <a href={props.hrefOf(programme.id)}>{programme.names[lang]}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={sitePath(`${routes.adminPrivacy.path}?lang=${lang}`)}>{t(lang, 'admin.privacy.link')}</a>
      </p>
    </Layout>
  );
}
