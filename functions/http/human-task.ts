// GET/HEAD/POST /tasks/{token} — a human task's link. GET and HEAD only render (mail scanners open
// links first); POST answers once, as a form from the page or as JSON from other systems.
// 200 answered · 409 already answered · 410 expired or cancelled · 404 unknown · 400/415/413/422 bad input.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { readEnv } from '#shared/config/env.ts';
import { getApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { findHumanTaskByLink, type HumanTaskRecord } from '#shared/data/human-tasks.ts';
import { getManager, listManagersByStatus } from '#shared/data/managers.ts';
import { getProgramme, getProgrammeCounters } from '#shared/data/programmes.ts';
import { getProject, type MonitoredProject } from '#shared/data/projects.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { looksLikeLinkSecret } from '#shared/domain/links.ts';
import { rankCandidates, smeProfileFromApplication } from '#shared/domain/matching.ts';
import { expectedKpiValue } from '#shared/domain/monitoring.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { httpHandler, sameSitePostsOnly } from '#shared/http/middleware.ts';
import { answerAsHtml, parseBody, requestLanguage } from '#shared/http/request.ts';
import { forMethod, htmlResponse, jsonResponse } from '#shared/http/responses.ts';
import { routes } from '#shared/http/routes.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import {
  describeTaskAnswerErrors,
  renderPage,
  TaskClosedPage,
  TaskDonePage,
  TaskPage,
  type TaskPageContext,
  taskFormToAnswer,
} from '#shared/pages/index.ts';
import { answerTask } from '#shared/use-cases/answer-task.ts';
import { checkinDateOf, cyclesOf, elapsedFraction } from '#shared/use-cases/monitoring.ts';

const env = readEnv({ TABLE_NAME: z.string().min(1) });

type ClosedReason = 'answered' | 'expired' | 'cancelled' | 'unknown';
const closedStatus: Record<ClosedReason, number> = {
  answered: 409,
  expired: 410,
  cancelled: 410,
  unknown: 404,
};
const closedCode: Record<ClosedReason, string> = {
  answered: 'alreadyAnswered',
  expired: 'taskExpired',
  cancelled: 'taskCancelled',
  unknown: 'unknownLink',
};

function closed(event: APIGatewayProxyEvent, lang: Language, reason: ClosedReason, asHtml: boolean) {
  const response = asHtml
    ? htmlResponse(closedStatus[reason], renderPage(TaskClosedPage({ lang, reason })))
    : jsonResponse(closedStatus[reason], {
        error: closedCode[reason],
        message: t(lang, `task.closed.${reason}.body`),
      });
  return forMethod(event.httpMethod, response);
}

