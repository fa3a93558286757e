// Programme counters move in the same write as the event they count: they never drift from the
// records, and the budget can never be over-committed, whatever runs at the same time.
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { reserveProgrammeBudget } from '#shared/data/journey-records.ts';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import { eventually, validApplication } from '../support/fixtures.ts';
import {
  apply,
  executionArn,
  local,
  newManager,
  newProgramme,
  sfn,
  tableName,
} from '../support/journey-kit.ts';

describe('programme counters', () => {
  it('equal a recount from the application records after many concurrent journeys', async () => {
    // Prepare: a programme whose quota admits 12 of 30 applicants.
    const managers = await Promise.all(Array.from({ length: 3 }, () => newManager({ capacity: 2 })));
    const programme = await newProgramme(managers, { quotas: { assessments: 12 } });

    // Act
    await Promise.all(Array.from({ length: 30 }, () => apply(programme.id)));
    const records = await eventually(async () => {
      const { Items = [] } = await documentClient.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.applicationsOfProgramme(programme.id).gsi1pk },
        }),
      );
      return Items.length === 30 && Items.every((item) => item.status !== 'submitted') ? Items : undefined;
    }, 30_000);

    // Assess
    const counters = (await getProgrammeCounters(tableName, programme.id)) as unknown as Record<
      string,
      number
    >;
    const eligible = records.filter((r) => r.status !== 'ineligible').length;
    const ineligible = records.filter((r) => r.status === 'ineligible');
    expect(counters.applications).toBe(records.length);
    expect(counters.eligible).toBe(eligible);
    expect(eligible).toBe(12); // the quota, never exceeded
    expect(counters.ineligible).toBe(ineligible.length);
    expect(counters.ineligible_quota_exhausted).toBe(
      ineligible.filter((r) => r.ineligibilityReason === 'quota_exhausted').length,
    );
  }, 60_000);

  it('never commits more budget than the programme has, under concurrent approvals', async () => {
    // Prepare: 20 approvals of €10,000 against a €100,000 budget, all at once.
    const programmeId = `budget-${randomUUID().slice(0, 8)}`;
    const applicationIds = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(
      applicationIds.map((applicationId) =>
        documentClient.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.application(applicationId), applicationId },
          }),
        ),
      ),
    );

    // Act
    const outcomes = await Promise.all(
      applicationIds.map((applicationId) =>
        reserveProgrammeBudget(tableName, {
          programmeId,
          applicationId,
          amountEur: 10_000,
          budgetTotalEur: 100_000,
          at: new Date().toISOString(),
        }).catch((error: Error) => error.name),
      ),
    );

    // Assess: a transaction conflict may refuse a reservation (Step Functions retries it), never overbook.
    const counters = (await getProgrammeCounters(tableName, programmeId)) as unknown as Record<
      string,
      number
    >;
    const reserved = outcomes.filter((o) => o === 'reserved').length;
    expect(reserved).toBeLessThanOrEqual(10);
    expect(counters.budgetCommittedEur).toBe(reserved * 10_000);
    expect(counters.budgetCommittedEur).toBeLessThanOrEqual(100_000);
    const retried = await Promise.all(
      applicationIds.map((applicationId) =>
        reserveProgrammeBudget(tableName, {
          programmeId,
          applicationId,
          amountEur: 10_000,
          budgetTotalEur: 100_000,
          at: new Date().toISOString(),
        }),
      ),
    );
    expect(retried.filter((o) => o === 'reserved')).toHaveLength(10);
    expect(
      ((await getProgrammeCounters(tableName, programmeId)) as unknown as Record<string, number>)
        .budgetCommittedEur,
    ).toBe(100_000);
  });

  it('applies a raised quota to new applicants only, and a closed programme refuses new ones while running journeys go on', async () => {
    // Prepare: a quota of one.
    const manager = await newManager();
    const programme = await newProgramme([manager], { quotas: { assessments: 1 } });
    const first = await apply(programme.id);
    const second = await apply(programme.id);
    const statusOf = async (id: string) => {
      const { getApplication } = await import('#shared/data/applications.ts');
      return eventually(async () => {
        const status = (await getApplication(tableName, id))?.status;
        return status && status !== 'submitted' ? status : undefined;
      });
    };
    expect(await statusOf(first.applicationId)).toBe('eligible');
    expect(await statusOf(second.applicationId)).toBe('ineligible');
    const { getProgramme, putProgramme } = await import('#shared/data/programmes.ts');
    const stored = await getProgramme(tableName, programme.id);
    if (!stored) throw new Error('programme missing');

    // Act: raise the quota, then close the programme.
    await putProgramme(tableName, { ...stored, quotas: { assessments: 2 } });
    const third = await apply(programme.id);
    const thirdStatus = await statusOf(third.applicationId);
    await putProgramme(tableName, { ...stored, quotas: { assessments: 2 }, closesOn: '2026-01-31' });
    const refused = await fetch(`${local.site}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({ ...validApplication(), programmeId: programme.id }),
    });

    // Assess
    expect(thirdStatus).toBe('eligible');
    expect(await statusOf(second.applicationId)).toBe('ineligible'); // decided under the old quota
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toBe('programmeClosed');
    const { DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
    const running = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(first.applicationId) }),
    );
    expect(running.status).toBe('RUNNING');
  });
});
