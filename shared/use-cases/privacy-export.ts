// A data-subject access request (GDPR art. 15 and 20): every item that holds a person's data, as one
// JSON document — the applications they made as a contact (with their tasks, assessment, e-mails,
// project and check-ins), their manager profile (with their vetting and the tasks sent to them),
// and every e-mail addressed to them. Link secrets and task tokens are left out. The request itself
// is recorded in the audit trail (when, by whom, how many items of each kind), never the data.
import { createHash } from 'node:crypto';
import { appendAuditEvent } from '#shared/data/audit.ts';
import { findPersonalData } from '#shared/data/personal-data.ts';
import type { AuditActor } from '#shared/domain/audit.ts';
import { normaliseEmail } from '#shared/domain/contact.ts';

export interface PersonalDataExport {
  readonly email: string;
  readonly exportedAt: string;
  readonly applications: readonly {
    readonly application: Record<string, unknown>;
    /** Its tasks, assessment and e-mails (the items of its partition). */
    readonly items: readonly Record<string, unknown>[];
    readonly project?: Record<string, unknown>;
    readonly checkins: readonly Record<string, unknown>[];
  }[];
  readonly manager?: {
    readonly profile: Record<string, unknown>;
    readonly items: readonly Record<string, unknown>[];
    /** The tasks of journeys sent to them (offers, assessments, check-ins) with their answers. */
    readonly tasks: readonly Record<string, unknown>[];
  };
  /**
   * Every e-mail addressed to them still waiting to be sent (a sent one keeps no body or recipient:
   * its record, kind and time, is among its application's items).
   */
  readonly emails: readonly Record<string, unknown>[];
  /**
   * The collaborations between firms their firms were invited to: what each is, and their own place
   * in it and answer (the other firms' data are not theirs).
   */
  readonly collaborations: readonly {
    readonly collaborationId: string;
    readonly programmeId: string;
    readonly status: string;
    readonly kind: string;
    readonly members: readonly Record<string, unknown>[];
    readonly joinTasks: readonly Record<string, unknown>[];
  }[];
}

/** Fields that are secrets or keys, not the person's data. */
const hidden = new Set(['taskToken', 'token', 'linkHash', 'statusLinkHash', 'pk', 'sk', 'gsi1pk', 'gsi1sk']);
/** An item as the export shows it: without secrets and table keys. */
export const shown = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !hidden.has(name)));

/** What a downloaded copy is called: the product and the day it was made. */
export const personalDataFileName = (document: PersonalDataExport) =>
  `percorso-pmi-${document.exportedAt.slice(0, 10)}.json`;

/** A stable, non-reversible name for a person in the audit trail. */
export const personId = (email: string) =>
  createHash('sha256').update(normaliseEmail(email).toLowerCase()).digest('hex').slice(0, 16);

export async function exportPersonalData(
  tableName: string,
  rawEmail: string,
  actor: AuditActor = 'cli',
  now: Date = new Date(),
): Promise<PersonalDataExport> {
  const email = normaliseEmail(rawEmail);
  const found = await findPersonalData(tableName, email);
  const applications = found.applications.map(({ application, items, projectItems }) => {
    const project = projectItems.find((item) => item.sk === 'PROJECT');
    return {
      application: shown(application),
      items: items.map(shown),
      ...(project ? { project: shown(project) } : {}),
      checkins: projectItems.filter((item) => String(item.sk).startsWith('CHECKIN#')).map(shown),
    };
  });
  const manager: PersonalDataExport['manager'] = found.manager && {
    profile: shown(found.manager.profile),
    items: found.manager.items.map(shown),
    tasks: found.manager.tasks.map(shown),
  };
  const emails = found.emails.map(shown);
  const ownApplications = new Set(applications.map(({ application }) => String(application.applicationId)));
  const collaborations = found.collaborations.map(({ collaboration, joinTasks }) => ({
    collaborationId: String(collaboration.collaborationId),
    programmeId: String(collaboration.programmeId),
    status: String(collaboration.status),
    kind: String((collaboration.opportunity as { kind?: string } | undefined)?.kind ?? ''),
    members: Object.values(collaboration.members as Record<string, Record<string, unknown>>).filter(
      (member) => ownApplications.has(String(member.applicationId)),
    ),
    joinTasks: joinTasks.map(shown),
  }));
  await appendAuditEvent(tableName, {
    at: now.toISOString(),
    programmeId: 'privacy',
    subject: { kind: 'person', id: personId(email) },
    actor,
    action: 'privacy.exported',
    after: `applications:${applications.length},manager:${manager ? 1 : 0},emails:${emails.length}`,
  });
  return {
    email,
    exportedAt: now.toISOString(),
    applications,
    ...(manager ? { manager } : {}),
    emails,
    collaborations,
  };
}
