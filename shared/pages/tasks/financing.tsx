// The financing decision's form: approve an amount within the per-project cap and the budget
// left (both shown), or reject with a reason.
import { formatEuro } from '#shared/i18n/format.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';
import type { TaskPageContext } from '#shared/pages/task-pages.tsx';

export function FinancingFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const approve = t(lang, 'financing.decision.approve');
  const reject = t(lang, 'financing.decision.reject');
  const amountHint = [
    t(lang, 'financing.hint.amount'),
    ctx.perProjectCapEur === undefined
      ? ''
      : t(lang, 'financing.cap', { amount: formatEuro(ctx.perProjectCapEur, lang) }),
    ctx.budgetLeftEur === undefined
      ? ''
      : t(lang, 'financing.budgetLeft', { amount: formatEuro(ctx.budgetLeftEur, lang) }),
  ]
    .filter(Boolean)
    .join(' ');
  const deMinimis = ctx.deMinimis;
  return (
    <>
      {deMinimis ? (
        <div class="notice" data-testid="de-minimis-headroom">
          <p>
            {t(lang, 'financing.deMinimis', {
              years: deMinimis.windowYears,
              ceiling: formatEuro(deMinimis.ceilingEur, lang),
              used: formatEuro(deMinimis.usedEur, lang),
              headroom: formatEuro(deMinimis.headroomEur, lang),
            })}
          </p>
          <p>
            {t(lang, 'financing.deMinimisAid', {
              assessment: formatEuro(deMinimis.assessmentAidEur, lang),
              percent: deMinimis.financingPercent,
            })}
          </p>
        </div>
      ) : null}
      <kit.Radios
        name="decision"
        legend={t(lang, 'financing.decision')}
        required
        options={[
          { value: 'approve', label: approve },
          { value: 'reject', label: reject },
        ]}
      />
      <kit.Input
        name="amountEur"
        label={t(lang, 'field.task.amountEur')}
        condition={t(lang, 'task.onlyIf', { choice: approve })}
        hint={amountHint}
        inputMode="decimal"
      />
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: reject })}
        maxLength={1000}
      />
    </>
  );
}
