// The services part of a services programme's dashboard (an EDIH): customers reached and SMEs among
// them against the target, the value of services delivered against the planned value (the seed's
// "€5.46M of €7.8M, 70%"), by category and by mode, the aid granted, the DMA from T0 to T1 by
// dimension and the time from registration to a first service. Tables and meters: no script needed.
import { dmaDimensions } from '#shared/domain/manager.ts';
import { customerTypes, serviceCategories, serviceModes } from '#shared/domain/services.ts';
import type { ServicesFigures } from '#shared/domain/services-figures.ts';
import { formatEuro, formatNumber } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';

const percentText = (value: number, lang: Language) => `${formatNumber(value, lang, 1)}%`;

/** The files of the report to the EDIH network (shared/use-cases/edih-report.ts). */
const reportFiles = ['edih-customers.csv', 'edih-services.csv', 'edih-dma.csv', 'edih-report.json'];

export function ServicesSection({
  lang,
  figures,
  reportHref,
}: {
  lang: Language;
  figures: ServicesFigures;
  reportHref?: (file: string) => string;
}) {
  const target = figures.targetSmes;
  return (
    <section data-testid="services">
      <h2>{t(lang, 'dashboard.services')}</h2>
      {reportHref ? (
        <p class="exports" data-testid="edih-report">
          {t(lang, 'edih.title')}. {t(lang, 'edih.files')}{' '}
          {reportFiles.map((file) => (
            <>
              <a href={reportHref(file)} download>
                {file}
              </a>{' '}
            </>
          ))}
        </p>
      ) : null}
      <p data-testid="services-reached">
        {t(lang, 'dashboard.services.reached', {
          customers: formatNumber(figures.customersReached, lang),
          smes: formatNumber(figures.smesReached, lang),
        })}
        {target
          ? ` ${t(lang, 'dashboard.services.target', {
              target: formatNumber(target, lang),
              percent: percentText(Math.round((figures.smesReached / target) * 1000) / 10, lang),
            })}`
          : ''}
      </p>
      {target ? <meter min={0} max={target} value={figures.smesReached} /> : null}
      <p data-testid="services-delivered">
        {t(lang, 'dashboard.services.delivered', {
          delivered: formatEuro(figures.deliveredEur, lang),
          planned: formatEuro(figures.plannedEur, lang),
          percent: percentText(figures.deliveredPercent, lang),
        })}
      </p>
      <meter min={0} max={Math.max(1, figures.plannedEur)} value={figures.deliveredEur} />
      <table class="data" data-testid="services-totals">
        <tbody>
          <tr>
            <td>{t(lang, 'dashboard.services.inDelivery')}</td>
            <td class="n">{formatEuro(figures.inDeliveryEur, lang)}</td>
          </tr>
          <tr>
            <td>{t(lang, 'dashboard.services.aid')}</td>
            <td class="n" data-testid="services-aid">
              {formatEuro(figures.aidGrantedEur, lang)}
            </td>
          </tr>
          <tr>
            <td>{t(lang, 'dashboard.services.investment')}</td>
            <td class="n" data-testid="services-investment">
              {formatEuro(figures.investmentTriggeredEur, lang)}
            </td>
          </tr>
          <tr>
            <td>{t(lang, 'dashboard.services.count')}</td>
            <td class="n">{formatNumber(figures.servicesDelivered, lang)}</td>
          </tr>
          <tr>
            <td>{t(lang, 'dashboard.services.notDelivered')}</td>
            <td class="n">{formatNumber(figures.servicesNotDelivered, lang)}</td>
          </tr>
          <tr>
            <td>{t(lang, 'dashboard.services.firstService')}</td>
            <td class="n" data-testid="services-first">
              {figures.medianDaysToFirstService === undefined
                ? '—'
                : t(lang, 'dashboard.services.days', {
                    days: formatNumber(figures.medianDaysToFirstService, lang, 1),
                  })}
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{t(lang, 'dashboard.services.byCustomerType')}</h3>
      <table class="data" data-testid="services-customer-types">
        <tbody>
          {customerTypes.map((type) => (
            <tr>
              <td>{t(lang, `customerType.${type}`)}</td>
              <td class="n">{formatNumber(figures.byCustomerType[type], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t(lang, 'dashboard.services.byMode')}</h3>
      <table class="data" data-testid="services-modes">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'dashboard.services.mode')}</th>
            <th scope="col" class="n">
              {t(lang, 'dashboard.services.servicesShare')}
            </th>
            <th scope="col" class="n">
              {t(lang, 'dashboard.services.customersShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {serviceModes.map((mode) => (
            <tr data-testid={`mode-${mode}`}>
              <th scope="row">{t(lang, `serviceMode.${mode}`)}</th>
              <td class="n">
                {formatNumber(figures.byMode[mode].services, lang)} (
                {percentText(figures.byMode[mode].servicesPercent, lang)})
              </td>
              <td class="n">
                {formatNumber(figures.byMode[mode].customers, lang)} (
                {percentText(figures.byMode[mode].customersPercent, lang)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t(lang, 'dashboard.services.byCategory')}</h3>
      <table class="data" data-testid="services-categories">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'dashboard.services.category')}</th>
            <th scope="col" class="n">
              {t(lang, 'dashboard.services.count')}
            </th>
            <th scope="col" class="n">
              {t(lang, 'plan.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {serviceCategories.map((category) => (
            <tr>
              <th scope="row">{t(lang, `serviceCategory.${category}`)}</th>
              <td class="n">{formatNumber(figures.byCategory[category].services, lang)}</td>
              <td class="n">{formatEuro(figures.byCategory[category].valueEur, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t(lang, 'dashboard.services.dma', { customers: formatNumber(figures.dma.customers, lang) })}</h3>
      {figures.dma.customers === 0 ? (
        <p>{t(lang, 'dashboard.none')}</p>
      ) : (
        <table class="data" data-testid="services-dma">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'dashboard.services.dimension')}</th>
              <th scope="col" class="n">
                T0
              </th>
              <th scope="col" class="n">
                T1
              </th>
              <th scope="col" class="n">
                Δ
              </th>
            </tr>
          </thead>
          <tbody>
            {[...dmaDimensions, 'overall' as const].map((dimension) => (
              <tr>
                <th scope="row">
                  {t(lang, dimension === 'overall' ? 'dashboard.dmaOverall' : `dma.${dimension}`)}
                </th>
                <td class="n">{formatNumber(figures.dma.t0[dimension], lang, 1)}</td>
                <td class="n">{formatNumber(figures.dma.t1[dimension], lang, 1)}</td>
                <td class="n">
                  {formatNumber(
                    Math.round((figures.dma.t1[dimension] - figures.dma.t0[dimension]) * 10) / 10,
                    lang,
                    1,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
