// A person answers a human task through its link: the answer is validated, consumed exactly once
// (conditional write), then handed to the waiting workflow with SendTaskSuccess — codes and IDs
// only. A task the workflow gave up on meanwhile is reported as expired. An assessment is validated
// against its programme's assessment model (DMA alone, or with internationalisation); a check-in
// must give one value per KPI and one progress per objective of its project; a decision must keep
// within its limits (the manager assigned, the amount approved).
import type * as z from 'zod';
import { getApplication } from '#shared/data/applications.ts';
import { getCollaboration } from '#shared/data/collaborations.ts';
import {
  answerHumanTask,
  closeHumanTask,
  getHumanTask,
  type HumanTaskRecord,
  saveHumanTaskDraft,
} from '#shared/data/human-tasks.ts';
import { getManager } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { getProject } from '#shared/data/projects.ts';
import { getService } from '#shared/data/services.ts';
import { sendTaskSuccess } from '#shared/data/step-functions.ts';
import {
  type AuditActor,
  type AuditSubjectKind,
  taskAuditAction,
  taskAuditActor,
} from '#shared/domain/audit.ts';
import { collaborationProfileIssues, collaborationReportIssues } from '#shared/domain/collaboration.ts';
import {
  assessmentAnswerSchemaFor,
  assessmentPartsOf,
  collaborationTaskKinds,
  deliveryAnswerSchemaFor,
  type HumanTaskAnswer,
  humanTaskAnswerSchemas,
  taskOutputForWorkflow,
} from '#shared/domain/human-tasks.ts';
import {
  type IneligibilityCause,
  ineligibilityOf,
  smeProfileFromApplication,
} from '#shared/domain/matching.ts';
import {
  type FinancingLimit,
  financingLimitBroken,
  italianToday,
  type Programme,
} from '#shared/domain/programme.ts';
import { servicePlanIssues } from '#shared/domain/services.ts';
import { checksDeMinimis } from '#shared/domain/state-aid.ts';
import type { MessageKey } from '#shared/i18n/messages.ts';
import { logger } from '#shared/observability/powertools.ts';
import { applyJoinAnswer } from './collaboration.ts';
import { findStep } from './load-step.ts';
import { applyDeliveryAnswer } from './services.ts';
import { corRecordedForAnother, headroomOf } from './state-aid.ts';

export type AnswerResult =
  | {
      readonly outcome: 'answered';
      readonly output: Record<string, unknown>;
      /** What was decided, as the page that thanks the person names it. */
      readonly decision: string;
    }
  | { readonly outcome: 'invalid'; readonly issues: z.core.$ZodIssue[] }
  | { readonly outcome: 'already_answered' }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'cancelled' };