async function pageContext(
  task: HumanTaskRecord,
  lang: Language,
  formAction: string,
): Promise<TaskPageContext | undefined> {
  if (task.kind === 'vetting') return vettingContext(task, lang, formAction);
  const application = await getApplication(env.TABLE_NAME, task.applicationId);
  const programme = application ? await getProgramme(env.TABLE_NAME, application.programmeId) : undefined;
  if (!application || !programme) return undefined;
  const managerId = task.managerId ?? application.managerId;
  const manager = managerId ? await getManager(env.TABLE_NAME, managerId) : undefined;
  const assessment =
    task.kind === 'financing' ? await getAssessment(env.TABLE_NAME, application.applicationId) : undefined;
  const answer = assessment?.answer as HumanTaskAnswer<'assessment'> | undefined;
  // The office may assign by hand only whom matching itself could engage (one rule), best fit first.
  const candidates =
    task.kind === 'escalation'
      ? rankCandidates(
          await listManagersByStatus(env.TABLE_NAME, 'active'),
          smeProfileFromApplication(application),
          application.triedManagerIds ?? [],
          programme.matching.roster,
        ).map(({ manager: m }) => ({
          managerId: m.managerId,
          name: m.name,
          load: m.load,
          capacity: m.capacity,
        }))
      : undefined;
  const monitoredProject =
    (task.kind === 'checkin' || task.kind === 'closing') && application.projectId
      ? await getProject(env.TABLE_NAME, application.projectId)
      : undefined;
  const projectContext = monitoredProject
    ? await monitoringContext(monitoredProject, programme, task.round, application.applicationId)
    : undefined;
  const counters =
    task.kind === 'financing' ? await getProgrammeCounters(env.TABLE_NAME, programme.id) : undefined;
  const committed = Number((counters as Record<string, number> | undefined)?.budgetCommittedEur ?? 0);
  return {
    lang,
    kind: task.kind,
    formAction,
    dueAt: task.dueAt,
    reminder: task.remindedAt !== undefined,
    programmeName: programme.names[lang],
    company: {
      name: application.company.name,
      province: application.company.province,
      ...(application.company.municipality ? { municipality: application.company.municipality } : {}),
      atecoCode: application.company.atecoCode,
      atecoSection: application.company.atecoSection,
      sizeClass: application.size.sizeClass,
      employees: application.size.employees,
      ...(application.company.website ? { website: application.company.website } : {}),
    },
    interests: application.interests,
    ...(manager ? { manager: { name: manager.name } } : {}),
    ...(task.kind === 'assessment' ? { assessmentModel: programme.assessment.model } : {}),
    ...(assessment && answer
      ? {
          assessment: {
            overall: assessment.overall,
            band: assessment.band,
            scores: answer.dma,
            improvementAreas: answer.improvementAreas,
            projectRecommended: answer.projectRecommended,
            ...(answer.project ? { project: answer.project } : {}),
          },
        }
      : {}),
    ...(task.kind === 'escalation'
      ? { escalationReason: application.managerId ? 'assessment_overdue' : 'no_manager' }
      : {}),
    ...(candidates ? { candidateManagers: candidates } : {}),
    ...(projectContext ? { project: projectContext } : {}),
    ...(task.kind === 'financing'
      ? { budgetLeftEur: Math.max(0, programme.budget.totalEur - committed) }
      : {}),
  } as TaskPageContext;
}

/** The vetting page shows the candidate manager's profile (the task's subject is the manager). */
async function vettingContext(
  task: HumanTaskRecord,
  lang: Language,
  formAction: string,
): Promise<TaskPageContext | undefined> {
  const manager = await getManager(env.TABLE_NAME, task.applicationId);
  if (!manager) return undefined;
  return {
    lang,
    kind: task.kind,
    formAction,
    dueAt: task.dueAt,
    reminder: task.remindedAt !== undefined,
    candidate: {
      name: manager.name,
      email: manager.email,
      ...(manager.phone ? { phone: manager.phone } : {}),
      languages: manager.languages,
      atecoSections: manager.atecoSections,
      atecoDivisions: manager.atecoDivisions,
      competences: manager.competences,
      provinces: manager.provinces,
      capacity: manager.capacity,
      ...(manager.cv ? { cv: manager.cv } : {}),
      conflictsCount: manager.conflicts.length,
    },
  };
}

/** A check-in must give one value per KPI and one progress per objective of the project. */
function listLengthIssues(
  parsed: unknown,
  project: { kpis: readonly unknown[]; qualitativeObjectives: readonly unknown[] },
): z.core.$ZodIssue[] {
  const answer = parsed as { kpiValues: unknown[]; qualitativeProgress: unknown[] };
  const issues: z.core.$ZodIssue[] = [];
  if (answer.kpiValues.length !== project.kpis.length) {
    issues.push({
      code: 'custom',
      path: ['kpiValues', Math.min(answer.kpiValues.length, project.kpis.length)],
      message: 'validation.required',
      input: undefined,
    } as z.core.$ZodIssue);
  }
  if (answer.qualitativeProgress.length !== project.qualitativeObjectives.length) {
    issues.push({
      code: 'custom',
      path: [
        'qualitativeProgress',
        Math.min(answer.qualitativeProgress.length, project.qualitativeObjectives.length),
      ],
      message: 'validation.required',
      input: undefined,
    } as z.core.$ZodIssue);
  }
  return issues;
}

