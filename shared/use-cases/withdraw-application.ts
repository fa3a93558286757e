// The SME withdraws from its status page: the outcome is recorded first (so every later journey
// step sees it), the execution is stopped, and what the journey held is freed.
import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { getApplication } from '#shared/data/applications.ts';
import { recordOutcome } from '#shared/data/journey-records.ts';
import { withdrawableStatuses } from '#shared/domain/application.ts';
import { logger } from '#shared/observability/powertools.ts';
import { releaseJourneyHolds } from './journey.ts';

const sfn = new SFNClient({});

/** The ARN of an application's journey execution (named after the application). */
export const journeyExecutionArn = (stateMachineArn: string, applicationId: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${applicationId}`;

/** @returns 'withdrawn', or 'not_withdrawable' once launched, closed or already withdrawn */
export async function withdrawApplication(
  deps: { tableName: string; journeyStateMachineArn: string; now?: () => Date },
  applicationId: string,
): Promise<'withdrawn' | 'not_withdrawable'> {
  const now = (deps.now ?? (() => new Date()))();
  const application = await getApplication(deps.tableName, applicationId);
  if (!application || !(withdrawableStatuses as readonly string[]).includes(application.status)) {
    return 'not_withdrawable';
  }
  if (!(await recordOutcome(deps.tableName, application, 'withdrawn', now.toISOString())))
    return 'not_withdrawable';
  try {
    await sfn.send(
      new StopExecutionCommand({
        executionArn: journeyExecutionArn(deps.journeyStateMachineArn, applicationId),
        error: 'Withdrawn',
        cause: 'The SME withdrew the application.',
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionDoesNotExist')) throw error;
  }
  // Read again once the execution is stopped: a step that was running may have recorded an offer
  // after the first read (its own conditional write refuses anything later).
  const settled = (await getApplication(deps.tableName, applicationId)) ?? application;
  await releaseJourneyHolds(
    { tableName: deps.tableName, publicBaseUrl: '', send: async () => '' },
    settled,
    now,
  );
  logger.info('Application withdrawn', { applicationId });
  return 'withdrawn';
}
