// The audit trail: every decision a person or an operator makes is one immutable event (who, when,
// what, codes before and after), written in the same transaction as the decision, so racing or
// repeated requests never make two, and never any free text or personal data. Exportable per
// programme as a spreadsheet CSV. (Pausing, resuming and closing a project, and the three answers of
// a journey, are checked in monitoring.test.ts.)
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '#shared/data/audit.ts';
import { documentClient } from '#shared/data/client.ts';
import { getProgramme } from '#shared/data/programmes.ts';
import { keys } from '#shared/data/table-design.ts';
import { loadProgrammes } from '#shared/use-cases/load-programmes.ts';
import { randomVatNumber } from '../support/fixtures.ts';
import {
  apply,
  emailTo,
  local,
  newManager,
  newProgramme,
  outbox,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

describe('the audit trail', () => {
  it('keeps one event for an offer answered twice at once, and for a withdrawal asked twice', async () => {
    // Prepare
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = randomVatNumber();
    });
    const offer = taskLink(await emailTo(manager.email, /Proposta di incarico/));

    // Act: the manager's two clicks race; then the SME withdraws twice
    const answers = await Promise.all([
      postJson(offer, { decision: 'decline', reason: 'Troppo lontano' }),
      postJson(offer, { decision: 'decline', reason: 'Troppo lontano' }),
    ]);
    const withdrawals = [
      await postJson(sme.statusUrl, { action: 'withdraw' }),
      await postJson(sme.statusUrl, { action: 'withdraw' }),
    ];

    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(withdrawals.map((w) => w.status)).toEqual([200, 409]);
    const log = await listAuditEvents(tableName, { kind: 'application', id: sme.applicationId });
    expect(log.map((e) => [e.action, e.actor, e.after])).toEqual([
      ['offer.answered', 'link:manager', 'decline'],
      ['application.withdrawn', 'link:sme', 'withdrawn'],
    ]);
    expect(JSON.stringify(log)).not.toContain('Troppo lontano');
    expect(JSON.stringify(log)).not.toContain(sme.companyName);
    for (const event of log) expect(event.programmeId).toBe(programme.id);
  });

  it('records the office freeing a firm’s place, its vetting of a manager and an operator loading a programme', async () => {
    // Prepare: a withdrawn application holding its firm's place; a manager who registered
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const vatNumber = randomVatNumber();
    const sme = await apply(programme.id, 'it', (application) => {
      application.company.vatNumber = vatNumber;
    });
    // Withdrawn once screened and offered to the manager (so the status it leaves is known: a
    // withdrawal racing the screening saw `submitted` or `eligible` by chance).
    await emailTo(manager.email, /Proposta di incarico/);
    await postJson(sme.statusUrl, { action: 'withdraw' });
    // A place kept after the journey ended (as an assessed firm's is), for the office to free.
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.companyInProgramme(programme.id, vatNumber),
          type: 'company-lock',
          applicationId: sme.applicationId,
          createdAt: new Date().toISOString(),
        },
      }),
    );
    const id = randomUUID().slice(0, 8);
    const registered = await postJson(`${local.site}/managers`, {
      name: `Marta Villa ${id}`,
      email: `marta.${id}@example.it`,
      languages: ['it'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital'],
      provinces: ['VA'],
      capacity: 2,
      conflicts: [],
      consent: { privacy: true },
    });
    const managerId = String(registered.body.managerId);
    const vetting = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = (await outbox()).find(
          (m) => m.text.includes(`Marta Villa ${id}`) && /tasks\//.test(m.text),
        );
        if (found) return taskLink(found);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no vetting e-mail');
    })();
    const stored = await getProgramme(tableName, programme.id);
    if (!stored) throw new Error('programme missing');

    // Act
    const unlocked = await postJson(`${local.site}/admin/programmes/${programme.id}/unlock`, { vatNumber });
    const vetted = await postJson(vetting, { decision: 'approve', merit: 75 });
    await loadProgrammes(tableName, [{ ...stored, quotas: { assessments: stored.quotas.assessments + 5 } }]);
    await loadProgrammes(tableName, [{ ...stored, quotas: { assessments: stored.quotas.assessments + 5 } }]);

    // Assess
    expect(unlocked.status).toBe(200);
    expect(vetted.status).toBe(200);
    const applicationLog = await listAuditEvents(tableName, { kind: 'application', id: sme.applicationId });
    expect(applicationLog.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
      ['application.withdrawn', 'link:sme', 'eligible', 'withdrawn'],
      ['company.unlocked', 'user:local-administrator', 'withdrawn', 'unlocked'],
    ]);
    const managerLog = await listAuditEvents(tableName, { kind: 'manager', id: managerId });
    expect(managerLog.map((e) => [e.action, e.actor, e.after])).toEqual([
      ['vetting.decided', 'link:office', 'approve'],
    ]);
    // Loading the same change twice is one change: the second load writes nothing.
    const programmeLog = await listAuditEvents(tableName, { kind: 'programme', id: programme.id });
    expect(programmeLog.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
      ['programme.loaded', 'cli', 'present', 'update'],
    ]);

    // Act: the programme's decision log as the office downloads it
    const csv = await fetch(`${local.site}/admin/programmes/${programme.id}/audit.csv?lang=en`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    const lines = bytes.toString('utf8').trim().split('\n');

    // Assess
    expect(csv.status).toBe(200);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM a spreadsheet looks for
    expect(lines[0]?.replace(/^\uFEFF/, '')).toBe(
      'When (Italian time),Decision,About,ID,Who,Before,After,Event ID',
    );
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([
      'application.withdrawn',
      'company.unlocked',
      'programme.loaded',
    ]);
  });
});
