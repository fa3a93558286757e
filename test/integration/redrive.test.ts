// Redriving a failed journey, as an operator does in the AWS console: the local console's Redrive
// button (a POST; the page itself only shows) restarts the execution from the state that failed,
// with the input it had, so nothing that succeeded before runs again: no second e-mail, no second
// reservation of the manager's capacity.
import { DescribeExecutionCommand, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { getProgrammeStored, putProgramme } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import {
  apply,
  assessmentAnswer,
  emailTo,
  executionArn,
  finished,
  history,
  loadOf,
  local,
  newManager,
  newProgramme,
  outbox,
  postJson,
  sfn,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

describe('redriving a failed journey', () => {
  it('resumes from the failed state from the console button, without repeating e-mails or reservations', async () => {
    // Prepare: a journey that fails recording the assessment (its programme vanished meanwhile).
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    const assessmentLink = taskLink(await emailTo(manager.email, /Registra l’assessment/));
    const stored = await getProgrammeStored(tableName, programme.id);
    if (!stored) throw new Error('programme not stored');
    await documentClient.send(new DeleteCommand({ TableName: tableName, Key: keys.programme(programme.id) }));
    await postJson(assessmentLink, assessmentAnswer(true));
    const failed = await finished(sme.applicationId);
    const failedDescription = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(sme.applicationId) }),
    );
    const page = await fetch(
      `${local.site}/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}`,
    );
    const pageHtml = await page.text();
    const loadBefore = await loadOf(manager.managerId);
    await putProgramme(tableName, stored);

    // Act: the button's POST (a GET of the same address only shows the page).
    const redriven = await fetch(
      `${local.site}/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}/redrive`,
      { method: 'POST', redirect: 'manual', headers: { 'Sec-Fetch-Site': 'same-origin' } },
    );
    const crossSite = await fetch(
      `${local.site}/_local/executions/${encodeURIComponent(executionArn(sme.applicationId))}/redrive`,
      { method: 'POST', redirect: 'manual', headers: { 'Sec-Fetch-Site': 'cross-site' } },
    );
    const financingLink = taskLink(await emailTo(programme.officeEmail, /Decisione sul finanziamento/));
    await postJson(financingLink, { decision: 'approve', amountEur: 35_000 });
    const done = await finished(sme.applicationId);
    const again = await sfn
      .send(new RedriveExecutionCommand({ executionArn: executionArn(sme.applicationId) }))
      .catch((error: unknown) => error);
    const events = await history(sme.applicationId);
    const mails = await outbox();
    const count = (to: string, subject: RegExp) =>
      mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).length;

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('UnknownProgrammeError');
    expect(failedDescription).toMatchObject({ redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    expect(pageHtml).toContain('>Redrive</button>');
    expect(pageHtml).toContain('method="post"');
    expect(redriven.status).toBe(303);
    expect(crossSite.status).toBe(403);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toMatchObject({ outcome: 'launched' });
    expect(done.redriveCount).toBe(1);
    expect(again).toMatchObject({ name: 'ExecutionNotRedrivable' });
    const redrivenAt = events.findIndex((event) => event.type === 'ExecutionRedriven');
    expect(events[redrivenAt - 1]?.type).toBe('ExecutionFailed');
    expect(events[redrivenAt + 1]?.stateEnteredEventDetails?.name).toBe('Record the assessment');
    expect(count(manager.email, /Proposta di incarico/)).toBe(1);
    expect(count(sme.smeEmail, /Il tuo manager/)).toBe(1);
    expect(count(manager.email, /Registra l’assessment/)).toBe(1);
    expect(count(sme.smeEmail, /risultato dell’assessment/)).toBe(1);
    expect(loadBefore).toBe(1);
    expect(await loadOf(manager.managerId)).toBe(1);
  }, 60_000);
});
