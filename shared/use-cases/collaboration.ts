// Collaboration between a programme's firms, as business steps: the office sees the opportunities
// the finder draws from the firms' profiles and proposes one with a coordinator; each firm is
// invited by e-mail to join or decline; with two or more members the collaboration starts and is
// verified cycle by cycle (the coordinator reports each member's economic benefit, counted once)
// until its final report. Each workflow step is idempotent: Step Functions may run it twice.
import { randomUUID } from 'node:crypto';
import { getApplication } from '#shared/data/applications.ts';
import {
  closeCollaborationOnce,
  closeInvitations,
  createCollaboration,
  flagMember,
  getCollaboration,
  listCollaborationProfiles,
  listCollaborations,
  putCollaborationProfile,
  recordCycleReportOnce,
  recordMemberDecision,
  setInvitationToken,
} from '#shared/data/collaborations.ts';
import { queuedEmailItem, sendEmailOnce } from '#shared/data/email-outbox.ts';
import {
  closeHumanTask,
  getHumanTask,
  type HumanTaskRecord,
  taskEmailKind,
} from '#shared/data/human-tasks.ts';
import { getManager } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import {
  collaborationExecutionName,
  sendTaskSuccess,
  startCollaborationCycle,
} from '#shared/data/step-functions.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { AuditActor } from '#shared/domain/audit.ts';
import {
  activeMembers,
  type CollaborationMember,
  type CollaborationRecord,
  findOpportunities,
  minimumMembers,
  type Opportunity,
} from '#shared/domain/collaboration.ts';
import { JourneyRecordMissingError, UnknownProgrammeError } from '#shared/domain/errors.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { type Manager, managerLanguageFor } from '#shared/domain/manager.ts';
import { officeLanguage, type Programme } from '#shared/domain/programme.ts';
import {
  collaborationClosedEmail,
  collaborationReportEmail,
  collaborationStartEmail,
  joinInvitationEmail,
  noBenefitFlagEmail,
} from '#shared/email/collaboration-emails.tsx';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { taskUrl } from '#shared/http/routes.ts';
import { estimatedBenefitText, opportunityTitle } from '#shared/i18n/collaboration-text.ts';
import type { Language } from '#shared/i18n/language.ts';
import { logger } from '#shared/observability/powertools.ts';
import { completeSharedWait, openOrRemindTask } from './open-task.ts';

export interface CollaborationDeps {
  readonly tableName: string;
  readonly publicBaseUrl: string;
  readonly send: (to: string | readonly string[], email: RenderedEmail) => Promise<string>;
  readonly now?: () => Date;
}

const nowOf = (deps: { now?: () => Date }) => (deps.now ?? (() => new Date()))();
const hoursToSeconds = (hours: number) => Math.max(1, Math.round(hours * 3600));
/** Whose e-mails these are in the outbox: the collaboration's. */
const outboxOwner = (collaborationId: string) => `collaboration:${collaborationId}`;

// ---------------------------------------------------------------------------------------------
// Profiles and opportunities

/** Keeps the firm's collaboration profile from its assessment, where the programme collects it. */
export async function recordCollaborationProfile(
  tableName: string,
  application: ApplicationRecord,
  programme: Programme,
  answer: HumanTaskAnswer<'assessment'>,
  at: string,
): Promise<void> {
  if (!programme.collaboration.enabled || !answer.collaboration) return;
  await putCollaborationProfile(tableName, {
    applicationId: application.applicationId,
    programmeId: programme.id,
    companyName: application.company.name,
    province: application.company.province,
    profile: answer.collaboration,
    recordedAt: at,
  });
}

export interface ProgrammeOpportunities {
  readonly opportunities: readonly Opportunity[];
  /** The live collaboration of an opportunity already proposed, by opportunity ID. */
  readonly proposed: ReadonlyMap<string, string>;
  /** Each firm's name, by applicationId. */
  readonly firmNames: ReadonlyMap<string, string>;
  readonly firmCount: number;
  readonly collaborations: readonly CollaborationRecord[];
}

const liveStatuses = new Set(['inviting', 'active', 'paused']);

