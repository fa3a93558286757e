// Use case: a queued journey start becomes the application's one journey. Step Functions busy
// (throttling, a brief outage) is not a loss: the start waits a growing delay in the queue and is
// tried again; after the buffer's last try it lands in the dead-letter queue, where the alarm sees
// it and the office redrives it. An application withdrawn while it waited gets no journey. Starting
// twice is harmless: the execution is named after the
// application, so a repeated start finds the one that exists.
import { journeyStartRetryDelaySeconds } from '#infra/api-capacity.ts';
import { getApplication } from '#shared/data/applications.ts';
import { retryQueuedStartIn } from '#shared/data/journey-queue.ts';
import {
  journeyExecutionArn,
  startJourney,
  stopExecutionIfRunning,
  withdrawalStop,
} from '#shared/data/step-functions.ts';
import { logger } from '#shared/observability/powertools.ts';
import { journeyTaskInputSchema } from '#shared/workflows/journey-task.ts';

export interface QueuedJourneyStart {
  readonly body: string;
  readonly receiptHandle: string;
  /** How many times the queue has handed out this message, this time included. */
  readonly receiveCount: number;
}

export interface StartQueuedJourneyDeps {
  readonly tableName: string;
  readonly journeyStateMachineArn: string;
  readonly queueUrl: string;
}

/**
 * Starts the journey a queued message names.
 * @throws when it could not (the message stays queued and comes back after its backoff)
 */
export async function startQueuedJourney(
  message: QueuedJourneyStart,
  deps: StartQueuedJourneyDeps,
): Promise<'started' | 'already_started' | 'not_needed'> {
  const input = journeyTaskInputSchema.parse(JSON.parse(message.body));
  // Withdrawn (or erased) while its start waited in the queue: no journey to start. Past
  // 'submitted', its journey is already under way.
  const application = await getApplication(deps.tableName, input.applicationId);
  if (application?.status !== 'submitted') {
    logger.info('Queued journey start not needed', {
      applicationId: input.applicationId,
      status: application?.status ?? 'gone',
    });
    return 'not_needed';
  }
  try {
    const outcome = await startJourney(deps.journeyStateMachineArn, input);
    // Withdrawn between the read and the start: the withdrawal, which records its outcome before it
    // stops the journey, found nothing to stop; so the read after the start sees it, and stops it.
    if ((await getApplication(deps.tableName, input.applicationId))?.status === 'withdrawn') {
      await stopExecutionIfRunning(
        journeyExecutionArn(deps.journeyStateMachineArn, input.applicationId),
        withdrawalStop,
      );
      logger.info('Journey of a withdrawn application stopped', { applicationId: input.applicationId });
      return 'not_needed';
    }
    logger.info('Journey started from the queue', {
      applicationId: input.applicationId,
      outcome,
      receiveCount: message.receiveCount,
    });
    return outcome;
  } catch (error) {
    const delay = journeyStartRetryDelaySeconds(message.receiveCount);
    logger.warn('Journey start deferred', {
      applicationId: input.applicationId,
      errorName: (error as Error).name,
      receiveCount: message.receiveCount,
      retryInSeconds: delay,
    });
    await retryQueuedStartIn(deps.queueUrl, message.receiptHandle, delay).catch(() => undefined);
    throw error;
  }
}
