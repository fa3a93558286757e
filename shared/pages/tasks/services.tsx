// The task pages of a services programme (an EDIH): the plan the office approves (shown above the
// financing form), the service a provider records as delivered or not, the T1 DMA.
import { formatEuro, formatNumber } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';
import type { ServicePlanView, TaskPageContext } from '#shared/pages/task-pages.tsx';
import { T1DmaFields } from './monitoring.tsx';

/** The plan line by line, with its value and the aid in it. */
export function ServicePlanFacts({ lang, plan }: { lang: Language; plan: ServicePlanView }) {
  return (
    <>
      <h2>{t(lang, 'plan.title')}</h2>
      <table data-testid="service-plan">
        <caption class="visually-hidden">{t(lang, 'plan.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'plan.service')}</th>
            <th scope="col" class="number">
              {t(lang, 'plan.quantity')}
            </th>
            <th scope="col" class="number">
              {t(lang, 'plan.value')}
            </th>
            <th scope="col" class="number">
              {t(lang, 'plan.aid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.lines.map((line) => (
            <tr>
              <td>{line.name}</td>
              <td class="number">{formatNumber(line.quantity, lang)}</td>
              <td class="number">{formatEuro(line.valueEur, lang)}</td>
              <td class="number">{formatEuro(line.aidEur, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t(lang, 'plan.total')}
            </th>
            <td class="number">{formatEuro(plan.valueEur, lang)}</td>
            <td class="number">{formatEuro(plan.aidEur, lang)}</td>
          </tr>
        </tfoot>
      </table>
      <p class="hint">{t(lang, 'plan.approveWhole')}</p>
    </>
  );
}

/** The service to record: what it is, which of the plan's, what it is worth. */
export function ServiceFacts({
  lang,
  service,
}: {
  lang: Language;
  service: NonNullable<TaskPageContext['service']>;
}) {
  return (
    <dl class="facts" data-testid="service-facts">
      <dt>{t(lang, 'plan.service')}</dt>
      <dd>{service.name}</dd>
      <dt>{t(lang, 'delivery.category')}</dt>
      <dd>
        {t(lang, `serviceCategory.${service.category}`)} — {t(lang, `serviceMode.${service.mode}`)}
      </dd>
      <dt>{t(lang, 'plan.value')}</dt>
      <dd>{formatEuro(service.valueEur, lang)}</dd>
    </dl>
  );
}

/**
 * Delivered (when, how many hours and participants; for access-to-finance support, the investment
 * triggered) or not delivered (why).
 */
export function DeliveryFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  return (
    <>
      <kit.Radios
        name="outcome"
        legend={t(lang, 'field.task.deliveryOutcome')}
        required
        options={[
          { value: 'delivered', label: t(lang, 'delivery.delivered') },
          { value: 'not_delivered', label: t(lang, 'delivery.notDelivered') },
        ]}
      />
      <fieldset>
        <legend>{t(lang, 'delivery.section.delivered')}</legend>
        <kit.Input name="deliveredOn" type="date" label={t(lang, 'field.task.deliveredOn')} />
        <kit.Input name="hours" inputMode="decimal" label={t(lang, 'field.task.hours')} />
        <kit.Input
          name="participants"
          inputMode="numeric"
          label={t(lang, 'field.task.participants')}
          optional
        />
        {ctx.service?.category === 'investment_support' ? (
          <kit.Input
            name="investmentTriggeredEur"
            inputMode="decimal"
            label={t(lang, 'field.task.investmentTriggeredEur')}
            hint={t(lang, 'delivery.hint.investment')}
            optional
          />
        ) : null}
        <kit.TextArea name="notes" label={t(lang, 'field.task.notes')} optional />
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'delivery.section.notDelivered')}</legend>
        <kit.TextArea name="reason" label={t(lang, 'field.task.reason')} />
      </fieldset>
    </>
  );
}

/** The T1 DMA: the six scores again (the T0 is in the summary above), and notes. */
export function FollowUpFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  return (
    <>
      <T1DmaFields
        lang={lang}
        kit={kit}
        legend={t(lang, 'followup.section.dma')}
        hint={t(lang, 'followup.hint.dma')}
        t0={ctx.assessment?.scores}
      />
      <kit.TextArea name="notes" label={t(lang, 'field.task.notes')} optional />
    </>
  );
}
