// The escalation's form: assign one of the managers matching itself could engage, try matching
// again, or close the journey.
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';
import type { TaskPageContext } from '#shared/pages/task-pages.tsx';

export function EscalationFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const candidates = ctx.candidateManagers ?? [];
  const assign = t(lang, 'escalation.decision.assign');
  const close = t(lang, 'escalation.decision.close');
  return (
    <>
      {candidates.length === 0 ? <p class="notice">{t(lang, 'escalation.noCandidates')}</p> : null}
      <kit.Radios
        name="decision"
        legend={t(lang, 'escalation.decision')}
        required
        options={[
          ...(candidates.length > 0 ? [{ value: 'assign', label: assign }] : []),
          { value: 'close', label: close },
        ]}
      />
      {candidates.length > 0 ? (
        <kit.Select
          name="managerId"
          label={t(lang, 'field.task.managerId')}
          condition={t(lang, 'task.onlyIf', { choice: assign })}
          options={candidates.map((candidate) => ({
            value: candidate.managerId,
            label: t(lang, 'escalation.candidate', {
              name: candidate.name,
              load: candidate.load,
              capacity: candidate.capacity,
            }),
          }))}
        />
      ) : null}
      <kit.TextArea
        name="reason"
        label={t(lang, 'field.task.reason')}
        condition={t(lang, 'task.onlyIf', { choice: close })}
        maxLength={1000}
      />
    </>
  );
}
