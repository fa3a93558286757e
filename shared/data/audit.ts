// The audit trail in the table: each event an immutable item in the partition of what it is about
// (an application, a project, a manager, a programme), ordered by time, and in the index under its
// programme for the export. Writers put `auditEventItem` in the same transaction as the decision,
// with a condition that it does not exist: one decision, one event.
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditSubjectKind } from '#shared/domain/audit.ts';
import { documentClient, queryGsi1, queryPartition } from './client.ts';
import { keys } from './table-design.ts';

/** A new event (its ID drawn here) as the item to put, conditional on being new. */
export function auditEventPut(tableName: string, event: Omit<AuditEvent, 'eventId'>) {
  const full: AuditEvent = { eventId: randomUUID(), ...event };
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.auditEvent(full.subject.kind, full.subject.id, full.at, full.eventId),
        ...keys.auditOfProgramme(full.programmeId, full.at, full.eventId),
        type: 'audit',
        ...full,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Appends an event on its own (a decision with no single write to join, like a roster import). */
export async function appendAuditEvent(tableName: string, event: Omit<AuditEvent, 'eventId'>): Promise<void> {
  await documentClient.send(new TransactWriteCommand({ TransactItems: [auditEventPut(tableName, event)] }));
}

const eventOf = (item: Record<string, unknown>): AuditEvent => ({
  eventId: item.eventId as string,
  at: item.at as string,
  programmeId: item.programmeId as string,
  subject: item.subject as AuditEvent['subject'],
  actor: item.actor as AuditEvent['actor'],
  action: item.action as AuditEvent['action'],
  ...(typeof item.before === 'string' ? { before: item.before } : {}),
  ...(typeof item.after === 'string' ? { after: item.after } : {}),
});

/** Every event about one application, project, manager or programme, oldest first. */
export async function listAuditEvents(
  tableName: string,
  subject: { kind: AuditSubjectKind; id: string },
): Promise<AuditEvent[]> {
  const { pk } = keys.auditEvent(subject.kind, subject.id, '', '');
  return (await queryPartition(tableName, pk)).map(eventOf);
}

/** Every event of a programme, oldest first (the export). */
export async function listProgrammeAuditEvents(
  tableName: string,
  programmeId: string,
): Promise<AuditEvent[]> {
  return (await queryGsi1(tableName, keys.auditOfProgramme(programmeId, '', '').gsi1pk)).map(eventOf);
}
