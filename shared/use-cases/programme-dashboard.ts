// What the programme dashboard shows: the counters (kept by the writes) and the utilisation of the
// programme's active managers (its roster, or every active manager).
import { listManagersByStatus } from '#shared/data/managers.ts';
import { getProgrammeCounters, type ProgrammeCounters } from '#shared/data/programmes.ts';
import type { Programme } from '#shared/domain/programme.ts';

export interface DashboardFigures {
  readonly counters: ProgrammeCounters;
  readonly managers: { active: number; load: number; capacity: number };
}

export async function dashboardFigures(tableName: string, programme: Programme): Promise<DashboardFigures> {
  const [counters, active] = await Promise.all([
    getProgrammeCounters(tableName, programme.id),
    listManagersByStatus(tableName, 'active'),
  ]);
  const roster = programme.matching.roster ? new Set(programme.matching.roster) : undefined;
  const managers = roster ? active.filter((m) => roster.has(m.managerId)) : active;
  return {
    counters,
    managers: {
      active: managers.length,
      load: managers.reduce((sum, m) => sum + m.load, 0),
      capacity: managers.reduce((sum, m) => sum + m.capacity, 0),
    },
  };
}
