// A data-subject access request through the admin CLI (a child process, as an operator runs it):
// every item that holds the person's data, as one JSON document, without link secrets; the request
// recorded in the audit trail without the data; a bad address refused before anything is read.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '#shared/data/audit.ts';
import { personId } from '#shared/use-cases/privacy-export.ts';
import { runAdminCli } from '../support/admin-cli.ts';
import {
  apply,
  emailTo,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const runCli = runAdminCli;

const target = () => ['--endpoint', process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '', '--table', tableName];

describe('privacy export', () => {
  it('writes everything held about an SME contact mid-journey, and about a manager, without secrets', async () => {
    // Prepare: an SME whose offer was accepted (its assessment task is open)
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });
    await emailTo(manager.email, /Registra l’assessment/);
    const out = join(tmpdir(), `export-${sme.applicationId}.json`);

    // Act
    const smeRun = await runCli([
      'privacy',
      'export',
      '--email',
      sme.smeEmail.toUpperCase(),
      '--out',
      out,
      ...target(),
    ]);
    const managerRun = await runCli(['privacy', 'export', '--email', manager.email, ...target()]);

    // Assess: the SME's document
    expect(smeRun.code).toBe(0);
    expect(smeRun.stderr).toMatch(
      /Found 1 application\(s\), no manager profile, \d+ e-mail\(s\); written to/,
    );
    const document = JSON.parse(await readFile(out, 'utf8'));
    expect(document.applications).toHaveLength(1);
    expect(document.applications[0].application).toMatchObject({
      applicationId: sme.applicationId,
      company: { name: sme.companyName },
      contact: { email: sme.smeEmail },
    });
    expect(document.applications[0].items.map((item: { type?: string }) => item.type)).toEqual(
      expect.arrayContaining(['email', 'human-task']),
    );
    // A sent e-mail keeps no copy in the table (body and recipient go once sent): its record stays.
    expect(document.applications[0].items).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'email', status: 'sent' })]),
    );
    expect(Array.isArray(document.emails)).toBe(true);
    expect(JSON.stringify(document)).not.toMatch(/"(taskToken|pk|sk)":/);
    // …the manager's: the profile and the tasks sent to them, with the offer they answered
    expect(managerRun.code).toBe(0);
    const managerDocument = JSON.parse(managerRun.stdout);
    expect(managerDocument.manager.profile).toMatchObject({
      managerId: manager.managerId,
      email: manager.email,
    });
    expect(managerDocument.manager.tasks.map((task: { kind: string }) => task.kind).sort()).toEqual([
      'assessment',
      'offer',
    ]);
    expect(managerDocument.applications).toEqual([]);
    // …and each request in the audit trail, without the data
    const log = await listAuditEvents(tableName, { kind: 'person', id: personId(sme.smeEmail) });
    expect(log.map((event) => [event.action, event.actor])).toEqual([['privacy.exported', 'cli']]);
    expect(JSON.stringify(log)).not.toContain(sme.smeEmail);
  });

  it('refuses an address that is not one, before reading anything', async () => {
    const run = await runCli(['privacy', 'export', '--email', 'not-an-address', ...target()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give the person's e-mail address");
  });
});
