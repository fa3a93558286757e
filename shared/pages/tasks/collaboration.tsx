// The collaboration tasks' pages: a firm invited to a collaboration joins or declines (what it is,
// why it was found, the other firms); the coordinator verifies a cycle (each member's economic
// benefit with its justification, how it is going, who left, notes).
import { collaborationActivityStatuses } from '#shared/domain/human-tasks.ts';
import { t } from '#shared/i18n/messages.ts';
import type { Kit } from '#shared/pages/form-kit.tsx';
import type { TaskPageContext } from '#shared/pages/task-pages.tsx';

/** What the collaboration is: its title, why it was found, its estimated benefit, its firms. */
export function CollaborationFacts({ ctx }: { ctx: TaskPageContext }) {
  const { lang } = ctx;
  const c = ctx.collaboration;
  if (!c) return null;
  return (
    <section data-testid="collaboration-facts">
      <h2>{c.title}</h2>
      <ul>
        {c.why.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>{c.benefit}</p>
      <h3>{t(lang, 'collaboration.members')}</h3>
      <ul>
        {c.members.map((member) => (
          <li>
            {member.name} — {t(lang, `collaboration.member.${member.status}`)}
          </li>
        ))}
      </ul>
      {c.coordinator ? (
        <p>
          {t(lang, 'collaboration.coordinator')}: {c.coordinator}
        </p>
      ) : null}
    </section>
  );
}

export function JoinFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  return (
    <>
      <kit.Radios
        name="decision"
        legend={t(lang, 'field.task.decision')}
        required
        options={[
          { value: 'join', label: t(lang, 'field.task.decision.join') },
          { value: 'decline', label: t(lang, 'field.task.decision.decline') },
        ]}
      />
      <kit.TextArea name="note" label={t(lang, 'field.task.note')} optional maxLength={1000} />
    </>
  );
}

export function CollaborationReportFields({ ctx, kit }: { ctx: TaskPageContext; kit: Kit }) {
  const { lang } = ctx;
  const members = (ctx.collaboration?.members ?? []).filter((m) => m.status === 'joined');
  return (
    <>
      <fieldset>
        <legend>{t(lang, 'field.task.benefits')}</legend>
        {members.map((member, row) => (
          <fieldset>
            <legend>{member.name}</legend>
            <input type="hidden" name={`benefits.${row}.applicationId`} value={member.applicationId} />
            <kit.Input
              name={`benefits.${row}.economicBenefitEur`}
              label={t(lang, 'field.task.benefits.economicBenefitEur')}
              inputMode="decimal"
              required
            />
            <kit.TextArea
              name={`benefits.${row}.justification`}
              label={t(lang, 'field.task.benefits.justification')}
              rows={2}
              maxLength={2000}
              required
            />
          </fieldset>
        ))}
      </fieldset>
      <kit.Radios
        name="status"
        legend={t(lang, 'field.task.status')}
        required
        options={collaborationActivityStatuses.map((status) => ({
          value: status,
          label: t(lang, `collaboration.report.activity.${status}`),
        }))}
      />
      {members.length > 0 ? (
        <kit.Group
          name="left"
          type="checkbox"
          legend={t(lang, 'field.task.left')}
          options={members.map((m) => ({ value: m.applicationId, label: m.name }))}
        />
      ) : null}
      <kit.TextArea name="notes" label={t(lang, 'field.task.notes')} optional maxLength={5000} />
    </>
  );
}
