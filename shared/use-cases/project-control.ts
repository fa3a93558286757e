// The programme office pauses, resumes or closes a project early (with a reason). Pausing stops
// the running monitoring cycle and cancels its open check-in; resuming starts the same cycle again
// under a new execution name; closing early ends monitoring and closes the project like its last
// cycle would (spending so far, unspent budget returned), with the office's outcome.
import * as z from 'zod';
import { closeHumanTask, listHumanTasks } from '#shared/data/human-tasks.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import {
  changeProjectStatus,
  closeProjectOnce,
  getProject,
  listCheckins,
  updateProject,
} from '#shared/data/projects.ts';
import { expireProjectPersonalData } from '#shared/data/retention.ts';
import {
  executionArnOf,
  monitoringExecutionName,
  startMonitoringCycle,
  stopExecutionIfRunning,
} from '#shared/data/step-functions.ts';
import { type HumanTaskAnswer, projectOutcomes } from '#shared/domain/human-tasks.ts';
import { retentionMonthsOf } from '#shared/domain/privacy.ts';
import type { MessageKey } from '#shared/i18n/messages.ts';
import { logger } from '#shared/observability/powertools.ts';
import { multiLine } from '#shared/schemas/text.ts';

export interface ProjectControlDeps {
  readonly tableName: string;
  readonly monitoringStateMachineArn: string;
  readonly now?: () => Date;
}

export const projectActions = ['pause', 'resume', 'close'] as const;
export type ProjectAction = (typeof projectActions)[number];
export type ProjectActionResult = 'done' | 'not_found' | 'not_allowed';

/** What the office sends with an action (form or JSON): a reason, and the outcome when closing. */
export const projectControlRequestSchema = z.object({
  reason: multiLine(1, 1000),
  outcome: z.enum(projectOutcomes).optional(),
});

/** How each result of an action is answered: its HTTP status and the message for the office. */
export const projectActionAnswers = {
  done: { statusCode: 200, messageKey: 'admin.project.done' },
  not_allowed: { statusCode: 409, messageKey: 'admin.project.notAllowed' },
  not_found: { statusCode: 404, messageKey: 'admin.project.notFound' },
} as const satisfies Record<ProjectActionResult, { statusCode: number; messageKey: MessageKey }>;

/** Stops whichever execution of the project's current cycle is running (original or resumed). */
async function stopCurrentCycle(deps: ProjectControlDeps, projectId: string, cycle: number) {
  const names = [
    monitoringExecutionName(projectId, cycle),
    ...Array.from({ length: 5 }, (_, i) => `${monitoringExecutionName(projectId, cycle)}-r${i + 1}`),
  ];
  for (const name of names) {
    // The office's reason is free text: it stays in the project record, never in execution history.
    await stopExecutionIfRunning(
      executionArnOf(deps.monitoringStateMachineArn, name),
      { error: 'ProjectControl', cause: 'Paused or closed by the programme office' },
      { checkFirst: true },
    );
  }
}

async function cancelOpenCheckins(tableName: string, applicationId: string, at: string) {
  for (const task of await listHumanTasks(tableName, applicationId)) {
    if ((task.kind === 'checkin' || task.kind === 'closing') && task.status === 'open') {
      await closeHumanTask(tableName, task, 'cancelled', at);
    }
  }
}

/**
 * Applies the office's action to a project.
 * @returns 'not_allowed' when the project's state does not permit it (e.g. resuming one not paused)
 */
export async function controlProject(
  deps: ProjectControlDeps,
  projectId: string,
  action: ProjectAction,
  reason: string,
  outcome: 'completed' | 'completed_partially' | 'abandoned' = 'abandoned',
  /** Who acted (a user ID, or 'local-console'), recorded with the reason. */
  actor = 'unknown',
): Promise<ProjectActionResult> {
  const project = await getProject(deps.tableName, projectId);
  if (!project) return 'not_found';
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const cycle = (project.lastCycle ?? 0) + 1;
  if (project.status === 'closed') return 'not_allowed';
  const audit = (after: string) => ({
    at: now,
    programmeId: project.programmeId,
    subject: { kind: 'project' as const, id: projectId },
    actor: `user:${actor}` as const,
    action: `project.${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'closed'}` as const,
    before: project.status as string,
    after,
  });
  if (action === 'pause') {
    if ((project.status as string) === 'paused') return 'not_allowed';
    const changed = await changeProjectStatus(
      deps.tableName,
      projectId,
      {
        from: project.status,
        to: 'paused',
        set: { pausedAt: now, controlReason: reason, controlledBy: actor },
      },
      audit('paused'),
    );
    if (!changed) return 'not_allowed';
    await stopCurrentCycle(deps, projectId, cycle);
    await cancelOpenCheckins(deps.tableName, project.applicationId, now);
  } else if (action === 'resume') {
    if ((project.status as string) !== 'paused') return 'not_allowed';
    const changed = await changeProjectStatus(
      deps.tableName,
      projectId,
      {
        from: 'paused',
        to: 'monitoring',
        set: { resumedAt: now, controlReason: reason, controlledBy: actor },
      },
      audit('monitoring'),
    );
    if (!changed) return 'not_allowed';
    const resumes = (project.resumes ?? 0) + 1;
    await updateProject(deps.tableName, projectId, { resumes });
    await startMonitoringCycle(
      deps.monitoringStateMachineArn,
      { projectId, applicationId: project.applicationId, programmeId: project.programmeId, cycle },
      `${monitoringExecutionName(projectId, cycle)}-r${resumes}`,
    );
  } else {
    await stopCurrentCycle(deps, projectId, cycle);
    await cancelOpenCheckins(deps.tableName, project.applicationId, now);
    const last = (await listCheckins(deps.tableName, projectId)).filter((c) => !c.missed).at(-1);
    const answer = last?.answer as HumanTaskAnswer<'checkin'> | undefined;
    const closed = await closeProjectOnce(
      deps.tableName,
      project,
      {
        outcome,
        at: now,
        spentEur: answer?.spentEur ?? 0,
        economicBenefitEur: answer?.economicBenefitEur ?? 0,
        closingReportMissing: true,
      },
      audit(`closed:${outcome}`),
    );
    if (!closed) return 'not_allowed';
    const programme = await getProgramme(deps.tableName, project.programmeId);
    await expireProjectPersonalData(deps.tableName, project, new Date(now), retentionMonthsOf(programme));
    await updateProject(deps.tableName, projectId, {
      closedEarly: true,
      controlReason: reason,
      controlledBy: actor,
    });
  }
  logger.info('Project controlled', { projectId, action });
  return 'done';
}
