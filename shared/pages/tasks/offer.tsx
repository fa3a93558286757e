// The offer's form: accept or decline the engagement, with a reason when declining.
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';

export function OfferFields({ lang, kit }: { lang: Language; kit: Kit }) {
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'offer.decision')}
        required
        options={[
          { value: 'accept', label: t(lang, 'offer.decision.accept') },
          { value: 'decline', label: t(lang, 'offer.decision.decline') },
        ]}
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        hint={t(lang, 'offer.hint.reason')}
        optional
      />
    </>
  );
}
