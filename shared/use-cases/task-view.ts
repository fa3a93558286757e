// What a human task's page shows, gathered for its kind: the company and programme, the manager,
// the assessment (financing), the managers the office may assign (escalation: only those matching
// itself could engage, best fit first), the budget left (financing), the project with where each
// KPI should stand now (check-in, closing), the candidate's profile (vetting). Read-only.

import { getApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { getCollaboration } from '#shared/data/collaborations.ts';
import type { HumanTaskRecord } from '#shared/data/human-tasks.ts';
import { getManager, listManagersByStatus } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { getProject, type MonitoredProject } from '#shared/data/projects.ts';
import { listServicesOfApplication } from '#shared/data/services.ts';
import { getAidByConcession } from '#shared/data/state-aid.ts';
import { escalationReasonOf } from '#shared/domain/application.ts';
import { activeMembers } from '#shared/domain/collaboration.ts';
import { collaborationTaskKinds, type HumanTaskAnswer, officeTaskKinds } from '#shared/domain/human-tasks.ts';
import { managerLanguageFor } from '#shared/domain/manager.ts';
import { rankCandidates, smeProfileFromApplication } from '#shared/domain/matching.ts';
import { expectedKpiValue } from '#shared/domain/monitoring.ts';
import { budgetLeftEur, italianToday, officeLanguage, type Programme } from '#shared/domain/programme.ts';
import { planValue, type ServicePlan } from '#shared/domain/services.ts';
import { checksDeMinimis } from '#shared/domain/state-aid.ts';
import { estimatedBenefitText, opportunityTitle, opportunityWhy } from '#shared/i18n/collaboration-text.ts';
import { formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { ServicePlanView, TaskFieldNames, TaskPageContext } from '#shared/pages/index.ts';
import { draftableTaskKinds } from './answer-task.ts';
import { findStep, stepManager } from './load-step.ts';
import { checkinDateOf, cyclesOf, elapsedFraction } from './monitoring.ts';
import { headroomOf } from './state-aid.ts';

/**
 * The page of an open task, or undefined when what it is about no longer exists.
 * @param formAction - the link's own path, where the page's form posts back
 */
export async function taskView(
  tableName: string,
  task: HumanTaskRecord,
  lang: Language,
  formAction: string,
): Promise<TaskPageContext | undefined> {
  if (task.kind === 'vetting') return vettingView(tableName, task, lang, formAction);
  if (collaborationTaskKinds.includes(task.kind))
    return collaborationTaskView(tableName, task, lang, formAction);
  // The application, its programme and what this kind of task shows, in one read.
  const found = await findStep(tableName, task, {
    ...(task.managerId ? { managerId: task.managerId } : {}),
    ...(task.kind === 'financing' || task.kind === 'followup' ? { assessment: true } : {}),
    ...(task.kind === 'financing' ? { budgetCommitted: true } : {}),
  });
  if (!found) return undefined;
  const { application, programme, assessment } = found;
  const manager = await stepManager(tableName, found, task.managerId);
  const answer = assessment?.answer as HumanTaskAnswer<'assessment'> | undefined;
  // The office may assign by hand only whom matching itself could engage (one rule), best fit first.
  const candidates =
    task.kind === 'escalation'
      ? rankCandidates(
          await listManagersByStatus(tableName, 'active'),
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
  const monitored =
    (task.kind === 'checkin' || task.kind === 'closing') && application.projectId
      ? await getProject(tableName, application.projectId)
      : undefined;
  const project = monitored
    ? await monitoringView(tableName, monitored, programme, task.round, application.applicationId)
    : undefined;
  const committed = found.budgetCommittedEur ?? 0;
  const headroom =
    task.kind === 'financing' && checksDeMinimis(programme.stateAid)
      ? await headroomOf(tableName, application, programme, italianToday())
      : undefined;
  const aid =
    task.kind === 'registration' ? await getAidByConcession(tableName, application.applicationId) : undefined;
  const draftable = (draftableTaskKinds as readonly string[]).includes(task.kind);
  return {
    lang,
    kind: task.kind,
    formAction,
    dueAt: task.dueAt,
    reminder: task.remindedAt !== undefined,
    ...(draftable ? { draftable } : {}),
    ...(draftable && task.draft
      ? {
          values: task.draft,
          notice: {
            tone: 'ok',
            message: t(lang, 'task.draft.resumed', {
              date: formatRomeDateTime(task.draftSavedAt ?? '', lang),
            }),
          },
        }
      : {}),
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
    ...(task.kind === 'assessment'
      ? {
          assessmentModel: programme.assessment.model,
          ...(programme.collaboration.enabled
            ? { collaborationCatalogue: programme.collaboration.catalogue }
            : {}),
          dmaBands: programme.assessment.bands,
          perProjectCapEur: programme.budget.perProjectCapEur,
          ...(programme.delivery === 'services' ? { serviceCatalogue: programme.services.catalogue } : {}),
        }
      : {}),
    ...(task.kind === 'financing' && answer?.servicePlan
      ? { servicePlan: servicePlanView(answer.servicePlan, programme, lang) }
      : {}),
    ...(task.kind === 'delivery' ? await deliveryView(tableName, task, programme, lang) : {}),
    ...(assessment && answer
      ? {
          assessment: {
            overall: assessment.overall,
            band: assessment.band,
            scores: answer.dma,
            improvementAreas: answer.improvementAreas,
            findings: answer.findings,
            projectRecommended: answer.projectRecommended,
            ...(answer.project ? { project: answer.project } : {}),
          },
        }
      : {}),
    ...(task.kind === 'escalation' ? { escalationReason: escalationReasonOf(application) } : {}),
    ...(candidates ? { candidateManagers: candidates } : {}),
    ...(project ? { project } : {}),
    ...(task.kind === 'financing'
      ? {
          budgetLeftEur: budgetLeftEur(programme.budget, committed),
          perProjectCapEur: programme.budget.perProjectCapEur,
        }
      : {}),
    ...(headroom
      ? {
          deMinimis: {
            ...headroom,
            windowYears: programme.stateAid.windowYears,
            assessmentAidEur: programme.stateAid.aidValues.assessmentEur,
            financingPercent: programme.stateAid.aidValues.financingPercent,
          },
        }
      : {}),
    ...(aid
      ? {
          registration: {
            concessionId: aid.concessionId,
            carCode: aid.carCode,
            regulation: aid.regulation,
            grantedOn: aid.grantedOn,
            nominalAmountEur: aid.nominalAmountEur,
            aidAmountEur: aid.aidAmountEur,
            beneficiary: `${aid.beneficiary.name} (${aid.beneficiary.vatNumber})`,
            projectTitle: aid.projectTitle,
          },
        }
      : {}),
  } as TaskPageContext;
}

/** What names a check-in's list entries in error messages: the project's KPIs and objectives. */
export async function taskFieldNames(tableName: string, task: HumanTaskRecord): Promise<TaskFieldNames> {
  if (task.kind === 'collaboration_report') {
    const collaboration = await getCollaboration(tableName, task.applicationId);
    return { members: collaboration ? activeMembers(collaboration).map((m) => m.companyName) : [] };
  }
  if (task.kind !== 'checkin' && task.kind !== 'closing') return {};
  const application = await getApplication(tableName, task.applicationId);
  const project = application?.projectId ? await getProject(tableName, application.projectId) : undefined;
  return {
    kpis: project?.proposal?.kpis ?? [],
    qualitativeObjectives: project?.proposal?.qualitativeObjectives ?? [],
  };
}

/**
 * A collaboration task's page: the collaboration (title, why, estimated benefit, firms, coordinator)
 * and, for a firm's join task, that firm (the task's round is its member number).
 */
async function collaborationTaskView(
  tableName: string,
  task: HumanTaskRecord,
  lang: Language,
  formAction: string,
): Promise<TaskPageContext | undefined> {
  const collaboration = await getCollaboration(tableName, task.applicationId);
  const programme = collaboration ? await getProgramme(tableName, collaboration.programmeId) : undefined;
  if (!collaboration || !programme) return undefined;
  const members = Object.values(collaboration.members).sort((a, b) => a.number - b.number);
  const invited = task.kind === 'join' ? members.find((m) => m.number === task.round) : undefined;
  const application = invited ? await getApplication(tableName, invited.applicationId) : undefined;
  const coordinator = await getManager(tableName, collaboration.coordinatorManagerId);
  const names = new Map(members.map((m) => [m.applicationId, m.companyName]));
  return {
    lang,
    kind: task.kind,
    formAction,
    dueAt: task.dueAt,
    reminder: task.remindedAt !== undefined,
    programmeName: programme.names[lang],
    ...(application
      ? {
          company: {
            name: application.company.name,
            province: application.company.province,
            atecoCode: application.company.atecoCode,
            atecoSection: application.company.atecoSection,
            sizeClass: application.size.sizeClass,
            employees: application.size.employees,
          },
        }
      : {}),
    collaboration: {
      title: opportunityTitle(lang, collaboration.opportunity, programme.collaboration.catalogue),
      why: opportunityWhy(lang, collaboration.opportunity, (id) => names.get(id) ?? id),
      benefit: estimatedBenefitText(lang, collaboration.opportunity),
      members: members.map((m) => ({
        applicationId: m.applicationId,
        name: m.companyName,
        status: m.status,
      })),
      ...(coordinator ? { coordinator: coordinator.name } : {}),
      ...(task.kind === 'collaboration_report'
        ? { cycle: task.round, cycles: programme.collaboration.verification.cycles }
        : {}),
    },
  };
}

/** The vetting page shows the candidate manager's profile (the task's subject is the manager). */
async function vettingView(
  tableName: string,
  task: HumanTaskRecord,
  lang: Language,
  formAction: string,
): Promise<TaskPageContext | undefined> {
  const manager = await getManager(tableName, task.applicationId);
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

/** What the check-in and closing pages show about the project: KPIs with where they should be now. */
async function monitoringView(
  tableName: string,
  project: MonitoredProject,
  programme: Programme,
  cycle: number,
  applicationId: string,
) {
  const proposal = project.proposal;
  const fraction = elapsedFraction(project, checkinDateOf(project, programme, cycle));
  const t0 = await getAssessment(tableName, applicationId);
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

/**
 * The language stored with the person a task is addressed to: the manager's for an offer, an
 * assessment or a check-in (as their e-mail was written), the programme office's otherwise.
 */
export async function taskLanguage(tableName: string, task: HumanTaskRecord): Promise<Language | undefined> {
  // Kept with the task since it was opened: no read at all.
  if (task.language) return task.language;
  if (officeTaskKinds.includes(task.kind)) return officeLanguage;
  const application = await getApplication(tableName, task.applicationId);
  const managerId = task.managerId ?? application?.managerId;
  const manager = managerId ? await getManager(tableName, managerId) : undefined;
  return application && manager ? managerLanguageFor(manager, application.language) : application?.language;
}

/** A plan as the office reads it: each line named in the page's language, valued, with its aid. */
function servicePlanView(plan: ServicePlan, programme: Programme, lang: Language): ServicePlanView {
  const catalogue = programme.services.catalogue;
  const lines = plan.map((line) => ({
    name: catalogue.find((service) => service.id === line.serviceId)?.names[lang] ?? line.serviceId,
    quantity: line.quantity,
    ...planValue([line], catalogue),
  }));
  return { lines, ...planValue(plan, catalogue) };
}

/** The service a delivery task is about, and which of the customer's it is. */
async function deliveryView(tableName: string, task: HumanTaskRecord, programme: Programme, lang: Language) {
  const services = await listServicesOfApplication(tableName, task.applicationId);
  const service = services.find((s) => s.number === task.round);
  if (!service) return {};
  const catalogued = programme.services.catalogue.find((entry) => entry.id === service.serviceId);
  return {
    service: {
      name: catalogued?.names[lang] ?? service.serviceId,
      category: service.category,
      mode: service.mode,
      valueEur: service.valueEur,
      number: service.number,
      of: services.length,
    },
  };
}