/** Answers an open task once; says why not otherwise. */
export async function answerTask(
  tableName: string,
  task: HumanTaskRecord,
  rawAnswer: unknown,
  now: Date = new Date(),
  /** Who answered, in the audit trail: by default the role the task's link went to. */
  actor: AuditActor = taskAuditActor[task.kind],
  /** The programme, when it was read with the task. */
  known: { readonly programme?: Programme } = {},
): Promise<AnswerResult> {
  if (task.status !== 'open') return closedOutcome(task.status);
  const parsed = (await answerSchemaOf(tableName, task, known.programme)).safeParse(rawAnswer);
  if (!parsed.success) return { outcome: 'invalid', issues: parsed.error.issues };
  const extra = [
    ...(await projectListIssues(tableName, task, parsed.data)),
    ...(await decisionLimitIssues(tableName, task, parsed.data, now)),
  ];
  if (extra.length > 0) return { outcome: 'invalid', issues: extra };
  const output = { ...taskOutputForWorkflow(task.kind, parsed.data), round: task.round };
  const consumed = await answerHumanTask(tableName, task, parsed.data, now.toISOString(), {
    at: now.toISOString(),
    programmeId: task.programmeId,
    subject: { kind: auditSubjectOf(task.kind), id: task.applicationId },
    actor,
    action: taskAuditAction[task.kind],
    before: 'open',
    after: decisionOf(task.kind, output),
  });
  if (!consumed.answered) return closedOutcome(consumed.task?.status ?? 'expired');
  if (task.kind === 'join') {
    // The firms answer one waiting state together: the last answer completes it (applyJoinAnswer).
    if ((await applyJoinAnswer(tableName, consumed.task, now)) === 'closed') {
      await closeHumanTask(tableName, task, 'expired', now.toISOString(), { evenIfAnswered: true });
      return { outcome: 'expired' };
    }
    return { outcome: 'answered', output, decision: decisionOf(task.kind, output) };
  }
  if (task.kind === 'delivery') {
    // The services of a plan answer one waiting state together: the last one completes it.
    if ((await applyDeliveryAnswer(tableName, consumed.task, now)) === 'closed') {
      await closeHumanTask(tableName, task, 'expired', now.toISOString(), { evenIfAnswered: true });
      return { outcome: 'expired' };
    }
    return { outcome: 'answered', output, decision: decisionOf(task.kind, output) };
  }
  if (!(await deliver(tableName, consumed.task, JSON.stringify(output)))) {
    // The deadline passed between the page and the click: the workflow moved on without it.
    await closeHumanTask(tableName, task, 'expired', now.toISOString(), { evenIfAnswered: true });
    logger.info('Answer arrived after the task closed', {
      applicationId: task.applicationId,
      kind: task.kind,
    });
    return { outcome: 'expired' };
  }
  logger.info('Human task answered', {
    applicationId: task.applicationId,
    kind: task.kind,
    round: task.round,
  });
  return { outcome: 'answered', output, decision: decisionOf(task.kind, output) };
}

/** What a task's answer is about in the audit trail: the task's subject. */
function auditSubjectOf(kind: HumanTaskRecord['kind']): AuditSubjectKind {
  if (kind === 'vetting') return 'manager';
  if (collaborationTaskKinds.includes(kind)) return 'collaboration';
  return 'application';
}

/** The decision an answer made, for the thank-you page: a decision, an outcome, or what was sent. */
function decisionOf(kind: HumanTaskRecord['kind'], output: Record<string, unknown>): string {
  if (output.decision !== undefined) return String(output.decision);
  if (output.outcome !== undefined) return String(output.outcome);
  if (output.status !== undefined) return String(output.status);
  if (output.delivered !== undefined) return output.delivered ? 'delivered' : 'notDelivered';
  if (kind === 'followup') return 'submitted';
  if (kind === 'checkin') return 'submitted';
  if (kind === 'registration') return 'registered';
  return output.projectRecommended ? 'projectRecommended' : 'noProject';
}

/** A check-in or closing gives one value per KPI and one progress per objective of its project. */
async function projectListIssues(
  tableName: string,
  task: HumanTaskRecord,
  answer: unknown,
): Promise<z.core.$ZodIssue[]> {
  if (task.kind !== 'checkin' && task.kind !== 'closing') return [];
  const application = await getApplication(tableName, task.applicationId);
  const project = application?.projectId ? await getProject(tableName, application.projectId) : undefined;
  if (!project) return [];
  const { kpiValues, qualitativeProgress } = answer as HumanTaskAnswer<'checkin'>;
  const kpis = project.proposal?.kpis ?? [];
  const objectives = project.proposal?.qualitativeObjectives ?? [];
  const issues: z.core.$ZodIssue[] = [];
  if (kpiValues.length !== kpis.length)
    issues.push(required(['kpiValues', Math.min(kpiValues.length, kpis.length)]));
  if (qualitativeProgress.length !== objectives.length)
    issues.push(required(['qualitativeProgress', Math.min(qualitativeProgress.length, objectives.length)]));
  return issues;
}

const required = (path: (string | number)[]) =>
  ({ code: 'custom', path, message: 'validation.required', input: undefined }) as unknown as z.core.$ZodIssue;

/**
 * The schema a task's answer must pass. An assessment follows its programme's assessment model (one
 * read of the programme, on this rare path only); a programme that cannot be found any more leaves
 * the stored shape's rules (internationalisation optional) rather than refusing every answer.
 */
