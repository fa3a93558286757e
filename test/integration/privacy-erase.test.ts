// A data-subject erasure through the admin CLI (a child process, as an operator runs it): an SME
// contact mid-journey is anonymised everywhere — table items, stored responses, the outbox, the
// execution history — while the programme's counters stay; the running journey ends withdrawn;
// the export taken before holds every item the erasure changed; a second request finds nothing;
// a manager who still follows a firm is refused with nothing written, one who follows none is
// erased and leaves the registry's matching for good.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { listAuditEvents } from '#shared/data/audit.ts';
import { documentClient, scanItems } from '#shared/data/client.ts';
import { putAvailabilityLink } from '#shared/data/manager-onboarding.ts';
import { getManager } from '#shared/data/managers.ts';
import { idempotencyTable, keys } from '#shared/data/table-design.ts';
import { personId, shown } from '#shared/use-cases/privacy-export.ts';
import { runAdminCli } from '../support/admin-cli.ts';
import {
  apply,
  emailTo,
  finished,
  history,
  loadOf,
  local,
  newManager,
  newProgramme,
  outbox,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const table = () => ['--endpoint', process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '', '--table', tableName];
const target = () => [...table(), '--stepfunctions-endpoint', local.stepFunctions, '--outbox', local.outbox];

const everything = async () => [
  ...(await scanItems(tableName, { expression: 'attribute_exists(pk)', values: {} })),
  ...(await scanItems(idempotencyTable.logicalName, { expression: 'attribute_exists(id)', values: {} })),
];
const counters = async (programmeId: string) =>
  (
    await documentClient.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.programmeCounters(programmeId),
        ConsistentRead: true,
      }),
    )
  ).Item ?? {};
