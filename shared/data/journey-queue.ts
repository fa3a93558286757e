// The one gateway to SQS: the buffer of journeys to start. The intake queues an application's
// journey here (IDs only, never personal data) once the application is stored; the startJourneys
// function drains it, and a start Step Functions throttles waits its backoff here before it is
// received again.
import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { JourneyInput } from './step-functions.ts';

// The queue's URL names the queue; the endpoint is the SDK's (the region's, or AWS_ENDPOINT_URL_SQS).
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });

/** Queues the start of an application's journey. */
export async function queueJourneyStart(queueUrl: string, input: JourneyInput): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify({ applicationId: input.applicationId, programmeId: input.programmeId }),
    }),
  );
}

/** Hides a received message for `seconds` before it is received again (a retry's backoff). */
export async function retryQueuedStartIn(
  queueUrl: string,
  receiptHandle: string,
  seconds: number,
): Promise<void> {
  await sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrl,
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: seconds,
    }),
  );
}
