// Pages shown after applying: the receipt, the status page behind the secret link, and the
// plain message page used for errors and unknown links.

import {
  type ApplicationRecord,
  applicationReference,
  type JourneyOutcome,
  withdrawableStatuses,
} from '#shared/domain/application.ts';
import { type PrivacyRequestKind, privacyRequestValidHours } from '#shared/domain/privacy.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { sitePath } from '#shared/http/routes.ts';
import { formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { type MessageKey, t } from '#shared/i18n/messages.ts';
import { Layout } from './layout.tsx';

/** What each way a journey ends means to the SME, on its status page. */
const outcomeMessages = {
  ineligible: 'outcome.ineligible',
  no_manager: 'outcome.no_manager',
  assessed_no_project: 'outcome.assessed_no_project',
  financing_rejected: 'outcome.financing_rejected',
  launched: 'outcome.launched',
  withdrawn: 'outcome.withdrawn',
  closed_by_office: 'outcome.closed_by_office',
  services_completed: 'outcome.services_completed',
  services_not_delivered: 'outcome.services_not_delivered',
} as const satisfies Record<JourneyOutcome, MessageKey>;

export function ReceiptPage(props: {
  lang: Language;
  programme: Programme;
  applicationId: string;
  statusUrl: string;
}) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'receipt.title')}>
      <div class="notice ok" role="status">
        <h1>{t(lang, 'receipt.title')}</h1>
        <p>{t(lang, 'receipt.body', { programme: props.programme.names[lang] })}</p>
      </div>
      <dl class="facts">
        <dt>{t(lang, 'receipt.reference')}</dt>
        <dd>
          <strong data-testid="application-reference">{applicationReference(props.applicationId)}</strong>
        </dd>
        <dt>{t(lang, 'receipt.applicationId')}</dt>
        <dd>
          <code data-testid="application-id">{props.applicationId}</code>
        </dd>
        <dt>{t(lang, 'receipt.statusLink')}</dt>
        <dd>
          <a href={props.statusUrl} data-testid="status-link">
            {props.statusUrl}
          </a>
        </dd>
      </dl>
      <p>{t(lang, 'receipt.keepLink')}</p>
    </Layout>
  );
}

