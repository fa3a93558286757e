// What the programme dashboard shows: the counters (kept by the writes), the utilisation of the
// programme's active managers (its roster, or every active manager) and its latest projects.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/data/client.ts';
import { listManagersByStatus } from '#shared/data/managers.ts';
import { getProgrammeCounters, type ProgrammeCounters } from '#shared/data/programmes.ts';
import type { MonitoredProject } from '#shared/data/projects.ts';
import { keys } from '#shared/data/table-design.ts';
import type { Programme } from '#shared/domain/programme.ts';

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
  const [counters, active, projects] = await Promise.all([
    getProgrammeCounters(tableName, programme.id),
    listManagersByStatus(tableName, 'active'),
    recentProjects(tableName, programme.id),
  ]);
  const roster = programme.matching.roster ? new Set(programme.matching.roster) : undefined;
  const managers = roster ? active.filter((m) => roster.has(m.managerId)) : active;
  return {
    counters,
    projects,
    managers: {
      active: managers.length,
      load: managers.reduce((sum, m) => sum + m.load, 0),
      capacity: managers.reduce((sum, m) => sum + m.capacity, 0),
    },
  };
}
