// What a workflow step reads before it acts, in one request: the application and programme its
// input names, and whatever else the step names up front.
import { getManager } from '#shared/data/managers.ts';
import { getStepRecords, type StepIds, type StepRecordsWanted } from '#shared/data/step-records.ts';
import type { ApplicationRecord } from '#shared/domain/application.ts';
import { ApplicationNotFoundError, UnknownProgrammeError } from '#shared/domain/errors.ts';
import type { Manager } from '#shared/domain/manager.ts';

/**
 * The step's application and programme, with whatever else it names up front, in one read (every
 * step's input carries both IDs); undefined when the application is not there (any more).
 */
export async function findStep(
  tableName: string,
  ids: StepIds,
  also: Omit<StepRecordsWanted, keyof StepIds> = {},
) {
  // Only the two IDs of `ids` (a task record may be passed as it is).
  const records = await getStepRecords(tableName, {
    ...also,
    applicationId: ids.applicationId,
    programmeId: ids.programmeId,
  });
  const { application } = records;
  if (!application) return undefined;
  // The journey was started with the application's own programme; an input naming another (never
  // written by the workflows) does not get to choose which programme's rules (or budget) apply.
  if (application.programmeId !== ids.programmeId)
    return findStep(
      tableName,
      { applicationId: ids.applicationId, programmeId: application.programmeId },
      also,
    );
  const { programme } = records;
  if (!programme) throw new UnknownProgrammeError(application.programmeId);
  return { ...records, application, programme };
}

/**
 * The manager a step named up front (read with its records), else the one assigned to the
 * application (one more read), else undefined.
 */
export async function stepManager(
  tableName: string,
  step: { readonly application: ApplicationRecord; readonly manager?: Manager },
  named: string | undefined,
): Promise<Manager | undefined> {
  if (named) return step.manager;
  return step.application.managerId ? getManager(tableName, step.application.managerId) : undefined;
}

/** As findStep, for a step whose application must be there. */
export async function loadStep(
  tableName: string,
  ids: StepIds,
  also: Omit<StepRecordsWanted, keyof StepIds> = {},
) {
  const found = await findStep(tableName, ids, also);
  if (!found) throw new ApplicationNotFoundError(ids.applicationId);
  return found;
}
