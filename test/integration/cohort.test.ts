// Cohort matching offered through the journeys: SMEs waiting for a manager get the optimal draft
// handed to their journeys (admin `match --yes`), and each journey offers its drafted manager.
import { describe, expect, it } from 'vitest';
import { matchCommand } from '#infra/admin/match.ts';
import { getApplication } from '#shared/data/applications.ts';
import { putManager } from '#shared/data/managers.ts';
import { localTarget } from '../support/admin-cli.ts';
import { eventually } from '../support/fixtures.ts';
import { apply, newManager, newProgramme, tableName } from '../support/journey-kit.ts';

describe('cohort matching through the journey', () => {
  it('hands each waiting SME its drafted manager, whom its journey then offers the engagement', async () => {
    // Prepare: two SMEs waiting because the roster is full.
    const managers = await Promise.all([newManager({ capacity: 0 }), newManager({ capacity: 0 })]);
    const programme = await newProgramme(managers, {
      timeouts: {
        offerReminderHours: 500,
        offerExpiryHours: 720,
        noManagerRetryHours: 2,
        escalationReminderHours: 500,
        escalationExpiryHours: 720,
        assessmentReminderHours: 500,
        assessmentExpiryHours: 720,
        financingReminderHours: 500,
        financingExpiryHours: 720,
      },
      matching: { maxOffers: 3, noManagerRetries: 50, capacityOnLaunch: 'keep' },
    });
    const smes = [await apply(programme.id), await apply(programme.id)];
    await eventually(async () => {
      const waiting = await Promise.all(smes.map((sme) => getApplication(tableName, sme.applicationId)));
      return waiting.every((a) => (a?.noManagerRounds ?? 0) >= 1) ? true : undefined;
    });
    for (const manager of managers) await putManager(tableName, { ...manager, capacity: 1 });
    const lines: string[] = [];

    // Act
    const exit = await matchCommand(
      programme.id,
      false,
      {
        tableName,
        target: localTarget,
        lang: 'en',
        output: { out: (line) => lines.push(line), err: (line) => lines.push(line) },
      },
      true,
    );

    // Assess
    expect(exit).toBe(0);
    expect(lines.join('\n')).toMatch(/2 of 2 engagements handed to their journeys/);
    for (const sme of smes) {
      const offered = await eventually(async () => {
        const application = await getApplication(tableName, sme.applicationId);
        return application?.currentOffer ? application : undefined;
      }, 20_000);
      expect(offered.currentOffer?.managerId).toBe((offered as { cohortManagerId?: string }).cohortManagerId);
    }
  }, 60_000);
});