/** What the check-in and closing pages show about the project: KPIs with where they should be now. */
async function monitoringContext(
  project: MonitoredProject,
  programme: Programme,
  cycle: number,
  applicationId: string,
) {
  const proposal = project.proposal;
  const fraction = elapsedFraction(project, checkinDateOf(project, programme, cycle));
  const t0 = await getAssessment(env.TABLE_NAME, applicationId);
  const t0Answer = t0?.answer as HumanTaskAnswer<'assessment'> | undefined;
  return {
    title: project.title,
    durationMonths: project.durationMonths,
    launchedAt: project.launchedAt,
    amountEur: project.amountEur,
    kpis: (proposal?.kpis ?? []).map((kpi, i) => ({
      ...kpi,
      expected: Math.round(expectedKpiValue(kpi, fraction) * 100) / 100,
      ...(project.lastKpiValues?.[i] !== undefined ? { last: project.lastKpiValues[i] } : {}),
    })),
    qualitativeObjectives: proposal?.qualitativeObjectives ?? [],
    cycle,
    cycles: cyclesOf(project, programme),
    ...(t0 && t0Answer ? { t0: { overall: t0.overall, band: t0.band, scores: t0Answer.dma } } : {}),
  };
}

export const handler = httpHandler()
  .use(sameSitePostsOnly())
  .handler(async (event) => {
    const lang = requestLanguage(event);
    const token = event.pathParameters?.token ?? '';
    const isPost = event.httpMethod === 'POST';
    const body = isPost ? parseBody(event) : undefined;
    const asHtml = body ? body.kind === 'form' : answerAsHtml(event);
    const task = looksLikeLinkSecret(token) ? await findHumanTaskByLink(env.TABLE_NAME, token) : undefined;
    if (!task) return closed(event, lang, 'unknown', asHtml);
    if (task.status !== 'open') return closed(event, lang, task.status, asHtml);

    const formAction = routes.humanTask.path.replace('{token}', token);
    if (!body) {
      const context = await pageContext(task, lang, formAction);
      if (!context) return closed(event, lang, 'unknown', true);
      if (!asHtml) {
        return forMethod(
          event.httpMethod,
          jsonResponse(200, { kind: task.kind, status: task.status, dueAt: task.dueAt, round: task.round }),
        );
      }
      return forMethod(event.httpMethod, htmlResponse(200, renderPage(TaskPage(context))));
    }

    const answer = body.kind === 'form' ? taskFormToAnswer(task.kind, body.fields, lang) : body.value;
    const monitoring = task.kind === 'checkin' || task.kind === 'closing';
    const names = monitoring ? (await pageContext(task, lang, formAction))?.project : undefined;
    const result = await answerTask(env.TABLE_NAME, task, answer, new Date(), (parsed) =>
      monitoring && names ? listLengthIssues(parsed, names) : [],
    );
    switch (result.outcome) {
      case 'invalid': {
        const errors = describeTaskAnswerErrors(result.issues, lang, answer, names);
        if (!asHtml) {
          return jsonResponse(422, {
            error: 'validationFailed',
            message: t(lang, 'error.validationFailed'),
            fields: errors,
          });
        }
        const context = await pageContext(task, lang, formAction);
        if (!context) return closed(event, lang, 'unknown', true);
        const values = body.kind === 'form' ? body.fields : {};
        return htmlResponse(422, renderPage(TaskPage({ ...context, values, errors })));
      }
      case 'already_answered':
        return closed(event, lang, 'answered', asHtml);
      case 'expired':
      case 'cancelled':
        return closed(event, lang, result.outcome, asHtml);
      case 'answered': {
        const decision = String(
          result.output.decision ??
            result.output.outcome ??
            (task.kind === 'checkin'
              ? 'submitted'
              : result.output.projectRecommended
                ? 'projectRecommended'
                : 'noProject'),
        );
        return asHtml
          ? htmlResponse(200, renderPage(TaskDonePage({ lang, kind: task.kind, decision })))
          : jsonResponse(200, { status: 'answered', kind: task.kind, ...result.output });
      }
    }
  });