async function answerSchemaOf(
  tableName: string,
  task: HumanTaskRecord,
  known: Programme | undefined,
): Promise<z.ZodType> {
  // A delivery's fields depend on its service's category (one read, on this rare path only).
  if (task.kind === 'delivery')
    return deliveryAnswerSchemaFor((await getService(tableName, task.applicationId, task.round))?.category);
  if (task.kind !== 'assessment') return humanTaskAnswerSchemas[task.kind];
  const programme = known?.id === task.programmeId ? known : await getProgramme(tableName, task.programmeId);
  return programme
    ? assessmentAnswerSchemaFor(assessmentPartsOf(programme))
    : humanTaskAnswerSchemas.assessment;
}

/** The message for each reason the office's chosen manager cannot be engaged. */
const assignmentRefusals = {
  conflict_of_interest: 'task.assign.conflictOfInterest',
  not_active: 'task.assign.unavailable',
  no_capacity: 'task.assign.unavailable',
  already_tried: 'task.assign.unavailable',
  not_in_roster: 'task.assign.unavailable',
} as const satisfies Record<IneligibilityCause, MessageKey>;

const financingRefusals = {
  per_project_cap: 'task.financing.overCap',
  budget_left: 'task.financing.overBudget',
  de_minimis_headroom: 'task.financing.overDeMinimis',
} as const satisfies Record<FinancingLimit['limit'], MessageKey>;

const refusal = (
  field: string | (string | number)[],
  message: MessageKey,
  params: Record<string, number> = {},
) =>
  ({
    code: 'custom',
    path: typeof field === 'string' ? [field] : field,
    message,
    params,
    input: undefined,
  }) as unknown as z.core.$ZodIssue;

/**
 * The limits of a decision that the answer's schema cannot know, checked when it is posted so the
 * person learns at once what is allowed: the office assigns only a manager matching itself could
 * engage (one rule: ineligibilityOf), and approves at most the per-project cap and the budget left
 * (one rule: financingLimitBroken).
 */
async function decisionLimitIssues(
  tableName: string,
  task: HumanTaskRecord,
  answer: unknown,
  now: Date,
): Promise<z.core.$ZodIssue[]> {
  if (task.kind === 'escalation' && (answer as HumanTaskAnswer<'escalation'>).decision === 'assign') {
    const { managerId } = answer as Extract<HumanTaskAnswer<'escalation'>, { decision: 'assign' }>;
    const application = await getApplication(tableName, task.applicationId);
    const programme = application ? await getProgramme(tableName, application.programmeId) : undefined;
    if (!application || !programme) return [];
    const manager = await getManager(tableName, managerId);
    const cause = manager
      ? ineligibilityOf(
          manager,
          smeProfileFromApplication(application),
          application.triedManagerIds ?? [],
          programme.matching.roster,
        )
      : 'not_active';
    return cause ? [refusal('managerId', assignmentRefusals[cause])] : [];
  }
  if (task.kind === 'financing' && (answer as HumanTaskAnswer<'financing'>).decision === 'approve') {
    const { amountEur } = answer as Extract<HumanTaskAnswer<'financing'>, { decision: 'approve' }>;
    // The programme, the budget committed to it and the application, in one read.
    const found = await findStep(tableName, task, { budgetCommitted: true });
    if (!found) return [];
    const { programme, application, budgetCommittedEur: committedEur = 0 } = found;
    if (programme.delivery === 'services') {
      // A service plan is approved whole, at its value (the services are delivered as planned).
      const planEur = application.proposedBudgetEur;
      if (planEur !== undefined && amountEur !== planEur)
        return [refusal('amountEur', 'task.plan.approveWholePlan', { amount: planEur })];
    }
    const headroom = checksDeMinimis(programme.stateAid)
      ? await headroomOf(tableName, application, programme, italianToday(now))
      : undefined;
    const broken = financingLimitBroken(
      amountEur,
      programme.budget,
      committedEur,
      headroom ? { settings: programme.stateAid, headroom } : undefined,
    );
    if (!broken) return [];
    return [
      refusal('amountEur', financingRefusals[broken.limit], {
        amount: broken.allowedEur,
        ...(headroom
          ? { ceiling: headroom.ceilingEur, used: headroom.usedEur, headroom: headroom.headroomEur }
          : {}),
      }),
    ];
  }
  if (task.kind === 'collaboration_report') {
    // Benefits for the members taking part now, and for them only (one rule).
    const collaboration = await getCollaboration(tableName, task.applicationId);
    if (!collaboration) return [];
    return collaborationReportIssues(answer as HumanTaskAnswer<'collaboration_report'>, collaboration).map(
      (issue) => refusal(issue.path, issue.message),
    );
  }
  if (task.kind === 'assessment') {
    // The collaboration profile's codes and the plan's services come from the programme's
    // catalogues, the plan within the per-customer limits (one rule each).
    const { collaboration, servicePlan } = answer as HumanTaskAnswer<'assessment'>;
    const programme =
      collaboration || servicePlan ? await getProgramme(tableName, task.programmeId) : undefined;
    if (!programme) return [];
    return [
      ...(collaboration
        ? collaborationProfileIssues(collaboration, programme.collaboration.catalogue).map((issue) =>
            refusal(['collaboration', ...issue.path], issue.message),
          )
        : []),
      ...(servicePlan
        ? servicePlanIssues(servicePlan, programme.services.catalogue, programme.budget.perProjectCapEur).map(
            (issue) => refusal(['servicePlan', ...issue.path], issue.message, issue.params),
          )
        : []),
    ];
  }
  if (task.kind === 'registration') {
    // One aid per COR: a code already recorded for another aid is a typing error.
    const { cor } = answer as HumanTaskAnswer<'registration'>;
    return (await corRecordedForAnother(tableName, cor, task.applicationId))
      ? [refusal('cor', 'task.registration.corTaken')]
      : [];
  }
  return [];
}

