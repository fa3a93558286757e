// What the programme dashboard shows: the counters (kept by the writes), the utilisation of the
// programme's active managers (its roster, or every active manager) and its latest projects.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { listApplicationsOfProgramme } from '#shared/data/applications.ts';
import { documentClient } from '#shared/data/client.ts';
import { listManagersByStatus } from '#shared/data/managers.ts';
import { getProgrammeCounters, type ProgrammeCounters } from '#shared/data/programmes.ts';
import type { MonitoredProject } from '#shared/data/projects.ts';
import { listDmaFollowUps, listServicesOfProgramme } from '#shared/data/services.ts';
import { keys } from '#shared/data/table-design.ts';
import { customerTypeOfApplication } from '#shared/domain/application.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { type ServicesFigures, servicesFigures } from '#shared/domain/services-figures.ts';

export interface ProjectSummary {
  readonly projectId: string;
  readonly title: string;
  readonly status: MonitoredProject['status'];
  readonly amountEur: number;
  readonly spentEur: number;
  readonly launchedAt: string;
}

export interface DashboardFigures {
  readonly counters: ProgrammeCounters;
  /** A services programme's own figures (customers reached, value delivered, DMA T0→T1). */
  readonly services?: ServicesFigures;
  readonly managers: { active: number; load: number; capacity: number };
  /** The most recently launched projects (newest first), each linking to its page. */
  readonly projects: readonly ProjectSummary[];
}

/** How many projects the dashboard lists; the projects CSV has them all. */
export const dashboardProjectLimit = 50;

async function recentProjects(tableName: string, programmeId: string): Promise<ProjectSummary[]> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.projectsOfProgramme(programmeId).gsi1pk },
      ScanIndexForward: false,
      Limit: dashboardProjectLimit,
    }),
  );
  return Items.map((item) => ({
    projectId: String(item.projectId),
    title: String(item.title),
    status: item.status as MonitoredProject['status'],
    amountEur: Number(item.amountEur ?? 0),
    spentEur: Number(item.spentEur ?? 0),
    launchedAt: String(item.launchedAt),
  }));
}

export async function dashboardFigures(tableName: string, programme: Programme): Promise<DashboardFigures> {
  const [counters, active, projects, services] = await Promise.all([
    getProgrammeCounters(tableName, programme.id),
    listManagersByStatus(tableName, 'active'),
    recentProjects(tableName, programme.id),
    programme.delivery === 'services' ? programmeServicesFigures(tableName, programme) : undefined,
  ]);
  const roster = programme.matching.roster ? new Set(programme.matching.roster) : undefined;
  const managers = roster ? active.filter((m) => roster.has(m.managerId)) : active;
  return {
    counters,
    ...(services ? { services } : {}),
    projects,
    managers: {
      active: managers.length,
      load: managers.reduce((sum, m) => sum + m.load, 0),
      capacity: managers.reduce((sum, m) => sum + m.capacity, 0),
    },
  };
}

/**
 * A services programme's figures, from its customers (their type and registration), its services
 * and the T0/T1 pairs; the planned value is the programme's budget (the value of services planned).
 */
export async function programmeServicesFigures(
  tableName: string,
  programme: Programme,
): Promise<ServicesFigures> {
  const [applications, services, dma] = await Promise.all([
    listApplicationsOfProgramme(tableName, programme.id),
    listServicesOfProgramme(tableName, programme.id),
    listDmaFollowUps(tableName, programme.id),
  ]);
  return servicesFigures({
    plannedEur: programme.budget.totalEur,
    targetSmes: programme.targets.smes,
    customers: applications.map((application) => ({
      applicationId: application.applicationId,
      customerType: customerTypeOfApplication(application),
      registeredAt: application.submittedAt,
    })),
    services,
    dma: dma.map((pair) => ({ applicationId: pair.applicationId, t0: pair.t0, t1: pair.t1 })),
  });
}
