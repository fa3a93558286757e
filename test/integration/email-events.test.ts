// SES bounce and complaint events (as EventBridge delivers them) are recorded once, without the
// address in clear, and counted per day.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '#infra/local/lambda-runtime.ts';
import { documentClient } from '#shared/data/client.ts';
import { keys } from '#shared/data/table-design.ts';

const tableName = process.env.TABLE_NAME ?? '';

function bounceEvent(messageId: string, day: string) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Email Bounced',
    source: 'aws.ses',
    account: '123456789012',
    time: `${day}T10:00:00Z`,
    region: 'eu-south-1',
    resources: [],
    detail: {
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bouncedRecipients: [{ emailAddress: 'nessuno@example.it' }],
      },
      mail: { messageId, tags: { 'ses:configuration-set': ['PercorsoPmi'] } },
    },
  };
}

describe('recordEmailEvent handler', () => {
  it('records a bounce once even when EventBridge delivers it twice, keeping only a hash of the address', async () => {
    // Prepare
    const { handler } = await import('#functions/email/record-email-event.ts');
    const day = `20${String(Math.floor(Math.random() * 90) + 10)}-01-01`;
    const event = bounceEvent(`msg-${randomUUID()}`, day);

    // Act
    const first = await handler(event as never, lambdaContext('recordEmailEvent', 15));
    const again = await handler(event as never, lambdaContext('recordEmailEvent', 15));
    const { Item: stats } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keys.emailDailyStats(day) }),
    );

    // Assess
    expect(first).toEqual({ recorded: 1 });
    expect(again).toEqual({ recorded: 0 });
    expect(stats?.bounces).toBe(1);
    expect(JSON.stringify(stats)).not.toContain('nessuno@example.it');
  });
});