/** The opportunities among the programme's firms now, and which of them the office already proposed. */
export async function programmeOpportunities(
  tableName: string,
  programme: Programme,
): Promise<ProgrammeOpportunities> {
  const [profiles, collaborations] = await Promise.all([
    listCollaborationProfiles(tableName, programme.id),
    listCollaborations(tableName, programme.id),
  ]);
  const opportunities = findOpportunities(
    profiles.map((p) => ({ applicationId: p.applicationId, province: p.province, profile: p.profile })),
    programme.collaboration.catalogue,
  );
  return {
    opportunities,
    proposed: new Map(
      collaborations
        .filter((c) => liveStatuses.has(c.status))
        .map((c) => [c.opportunity.id, c.collaborationId]),
    ),
    firmNames: new Map(profiles.map((p) => [p.applicationId, p.companyName])),
    firmCount: profiles.length,
    collaborations,
  };
}

export type ProposeOutcome =
  | { readonly outcome: 'proposed'; readonly collaborationId: string }
  | {
      readonly outcome:
        | 'unknown_opportunity'
        | 'already_proposed'
        | 'coordinator_not_eligible'
        | 'not_enabled'
        /** Its workflow could not be started: not started, the opportunity free again. */
        | 'workflow_unavailable';
    };

/**
 * The office proposes an opportunity, with the manager who will coordinate it: the collaboration is
 * stored with its firms invited, and its workflow started (the invitations are its first cycle).
 * @param collaborationStateMachineArn - where collaborations run
 */
export async function proposeCollaboration(
  deps: { tableName: string; collaborationStateMachineArn: string; now?: () => Date },
  programme: Programme,
  request: { opportunityId: string; coordinatorManagerId: string },
  actor: AuditActor,
): Promise<ProposeOutcome> {
  if (!programme.collaboration.enabled) return { outcome: 'not_enabled' };
  const found = await programmeOpportunities(deps.tableName, programme);
  const opportunity = found.opportunities.find((o) => o.id === request.opportunityId);
  if (!opportunity) return { outcome: 'unknown_opportunity' };
  if (found.proposed.has(opportunity.id)) return { outcome: 'already_proposed' };
  const coordinator = await getManager(deps.tableName, request.coordinatorManagerId);
  if (!coordinator || !isProgrammeManager(coordinator, programme))
    return { outcome: 'coordinator_not_eligible' };
  const now = nowOf(deps).toISOString();
  const collaborationId = randomUUID();
  const members: Record<string, CollaborationMember> = {};
  opportunity.members.forEach((applicationId, i) => {
    members[applicationId] = {
      applicationId,
      number: i + 1,
      companyName: found.firmNames.get(applicationId) ?? applicationId,
      status: 'invited',
      benefitEur: 0,
      noBenefitCycles: 0,
    };
  });
  const record: CollaborationRecord = {
    collaborationId,
    programmeId: programme.id,
    opportunity,
    status: 'inviting',
    coordinatorManagerId: coordinator.managerId,
    createdAt: now,
    createdBy: actor,
    members,
    cyclesDone: 0,
    benefitTotalEur: 0,
  };
  const created = await createCollaboration(deps.tableName, record, {
    eventId: randomUUID(),
    at: now,
    programmeId: programme.id,
    subject: { kind: 'collaboration', id: collaborationId },
    actor,
    action: 'collaboration.proposed',
    after: opportunity.kind,
  });
  if (!created) return { outcome: 'already_proposed' };
  try {
    await startCollaborationCycle(deps.collaborationStateMachineArn, {
      collaborationId,
      programmeId: programme.id,
      cycle: 0,
    });
  } catch (error) {
    // Nobody was invited yet: the collaboration does not start and its opportunity is free again.
    logger.error('Collaboration workflow could not be started; not started', {
      collaborationId,
      error: error as Error,
    });
    await closeInvitations(deps.tableName, record, 'not_started', nowOf(deps).toISOString());
    return { outcome: 'workflow_unavailable' };
  }
  logger.info('Collaboration proposed', {
    collaborationId,
    programmeId: programme.id,
    kind: opportunity.kind,
  });
  return { outcome: 'proposed', collaborationId };
}

/** A coordinator is an active manager of the programme (of its roster, where it has one). */
export function isProgrammeManager(manager: Manager, programme: Programme): boolean {
  if (manager.status !== 'active') return false;
  return !programme.matching.roster || programme.matching.roster.includes(manager.managerId);
}

// ---------------------------------------------------------------------------------------------
// The workflow's steps

