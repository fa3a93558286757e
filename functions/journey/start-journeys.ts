// SQS → the journeys of stored applications (the intake's buffer). Each record is started on its
// own; those Step Functions refused (throttled) are reported back to the queue and retried.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { functionCatalog } from '#infra/functions.ts';
import { readFunctionEnv } from '#shared/config/environment.ts';
import { startQueuedJourney } from '#shared/use-cases/start-queued-journeys.ts';

const env = readFunctionEnv(functionCatalog.startJourneys);

const startOne = (record: SQSRecord) =>
  startQueuedJourney(
    {
      body: record.body,
      receiptHandle: record.receiptHandle,
      receiveCount: Number(record.attributes.ApproximateReceiveCount) || 1,
    },
    {
      tableName: env.TABLE_NAME,
      journeyStateMachineArn: env.JOURNEY_STATE_MACHINE_ARN,
      queueUrl: env.JOURNEY_START_QUEUE_URL,
    },
  );

// A processor per invocation: it holds the batch's results (Lambda never overlaps two invocations in
// one environment, the local runtime may).
export const handler = (event: SQSEvent) =>
  processPartialResponse(event, startOne, new BatchProcessor(EventType.SQS), {
    throwOnFullBatchFailure: false,
  });