export function StatusPage(props: {
  lang: Language;
  programme: Programme;
  application: ApplicationRecord;
  selfHref: string;
  /** Shown above the status after the SME withdrew. */
  justWithdrawn?: boolean;
  /** The second step of a withdrawal: what it means, and the button that does it. */
  confirmingWithdrawal?: boolean;
  /** A data request was just made: its confirmation link e-mailed now, or earlier and still valid. */
  dataRequest?: 'sent' | 'already_sent';
}) {
  const { lang, application } = props;
  const canWithdraw = (withdrawableStatuses as readonly string[]).includes(application.status);
  const statusKey = `status.${application.status}` as const;
  const explanationKey = `status.${application.status}.explanation` as const;
  return (
    <Layout
      lang={lang}
      title={t(lang, 'status.title')}
      // Switching language keeps the person on the step they are at.
      switchHref={props.confirmingWithdrawal ? `${props.selfHref}?withdraw=confirm` : props.selfHref}
    >
      <h1>{t(lang, 'status.title')}</h1>
      {props.justWithdrawn ? (
        <div class="notice ok" role="status">
          <p>{t(lang, 'status.withdraw.done')}</p>
        </div>
      ) : null}
      {props.dataRequest ? (
        <div class="notice ok" role="status" data-testid="data-request-notice">
          <p>
            {props.dataRequest === 'sent'
              ? t(lang, 'status.data.sent', { hours: String(privacyRequestValidHours) })
              : t(lang, 'status.data.alreadySent')}
          </p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t(lang, 'status.programme')}</dt>
        <dd>{props.programme.names[lang]}</dd>
        <dt>{t(lang, 'receipt.reference')}</dt>
        <dd>
          <strong>{applicationReference(application.applicationId)}</strong>
        </dd>
        <dt>{t(lang, 'receipt.applicationId')}</dt>
        <dd>
          <code>{application.applicationId}</code>
        </dd>
        <dt>{t(lang, 'status.company')}</dt>
        <dd>{application.company.name}</dd>
        <dt>{t(lang, 'status.current')}</dt>
        <dd>
          <strong data-testid="application-status">{t(lang, statusKey)}</strong>
        </dd>
      </dl>
      <div class={application.status === 'ineligible' ? 'notice bad' : 'notice'}>
        <p>{t(lang, explanationKey)}</p>
        {application.status === 'submitted' && application.quotaPlace !== undefined ? (
          <p data-testid="quota-place">
            {application.quotaPlace === null
              ? t(lang, 'status.place.none', { quota: props.programme.quotas.assessments })
              : t(lang, 'status.place.held', {
                  place: application.quotaPlace,
                  quota: props.programme.quotas.assessments,
                })}
          </p>
        ) : null}
        {application.status === 'financing_pending' && application.budgetReservedEur !== undefined ? (
          <p data-testid="aid-registration">{t(lang, 'status.aidRegistration')}</p>
        ) : null}
        {application.status === 'closed' && application.outcome ? (
          <p data-testid="journey-outcome">{t(lang, outcomeMessages[application.outcome])}</p>
        ) : null}
        {application.ineligibilityReason ? (
          <p>{t(lang, `ineligibility.${application.ineligibilityReason}`)}</p>
        ) : null}
      </div>
      <h2>{t(lang, 'status.history')}</h2>
      <ol class="timeline">
        {application.statusHistory.map((change) => (
          <li>
            <strong>{t(lang, `status.${change.status}`)}</strong> — {formatRomeDateTime(change.at, lang)}
          </li>
        ))}
      </ol>
      {canWithdraw && !props.confirmingWithdrawal ? (
        <p>
          <a class="button secondary" href={`${sitePath(props.selfHref)}?withdraw=confirm&lang=${lang}`}>
            {t(lang, 'status.withdraw.button')}
          </a>
        </p>
      ) : null}
      {canWithdraw && props.confirmingWithdrawal ? (
        <section class="notice bad" id="withdraw" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t(lang, 'status.withdraw.confirmTitle')}</h2>
          <p>
            {t(
              lang,
              application.status === 'in_delivery'
                ? 'status.withdraw.confirmServices'
                : 'status.withdraw.confirm',
            )}
          </p>
          <form method="post" action={sitePath(props.selfHref)}>
            <input type="hidden" name="action" value="withdraw" />
            <input type="hidden" name="lang" value={lang} />
            <button type="submit" class="danger">
              {t(lang, 'status.withdraw.confirmButton')}
            </button>{' '}
            <a href={`${sitePath(props.selfHref)}?lang=${lang}`}>{t(lang, 'status.withdraw.keep')}</a>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t(lang, 'status.data.title')}</h2>
        <p>{t(lang, 'status.data.intro')}</p>
        <form method="post" action={sitePath(props.selfHref)}>
          <input type="hidden" name="lang" value={lang} />
          <button type="submit" name="action" value="privacy-export" class="secondary">
            {t(lang, 'status.data.export')}
          </button>{' '}
          <button type="submit" name="action" value="privacy-erase" class="secondary">
            {t(lang, 'status.data.erase')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** A data request's confirmation page (GET): what it does, and the one button that does it. */
export function PrivacyRequestPage(props: { lang: Language; request: PrivacyRequestKind; selfHref: string }) {
  const { lang, request } = props;
  return (
    <Layout lang={lang} title={t(lang, `privacyRequest.${request}.title`)} switchHref={props.selfHref}>
      <h1>{t(lang, `privacyRequest.${request}.title`)}</h1>
      <div class={request === 'erase' ? 'notice bad' : 'notice'}>
        <p>{t(lang, `privacyRequest.${request}.body`)}</p>
      </div>
      <form method="post" action={sitePath(props.selfHref)}>
        <input type="hidden" name="lang" value={lang} />
        <button type="submit" class={request === 'erase' ? 'danger' : undefined}>
          {t(lang, `privacyRequest.${request}.button`)}
        </button>
      </form>
    </Layout>
  );
}

export function MessagePage(props: { lang: Language; title: string; message: string; tone?: 'bad' | 'ok' }) {
  return (
    <Layout lang={props.lang} title={props.title}>
      <div class={`notice ${props.tone ?? 'bad'}`} role={props.tone === 'ok' ? 'status' : 'alert'}>
        <h1>{props.title}</h1>
        <p>{props.message}</p>
      </div>
      <p>
        <a href={sitePath(`/?lang=${props.lang}`)}>{t(props.lang, 'page.backHome')}</a>
      </p>
    </Layout>
  );
}
