// CSV exports for the programme office: the programme's applications, assessments and projects,
// one row each, read through the programme's index (never a table scan).
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, queryGsi1 } from '#shared/data/client.ts';
import { keys } from '#shared/data/table-design.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import { toCsv } from '#shared/formats/csv.ts';

export const exportKinds = ['applications', 'assessments', 'projects'] as const;
export type ExportKind = (typeof exportKinds)[number];

async function assessmentsOf(tableName: string, applicationIds: string[]) {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < applicationIds.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName]: { Keys: applicationIds.slice(i, i + 100).map((id) => keys.assessment(id)) },
    };
    while (request && Object.keys(request).length > 0) {
      const page = await documentClient.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...((page.Responses?.[tableName] ?? []) as Record<string, unknown>[]));
      request = page.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** "Why this manager": the latest offer's fit and its parts (sector, competence, …). */
function whyOf(application: ApplicationRecord): { matchFit: number | string; matchWhy: string } {
  const scores = application.matchScores;
  const last = scores?.at(-1);
  if (!last) return { matchFit: '', matchWhy: '' };
  return {
    matchFit: Math.round(last.total * 10) / 10,
    matchWhy: Object.entries(last.parts)
      .map(([part, points]) => `${part} ${Math.round(points * 10) / 10}`)
      .join('; '),
  };
}

const applicationColumns = [
  'applicationId',
  'submittedAt',
  'status',
  'outcome',
  'ineligibilityReason',
  'company',
  'vatNumber',
  'province',
  'atecoCode',
  'atecoSection',
  'sizeClass',
  'employees',
  'interests',
  'managerId',
  'offers',
  'projectId',
  'matchFit',
  'matchWhy',
] as const;
const assessmentColumns = [
  'applicationId',
  'company',
  'managerId',
  'submittedAt',
  'overall',
  'band',
  ...dmaDimensions,
  'improvementAreas',
  'internationalisationSegment',
  'projectRecommended',
  'projectTitle',
  'projectBudgetEur',
] as const;
const projectColumns = [
  'projectId',
  'applicationId',
  'title',
  'managerId',
  'launchedAt',
  'status',
  'amountEur',
  'durationMonths',
  'lastCycle',
  'spentEur',
  'economicBenefitEur',
  'outcome',
  'closedAt',
] as const;

/** The CSV (header first, UTF-8) of one export of a programme. */
export async function exportProgrammeCsv(
  tableName: string,
  programmeId: string,
  kind: ExportKind,
): Promise<string> {
  const applications = (await queryGsi1(
    tableName,
    keys.applicationsOfProgramme(programmeId).gsi1pk,
  )) as unknown as ApplicationRecord[];
  if (kind === 'applications') {
    return toCsv(
      applications.map((a) => ({
        applicationId: a.applicationId,
        submittedAt: a.submittedAt,
        status: a.status,
        outcome: a.outcome ?? '',
        ineligibilityReason: a.ineligibilityReason ?? '',
        company: a.company.name,
        vatNumber: a.company.vatNumber,
        province: a.company.province,
        atecoCode: a.company.atecoCode,
        atecoSection: a.company.atecoSection,
        sizeClass: a.size.sizeClass,
        employees: a.size.employees,
        interests: a.interests.join(';'),
        managerId: a.managerId ?? '',
        offers: a.offerRound ?? 0,
        projectId: a.projectId ?? '',
        ...whyOf(a),
      })),
      applicationColumns,
    );
  }
  if (kind === 'assessments') {
    const byId = new Map(applications.map((a) => [a.applicationId, a]));
    const assessments = await assessmentsOf(tableName, [...byId.keys()]);
    return toCsv(
      assessments.map((record) => {
        const answer = record.answer as HumanTaskAnswer<'assessment'>;
        const application = byId.get(String(record.applicationId));
        return {
          applicationId: record.applicationId,
          company: application?.company.name ?? '',
          managerId: record.managerId,
          submittedAt: record.submittedAt,
          overall: record.overall,
          band: record.band,
          ...Object.fromEntries(dmaDimensions.map((d) => [d, answer.dma[d]])),
          improvementAreas: answer.improvementAreas.join(';'),
          internationalisationSegment: answer.internationalisation?.segment ?? '',
          projectRecommended: answer.projectRecommended,
          projectTitle: answer.project?.title ?? '',
          projectBudgetEur: answer.project?.budgetEur ?? '',
        };
      }),
      assessmentColumns,
    );
  }
  const projects = await queryGsi1(tableName, keys.projectsOfProgramme(programmeId).gsi1pk);
  return toCsv(
    projects.map((p) => ({
      projectId: p.projectId,
      applicationId: p.applicationId,
      title: p.title,
      managerId: p.managerId,
      launchedAt: p.launchedAt,
      status: p.status,
      amountEur: p.amountEur,
      durationMonths: p.durationMonths,
      lastCycle: p.lastCycle ?? '',
      spentEur: p.spentEur ?? '',
      economicBenefitEur: p.economicBenefitEur ?? '',
      outcome: p.outcome ?? '',
      closedAt: p.closedAt ?? '',
    })),
    projectColumns,
  );
}
