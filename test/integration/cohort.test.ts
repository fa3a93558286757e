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
    const roundsOfEach = async () =>
      (await Promise.all(smes.map((sme) => getApplication(tableName, sme.applicationId)))).map(
        (application) => application?.noManagerRounds ?? 0,
      );
    const waiting = await eventually(async () => {
      const rounds = await roundsOfEach();
      return rounds.every((round) => round >= 1) ? rounds : undefined;
    });
    // Right after each journey's next retry (every 7.2 s here), so that none retries, and takes a
    // freed manager by itself, before the draft is handed.
    await eventually(async () => {
      const rounds = await roundsOfEach();
      return rounds.every((round, i) => round > (waiting[i] ?? 0)) ? true : undefined;
    }, 20_000);
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
