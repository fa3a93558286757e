// The public home (`/`): the programmes open today, each with who may apply, its dates, the places
// left and the kind of support, and a link to its own form. Italian and English, no JavaScript.
import type { VNode } from 'preact';
import { lombardyProvinceCodes, lombardyProvinces } from '#shared/domain/lombardy.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { routes, sitePath } from '#shared/http/routes.ts';
import { dateTimeFormat, formatNumber, locale } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { Layout } from './layout.tsx';

export interface OpenProgramme {
  readonly programme: Programme;
  /** Assessment places not yet taken (never below zero). */
  readonly placesLeft: number;
}

const dateText = (iso: string, lang: Language) =>
  dateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** Who may apply, in words: the kinds of applicant, the provinces, the sectors. */
function whoMayApply(programme: Programme, lang: Language): string {
  const { eligibility } = programme;
  const kinds = eligibility.customerTypes
    .map((type) =>
      type === 'sme'
        ? t(lang, 'home.smes', {
            classes: eligibility.sizeClasses.map((c) => t(lang, `task.sizeClass.${c}`)).join(', '),
          })
        : t(lang, `customerType.${type}`),
    )
    .join('; ');
  const everywhere = eligibility.provinces.length === lombardyProvinceCodes.length;
  const where = everywhere
    ? t(lang, 'home.allLombardy')
    : eligibility.provinces.map((code) => lombardyProvinces[code]).join(', ');
  const sectors = eligibility.atecoSections
    ? t(lang, 'home.sectors', { sections: eligibility.atecoSections.sections.join(', ') })
    : t(lang, 'home.allSectors');
  return `${kinds} — ${where}; ${sectors}`;
}

export function ProgrammesHomePage(props: { lang: Language; programmes: readonly OpenProgramme[] }): VNode {
  const { lang } = props;
  return (
    <Layout lang={lang} title={t(lang, 'home.title')} switchHref="/">
      <h1>{t(lang, 'home.title')}</h1>
      <p>{t(lang, 'home.intro')}</p>
      {props.programmes.length === 0 ? <p>{t(lang, 'home.none')}</p> : null}
      <ul class="programmes" data-testid="open-programmes">
        {props.programmes.map(({ programme, placesLeft }) => {
          const headingId = `programme-${programme.id}`;
          return (
            <li>
              <section aria-labelledby={headingId}>
                <h2 id={headingId}>{programme.names[lang]}</h2>
                <dl class="facts">
                  <dt>{t(lang, 'home.support')}</dt>
                  <dd>
                    {t(
                      lang,
                      programme.delivery === 'services' ? 'home.support.services' : 'home.support.project',
                    )}
                    {programme.collaboration.enabled ? ` ${t(lang, 'home.support.collaboration')}` : ''}
                  </dd>
                  <dt>{t(lang, 'home.who')}</dt>
                  <dd>{whoMayApply(programme, lang)}</dd>
                  <dt>{t(lang, 'home.dates')}</dt>
                  <dd>
                    {programme.closesOn
                      ? t(lang, 'home.openUntil', {
                          from: dateText(programme.opensOn, lang),
                          to: dateText(programme.closesOn, lang),
                        })
                      : t(lang, 'home.openFrom', { from: dateText(programme.opensOn, lang) })}
                  </dd>
                  <dt>{t(lang, 'home.places')}</dt>
                  <dd data-testid={`places-${programme.id}`}>
                    {placesLeft > 0
                      ? t(lang, 'home.placesLeft', {
                          left: formatNumber(placesLeft, lang),
                          total: formatNumber(programme.quotas.assessments, lang),
                        })
                      : t(lang, 'home.placesNone')}
                  </dd>
                </dl>
                <p>
                  <a href={`${sitePath(routes.applicationForm.path)}?programme=${programme.id}&lang=${lang}`}>
                    {t(lang, 'home.apply', { programme: programme.names[lang] })}
                  </a>
                </p>
              </section>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
