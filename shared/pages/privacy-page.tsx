// The privacy notice page (GDPR art. 13): who decides on the data, which data, why and on what
// basis, who sees them, for how long, the person's rights; in Italian and English, no script.
import type { PrivacyNotice } from '#shared/domain/privacy.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { Layout } from './layout.tsx';

export function PrivacyNoticePage(props: {
  lang: Language;
  notice: PrivacyNotice;
  /** The programme's name (an SME's notice). */
  programmeName?: string;
  /** This page's path, for the language switch. */
  selfHref: string;
  /** On the site's own notice (the e-mail footers link there): each programme's notice. */
  programmes?: readonly { readonly name: string; readonly href: string }[];
}) {
  const { lang, notice } = props;
  const programme = props.programmeName ?? '';
  const sme = notice.audience === 'sme';
  return (
    <Layout lang={lang} title={t(lang, 'privacy.title')} switchHref={props.selfHref}>
      <h1>{t(lang, 'privacy.title')}</h1>
      <p>{sme ? t(lang, 'privacy.intro.sme', { programme }) : t(lang, 'privacy.intro.manager')}</p>
      <p class="hint" data-testid="notice-version">
        {t(lang, 'privacy.version', { version: notice.version })}
      </p>
      {props.programmes && props.programmes.length > 0 ? (
        <section class="notice" aria-labelledby="privacy-programmes">
          <h2 id="privacy-programmes">{t(lang, 'privacy.programmes.title')}</h2>
          <p>{t(lang, 'privacy.programmes.intro')}</p>
          <ul>
            {props.programmes.map((programme) => (
              <li>
                <a href={programme.href}>{programme.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t(lang, 'privacy.controller.title')}</h2>
      <p>
        {notice.controller
          ? notice.controller[lang]
          : sme
            ? t(lang, 'privacy.controller.default.sme', { programme })
            : t(lang, 'privacy.controller.default.manager')}{' '}
        {t(lang, 'privacy.controller.contact', { email: notice.contactEmail })}
      </p>
      <h2>{t(lang, 'privacy.data.title')}</h2>
      <p>{t(lang, sme ? 'privacy.data.sme' : 'privacy.data.manager')}</p>
      <h2>{t(lang, 'privacy.purposes.title')}</h2>
      <p>{t(lang, sme ? 'privacy.purposes.sme' : 'privacy.purposes.manager')}</p>
      <h2>{t(lang, 'privacy.recipients.title')}</h2>
      <p>{t(lang, sme ? 'privacy.recipients.sme' : 'privacy.recipients.manager')}</p>
      <h2>{t(lang, 'privacy.retention.title')}</h2>
      <p data-testid="notice-retention">
        {t(lang, 'privacy.retention.body', { months: notice.retentionMonths })}
      </p>
      <h2>{t(lang, 'privacy.rights.title')}</h2>
      <p>{t(lang, 'privacy.rights.body', { email: notice.contactEmail })}</p>
    </Layout>
  );
}
