// A data-subject erasure request (GDPR art. 17): the person is anonymised everywhere — names,
// addresses, telephone numbers, CV and every text written about or by them become "—" — while
// counters, statuses, figures and the audit trail stay. A journey of theirs still running ends as
// withdrawn (its open tasks cancelled, its holds released); queued e-mails to them are never sent;
// the links that opened their pages stop working; their firms' names leave the collaborations they
// were invited to. Refused, with nothing written, while a funded project of theirs is still
// monitored, their firm is in a running collaboration or, for a manager, while they follow a firm: the programme
// office closes or reassigns first. Asking again finds nothing left: idempotent. Each request is
// recorded in the audit trail (when, who, how many items of each kind), never the data.
import { appendAuditEvent } from '#shared/data/audit.ts';
import { deleteItems } from '#shared/data/client.ts';
import {
  findPersonalData,
  linksOf,
  type PersonalDataFound,
  replaceItems,
} from '#shared/data/personal-data.ts';
import { keys } from '#shared/data/table-design.ts';
import { withdrawableStatuses } from '#shared/domain/application.ts';
import type { AuditActor } from '#shared/domain/audit.ts';
import { normaliseEmail } from '#shared/domain/contact.ts';
import {
  collaborationNeedsMember,
  erasedCollaborationMembers,
  erasedItem,
  erasedManagerProfile,
} from '#shared/domain/erasure.ts';
import { personId } from './privacy-export.ts';
import { withdrawApplication } from './withdraw-application.ts';

export interface ErasureDeps {
  readonly tableName: string;
  readonly journeyStateMachineArn: string;
  readonly actor: AuditActor;
  readonly now?: () => Date;
}

/** Why an erasure cannot be done now (nothing is written then). */
export type ErasureRefusal =
  | { readonly reason: 'project_running'; readonly applicationId: string; readonly projectId: string }
  /** A firm invited to a collaboration still inviting, or taking part in one that runs. */
  | {
      readonly reason: 'collaboration_running';
      readonly applicationId: string;
      readonly collaborationId: string;
    }
  | { readonly reason: 'manager_engaged'; readonly managerId: string; readonly engagements: number };

export interface ErasurePlan {
  /** Whether anything is held about the person at all. */
  readonly held: boolean;
  readonly applications: number;
  /** Journeys still running, which the erasure ends as withdrawn. */
  readonly runningJourneys: number;
  readonly manager: boolean;
  readonly queuedEmails: number;
  readonly refusals: readonly ErasureRefusal[];
}

export type ErasureResult =
  | { readonly outcome: 'refused'; readonly plan: ErasurePlan }
  | {
      readonly outcome: 'erased' | 'nothing_held';
      readonly plan: ErasurePlan;
      /** Items anonymised, links deleted. */
      readonly items: number;
      readonly links: number;
      /**
       * The texts that named the person (address, names): for an outbox that keeps copies of sent
       * messages to forget them (the local one; SES keeps none). Never logged.
       */
      readonly terms: readonly string[];
    };

const isRunning = (application: Record<string, unknown>) =>
  (withdrawableStatuses as readonly string[]).includes(String(application.status));

function planOf(found: PersonalDataFound): ErasurePlan {
  const refusals: ErasureRefusal[] = [];
  for (const { application, projectItems } of found.applications) {
    const project = projectItems.find((item) => item.sk === 'PROJECT');
    if (project && project.status !== 'closed') {
      refusals.push({
        reason: 'project_running',
        applicationId: String(application.applicationId),
        projectId: String(project.projectId),
      });
    }
  }
  for (const { collaboration } of found.collaborations) {
    for (const { application } of found.applications) {
      const applicationId = String(application.applicationId);
      if (collaborationNeedsMember(collaboration, applicationId)) {
        refusals.push({
          reason: 'collaboration_running',
          applicationId,
          collaborationId: String(collaboration.collaborationId),
        });
      }
    }
  }
  if (found.manager) {
    const openTasks = found.manager.tasks.filter((task) => task.status === 'open').length;
    const engagements = Math.max(Number(found.manager.profile.load ?? 0), openTasks);
    if (engagements > 0) {
      refusals.push({
        reason: 'manager_engaged',
        managerId: String(found.manager.profile.managerId),
        engagements,
      });
    }
  }
  return {
    held: found.applications.length > 0 || found.manager !== undefined || found.emails.length > 0,
    applications: found.applications.length,
    runningJourneys: found.applications.filter(({ application }) => isRunning(application)).length,
    manager: found.manager !== undefined,
    queuedEmails: found.emails.length,
    refusals,
  };
}

