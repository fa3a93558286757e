// What a workflow step reads, named up front by the IDs of its input, in one request: a journey's
// step knows its application and programme (and, for some, the task, the assessment, the manager,
// the project, the budget committed or e-mail records), so it asks for all of them in one
// BatchGetItem instead of one GetItem each.
import type { ApplicationRecord } from '#shared/domain/application.ts';
import type { Manager } from '#shared/domain/manager.ts';
import type { Programme } from '#shared/domain/programme.ts';
import type { AssessmentRecord } from './assessments.ts';
import { getItemsConsistently } from './client.ts';
import type { HumanTaskRecord, HumanTaskRef } from './human-tasks.ts';
import { managerFromItem } from './managers.ts';
import { committedOf } from './programme-budget.ts';
import { programmeFromItemOrPreset } from './programmes.ts';
import type { MonitoredProject } from './projects.ts';
import { keys } from './table-design.ts';

/** The IDs every journey step's input carries. */
export interface StepIds {
  readonly applicationId: string;
  readonly programmeId: string;
}

/** The records a step asks for: its application and programme, and what else it names. */
export interface StepRecordsWanted extends StepIds {
  readonly task?: HumanTaskRef;
  readonly assessment?: boolean;
  readonly managerId?: string;
  readonly projectId?: string;
  /** The programme's counters: the budget committed so far. */
  readonly budgetCommitted?: boolean;
  /** The records of the application's e-mails of these kinds (sent, queued or erased). */
  readonly emailKinds?: readonly string[];
}

/** What was found (undefined where there is no such item; the programme falls back to its preset). */
export interface StepRecords {
  readonly application?: ApplicationRecord;
  readonly programme?: Programme;
  readonly task?: HumanTaskRecord;
  readonly assessment?: AssessmentRecord;
  readonly manager?: Manager;
  readonly project?: MonitoredProject;
  /** Asked with budgetCommitted: the committed total (0 before any approval). */
  readonly budgetCommittedEur?: number;
  /** Asked with emailKinds: each kind's record, undefined where there is none. */
  readonly emails: Readonly<Record<string, Record<string, unknown> | undefined>>;
}

/** Reads the records a step names, strongly consistent, in one request. */
export async function getStepRecords(tableName: string, wanted: StepRecordsWanted): Promise<StepRecords> {
  const named = {
    application: keys.application(wanted.applicationId),
    programme: keys.programme(wanted.programmeId),
    ...(wanted.task
      ? { task: keys.humanTask(wanted.task.applicationId, wanted.task.kind, wanted.task.round) }
      : {}),
    ...(wanted.assessment ? { assessment: keys.assessment(wanted.applicationId) } : {}),
    ...(wanted.managerId ? { manager: keys.manager(wanted.managerId) } : {}),
    ...(wanted.projectId ? { project: keys.project(wanted.projectId) } : {}),
    ...(wanted.budgetCommitted ? { counters: keys.programmeCounters(wanted.programmeId) } : {}),
  };
  const names = Object.keys(named) as (keyof typeof named)[];
  const emailKinds = wanted.emailKinds ?? [];
  const items = await getItemsConsistently(tableName, [
    ...names.map((name) => named[name] as { pk: string; sk: string }),
    ...emailKinds.map((kind) => keys.applicationEmail(wanted.applicationId, kind)),
  ]);
  const found = Object.fromEntries(names.map((name, i) => [name, items[i]])) as Partial<
    Record<keyof typeof named, Record<string, unknown>>
  >;
  const programme = programmeFromItemOrPreset(wanted.programmeId, found.programme);
  return {
    ...(found.application ? { application: found.application as unknown as ApplicationRecord } : {}),
    ...(programme ? { programme } : {}),
    ...(found.task ? { task: found.task as unknown as HumanTaskRecord } : {}),
    ...(found.assessment ? { assessment: found.assessment as unknown as AssessmentRecord } : {}),
    ...(found.manager ? { manager: managerFromItem(found.manager) } : {}),
    ...(found.project ? { project: found.project as unknown as MonitoredProject } : {}),
    ...(wanted.budgetCommitted ? { budgetCommittedEur: committedOf(found.counters) } : {}),
    emails: Object.fromEntries(emailKinds.map((kind, i) => [kind, items[names.length + i]])),
  };
}
