// What the bench phases set up the same way: a programme of their own (the Sviluppo PMI preset with
// its own ID, office and quota) and the one-state journey that takes the real one's place when a
// phase measures the intake alone (on AWS the journeys run elsewhere). Imported once the local stack
// has set the environment: the data modules build their SDK clients from it.
import type { LocalStack } from '#infra/local/stack.ts';
import { putProgramme } from '#shared/data/programmes.ts';
import { findPreset } from '#shared/programmes/presets.ts';
import { localStateMachineName } from '#workflows/render.ts';

/** Stores a bench programme: the preset with this ID, names, office address and quota of places. */
export async function putBenchProgramme(
  tableName: string,
  programme: { id: string; name: { it: string; en: string }; places: number },
): Promise<void> {
  const base = findPreset('sviluppo-pmi');
  if (!base) throw new Error('the sviluppo-pmi preset is missing');
  await putProgramme(tableName, {
    ...base,
    id: programme.id,
    names: programme.name,
    officeEmails: [`office.${programme.id}@example.it`],
    quotas: { assessments: programme.places },
    matching: { maxOffers: 3, noManagerRetries: 0, capacityOnLaunch: 'keep', roster: [] },
  } as never);
}

/** Registers a one-state machine under the journey's deployed name (the handlers start that ARN). */
export function useStubJourney(engine: LocalStack['engine']): void {
  engine.registerStateMachine({
    name: localStateMachineName('sme-journey'),
    definition: { StartAt: 'Stub', States: { Stub: { Type: 'Succeed' } } },
    taskHandlers: {},
  });
}
