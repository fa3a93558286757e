// The decision log of an application or a project: when, what, who, and the codes before and after.
import type { AuditEvent } from '#shared/domain/audit.ts';
import { formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';

/** Who acted, in words: the role a link went to, the operator, or the signed-in user's ID. */
export function auditActorText(lang: Language, actor: AuditEvent['actor']): string {
  if (actor === 'cli') return t(lang, 'audit.actor.cli');
  if (actor === 'link:manager') return t(lang, 'audit.actor.manager');
  if (actor === 'link:office') return t(lang, 'audit.actor.office');
  if (actor === 'link:sme') return t(lang, 'audit.actor.sme');
  if (actor === 'link:provider') return t(lang, 'audit.actor.provider');
  return t(lang, 'audit.actor.user', { id: actor.slice('user:'.length) });
}

export function AuditTable(props: { lang: Language; events: readonly AuditEvent[] }) {
  const { lang, events } = props;
  if (events.length === 0) return <p>{t(lang, 'audit.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="data" data-testid="decisions">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'audit.when')}</th>
            <th scope="col">{t(lang, 'audit.what')}</th>
            <th scope="col">{t(lang, 'audit.who')}</th>
            <th scope="col">{t(lang, 'audit.change')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr data-action={event.action}>
              <td>{formatRomeDateTime(event.at, lang)}</td>
              <td>{t(lang, `audit.action.${event.action}`)}</td>
              <td>{auditActorText(lang, event.actor)}</td>
              <td>
                <code>{event.before ?? '—'}</code> → <code>{event.after ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