async function load(deps: { tableName: string }, collaborationId: string) {
  const collaboration = await getCollaboration(deps.tableName, collaborationId);
  if (!collaboration) throw new JourneyRecordMissingError(`collaboration ${collaborationId} not found`);
  const programme = await getProgramme(deps.tableName, collaboration.programmeId);
  if (!programme) throw new UnknownProgrammeError(collaboration.programmeId);
  return { collaboration, programme };
}

/** A firm's e-mails: in its contact's language where the programme speaks it, else the programme's first. */
const firmLanguage = (programme: Programme, application: ApplicationRecord): Language =>
  programme.languages.includes(application.language)
    ? application.language
    : (programme.languages[0] ?? officeLanguage);

const titleOf = (lang: Language, collaboration: CollaborationRecord, programme: Programme) =>
  opportunityTitle(lang, collaboration.opportunity, programme.collaboration.catalogue);

export interface CollaborationCyclePlan {
  /** invite: the firms decide (cycle 0); verify: a verification cycle; stop: nothing left to do. */
  readonly phase: 'invite' | 'verify' | 'stop';
  readonly waitSeconds: number;
  /** The last verification cycle: its report is the final one. */
  readonly final: boolean;
  readonly timeouts: { readonly reminderSeconds: number; readonly finalSeconds: number };
  readonly nextCycle: number;
  readonly nextExecutionName: string;
}

/** What a cycle does, and its waits in seconds (from the programme's settings). */
export async function planCollaborationCycle(
  deps: { tableName: string },
  input: { collaborationId: string; cycle: number },
): Promise<CollaborationCyclePlan> {
  const { collaboration, programme } = await load(deps, input.collaborationId);
  const { invitation, verification } = programme.collaboration;
  const invite = input.cycle === 0 && collaboration.status === 'inviting';
  const verify =
    input.cycle >= 1 &&
    input.cycle <= verification.cycles &&
    (collaboration.status === 'active' || collaboration.status === 'paused');
  const timing = invite ? invitation : verification;
  return {
    phase: invite ? 'invite' : verify ? 'verify' : 'stop',
    waitSeconds: hoursToSeconds(verification.everyHours),
    final: input.cycle >= verification.cycles,
    timeouts: {
      reminderSeconds: hoursToSeconds(timing.reminderHours),
      finalSeconds: hoursToSeconds(timing.expiryHours - timing.reminderHours),
    },
    nextCycle: input.cycle + 1,
    nextExecutionName: collaborationExecutionName(input.collaborationId, input.cycle + 1),
  };
}

/**
 * Invites the firms (or reminds those that have not answered): one join task each, with its link
 * e-mailed once to the firm's contact. The waiting state's token is kept on the collaboration: the
 * last firm to answer completes it. If every firm has answered already (while the reminder
 * re-entered the state), the step completes it itself.
 */
export async function openInvitations(
  deps: CollaborationDeps,
  input: { collaborationId: string; taskToken: string; phase: 'first' | 'reminder' },
): Promise<{ invited: number }> {
  const { programme } = await load(deps, input.collaborationId);
  const collaboration = await setInvitationToken(deps.tableName, input.collaborationId, input.taskToken);
  if (!collaboration) return { invited: 0 };
  const now = nowOf(deps);
  const invited = Object.values(collaboration.members).filter((m) => m.status === 'invited');
  const names = Object.values(collaboration.members)
    .sort((a, b) => a.number - b.number)
    .map((m) => m.companyName);
  for (const member of invited) {
    const application = await getApplication(deps.tableName, member.applicationId);
    if (!application) continue;
    const ref = { applicationId: collaboration.collaborationId, kind: 'join' as const, round: member.number };
    const existing = await getHumanTask(deps.tableName, ref);
    const dueAt =
      existing?.dueAt ??
      new Date(now.getTime() + programme.collaboration.invitation.expiryHours * 3600_000).toISOString();
    const lang = firmLanguage(programme, application);
    const title = titleOf(lang, collaboration, programme);
    const emailKind = taskEmailKind(ref, input.phase);
    const request = {
      ...ref,
      programmeId: programme.id,
      language: lang,
      taskToken: input.taskToken,
      dueAt,
      now: now.toISOString(),
      emailItem: (secret: string) =>
        queuedEmailItem(
          outboxOwner(collaboration.collaborationId),
          emailKind,
          application.contact.email,
          joinInvitationEmail(lang, {
            contactName: application.contact.name,
            companyName: application.company.name,
            programmeName: programme.names[lang],
            title,
            members: names,
            benefit: estimatedBenefitText(lang, collaboration.opportunity),
            dueAt,
            link: taskUrl(deps.publicBaseUrl, secret),
            reminder: input.phase === 'reminder',
          }),
          now,
        ),
    };
    await openOrRemindTask(input.phase, request, {
      tableName: deps.tableName,
      owner: outboxOwner(collaboration.collaborationId),
      emailKind,
      send: deps.send,
      now: () => nowOf(deps),
    });
  }
  if (invited.length === 0) await sendTaskSuccess(input.taskToken, JSON.stringify({ allAnswered: true }));
  logger.info('Collaboration invitations open', {
    collaborationId: collaboration.collaborationId,
    phase: input.phase,
    invited: invited.length,
  });
  return { invited: invited.length };
}

