// The programme office's page for people's data requests: find by address, download the copy,
// check what an erasure would do, then erase.

import { sitePath } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { ErasurePlan } from '#shared/use-cases/privacy-erase.ts';
import { Layout } from './layout.tsx';

export function AdminPrivacyPage(props: {
  lang: Language;
  selfHref: string;
  email?: string;
  /** What an erasure would do (after "check the erasure"). */
  plan?: ErasurePlan;
  notice?: { tone: 'ok' | 'bad'; message: string };
}) {
  const { lang, plan } = props;
  return (
    <Layout lang={lang} title={t(lang, 'admin.privacy.title')} switchHref={props.selfHref}>
      <h1>{t(lang, 'admin.privacy.title')}</h1>
      <p>{t(lang, 'admin.privacy.intro')}</p>
      {props.notice ? (
        <div class={`notice ${props.notice.tone}`} role={props.notice.tone === 'ok' ? 'status' : 'alert'}>
          <p>{props.notice.message}</p>
        </div>
      ) : null}
      <form method="post" action={sitePath(props.selfHref)}>
        <input type="hidden" name="lang" value={lang} />
        <p>
          <label for="privacy-email">{t(lang, 'admin.privacy.email')}</label>
          <br />
          <input
            id="privacy-email"
            name="email"
            type="email"
            required
            value={props.email ?? ''}
            autocomplete="off"
          />
        </p>
        <p>
          <button type="submit" name="action" value="export">
            {t(lang, 'admin.privacy.export')}
          </button>{' '}
          <button type="submit" name="action" value="preview" class="secondary">
            {t(lang, 'admin.privacy.preview')}
          </button>
        </p>
      </form>
      {plan ? (
        <section aria-labelledby="plan-title" data-testid="erasure-plan">
          <h2 id="plan-title">{t(lang, 'admin.privacy.preview')}</h2>
          <p>
            {plan.held
              ? t(lang, 'admin.privacy.plan', {
                  applications: String(plan.applications),
                  running: String(plan.runningJourneys),
                  manager: t(
                    lang,
                    plan.manager ? 'admin.privacy.planManagerYes' : 'admin.privacy.planManagerNo',
                  ),
                  emails: String(plan.queuedEmails),
                })
              : t(lang, 'admin.privacy.nothing')}
          </p>
          {plan.refusals.map((refusal) => (
            <div class="notice bad" role="alert">
              <p>
                {refusal.reason === 'project_running'
                  ? t(lang, 'admin.privacy.refusedProject', { project: refusal.projectId })
                  : refusal.reason === 'collaboration_running'
                    ? t(lang, 'admin.privacy.refusedCollaboration', {
                        application: refusal.applicationId,
                        collaboration: refusal.collaborationId,
                      })
                    : t(lang, 'admin.privacy.refusedManager', { engagements: String(refusal.engagements) })}
              </p>
            </div>
          ))}
          {plan.held && plan.refusals.length === 0 ? (
            <form method="post" action={sitePath(props.selfHref)} class="notice bad">
              <p>{t(lang, 'admin.privacy.eraseWhat')}</p>
              <input type="hidden" name="lang" value={lang} />
              <input type="hidden" name="email" value={props.email ?? ''} />
              <button type="submit" name="action" value="erase" class="danger">
                {t(lang, 'admin.privacy.erase')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
