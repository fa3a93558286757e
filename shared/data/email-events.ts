import { transactWhereConditionsHold } from './client.ts';
import { keys } from './table-design.ts';

export interface EmailEventRecord {
  readonly messageId: string;
  readonly addressHash: string;
  readonly kind: 'bounce' | 'complaint';
  readonly bounceType?: string;
  /** When SES saw it (ISO); its day is the counter's. */
  readonly at: string;
}

/** @returns false when this message and recipient were recorded already */
export async function recordEmailEventOnce(tableName: string, event: EmailEventRecord): Promise<boolean> {
  return transactWhereConditionsHold([
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.emailEvent(event.messageId, event.addressHash),
          type: 'email-event',
          kind: event.kind,
          ...(event.bounceType ? { bounceType: event.bounceType } : {}),
          addressHash: event.addressHash,
          at: event.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.emailDailyStats(event.at.slice(0, 10)),
        UpdateExpression: 'ADD #kind :one',
        ExpressionAttributeNames: { '#kind': event.kind === 'bounce' ? 'bounces' : 'complaints' },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
}