export type JoinOutcome = 'recorded' | 'all_answered' | 'closed';

/**
 * A firm's answer to its join task, once the task has consumed it: the decision goes on the
 * collaboration (once, while the firms are deciding); when it was the last one, the waiting
 * invitation state is completed with the collaboration's current token.
 * @returns closed when the invitations ended before the answer (the task is then expired)
 */
export async function applyJoinAnswer(
  tableName: string,
  task: HumanTaskRecord,
  now: Date,
): Promise<JoinOutcome> {
  const answer = task.answer as HumanTaskAnswer<'join'>;
  const before = await getCollaboration(tableName, task.applicationId);
  const member = before && Object.values(before.members).find((m) => m.number === task.round);
  if (!before || !member) return 'closed';
  const after = await recordMemberDecision(
    tableName,
    before.collaborationId,
    member.applicationId,
    answer.decision === 'join' ? 'joined' : 'declined',
    now.toISOString(),
  );
  if (!after) return 'closed';
  if (Object.values(after.members).some((m) => m.status === 'invited')) {
    logger.info('Collaboration answer recorded', {
      collaborationId: before.collaborationId,
      round: task.round,
    });
    return 'recorded';
  }
  // Every firm has answered: the invitation state ends now rather than at its deadline (the
  // reminder's step also checks for this case, should the reminder have re-entered the state).
  const delivered = await completeSharedWait(
    async () => {
      const fresh = await getCollaboration(tableName, before.collaborationId);
      return fresh?.status === 'inviting' ? fresh.invitationToken : undefined;
    },
    JSON.stringify({ allAnswered: true }),
  );
  logger.info('Collaboration: every firm answered', { collaborationId: before.collaborationId, delivered });
  return 'all_answered';
}

/**
 * Ends the invitations: firms that did not answer are expired (their links too); with two or more
 * members the collaboration starts, else it does not; those who joined and the coordinator are told.
 */
export async function finishInvitations(
  deps: CollaborationDeps,
  input: { collaborationId: string },
): Promise<{ started: boolean }> {
  const { collaboration: before, programme } = await load(deps, input.collaborationId);
  const now = nowOf(deps);
  const joining = Object.values(before.members).filter((m) => m.status === 'joined').length;
  const collaboration =
    before.status === 'inviting'
      ? await closeInvitations(
          deps.tableName,
          before,
          joining >= minimumMembers ? 'active' : 'not_started',
          now.toISOString(),
        )
      : before;
  for (const member of Object.values(collaboration.members)) {
    if (member.status === 'expired')
      await closeHumanTask(
        deps.tableName,
        { applicationId: collaboration.collaborationId, kind: 'join', round: member.number },
        'expired',
        now.toISOString(),
      );
  }
  const started = collaboration.status !== 'not_started';
  const members = activeMembers(collaboration);
  const coordinator = await getManager(deps.tableName, collaboration.coordinatorManagerId);
  const recipients: { kind: string; to: string; name: string; lang: Language }[] = [];
  for (const member of started
    ? members
    : Object.values(collaboration.members).filter((m) => m.status === 'joined')) {
    const application = await getApplication(deps.tableName, member.applicationId);
    if (application)
      recipients.push({
        kind: `start.${member.number}`,
        to: application.contact.email,
        name: application.contact.name,
        lang: firmLanguage(programme, application),
      });
  }
  if (started && coordinator)
    recipients.push({
      kind: 'start.coordinator',
      to: coordinator.email,
      name: coordinator.name,
      lang: managerLanguageFor(coordinator, officeLanguage),
    });
  for (const recipient of recipients) {
    await sendEmailOnce(
      deps.tableName,
      outboxOwner(collaboration.collaborationId),
      recipient.kind,
      {
        to: recipient.to,
        email: collaborationStartEmail(recipient.lang, {
          name: recipient.name,
          programmeName: programme.names[recipient.lang],
          title: titleOf(recipient.lang, collaboration, programme),
          started,
          members: members.map((m) => m.companyName),
          coordinator: coordinator?.name ?? '—',
        }),
      },
      deps.send,
      { queuedAt: now, now: () => nowOf(deps) },
    );
  }
  logger.info('Collaboration invitations closed', {
    collaborationId: collaboration.collaborationId,
    started,
  });
  return { started };
}

