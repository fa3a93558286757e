// A person answers a human task through its link: the answer is validated, consumed exactly once
// (conditional write), then handed to the waiting workflow with SendTaskSuccess — codes and IDs
// only. A task the workflow gave up on meanwhile is reported as expired.
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import type * as z from 'zod';
import { answerHumanTask, closeHumanTask, type HumanTaskRecord } from '#shared/data/human-tasks.ts';
import { humanTaskAnswerSchemas, taskOutputForWorkflow } from '#shared/domain/human-tasks.ts';
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
  const parsed = humanTaskAnswerSchemas[task.kind].safeParse(rawAnswer);
  if (!parsed.success) return { outcome: 'invalid', issues: parsed.error.issues };
  const extra = extraChecks(parsed.data);
  if (extra.length > 0) return { outcome: 'invalid', issues: extra };
  const consumed = await answerHumanTask(tableName, task, parsed.data, now.toISOString());
  if (!consumed.answered) return closedOutcome(consumed.task?.status ?? 'expired');
  const output = { ...taskOutputForWorkflow(task.kind, parsed.data), round: task.round };
  try {
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: consumed.task.taskToken, output: JSON.stringify(output) }),
    );
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TaskTimedOut' || name === 'TaskDoesNotExist' || name === 'InvalidToken') {
      // The deadline passed between the page and the click: the workflow moved on without it.
      await closeHumanTask(tableName, task, 'expired', now.toISOString(), { evenIfAnswered: true });
      logger.info('Answer arrived after the task closed', {
        applicationId: task.applicationId,
        kind: task.kind,
      });
      return { outcome: 'expired' };
    }
    throw error;
  }
  logger.info('Human task answered', {
    applicationId: task.applicationId,
    kind: task.kind,
    round: task.round,
  });
  return { outcome: 'answered', output };
}

function closedOutcome(status: HumanTaskRecord['status']): AnswerResult {
  if (status === 'answered') return { outcome: 'already_answered' };
  if (status === 'cancelled') return { outcome: 'cancelled' };
  return { outcome: 'expired' };
}
