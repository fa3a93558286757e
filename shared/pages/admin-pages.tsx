// Programme-office pages besides the dashboard: the sign-in messages and one project's page with its
// KPI trajectories, T0/T1 digital maturity and the pause / resume / close-early actions.
import { projectOutcomes } from '#shared/domain/human-tasks.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import { sitePath } from '#shared/http/routes.ts';
import { formatEuro, formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { isMessageKey, t } from '#shared/i18n/messages.ts';
import type { ProjectView } from '#shared/use-cases/project-view.ts';
import { AuditTable } from './audit-table.tsx';
import { Layout } from './layout.tsx';

export function SignInMessagePage(props: {
  lang: Language;
  title: string;
  message: string;
  link?: { href: string; label: string } | undefined;
}) {
  return (
    <Layout lang={props.lang} title={props.title}>
      <h1>{props.title}</h1>
      <p data-testid="sign-in-message">{props.message}</p>
      {props.link ? (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The actions the office may take on a project in a given status. */
export function projectActionsFor(status: string): readonly ('pause' | 'resume' | 'close')[] {
  if (status === 'closed') return [];
  if (status === 'paused') return ['resume', 'close'];
  return ['pause', 'close'];
}

const label = (lang: Language, key: string, fallback: string) =>
  isMessageKey(key) ? t(lang, key) : fallback;

export function ProjectPage(props: {
  lang: Language;
  view: ProjectView;
  /** The page's own path (unprefixed), for the language switch and the actions. */
  selfHref: string;
  notice?: { tone: 'ok' | 'bad'; message: string } | undefined;
}) {
  const { lang, view, selfHref } = props;
  const { project, checkins, kpis, t0, t1 } = view;
  return (
    <Layout lang={lang} title={`${t(lang, 'admin.project.title')}: ${project.title}`} switchHref={selfHref}>
      <h1>{project.title}</h1>
      {props.notice ? (
        <div class={`notice ${props.notice.tone}`} role={props.notice.tone === 'ok' ? 'status' : 'alert'}>
          <p data-testid="project-notice">{props.notice.message}</p>
        </div>
      ) : null}
      <dl class="facts">
        {view.companyName ? (
          <>
            <dt>{t(lang, 'status.company')}</dt>
            <dd data-testid="project-company">{view.companyName}</dd>
          </>
        ) : null}
        {view.managerName ? (
          <>
            <dt>{t(lang, 'admin.project.manager')}</dt>
            <dd data-testid="project-manager">{view.managerName}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'admin.project.status')}</dt>
        <dd data-project-status={project.status}>
          {label(lang, `admin.project.state.${project.status}`, project.status)}
        </dd>
        <dt>{t(lang, 'admin.project.outcome')}</dt>
        <dd>{project.outcome ? label(lang, `projectOutcome.${project.outcome}`, project.outcome) : '—'}</dd>
        <dt>{t(lang, 'admin.project.launched')}</dt>
        <dd>{formatRomeDateTime(project.launchedAt, lang)}</dd>
        <dt>{t(lang, 'admin.project.amount')}</dt>
        <dd>{formatEuro(project.amountEur, lang)}</dd>
        <dt>{t(lang, 'admin.project.spent')}</dt>
        <dd>{formatEuro(project.spentEur ?? 0, lang)}</dd>
        <dt>{t(lang, 'admin.project.benefit')}</dt>
        <dd>{formatEuro(project.economicBenefitEur ?? 0, lang)}</dd>
      </dl>
      <h2>{t(lang, 'admin.project.kpis')}</h2>
      <table data-testid="kpi-trajectories">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'admin.project.kpi')}</th>
            <th scope="col">{t(lang, 'admin.project.baseline')}</th>
            {checkins.map((checkin) => (
              <th scope="col">{t(lang, 'admin.project.checkin', { cycle: checkin.cycle })}</th>
            ))}
            <th scope="col">{t(lang, 'admin.project.target')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi, i) => (
            <tr>
              <th scope="row">
                {kpi.name} ({kpi.unit})
              </th>
              <td>{kpi.baseline}</td>
              {checkins.map((checkin) => {
                const offTrack = checkin.kpisOnTrack?.[i] === false;
                return (
                  <td class={offTrack ? 'status status-FAILED' : undefined}>
                    {checkin.missed ? t(lang, 'admin.project.missed') : (checkin.kpiValues?.[i] ?? '—')}
                    {offTrack ? ` (${t(lang, 'admin.project.offTrack')})` : ''}
                  </td>
                );
              })}
              <td>{kpi.target}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {t0 ? (
        <>
          <h2>{t(lang, 'admin.project.dma')}</h2>
          <table data-testid="dma-t0-t1">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'admin.project.dimension')}</th>
                <th scope="col">T0</th>
                <th scope="col">T1</th>
              </tr>
            </thead>
            <tbody>
              {dmaDimensions.map((dimension) => (
                <tr>
                  <th scope="row">{label(lang, `dma.${dimension}`, dimension)}</th>
                  <td>{t0[dimension] ?? '—'}</td>
                  <td>{t1?.[dimension] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{t(lang, 'audit.title')}</h2>
      <AuditTable lang={lang} events={view.decisions} />
      {projectActionsFor(project.status).length > 0 ? (
        <>
          <h2>{t(lang, 'admin.project.controls')}</h2>
          {projectActionsFor(project.status).map((action) => (
            <form method="post" action={sitePath(`${selfHref}/${action}`)} class="project-action">
              <input type="hidden" name="lang" value={lang} />
              <label for={`reason-${action}`}>{t(lang, 'admin.project.reason')}</label>
              <input id={`reason-${action}`} name="reason" required maxLength={1000} />
              {action === 'close' ? (
                <>
                  <label for="close-outcome">{t(lang, 'admin.project.closeOutcome')}</label>
                  <select id="close-outcome" name="outcome">
                    {projectOutcomes.map((outcome) => (
                      <option value={outcome}>{label(lang, `projectOutcome.${outcome}`, outcome)}</option>
                    ))}
                  </select>
                </>
              ) : null}
              <button type="submit">{t(lang, `admin.project.${action}`)}</button>
            </form>
          ))}
        </>
      ) : null}
    </Layout>
  );
}