/** Opens the coordinator's verification task of a cycle (or re-arms it for the reminder), e-mailed once. */
export async function openReportTask(
  deps: CollaborationDeps,
  input: { collaborationId: string; cycle: number; taskToken: string; phase: 'first' | 'reminder' },
): Promise<{ opened: boolean }> {
  const { collaboration, programme } = await load(deps, input.collaborationId);
  const coordinator = await getManager(deps.tableName, collaboration.coordinatorManagerId);
  if (!coordinator) throw new JourneyRecordMissingError('collaboration without its coordinator');
  const now = nowOf(deps);
  const ref = {
    applicationId: collaboration.collaborationId,
    kind: 'collaboration_report' as const,
    round: input.cycle,
  };
  const existing = await getHumanTask(deps.tableName, ref);
  const dueAt =
    existing?.dueAt ??
    new Date(now.getTime() + programme.collaboration.verification.expiryHours * 3600_000).toISOString();
  const lang = managerLanguageFor(coordinator, officeLanguage);
  const emailKind = taskEmailKind(ref, input.phase);
  const request = {
    ...ref,
    programmeId: programme.id,
    managerId: coordinator.managerId,
    language: lang,
    taskToken: input.taskToken,
    dueAt,
    now: now.toISOString(),
    emailItem: (secret: string) =>
      queuedEmailItem(
        outboxOwner(collaboration.collaborationId),
        emailKind,
        coordinator.email,
        collaborationReportEmail(lang, {
          managerName: coordinator.name,
          programmeName: programme.names[lang],
          title: titleOf(lang, collaboration, programme),
          cycle: input.cycle,
          cycles: programme.collaboration.verification.cycles,
          dueAt,
          link: taskUrl(deps.publicBaseUrl, secret),
          reminder: input.phase === 'reminder',
        }),
        now,
      ),
  };
  const task = await openOrRemindTask(input.phase, request, {
    tableName: deps.tableName,
    owner: outboxOwner(collaboration.collaborationId),
    emailKind,
    send: deps.send,
    now: () => nowOf(deps),
  });
  return { opened: task?.status === 'open' };
}

/**
 * Records a cycle's verification (or that it was missed): each member's benefit counted once into
 * its total and the collaboration's, members leaving, the activity status; a member with no benefit
 * for the programme's number of cycles in a row is flagged to the office once.
 * @returns whether the collaboration goes on to another cycle
 */