/** What an erasure would do for that address, and whether it would be refused; writes nothing. */
export async function planErasure(tableName: string, email: string): Promise<ErasurePlan> {
  return planOf(await findPersonalData(tableName, email));
}

export async function erasePersonalData(deps: ErasureDeps, rawEmail: string): Promise<ErasureResult> {
  const now = (deps.now ?? (() => new Date()))();
  const at = now.toISOString();
  const email = normaliseEmail(rawEmail);
  const before = await findPersonalData(deps.tableName, email);
  const plan = planOf(before);
  const audit = (after: string) =>
    appendAuditEvent(deps.tableName, {
      at,
      programmeId: 'privacy',
      subject: { kind: 'person', id: personId(email) },
      actor: deps.actor,
      action: 'privacy.erased',
      after,
    });
  if (plan.refusals.length > 0) {
    await audit(`refused:${plan.refusals.map((refusal) => refusal.reason).join('+')}`);
    return { outcome: 'refused', plan };
  }

  // 1. Running journeys end as withdrawn (execution stopped, open tasks cancelled, holds released).
  for (const { application } of before.applications.filter(({ application }) => isRunning(application))) {
    await withdrawApplication(
      { tableName: deps.tableName, journeyStateMachineArn: deps.journeyStateMachineArn, now: () => now },
      String(application.applicationId),
      deps.actor,
    );
  }
  // 2. Everything as it is now, anonymised item by item.
  const found = plan.runningJourneys > 0 ? await findPersonalData(deps.tableName, email) : before;
  // By key: a queued e-mail is both in its application's partition and among those to them, a
  // vetting both in the manager's partition and among the tasks sent to them.
  const anonymised = new Map<string, Record<string, unknown>>();
  const erase = (item: Record<string, unknown>) => {
    const erased = erasedItem(item, at);
    if (erased) anonymised.set(`${item.pk}|${item.sk}`, erased);
  };
  for (const { application, items, projectItems } of found.applications) {
    for (const item of [application, ...items, ...projectItems]) erase(item);
  }
  for (const item of found.emails) erase(item);
  const erasedApplications = new Set(
    found.applications.map(({ application }) => String(application.applicationId)),
  );
  for (const { collaboration, joinTasks } of found.collaborations) {
    anonymised.set(
      `${collaboration.pk}|${collaboration.sk}`,
      erasedCollaborationMembers(collaboration, erasedApplications, at),
    );
    for (const task of joinTasks) erase(task);
  }
  const terms = new Set([email, email.toLowerCase()]);
  for (const { application } of found.applications) {
    terms.add(String((application.company as { name: string }).name));
    terms.add(String((application.contact as { name: string }).name));
  }
  const deleted: Record<string, unknown>[] = [];
  if (found.manager) {
    const { profile, items, tasks } = found.manager;
    terms.add(String(profile.name));
    anonymised.set(`${profile.pk}|${profile.sk}`, {
      ...erasedManagerProfile(profile, at),
      ...keys.managersByStatus('inactive'),
    });
    for (const item of [...items, ...tasks]) erase(item);
    deleted.push(keys.managerEmail(String(profile.email)));
  }
  await replaceItems(deps.tableName, [...anonymised.values()]);
  // 3. Links to their pages (status, tasks, a manager's availability) and the manager's address
  // key. (The submissions' stored responses hold no personal data: a receipt names the programme
  // and the application's ID only.)
  const links = await linksOf(deps.tableName, {
    applicationIds: found.applications.map(({ application }) => String(application.applicationId)),
    ...(found.manager ? { managerId: String(found.manager.profile.managerId) } : {}),
  });
  await deleteItems(deps.tableName, [...deleted, ...links]);

  await audit(
    `applications:${found.applications.length},withdrawn:${plan.runningJourneys},manager:${found.manager ? 1 : 0},items:${anonymised.size}`,
  );
  return {
    outcome: plan.held ? 'erased' : 'nothing_held',
    plan,
    items: anonymised.size,
    links: links.length,
    terms: [...terms],
  };
}
