// Programme counters move in the same write as the event they count: they never drift from the
// records, and the budget can never be over-committed, whatever runs at the same time.
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { reserveProgrammeBudget } from '#shared/data/journey-records.ts';
import { getProgrammeCounters } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import { eventually } from '../support/fixtures.ts';
import { apply, newManager, newProgramme, tableName } from '../support/journey-kit.ts';

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
});
