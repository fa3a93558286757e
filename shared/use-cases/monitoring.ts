// Project monitoring, one workflow execution per cycle (continue-as-new): plan the cycle's check-in,
// record the manager's answer (or that it was missed), flag KPIs behind their trajectory, and at
// the end close the project with its outcome, T1 maturity and spending. Idempotent like the journey.
import { getAssessment } from '#shared/data/assessments.ts';
import { getHumanTask } from '#shared/data/human-tasks.ts';
import { getManager } from '#shared/data/managers.ts';
import {
  closeProjectOnce,
  listCheckins,
  type MonitoredProject,
  recordCheckinOnce,
} from '#shared/data/projects.ts';
import { expireProjectPersonalData } from '#shared/data/retention.ts';
import { type MonitoringInput, monitoringExecutionName } from '#shared/data/step-functions.ts';
import { ApplicationNotFoundError } from '#shared/domain/errors.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import {
  checkinDueAt,
  dmaChange,
  expectedKpiValue,
  hoursPerMonth,
  isKpiOnTrack,
  type Kpi,
  monitoringCycles,
} from '#shared/domain/monitoring.ts';
import type { Programme } from '#shared/domain/programme.ts';
import {
  checkinMissedEmail,
  checkinSummaryEmail,
  projectAtRiskEmail,
  projectClosedEmail,
} from '#shared/email/journey-emails.tsx';
import { logger } from '#shared/observability/powertools.ts';
import { type JourneyDeps, sendOnce } from './journey.ts';
import { loadStep } from './load-step.ts';

/** The cycle's project, application and programme, named by its input, in one read. */
async function load(deps: JourneyDeps, input: MonitoringInput) {
  const { project, application, programme } = await loadStep(deps.tableName, input, {
    projectId: input.projectId,
  });
  if (!project) throw new ApplicationNotFoundError(`project ${input.projectId}`);
  return { project, application, programme };
}

const kpisOf = (project: MonitoredProject): Kpi[] => project.proposal?.kpis ?? [];

export const cyclesOf = (project: MonitoredProject, programme: Programme) =>
  monitoringCycles(project.durationMonths, programme.monitoring.checkinEveryHours);

/** The share of the project's duration elapsed at a date (0 to 1). */
export function elapsedFraction(project: MonitoredProject, at: Date): number {
  const total = project.durationMonths * hoursPerMonth * 3600_000;
  return Math.min(1, Math.max(0, (at.getTime() - new Date(project.launchedAt).getTime()) / total));
}

/** The date check-in `cycle` of the project falls due. */
export function checkinDateOf(project: MonitoredProject, programme: Programme, cycle: number): Date {
  return checkinDueAt(
    project.launchedAt,
    cycle,
    cyclesOf(project, programme),
    project.durationMonths,
    programme.monitoring.checkinEveryHours,
  );
}

/** When the cycle's check-in falls due, and whether it is the closing one. */
export async function planCycle(deps: JourneyDeps, input: MonitoringInput) {
  const { project, programme } = await load(deps, input);
  const now = (deps.now ?? (() => new Date()))();
  const cycles = cyclesOf(project, programme);
  const due = checkinDueAt(
    project.launchedAt,
    input.cycle,
    cycles,
    project.durationMonths,
    programme.monitoring.checkinEveryHours,
  );
  const m = programme.monitoring;
  // Paused or closed by the programme office meanwhile: this cycle ends without a check-in.
  const stop = project.status === 'paused' || project.status === 'closed';
  return {
    stop,
    waitSeconds: Math.max(0, Math.round((due.getTime() - now.getTime()) / 1000)),
    final: input.cycle >= cycles,
    cycles,
    nextCycle: input.cycle + 1,
    nextExecutionName: monitoringExecutionName(input.projectId, input.cycle + 1),
    timeouts: {
      checkinReminderSeconds: Math.max(1, Math.round(m.checkinReminderHours * 3600)),
      checkinFinalSeconds: Math.max(1, Math.round((m.checkinExpiryHours - m.checkinReminderHours) * 3600)),
    },
  };
}

/**
 * Records the cycle's check-in from the manager's answer, or as missed; tells the SME how the KPIs
 * stand and the programme office when one falls behind its trajectory or the check-in was missed.
 */
