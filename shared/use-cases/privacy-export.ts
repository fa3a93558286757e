// A data-subject access request (GDPR art. 15 and 20): every item that holds a person's data, as one
// JSON document — the applications they made as a contact (with their tasks, assessment, e-mails,
// project and check-ins), their manager profile (with their vetting and the tasks sent to them),
// and every e-mail addressed to them. Link secrets and task tokens are left out. The request itself
// is recorded in the audit trail (when, by whom, how many items of each kind), never the data.
import { createHash } from 'node:crypto';
import { appendAuditEvent } from '#shared/data/audit.ts';
import { queryPartition, scanItems } from '#shared/data/client.ts';
import { keys } from '#shared/data/table-design.ts';
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
}

/** Fields that are secrets or keys, not the person's data. */
const hidden = new Set(['taskToken', 'token', 'linkHash', 'statusLinkHash', 'pk', 'sk', 'gsi1pk', 'gsi1sk']);
const shown = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => !hidden.has(name)));

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
  const lower = email.toLowerCase();
  const found = await scanItems(tableName, {
    expression:
      '(sk = :application AND (#contact.#email = :email OR #contact.#email = :lower)) OR ' +
      '(sk = :manager AND (#email = :email OR #email = :lower)) OR ' +
      '(#type = :emailType AND (#to = :email OR #to = :lower OR contains(#to, :email) OR contains(#to, :lower)))',
    names: { '#contact': 'contact', '#email': 'email', '#type': 'type', '#to': 'to' },
    values: {
      ':application': 'APPLICATION',
      ':manager': 'MANAGER',
      ':emailType': 'email',
      ':email': email,
      ':lower': lower,
    },
  });
  const applicationItems = found.filter((item) => item.sk === 'APPLICATION');
  const managerItem = found.find((item) => item.sk === 'MANAGER');
  const emails = found.filter((item) => item.type === 'email').map(shown);

  const applications = await Promise.all(
    applicationItems.map(async (application) => {
      const partition = await queryPartition(
        tableName,
        keys.application(String(application.applicationId)).pk,
      );
      const projectId = typeof application.projectId === 'string' ? application.projectId : undefined;
      const projectItems = projectId ? await queryPartition(tableName, keys.project(projectId).pk) : [];
      const project = projectItems.find((item) => item.sk === 'PROJECT');
      return {
        application: shown(application),
        items: partition.filter((item) => item.sk !== 'APPLICATION').map(shown),
        ...(project ? { project: shown(project) } : {}),
        checkins: projectItems.filter((item) => String(item.sk).startsWith('CHECKIN#')).map(shown),
      };
    }),
  );
  let manager: PersonalDataExport['manager'];
  if (managerItem) {
    const managerId = String(managerItem.managerId);
    const [partition, tasks] = await Promise.all([
      queryPartition(tableName, keys.manager(managerId).pk),
      scanItems(tableName, {
        expression: '#managerId = :id AND begins_with(sk, :task)',
        names: { '#managerId': 'managerId' },
        values: { ':id': managerId, ':task': 'TASK#' },
      }),
    ]);
    manager = {
      profile: shown(managerItem),
      items: partition.filter((item) => item.sk !== 'MANAGER').map(shown),
      tasks: tasks.map(shown),
    };
  }
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
  };
}
