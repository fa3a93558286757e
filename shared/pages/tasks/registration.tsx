// The aid registration's form: the data to register in the national State-aid register (RNA),
// then the COR it returned.
import { formatEuro } from '#shared/i18n/format.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';
import type { TaskPageContext } from '#shared/pages/task-pages.tsx';

export function RegistrationFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const aid = ctx.registration;
  return (
    <>
      {aid ? (
        <>
          <h2>{t(lang, 'registration.facts')}</h2>
          <dl data-testid="registration-facts">
            <dt>{t(lang, 'registration.concessionId')}</dt>
            <dd>{aid.concessionId}</dd>
            <dt>{t(lang, 'registration.carCode')}</dt>
            <dd>{aid.carCode ?? t(lang, 'registration.carMissing')}</dd>
            <dt>{t(lang, 'registration.beneficiary')}</dt>
            <dd>{aid.beneficiary}</dd>
            <dt>{t(lang, 'registration.grantedOn')}</dt>
            <dd>{aid.grantedOn}</dd>
            <dt>{t(lang, 'registration.nominalAmount')}</dt>
            <dd>{formatEuro(aid.nominalAmountEur, lang)}</dd>
            <dt>{t(lang, 'registration.aidAmount')}</dt>
            <dd>{formatEuro(aid.aidAmountEur, lang)}</dd>
            <dt>{t(lang, 'registration.regulation')}</dt>
            <dd>{aid.regulation}</dd>
          </dl>
        </>
      ) : null}
      <kit.Input
        name="cor"
        label={t(lang, 'field.task.cor')}
        hint={t(lang, 'registration.hint.cor')}
        inputMode="numeric"
        required
      />
    </>
  );
}