/**
 * Hands the answer to the waiting state. When its token is gone, the state may just have been
 * re-entered (a reminder firing at the same moment, a restarted local engine) and the task record
 * is about to carry the new token: it is re-read for a few seconds and the answer sent with it.
 * @returns false when no live token took the answer (the task really expired)
 */
async function deliver(tableName: string, task: HumanTaskRecord, output: string): Promise<boolean> {
  let token = task.taskToken;
  for (let attempt = 0; attempt < 12; attempt++) {
    if ((await sendTaskSuccess(token, output)) === 'delivered') return true;
    let fresh: HumanTaskRecord | undefined;
    for (let wait = 0; wait < 5; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      fresh = await getHumanTask(tableName, task);
      if (fresh && fresh.taskToken !== token) break;
    }
    if (!fresh || fresh.taskToken === token || (fresh.status !== 'answered' && fresh.status !== 'open'))
      return false;
    token = fresh.taskToken;
  }
  return false;
}

function closedOutcome(status: HumanTaskRecord['status']): AnswerResult {
  if (status === 'answered') return { outcome: 'already_answered' };
  if (status === 'cancelled') return { outcome: 'cancelled' };
  return { outcome: 'expired' };
}

/** The tasks long enough to be worked on in several sittings: their forms can be saved as drafts. */
export const draftableTaskKinds = [
  'assessment',
  'closing',
] as const satisfies readonly HumanTaskRecord['kind'][];

/** Most a draft may hold (the posted form as JSON): far above a filled assessment. */
const maxDraftBytes = 64 * 1024;

export type DraftResult = 'saved' | 'not_draftable' | 'too_large' | 'closed';

/**
 * Keeps an unfinished form on the task's own link. A draft is never validated as an answer and
 * never reaches the workflow; the answer posted later replaces it.
 * @param fields - the form as posted (its own `lang` and `intent` left out)
 */
export async function saveDraft(
  tableName: string,
  task: HumanTaskRecord,
  fields: Readonly<Record<string, string | readonly string[]>>,
  now: Date = new Date(),
): Promise<DraftResult> {
  if (!(draftableTaskKinds as readonly string[]).includes(task.kind)) return 'not_draftable';
  const { lang: _lang, intent: _intent, ...draft } = fields;
  if (Buffer.byteLength(JSON.stringify(draft), 'utf8') > maxDraftBytes) return 'too_large';
  if (task.status !== 'open') return 'closed';
  return (await saveHumanTaskDraft(tableName, task, draft, now.toISOString())) ? 'saved' : 'closed';
}
