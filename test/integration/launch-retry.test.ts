// The launch step is retried by the workflow when it fails part-way: a run that launched the
// project and then could not send its e-mails (SES down, a timeout) leaves the retry to send them
// and to start the first monitoring cycle, exactly once.
import { randomUUID } from 'node:crypto';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { documentClient } from '#shared/data/client.ts';
import { monitoringExecutionName } from '#shared/data/step-functions.ts';
import { keys } from '#shared/data/table-design.ts';
import type { RenderedEmail } from '#shared/email/templates.tsx';
import { type JourneyDeps, launchProject } from '#shared/use-cases/journey.ts';
import { eventually, validApplication } from '../support/fixtures.ts';
import { newManager, newProgramme, sfn, tableName } from '../support/journey-kit.ts';

/** An application whose financing the office approved, ready for the launch step. */
async function approvedApplication(programmeId: string, managerId: string) {
  const applicationId = randomUUID();
  const form = validApplication();
  const smeEmail = `sme.${applicationId.slice(0, 8)}@example.it`;
  const put = (item: Record<string, unknown>) =>
    documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
  await put({
    ...keys.application(applicationId),
    type: 'application',
    applicationId,
    programmeId,
    status: 'financing_pending',
    statusHistory: [{ status: 'financing_pending', at: new Date().toISOString() }],
    submittedAt: new Date().toISOString(),
    language: 'it',
    company: form.company,
    size: form.size,
    contact: { ...form.contact, email: smeEmail },
    interests: form.interests,
    managerId,
  });
  await put({
    ...keys.assessment(applicationId),
    applicationId,
    managerId,
    answer: { project: { title: 'MES in officina', durationMonths: 12, budgetEur: 40_000, kpis: [] } },
  });
  await put({
    ...keys.humanTask(applicationId, 'financing', 1),
    applicationId,
    programmeId,
    kind: 'financing',
    round: 1,
    status: 'answered',
    answer: { decision: 'approve', amountEur: 35_000 },
  });
  return { applicationId, smeEmail };
}

describe('launch step retried', () => {
  it('sends the launch e-mails and starts monitoring on the retry of a run that stopped after the launch, once', async () => {
    // Arrange
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const { applicationId, smeEmail } = await approvedApplication(programme.id, manager.managerId);
    const monitoringStateMachineArn = process.env.MONITORING_STATE_MACHINE_ARN ?? '';
    const sent: string[] = [];
    const deps = (send: JourneyDeps['send']): JourneyDeps => ({
      tableName,
      publicBaseUrl: 'http://localhost',
      monitoringStateMachineArn,
      send,
    });
    const working = async (to: string | readonly string[], _email: RenderedEmail) => {
      sent.push(String(to));
      return `message-${sent.length}`;
    };
    const input = { applicationId, programmeId: programme.id, round: 1 };

    // Act: the first run launches, then SES fails; the workflow retries the step, twice
    await expect(
      launchProject(
        deps(async () => {
          throw new Error('SES unavailable');
        }),
        input,
      ),
    ).rejects.toThrow('SES unavailable');
    const launched = await getApplication(tableName, applicationId);
    const retried = await launchProject(deps(working), input);
    const again = await launchProject(deps(working), input);

    // Assert: one project, both e-mails once, its first monitoring cycle started
    expect(launched?.status).toBe('launched');
    expect(retried.projectId).toBe(launched?.projectId);
    expect(again.projectId).toBe(launched?.projectId);
    expect(sent).toEqual([smeEmail, manager.email]);
    const cycle = monitoringExecutionName(retried.projectId, 1);
    await eventually(async () => {
      const { executions } = await sfn.send(
        new ListExecutionsCommand({ stateMachineArn: monitoringStateMachineArn, maxResults: 1000 }),
      );
      return executions?.some((execution) => execution.name === cycle) || undefined;
    });
  });
});
