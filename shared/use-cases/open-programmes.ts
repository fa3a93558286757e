// The programmes accepting applications today, with the assessment places each has left (from its
// counters): what the public home lists.
import { getProgrammeCounters, listProgrammes } from '#shared/data/programmes.ts';
import { isProgrammeOpen, italianToday } from '#shared/domain/programme.ts';
import type { OpenProgramme } from '#shared/pages/index.ts';

export async function openProgrammes(tableName: string, now: Date = new Date()): Promise<OpenProgramme[]> {
  const today = italianToday(now);
  const open = (await listProgrammes(tableName)).filter((programme) => isProgrammeOpen(programme, today));
  return Promise.all(
    open.map(async (programme) => {
      const counters = await getProgrammeCounters(tableName, programme.id);
      return {
        programme,
        placesLeft: Math.max(0, programme.quotas.assessments - (counters.placesClaimed ?? 0)),
      };
    }),
  );
}
