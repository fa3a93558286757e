// CSV exports for the programme office: the programme's applications, assessments and projects,
// one row each, read through the programme's index (never a table scan). Written to open cleanly in
// a spreadsheet of the office's language: UTF-8 with its byte order mark, headers in that language,
// in Italian `;` between cells and decimal commas, times as Rome's local time, names beside IDs.
import { listApplicationsOfProgramme } from '#shared/data/applications.ts';
import { listAssessments } from '#shared/data/assessments.ts';
import { listProgrammeAuditEvents } from '#shared/data/audit.ts';
import { queryGsi1 } from '#shared/data/client.ts';
import { listCollaborations } from '#shared/data/collaborations.ts';
import { getManager } from '#shared/data/managers.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { type CollaborationRecord, opportunityCode } from '#shared/domain/collaboration.ts';
import type { ExportKind } from '#shared/domain/exports.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import { toCsv, utf8Bom } from '#shared/formats/csv.ts';
import { opportunityTitle } from '#shared/i18n/collaboration-text.ts';
import { formatRomeTimestamp } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import { aidColumns, aidRegister, aidRow } from './aid-register.ts';

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
  'managerName',
  'offers',
  'projectId',
  'matchFit',
  'matchWhy',
] as const;
const assessmentColumns = [
  'applicationId',
  'company',
  'managerId',
  'managerName',
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
  'company',
  'title',
  'managerId',
  'managerName',
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

/** The audit trail: who decided what and when, codes only (shared/domain/audit.ts). */
const auditColumns = [
  'at',
  'action',
  'subjectKind',
  'subjectId',
  'actor',
  'before',
  'after',
  'eventId',
] as const;

/** One row per collaboration between firms: what, how it went, the benefit reported, the network. */
const collaborationColumns = [
  'collaborationId',
  'kind',
  'code',
  'title',
  'collaborationStatus',
  'createdAt',
  'startedAt',
  'closedAt',
  'membersInvited',
  'membersJoined',
  'estimatedBenefitEur',
  'benefitEur',
  'cyclesDone',
  'pooledSpendEur',
  'coordinatorManagerId',
  'networkSignedOn',
  'registryReference',
] as const;

/** One row per firm invited to a collaboration: its answer and the benefit reported for it. */
const collaborationMemberColumns = [
  'collaborationId',
  'kind',
  'code',
  'applicationId',
  'company',
  'memberStatus',
  'decidedAt',
  'benefitEur',
  'flaggedAt',
] as const;

type Column =
  | (typeof aidColumns)[number]
  | (typeof applicationColumns)[number]
  | (typeof assessmentColumns)[number]
  | (typeof projectColumns)[number]
  | (typeof auditColumns)[number]
  | (typeof collaborationColumns)[number]
  | (typeof collaborationMemberColumns)[number];

/** A column's header in the office's language (the DMA dimensions by their own names). */
function headerOf(column: Column, lang: Language): string {
  return (dmaDimensions as readonly string[]).includes(column)
    ? t(lang, `dma.${column as (typeof dmaDimensions)[number]}`)
    : t(lang, `export.column.${column as Exclude<Column, (typeof dmaDimensions)[number]>}`);
}

/** The spreadsheet CSV of rows in a language: BOM, localised headers, `;` and decimal commas in Italian. */
function spreadsheetCsv(rows: Record<string, unknown>[], columns: readonly Column[], lang: Language): string {
  return (
    utf8Bom +
    toCsv(rows, columns, {
      headers: columns.map((column) => headerOf(column, lang)),
      delimiter: lang === 'it' ? ';' : ',',
      decimalComma: lang === 'it',
    })
  );
}

const romeTime = (iso: unknown) => (typeof iso === 'string' && iso !== '' ? formatRomeTimestamp(iso) : '');

/** The managers' names by ID (each read once). */
async function managerNames(tableName: string, ids: readonly unknown[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  const found = await Promise.all(unique.map((id) => getManager(tableName, id)));
  return new Map(found.flatMap((manager) => (manager ? [[manager.managerId, manager.name] as const] : [])));
}

/**
 * The CSV of one export of a programme, for a spreadsheet in the office's language.
 * @param lang - headers and number format ('it': `;` and decimal commas)
 */
export async function exportProgrammeCsv(
  tableName: string,
  programmeId: string,
  kind: ExportKind,
  lang: Language = 'it',
): Promise<string> {
  if (kind === 'aids') {
    // The aid register (kept ten years): every aid granted, with its COR, regulation and dates.
    const aids = await aidRegister(tableName, { programmeId });
    return spreadsheetCsv(
      aids.map((aid) => ({ ...aidRow(aid), registeredAt: romeTime(aid.registeredAt) })),
      aidColumns,
      lang,
    );
  }
  if (kind === 'collaborations' || kind === 'collaboration-members') {
    const [collaborations, programme] = await Promise.all([
      listCollaborations(tableName, programmeId),
      getProgramme(tableName, programmeId),
    ]);
    const catalogue = programme?.collaboration.catalogue ?? { purchasing: [], resources: [], brands: [] };
    const codeOf = (c: CollaborationRecord) => opportunityCode(c.opportunity);
    if (kind === 'collaborations')
      return spreadsheetCsv(
        collaborations.map((c) => {
          const members = Object.values(c.members);
          const joined = new Set(
            members.filter((m) => m.status === 'joined' || m.status === 'left').map((m) => m.applicationId),
          );
          return {
            collaborationId: c.collaborationId,
            kind: c.opportunity.kind,
            code: codeOf(c),
            title: opportunityTitle(lang, c.opportunity, catalogue),
            collaborationStatus: c.status,
            createdAt: romeTime(c.createdAt),
            startedAt: c.status === 'not_started' ? '' : romeTime(c.startedAt),
            closedAt: romeTime(c.closedAt),
            membersInvited: members.length,
            membersJoined: joined.size,
            estimatedBenefitEur: c.opportunity.estimatedBenefitEur,
            benefitEur: c.benefitTotalEur,
            cyclesDone: c.cyclesDone,
            pooledSpendEur:
              c.opportunity.kind === 'purchasing_group'
                ? c.opportunity.spends
                    .filter((spend) => joined.has(spend.applicationId))
                    .reduce((sum, spend) => sum + spend.annualSpendEur, 0)
                : '',
            coordinatorManagerId: c.coordinatorManagerId,
            networkSignedOn: c.signature?.signedOn ?? '',
            registryReference: c.signature?.registryReference ?? '',
          };
        }),
        collaborationColumns,
        lang,
      );
    return spreadsheetCsv(
      collaborations.flatMap((c) =>
        Object.values(c.members)
          .sort((a, b) => a.number - b.number)
          .map((m) => ({
            collaborationId: c.collaborationId,
            kind: c.opportunity.kind,
            code: codeOf(c),
            applicationId: m.applicationId,
            company: m.companyName,
            memberStatus: m.status,
            decidedAt: romeTime(m.decidedAt),
            benefitEur: m.benefitEur,
            flaggedAt: romeTime(m.flaggedAt),
          })),
      ),
      collaborationMemberColumns,
      lang,
    );
  }
  if (kind === 'audit') {
    const events = await listProgrammeAuditEvents(tableName, programmeId);
    return spreadsheetCsv(
      events.map((event) => ({
        at: romeTime(event.at),
        action: event.action,
        subjectKind: event.subject.kind,
        subjectId: event.subject.id,
        actor: event.actor,
        before: event.before ?? '',
        after: event.after ?? '',
        eventId: event.eventId,
      })),
      auditColumns,
      lang,
    );
  }
  const applications = await listApplicationsOfProgramme(tableName, programmeId);
  if (kind === 'applications') {
    const names = await managerNames(
      tableName,
      applications.map((a) => a.managerId),
    );
    return spreadsheetCsv(
      applications.map((a) => ({
        applicationId: a.applicationId,
        submittedAt: romeTime(a.submittedAt),
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
        managerName: names.get(a.managerId ?? '') ?? '',
        offers: a.offerRound ?? 0,
        projectId: a.projectId ?? '',
        ...whyOf(a),
      })),
      applicationColumns,
      lang,
    );
  }
  if (kind === 'assessments') {
    const byId = new Map(applications.map((a) => [a.applicationId, a]));
    const assessments = await listAssessments(tableName, [...byId.keys()]);
    const names = await managerNames(
      tableName,
      assessments.map((record) => record.managerId),
    );
    return spreadsheetCsv(
      assessments.map((record) => {
        const answer = record.answer as HumanTaskAnswer<'assessment'>;
        const application = byId.get(String(record.applicationId));
        return {
          applicationId: record.applicationId,
          company: application?.company.name ?? '',
          managerId: record.managerId,
          managerName: names.get(String(record.managerId)) ?? '',
          submittedAt: romeTime(record.submittedAt),
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
      lang,
    );
  }
  const projects = await queryGsi1(tableName, keys.projectsOfProgramme(programmeId).gsi1pk);
  const companies = new Map(applications.map((a) => [a.applicationId, a.company.name]));
  const names = await managerNames(
    tableName,
    projects.map((p) => p.managerId),
  );
  return spreadsheetCsv(
    projects.map((p) => ({
      projectId: p.projectId,
      applicationId: p.applicationId,
      company: companies.get(String(p.applicationId)) ?? '',
      title: p.title,
      managerId: p.managerId,
      managerName: names.get(String(p.managerId)) ?? '',
      launchedAt: romeTime(p.launchedAt),
      status: p.status,
      amountEur: p.amountEur,
      durationMonths: p.durationMonths,
      lastCycle: p.lastCycle ?? '',
      spentEur: p.spentEur ?? '',
      economicBenefitEur: p.economicBenefitEur ?? '',
      outcome: p.outcome ?? '',
      closedAt: romeTime(p.closedAt),
    })),
    projectColumns,
    lang,
  );
}