export async function recordCollaborationReport(
  deps: CollaborationDeps,
  input: { collaborationId: string; cycle: number; missed: boolean },
): Promise<{ goesOn: boolean }> {
  const { collaboration, programme } = await load(deps, input.collaborationId);
  const now = nowOf(deps);
  const ref = {
    applicationId: collaboration.collaborationId,
    kind: 'collaboration_report' as const,
    round: input.cycle,
  };
  if (input.missed) await closeHumanTask(deps.tableName, ref, 'expired', now.toISOString());
  const answer = input.missed
    ? undefined
    : ((await getHumanTask(deps.tableName, ref))?.answer as
        | HumanTaskAnswer<'collaboration_report'>
        | undefined);
  if (!input.missed && !answer)
    throw new JourneyRecordMissingError('collaboration report task has no answer');
  const members = activeMembers(collaboration);
  // No benefit this cycle: a reported zero. A missed report tells nothing: counts stay as they were.
  const noBenefitCycles: Record<string, number> = {};
  if (answer)
    for (const member of members) {
      const benefit = answer.benefits.find((b) => b.applicationId === member.applicationId);
      noBenefitCycles[member.applicationId] =
        benefit && benefit.economicBenefitEur > 0 ? 0 : member.noBenefitCycles + 1;
    }
  await recordCycleReportOnce(
    deps.tableName,
    collaboration,
    {
      cycle: input.cycle,
      at: now.toISOString(),
      missed: input.missed,
      ...(answer ? { status: answer.status } : {}),
      benefits: answer?.benefits ?? [],
      left: answer?.left ?? [],
      ...(answer?.notes ? { notes: answer.notes } : {}),
    },
    noBenefitCycles,
    {
      eventId: randomUUID(),
      at: now.toISOString(),
      programmeId: programme.id,
      subject: { kind: 'collaboration', id: collaboration.collaborationId },
      actor: 'link:manager',
      action: 'collaboration.reported',
      before: String(input.cycle),
      after: input.missed ? 'missed' : (answer?.status ?? 'active'),
    },
  );
  const after = (await getCollaboration(deps.tableName, collaboration.collaborationId)) ?? collaboration;
  const threshold = programme.collaboration.verification.noBenefitCycles;
  for (const member of activeMembers(after)) {
    if (member.noBenefitCycles < threshold || member.flaggedAt) continue;
    if (!(await flagMember(deps.tableName, after.collaborationId, member.applicationId, now.toISOString())))
      continue;
    const kind = `flag.${member.number}`;
    await sendEmailOnce(
      deps.tableName,
      outboxOwner(after.collaborationId),
      kind,
      {
        to: programme.officeEmails,
        email: noBenefitFlagEmail(officeLanguage, {
          programmeName: programme.names[officeLanguage],
          title: titleOf(officeLanguage, after, programme),
          companyName: member.companyName,
          cycles: threshold,
        }),
      },
      deps.send,
      { queuedAt: now, now: () => nowOf(deps) },
    );
  }
  const goesOn =
    answer?.status !== 'ended' &&
    activeMembers(after).length >= minimumMembers &&
    input.cycle < programme.collaboration.verification.cycles;
  logger.info('Collaboration cycle recorded', {
    collaborationId: after.collaborationId,
    cycle: input.cycle,
    goesOn,
  });
  return { goesOn };
}

/** Closes the collaboration with its final report: each firm that took part and the office are told. */
export async function closeCollaboration(
  deps: CollaborationDeps,
  input: { collaborationId: string },
): Promise<{ closed: true }> {
  const { collaboration: before, programme } = await load(deps, input.collaborationId);
  const now = nowOf(deps);
  await closeCollaborationOnce(deps.tableName, before, now.toISOString());
  const collaboration = (await getCollaboration(deps.tableName, before.collaborationId)) ?? before;
  const tookPart = Object.values(collaboration.members)
    .filter((m) => m.status === 'joined' || m.status === 'left')
    .sort((a, b) => a.number - b.number);
  const benefits = tookPart.map((m) => ({ companyName: m.companyName, benefitEur: m.benefitEur }));
  const recipients: { kind: string; to: string | readonly string[]; name: string; lang: Language }[] = [
    {
      kind: 'closed.office',
      to: programme.officeEmails,
      name: programme.names[officeLanguage],
      lang: officeLanguage,
    },
  ];
  for (const member of tookPart) {
    const application = await getApplication(deps.tableName, member.applicationId);
    if (application)
      recipients.push({
        kind: `closed.${member.number}`,
        to: application.contact.email,
        name: application.contact.name,
        lang: firmLanguage(programme, application),
      });
  }
  for (const recipient of recipients) {
    await sendEmailOnce(
      deps.tableName,
      outboxOwner(collaboration.collaborationId),
      recipient.kind,
      {
        to: recipient.to,
        email: collaborationClosedEmail(recipient.lang, {
          name: recipient.name,
          programmeName: programme.names[recipient.lang],
          title: titleOf(recipient.lang, collaboration, programme),
          cycles: collaboration.cyclesDone,
          totalEur: collaboration.benefitTotalEur,
          benefits,
        }),
      },
      deps.send,
      { queuedAt: now, now: () => nowOf(deps) },
    );
  }
  logger.info('Collaboration closed', { collaborationId: collaboration.collaborationId });
  return { closed: true };
}