export async function recordCheckin(
  deps: JourneyDeps,
  input: MonitoringInput & { missed: boolean; final: boolean },
): Promise<{ atRisk: boolean; missed: boolean }> {
  const { project, application, programme } = await load(deps, input);
  const now = (deps.now ?? (() => new Date()))();
  const kind = input.final ? 'closing' : 'checkin';
  const task = input.missed
    ? undefined
    : await getHumanTask(deps.tableName, { applicationId: project.applicationId, kind, round: input.cycle });
  const answer = task?.answer as HumanTaskAnswer<'checkin'> | undefined;
  const kpis = kpisOf(project);
  // The trajectory is read at the check-in's date (not the clock), so late answers and accelerated
  // local time judge the same point of the project.
  const cycles = cyclesOf(project, programme);
  const fraction = elapsedFraction(project, checkinDateOf(project, programme, input.cycle));
  const onTrack = answer
    ? kpis.map((kpi, i) => isKpiOnTrack(kpi, answer.kpiValues[i] ?? kpi.baseline, fraction))
    : [];
  const atRisk = onTrack.some((ok) => !ok);
  const recorded = await recordCheckinOnce(
    deps.tableName,
    project,
    {
      projectId: project.projectId,
      cycle: input.cycle,
      missed: input.missed,
      at: now.toISOString(),
      ...(answer ? { kpiValues: answer.kpiValues, kpisOnTrack: onTrack, answer } : {}),
    },
    {
      status: atRisk ? 'at_risk' : 'monitoring',
      cycles,
      ...(answer ? { economicBenefitEur: answer.economicBenefitEur, spentEur: answer.spentEur } : {}),
    },
  );
  if (recorded) {
    const office = programme.officeEmails[0] ?? '';
    const lang = application.language;
    const common = { companyName: application.company.name, projectTitle: project.title, cycle: input.cycle };
    if (input.missed) {
      await sendOnce(deps, project.applicationId, `checkin.${input.cycle}.missed`, office, now, () =>
        checkinMissedEmail('it', { ...common, programmeName: programme.names.it }),
      );
    } else if (answer) {
      await sendOnce(
        deps,
        project.applicationId,
        `checkin.${input.cycle}.summary`,
        application.contact.email,
        now,
        () =>
          checkinSummaryEmail(lang, {
            ...common,
            contactName: application.contact.name,
            programmeName: programme.names[lang],
            kpis: kpis.map((kpi, i) => ({
              name: kpi.name,
              unit: kpi.unit,
              baseline: kpi.baseline,
              value: answer.kpiValues[i] ?? kpi.baseline,
              target: kpi.target,
              onTrack: onTrack[i] ?? true,
            })),
            economicBenefitEur: answer.economicBenefitEur,
            spentEur: answer.spentEur,
          }),
      );
      if (atRisk) {
        await sendOnce(deps, project.applicationId, `checkin.${input.cycle}.at-risk`, office, now, () =>
          projectAtRiskEmail('it', {
            ...common,
            programmeName: programme.names.it,
            kpisBehind: kpis
              .map((kpi, i) => ({
                name: kpi.name,
                unit: kpi.unit,
                value: answer.kpiValues[i] ?? kpi.baseline,
                expected: Math.round(expectedKpiValue(kpi, fraction) * 100) / 100,
                onTrack: onTrack[i] ?? true,
              }))
              .filter((kpi) => !kpi.onTrack)
              .map(({ onTrack: _ok, ...kpi }) => kpi),
          }),
        );
      }
    }
  }
  logger.info('Check-in recorded', {
    projectId: project.projectId,
    cycle: input.cycle,
    missed: input.missed,
    atRisk,
  });
  return { atRisk, missed: input.missed };
}

/**
 * Closes the project after its last cycle: outcome, T1 digital maturity against T0, spending (the
 * unspent part of the reserved budget returns to the programme), economic benefit.
 */
export async function closeProject(
  deps: JourneyDeps,
  input: MonitoringInput & { missed: boolean },
): Promise<{ outcome: string }> {
  const { project, application, programme } = await load(deps, input);
  const now = (deps.now ?? (() => new Date()))();
  const task = input.missed
    ? undefined
    : await getHumanTask(deps.tableName, {
        applicationId: project.applicationId,
        kind: 'closing',
        round: input.cycle,
      });
  const answer = task?.answer as HumanTaskAnswer<'closing'> | undefined;
  const t0 = (await getAssessment(deps.tableName, project.applicationId))?.answer as
    | HumanTaskAnswer<'assessment'>
    | undefined;
  const lastRecorded = (await listCheckins(deps.tableName, project.projectId))
    .filter((c) => !c.missed)
    .at(-1);
  const lastAnswer = lastRecorded?.answer as HumanTaskAnswer<'checkin'> | undefined;
  const spentEur = answer?.spentEur ?? lastAnswer?.spentEur ?? 0;
  const economicBenefitEur = answer?.economicBenefitEur ?? lastAnswer?.economicBenefitEur ?? 0;
  const change = answer && t0 ? dmaChange(t0.dma, answer.dma) : undefined;
  const outcome = answer?.outcome ?? 'completed_partially';
  await closeProjectOnce(deps.tableName, project, {
    outcome,
    at: now.toISOString(),
    spentEur,
    economicBenefitEur,
    ...(answer ? { dmaT1: answer.dma } : {}),
    ...(change ? { dmaChange: change } : {}),
    ...(answer ? {} : { closingReportMissing: true }),
  });
  const manager = await getManager(deps.tableName, project.managerId);
  const recipients: [string, string, string, 'it' | 'en'][] = [
    ['project.closed.sme', application.contact.email, application.contact.name, application.language],
    ...(manager
      ? ([['project.closed.manager', manager.email, manager.name, 'it']] as [
          string,
          string,
          string,
          'it' | 'en',
        ][])
      : []),
  ];
  for (const [emailKind, to, name, lang] of recipients) {
    await sendOnce(deps, project.applicationId, emailKind, to, now, () =>
      projectClosedEmail(lang, {
        recipientName: name,
        companyName: application.company.name,
        programmeName: programme.names[lang],
        projectTitle: project.title,
        outcome,
        ...(change ? { t0Overall: change.overallT0, t1Overall: change.overallT1 } : {}),
        economicBenefitEur,
        spentEur,
        unspentEur: Math.max(0, project.amountEur - spentEur),
      }),
    );
  }
  await expireProjectPersonalData(deps.tableName, project, now, programme.retention.personalDataMonths);
  logger.info('Project closed', { projectId: project.projectId, outcome });
  return { outcome };
}
