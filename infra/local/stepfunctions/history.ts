// The execution history as AWS shapes it: the events a task's scheduling and outcome add (Lambda
// called directly gives LambdaFunction* events, a service integration Task* events), numbered in
// order, and their public form (execution data left out when the caller asks so).
import {
  DATA_FIELDS,
  type ExecutionRecord,
  type Json,
  type StoredEvent,
  type TaskMeta,
} from './internals.ts';
import type { HistoryEvent, HistoryEventType } from './types.ts';

/** An event to append: its type and, for most, a details field named as the SDK names it. */
export interface NewEvent {
  readonly type: HistoryEventType;
  readonly detailsKey?: string;
  readonly details?: Record<string, unknown>;
}

export type TaskOutcomeKind = 'Submitted' | 'Succeeded' | 'Failed' | 'TimedOut';

/** The execution's next event, numbered after the last, stamped with the process clock. */
export function nextEvent(
  exec: ExecutionRecord,
  type: HistoryEventType,
  detailsKey?: string,
  details?: Record<string, unknown>,
): StoredEvent {
  const id = exec.history.length + 1;
  const event: StoredEvent = { id, previousEventId: id - 1, timestamp: Date.now(), type };
  if (detailsKey) {
    event.detailsKey = detailsKey;
    event.details = details ?? {};
  }
  return event;
}

/** The events of a task being scheduled and started. */
export function scheduledEvents(
  meta: TaskMeta,
  params: Json,
  options: { timeoutSeconds: number | undefined; heartbeatSeconds: number | undefined; region: string },
): NewEvent[] {
  if (meta.integration === 'lambda-direct') {
    const details: Record<string, unknown> = {
      resource: meta.resource,
      input: JSON.stringify(params),
      inputDetails: { truncated: false },
    };
    if (options.timeoutSeconds !== undefined) details.timeoutInSeconds = options.timeoutSeconds;
    return [
      { type: 'LambdaFunctionScheduled', detailsKey: 'lambdaFunctionScheduledEventDetails', details },
      { type: 'LambdaFunctionStarted' },
    ];
  }
  const details: Record<string, unknown> = {
    resourceType: meta.resourceType,
    resource: meta.resourceName,
    region: options.region,
    parameters: JSON.stringify(params),
  };
  if (options.timeoutSeconds !== undefined) details.timeoutInSeconds = options.timeoutSeconds;
  if (options.heartbeatSeconds !== undefined) details.heartbeatInSeconds = options.heartbeatSeconds;
  return [
    { type: 'TaskScheduled', detailsKey: 'taskScheduledEventDetails', details },
    {
      type: 'TaskStarted',
      detailsKey: 'taskStartedEventDetails',
      details: { resourceType: meta.resourceType, resource: meta.resourceName },
    },
  ];
}

/** The event of a task's outcome (none for a Lambda called directly being submitted). */
export function outcomeEvent(
  meta: TaskMeta,
  kind: TaskOutcomeKind,
  data: { output?: string; error?: string; cause?: string },
): NewEvent | undefined {
  const payload: Record<string, unknown> = {};
  if (data.output !== undefined) {
    payload.output = data.output;
    payload.outputDetails = { truncated: false };
  }
  if (data.error !== undefined) payload.error = data.error;
  if (data.cause !== undefined) payload.cause = data.cause;
  if (meta.integration === 'lambda-direct') {
    if (kind === 'Submitted') return undefined;
    return {
      type: `LambdaFunction${kind}` as HistoryEventType,
      detailsKey: `lambdaFunction${kind}EventDetails`,
      details: payload,
    };
  }
  return {
    type: `Task${kind}` as HistoryEventType,
    detailsKey: `task${kind}EventDetails`,
    details: { resourceType: meta.resourceType, resource: meta.resourceName, ...payload },
  };
}

/** A stored event as GetExecutionHistory answers it; without data, inputs and outputs are left out. */
export function toHistoryEvent(event: StoredEvent, includeData: boolean): HistoryEvent {
  const out: Record<string, unknown> = {
    id: event.id,
    previousEventId: event.previousEventId,
    timestamp: new Date(event.timestamp),
    type: event.type,
  };
  if (event.detailsKey) {
    const details = structuredClone(event.details ?? {});
    if (!includeData) for (const key of DATA_FIELDS) delete details[key];
    out[event.detailsKey] = details;
  }
  return out as unknown as HistoryEvent;
}
