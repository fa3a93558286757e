// A person answers a human task through its link: the answer is validated, consumed exactly once
// (conditional write), then handed to the waiting workflow with SendTaskSuccess — codes and IDs
// only. A task the workflow gave up on meanwhile is reported as expired. An assessment is validated
// against its programme's assessment model (DMA alone, or with internationalisation).
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import type * as z from 'zod';
import {
  answerHumanTask,
  closeHumanTask,
  getHumanTask,
  type HumanTaskRecord,
} from '#shared/data/human-tasks.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import {
  assessmentAnswerSchemas,
  humanTaskAnswerSchemas,
  taskOutputForWorkflow,
} from '#shared/domain/human-tasks.ts';
import { logger } from '#shared/observability/powertools.ts';

const sfn = new SFNClient({});

export type AnswerResult =
  | { readonly outcome: 'answered'; readonly output: Record<string, unknown> }
  | { readonly outcome: 'invalid'; readonly issues: z.core.$ZodIssue[] }
  | { readonly outcome: 'already_answered' }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'cancelled' };

/** Answers an open task once; says why not otherwise. */
export async function answerTask(
  tableName: string,
  task: HumanTaskRecord,
  rawAnswer: unknown,
  now: Date = new Date(),
  /** Checks the schema cannot make alone (e.g. one value per KPI of the project). */
  extraChecks: (answer: unknown) => z.core.$ZodIssue[] = () => [],
): Promise<AnswerResult> {
  if (task.status !== 'open') return closedOutcome(task.status);
  const parsed = (await answerSchemaOf(tableName, task)).safeParse(rawAnswer);
  if (!parsed.success) return { outcome: 'invalid', issues: parsed.error.issues };
  const extra = extraChecks(parsed.data);
  if (extra.length > 0) return { outcome: 'invalid', issues: extra };
  const consumed = await answerHumanTask(tableName, task, parsed.data, now.toISOString());
  if (!consumed.answered) return closedOutcome(consumed.task?.status ?? 'expired');
  const output = { ...taskOutputForWorkflow(task.kind, parsed.data), round: task.round };
  if (!(await deliver(tableName, consumed.task, JSON.stringify(output)))) {
    // The deadline passed between the page and the click: the workflow moved on without it.
    await closeHumanTask(tableName, task, 'expired', now.toISOString(), { evenIfAnswered: true });
    logger.info('Answer arrived after the task closed', {
      applicationId: task.applicationId,
      kind: task.kind,
    });
    return { outcome: 'expired' };
  }
  logger.info('Human task answered', {
    applicationId: task.applicationId,
    kind: task.kind,
    round: task.round,
  });
  return { outcome: 'answered', output };
}

/**
 * The schema a task's answer must pass. An assessment follows its programme's assessment model (one
 * read of the programme, on this rare path only); a programme that cannot be found any more leaves
 * the stored shape's rules (internationalisation optional) rather than refusing every answer.
 */
async function answerSchemaOf(tableName: string, task: HumanTaskRecord): Promise<z.ZodType> {
  if (task.kind !== 'assessment') return humanTaskAnswerSchemas[task.kind];
  const programme = await getProgramme(tableName, task.programmeId);
  return programme ? assessmentAnswerSchemas[programme.assessment.model] : humanTaskAnswerSchemas.assessment;
}

const tokenGone = (error: unknown) =>
  error instanceof Error && ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'].includes(error.name);

/**
 * Hands the answer to the waiting state. When its token is gone, the state may just have been
 * re-entered (a reminder firing at the same moment, a restarted local engine) and the task record
 * is about to carry the new token: it is re-read for a few seconds and the answer sent with it.
 * @returns false when no live token took the answer (the task really expired)
 */
async function deliver(tableName: string, task: HumanTaskRecord, output: string): Promise<boolean> {
  let token = task.taskToken;
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output }));
      return true;
    } catch (error) {
      if (!tokenGone(error)) throw error;
    }
    let fresh: HumanTaskRecord | undefined;
    for (let wait = 0; wait < 5; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      fresh = await getHumanTask(tableName, task);
      if (fresh && fresh.taskToken !== token) break;
    }
    if (!fresh || fresh.taskToken === token || (fresh.status !== 'answered' && fresh.status !== 'open'))
      return false;
    token = fresh.taskToken;
  }
  return false;
}

function closedOutcome(status: HumanTaskRecord['status']): AnswerResult {
  if (status === 'answered') return { outcome: 'already_answered' };
  if (status === 'cancelled') return { outcome: 'cancelled' };
  return { outcome: 'expired' };
}
