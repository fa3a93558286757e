// Opening a human task and sending its link, the one way every workflow does it: the first phase
// opens the task with its link and queues the e-mail in the same write; the reminder phase re-arms
// it with the new token and a second link; the queued e-mail is then sent once (a retried step
// finds it sent). Nothing is sent for a task that is no longer open.
import { sendQueuedEmail } from '#shared/data/email-outbox.ts';
import {
  type HumanTaskRecord,
  type OpenTaskRequest,
  openHumanTask,
  remindHumanTask,
} from '#shared/data/human-tasks.ts';
import { sendTaskSuccess } from '#shared/data/step-functions.ts';
import type { RenderedEmail } from '#shared/email/templates.tsx';

export interface TaskEmailDelivery {
  readonly tableName: string;
  /** Whose outbox the e-mail is queued in (an application, `manager:<id>`, `collaboration:<id>`). */
  readonly owner: string;
  readonly emailKind: string;
  readonly send: (to: string | readonly string[], email: RenderedEmail) => Promise<string>;
  readonly now: () => Date;
}

/** Opens (first) or re-arms (reminder) a task and sends its e-mail once. @returns the task as stored */
export async function openOrRemindTask(
  phase: 'first' | 'reminder',
  request: OpenTaskRequest,
  delivery: TaskEmailDelivery,
): Promise<HumanTaskRecord | undefined> {
  const result =
    phase === 'reminder'
      ? await remindHumanTask(delivery.tableName, request)
      : await openHumanTask(delivery.tableName, request);
  if (result.task?.status === 'open')
    await sendQueuedEmail(
      delivery.tableName,
      delivery.owner,
      delivery.emailKind,
      delivery.send,
      delivery.now,
      result.queuedEmail,
    );
  return result.task;
}

/**
 * Completes a waiting state that several answers share (a collaboration's invitations, a plan's
 * deliveries) when the last one arrives: the token kept with the subject is used, and re-read when
 * the state was re-entered meanwhile (its reminder) and the subject carries a new one.
 * @param currentToken - the subject's token now, or undefined once the wait is over
 * @returns whether a live token took the output
 */
export async function completeSharedWait(
  currentToken: () => Promise<string | undefined>,
  output: string,
): Promise<boolean> {
  let token = await currentToken();
  for (let attempt = 0; token && attempt < 10; attempt++) {
    if ((await sendTaskSuccess(token, output)) === 'delivered') return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fresh = await currentToken();
    if (fresh === token) return false;
    token = fresh;
  }
  return false;
}
