// What the programme office sees of one project: its record (without the check-in link secret), the
// check-ins without their free text, the KPIs with baseline and target, and the DMA at T0 and T1.
import { getApplication } from '#shared/data/applications.ts';
import { getAssessment } from '#shared/data/assessments.ts';
import { listAuditEvents } from '#shared/data/audit.ts';
import { getManager } from '#shared/data/managers.ts';
import {
  type CheckinRecord,
  getProject,
  listCheckins,
  type MonitoredProject,
} from '#shared/data/projects.ts';
import type { AuditEvent } from '#shared/domain/audit.ts';

export interface ProjectKpi {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
}

export interface ProjectView {
  readonly project: Omit<MonitoredProject, 'token'>;
  /** Whose project it is, by name: the company and its manager. */
  readonly companyName?: string;
  readonly managerName?: string;
  readonly checkins: readonly Omit<CheckinRecord, 'answer'>[];
  readonly kpis: readonly ProjectKpi[];
  readonly t0?: Record<string, number>;
  readonly t1?: Record<string, number>;
  /** The decisions about the project and its application, oldest first (the audit trail). */
  readonly decisions: readonly AuditEvent[];
}

export async function projectView(tableName: string, projectId: string): Promise<ProjectView | undefined> {
  const project = await getProject(tableName, projectId);
  if (!project) return undefined;
  const [checkins, assessment, application, manager, applicationEvents, projectEvents] = await Promise.all([
    listCheckins(tableName, projectId),
    getAssessment(tableName, project.applicationId),
    getApplication(tableName, project.applicationId),
    getManager(tableName, project.managerId),
    listAuditEvents(tableName, { kind: 'application', id: project.applicationId }),
    listAuditEvents(tableName, { kind: 'project', id: projectId }),
  ]);
  const { token: _secret, ...safe } = project as MonitoredProject & { token?: string };
  return {
    project: safe,
    ...(application ? { companyName: application.company.name } : {}),
    ...(manager ? { managerName: manager.name } : {}),
    checkins: checkins.map(({ answer: _freeText, ...checkin }) => checkin),
    kpis: project.proposal?.kpis ?? [],
    t0: (assessment?.answer as { dma?: Record<string, number> } | undefined)?.dma,
    t1: project.dmaT1 as Record<string, number> | undefined,
    decisions: [...applicationEvents, ...projectEvents].sort((a, b) => a.at.localeCompare(b.at)),
  };
}