/** Every object anywhere in a JSON document, as canonical JSON (key order ignored). */
function objectsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const inner of value) objectsIn(inner, into);
  else if (value && typeof value === 'object') {
    into.add(canonical(value));
    for (const inner of Object.values(value)) objectsIn(inner, into);
  }
  return into;
}
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('privacy erase', () => {
  it('leaves no trace of an SME contact mid-journey, keeps the counters, and is idempotent', async () => {
    // Prepare: two managers; the first declines with a reason naming the contact, the second
    // accepts (the assessment task is open); the application was sent with an idempotency key (its
    // stored response must name nobody).
    const first = await newManager({ merit: 95 });
    const second = await newManager({ merit: 40 });
    const programme = await newProgramme([first, second]);
    const contactName = `Giulia Erasmi ${randomUUID().slice(0, 6)}`;
    const sme = await apply(
      programme.id,
      'it',
      (application) => {
        application.contact.name = contactName;
      },
      { 'Idempotency-Key': randomUUID() },
    );
    const reason = `La signora ${contactName} ha un conflitto ${randomUUID().slice(0, 6)}`;
    await postJson(taskLink(await emailTo(first.email, /Proposta di incarico/)), {
      decision: 'decline',
      reason,
    });
    await postJson(taskLink(await emailTo(second.email, /Proposta di incarico/)), { decision: 'accept' });
    await emailTo(second.email, /Registra l’assessment/);
    const personal = [sme.companyName, contactName, sme.smeEmail, reason];
    const mentions = (value: unknown) => personal.filter((term) => JSON.stringify(value).includes(term));
    const heldBefore = (await everything()).filter((item) => mentions(item).length > 0);
    expect(heldBefore.map((item) => item.type)).toEqual(['application', 'human-task']);
    expect(mentions(await outbox())).toEqual(personal.slice(0, 3));
    const countersBefore = await counters(programme.id);
    const exported = join(tmpdir(), `erase-export-${sme.applicationId}.json`);
    expect(
      (await runAdminCli(['privacy', 'export', '--email', sme.smeEmail, '--out', exported, ...table()])).code,
    ).toBe(0);

    // Act 1: without --yes, a preview that writes nothing; the manager who follows the firm is refused
    const preview = await runAdminCli(['privacy', 'erase', '--email', sme.smeEmail, ...target()]);
    const engaged = await runAdminCli(['privacy', 'erase', '--email', second.email, '--yes', ...target()]);

    // Assess 1
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('1 application(s) as a contact (1 journey(s) still running');
    expect(preview.stdout).toContain('Nothing was changed. Run again with --yes to erase.');
    expect(engaged.code).toBe(1);
    expect(engaged.stderr).toMatch(/Refused: manager .* still follows 1 firm/);
    expect((await getManager(tableName, second.managerId))?.email).toBe(second.email);
    expect((await getApplication(tableName, sme.applicationId))?.status).toBe('manager_assigned');

    // Act 2: the erasure
    const erased = await runAdminCli(
      ['privacy', 'erase', '--email', sme.smeEmail.toUpperCase(), '--yes', ...target()],
      {
        // As an operator runs it: the use cases' log level not lowered by the test runner
        POWERTOOLS_LOG_LEVEL: undefined,
      },
    );

    // Assess 2: no trace in any table item (both tables), the outbox or the execution history
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(
      /Erased: \d+ item\(s\) anonymised, 1 journey\(s\) withdrawn, \d+ link\(s\) deleted, \d+ outbox copies removed/,
    );
    expect(erased.stdout + erased.stderr).not.toContain(contactName);
    // …its output is the command's own lines, not the use cases' CloudWatch logs
    expect(erased.stdout).not.toContain('"level":"INFO"');
    expect(mentions(await everything())).toEqual([]);
    expect(mentions(await outbox())).toEqual([]);
    expect((await finished(sme.applicationId)).status).toBe('ABORTED');
    expect(mentions(await history(sme.applicationId))).toEqual([]);
    // …the journey ended withdrawn, its task cancelled, the manager's capacity released
    const application = await getApplication(tableName, sme.applicationId);
    expect(application).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', contact: { name: '—' } });
    expect(application?.company.vatNumber).toMatch(/^\d{11}$/);
    expect(await loadOf(second.managerId)).toBe(0);
    // …the status link no longer opens anything
    expect((await fetch(sme.statusUrl)).status).toBe(404);
    // …the counters the dashboard shows still count the application
    const countersAfter = await counters(programme.id);
    expect(countersAfter.applications).toBe(countersBefore.applications);
    // …and the export taken before holds every item the erasure changed
    const document = objectsIn(JSON.parse(await readFile(exported, 'utf8')));
    const mainTableItems = heldBefore.filter((item) => 'pk' in item);
    expect(mainTableItems.filter((item) => !document.has(canonical(shown(item))))).toEqual([]);

    // Act 3: asked again
    const again = await runAdminCli(['privacy', 'erase', '--email', sme.smeEmail, '--yes', ...target()]);

    // Assess 3: nothing left, and both requests recorded without the data
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing is held about');
    const log = await listAuditEvents(tableName, { kind: 'person', id: personId(sme.smeEmail) });
    expect(log.map((event) => [event.action, event.actor])).toEqual([
      ['privacy.exported', 'cli'],
      ['privacy.erased', 'cli'],
      ['privacy.erased', 'cli'],
    ]);
    expect(mentions(log)).toEqual([]);
    const withdrawal = await listAuditEvents(tableName, { kind: 'application', id: sme.applicationId });
    expect(withdrawal.map((event) => [event.action, event.actor])).toContainEqual([
      'application.withdrawn',
      'cli',
    ]);
  });

  it('erases a manager who follows no firm: out of matching, their words gone, their address free', async () => {
    // Prepare: a manager who declined an offer with a reason
    const manager = await newManager({
      cv: `Vent'anni in officina, referenze di ${randomUUID().slice(0, 6)}`,
    });
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    const reason = `Impegni familiari ${randomUUID().slice(0, 6)}`;
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), {
      decision: 'decline',
      reason,
    });
    const availabilityLinkHash = randomUUID().replaceAll('-', '').repeat(2);
    await putAvailabilityLink(tableName, availabilityLinkHash, manager.managerId, new Date().toISOString());
    const personal = [manager.name, manager.email, manager.cv ?? '', reason];
    const mentions = (value: unknown) => personal.filter((term) => JSON.stringify(value).includes(term));

    // Act
    const run = await runAdminCli(['privacy', 'erase', '--email', manager.email, '--yes', ...target()]);

    // Assess
    expect(run.code).toBe(0);
    expect(mentions(await everything())).toEqual([]);
    expect(mentions(await outbox())).toEqual([]);
    expect(await getManager(tableName, manager.managerId)).toMatchObject({
      name: '—',
      email: '—',
      status: 'inactive',
      merit: manager.merit,
    });
    // …and their availability link opens nothing any more
    const link = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: keys.link(availabilityLinkHash) }),
    );
    expect(link.Item).toBeUndefined();
  });

  it('refuses an address that is not one, before reading anything', async () => {
    const run = await runAdminCli(['privacy', 'erase', '--email', 'nobody', ...target()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give the person's e-mail address");
  });
});
