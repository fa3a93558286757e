// Retention: when a journey ends, its personal items (the application, its e-mails, tasks and
// assessment) get the time they expire at, the programme's retention later; DynamoDB's TTL deletes
// them in the cloud, the local runtime's purge locally (DynamoDB Local keeps expired items: checked
// here). Counters, other journeys and the audit trail stay.
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '#shared/data/audit.ts';
import { documentClient } from '#shared/data/client.ts';
import { reserveManagerCapacity } from '#shared/data/managers.ts';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import { purgeExpiredItems } from '#shared/data/retention.ts';
import { keys } from '#shared/data/table-design.ts';
import { updateAvailability } from '#shared/use-cases/manager-onboarding.ts';
import { endEngagement } from '#shared/use-cases/manager-retention.ts';
import {
  apply,
  emailTo,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const itemsOf = async (applicationId: string) =>
  (
    await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk },
      }),
    )
  ).Items ?? [];

describe('retention of personal data', () => {
  it('is not applied by DynamoDB Local, so the local runtime purges expired items itself', async () => {
    // Prepare: an item that expired an hour ago
    const key = { pk: `PROBE#${randomUUID()}`, sk: 'PROBE' };
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, expiresAt: Math.floor(Date.now() / 1000) - 3600 },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // Act
    const kept = await documentClient.send(new GetCommand({ TableName: tableName, Key: key }));
    const purged = await purgeExpiredItems(tableName);
    const after = await documentClient.send(new GetCommand({ TableName: tableName, Key: key }));

    // Assess
    expect(kept.Item).toBeDefined();
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(after.Item).toBeUndefined();
  });

  it('removes an ended journey’s personal data after the retention, and nothing else', async () => {
    // Prepare: one month of retention; one journey that ends (the SME withdraws after the offer is
    // declined), one still running
    const manager = await newManager();
    const programme = await newProgramme([manager], { retention: { personalDataMonths: 1 } });
    const ended = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), {
      decision: 'decline',
      reason: 'Troppo lontano',
    });
    // The journey settles (no other manager: the office is asked to assign one), then the SME withdraws.
    await emailTo(programme.officeEmail, /./);
    await postJson(ended.statusUrl, { action: 'withdraw' });
    const running = await apply(programme.id);
    await emailTo(manager.email, /Proposta di incarico/, 2); // screened and waiting for its manager
    const countersBefore = await getProgrammeCounters(tableName, programme.id);
    const endedItems = await itemsOf(ended.applicationId);
    const expiries = endedItems.map((item) => Number(item.expiresAt));

    // Act: purge as it will be 32 days from now, then as it is today
    const early = await purgeExpiredItems(tableName, new Date(Date.now() + 27 * 86_400_000));
    const stillThere = await itemsOf(ended.applicationId);
    await purgeExpiredItems(tableName, new Date(Date.now() + 32 * 86_400_000));

    // Assess: every item of the ended application had an expiry about a month away…
    expect(endedItems.length).toBeGreaterThanOrEqual(3); // the application, its e-mails, the task
    for (const expiry of expiries) {
      expect(expiry).toBeGreaterThan(Date.now() / 1000 + 27 * 86_400);
      expect(expiry).toBeLessThan(Date.now() / 1000 + 32 * 86_400);
    }
    // …kept before it (queued e-mail copies expire at 30 days on their own, so 27 days is safe)…
    expect(early).toBeGreaterThanOrEqual(0);
    expect(stillThere.map((item) => item.sk).sort()).toEqual(endedItems.map((item) => item.sk).sort());
    // …and gone after it, while the running journey, the counters and the audit trail stay.
    expect(await itemsOf(ended.applicationId)).toEqual([]);
    const runningItems = await itemsOf(running.applicationId);
    expect(runningItems.some((item) => item.sk === 'APPLICATION')).toBe(true);
    expect(runningItems.find((item) => item.sk === 'APPLICATION')?.expiresAt).toBeUndefined();
    expect(await getProgrammeCounters(tableName, programme.id)).toEqual(countersBefore);
    const log = await listAuditEvents(tableName, { kind: 'application', id: ended.applicationId });
    expect(log.map((event) => event.action)).toEqual(['offer.answered', 'application.withdrawn']);
  });

  it('lets a manager who left the registry expire after the retention, and keeps them when they come back', async () => {
    // Prepare: an active manager following no firm
    const manager = await newManager();
    const expiryOf = async () =>
      (
        await documentClient.send(
          new GetCommand({ TableName: tableName, Key: keys.manager(manager.managerId) }),
        )
      ).Item?.expiresAt;
    // (An imported manager has no address key: none is created by setting its expiry.)
    const addressKey = async () =>
      (
        await documentClient.send(
          new GetCommand({ TableName: tableName, Key: keys.managerEmail(manager.email) }),
        )
      ).Item;

    // Act + Assess: inactive → expires; active again → kept
    await updateAvailability(tableName, manager.managerId, {
      capacity: manager.capacity,
      status: 'inactive',
    });
    expect(typeof (await expiryOf())).toBe('number');
    expect(await addressKey()).toBeUndefined();
    await updateAvailability(tableName, manager.managerId, { capacity: manager.capacity, status: 'active' });
    expect(await expiryOf()).toBeUndefined();
  });

  it('lets an inactive manager expire only when their last engagement ends', async () => {
    // Prepare: a manager following one firm, who sets themselves inactive
    const manager = await newManager();
    const engagement = { managerId: manager.managerId, applicationId: randomUUID() };
    await reserveManagerCapacity(tableName, { ...engagement, at: new Date().toISOString() });
    await updateAvailability(tableName, manager.managerId, {
      capacity: manager.capacity,
      status: 'inactive',
    });
    const expiryOf = async () =>
      (
        await documentClient.send(
          new GetCommand({ TableName: tableName, Key: keys.manager(manager.managerId) }),
        )
      ).Item?.expiresAt;
    expect(await expiryOf()).toBeUndefined();

    // Act: the engagement ends
    await endEngagement(tableName, engagement);

    // Assess
    expect(typeof (await expiryOf())).toBe('number');
  });
});
