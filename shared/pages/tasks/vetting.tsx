// The vetting of a registered manager: admit with a merit score, or reject with a reason.
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';

export function VettingFields({ lang, kit }: { lang: Language; kit: Kit }) {
  const approve = t(lang, 'vetting.decision.approve');
  const reject = t(lang, 'vetting.decision.reject');
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'vetting.decision')}
        required
        options={[
          { value: 'approve', label: approve },
          { value: 'reject', label: reject },
        ]}
      />
      <kit.Input
        name="merit"
        label={t(lang, 'field.task.merit')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={t(lang, 'vetting.hint.merit')}
        inputMode="decimal"
      />
      <kit.TextArea
        name="notes"
        label={t(lang, 'field.task.notes')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={t(lang, 'vetting.hint.notes')}
        maxLength={2000}
        optional
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: reject })}
        hint={t(lang, 'vetting.hint.reason')}
        maxLength={1000}
      />
    </>
  );
}
