// People's data requests from the programme office's area (signed in as the local administrator):
// the page, a copy downloaded, the erasure previewed (nothing written) and done, a refusal with
// nothing written, a bad address refused in the office's language, a post from another site refused.
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { listAuditEvents } from '#shared/data/audit.ts';
import { personId } from '#shared/use-cases/privacy-export.ts';
import {
  apply,
  emailTo,
  local,
  newManager,
  newProgramme,
  postJson,
  tableName,
  taskLink,
} from '../support/journey-kit.ts';

const page = `${local.site}/admin/privacy`;
const form = (fields: Record<string, string>, origin = local.site) =>
  fetch(page, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: origin },
    body: new URLSearchParams(fields).toString(),
  });

describe('data requests in the admin area', () => {
  it('downloads a copy, previews the erasure without writing, then erases', async () => {
    // Prepare
    const programme = await newProgramme([await newManager()]);
    const sme = await apply(programme.id);

    // Act
    const shown = await fetch(`${page}?lang=en`, { headers: { Accept: 'text/html' } });
    const copy = await form({ action: 'export', email: sme.smeEmail, lang: 'en' });
    const preview = await form({ action: 'preview', email: sme.smeEmail, lang: 'en' });
    const previewHtml = await preview.text();
    const untouched = await getApplication(tableName, sme.applicationId);
    const erased = await form({ action: 'erase', email: sme.smeEmail, lang: 'en' });

    // Assess
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Personal-data requests');
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(((await copy.json()) as { email: string }).email).toBe(sme.smeEmail);
    expect(preview.status).toBe(200);
    expect(previewHtml).toContain('Held: 1 application(s) as a contact (1 journey(s) still running');
    expect(previewHtml).toContain('Erase now (cannot be undone)');
    expect(untouched?.company.name).toBe(sme.companyName);
    expect(erased.status).toBe(200);
    expect(await erased.text()).toMatch(/Erased: \d+ item\(s\) anonymised, 1 journey\(s\) withdrawn/);
    expect(await getApplication(tableName, sme.applicationId)).toMatchObject({
      status: 'withdrawn',
      company: { name: '—' },
    });
    const log = await listAuditEvents(tableName, { kind: 'person', id: personId(sme.smeEmail) });
    expect(log.map((event) => [event.action, event.actor])).toEqual([
      ['privacy.exported', 'user:local-administrator'],
      ['privacy.erased', 'user:local-administrator'],
    ]);
  });

  it('refuses to erase a manager who follows a firm, writing nothing', async () => {
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    await apply(programme.id);
    await postJson(taskLink(await emailTo(manager.email, /Proposta di incarico/)), { decision: 'accept' });

    const refused = await fetch(page, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: local.site },
      body: JSON.stringify({ action: 'erase', email: manager.email }),
    });

    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      refusals: [{ reason: 'manager_engaged', managerId: manager.managerId, engagements: 1 }],
    });
  });

  it('refuses a bad address in the office’s language, and a post from another site', async () => {
    const bad = await form({ action: 'preview', email: 'not-an-address', lang: 'it' });
    const crossSite = await form(
      { action: 'erase', email: 'x@example.it', lang: 'en' },
      'https://evil.example',
    );

    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Scrivi un indirizzo e-mail valido.');
    expect(crossSite.status).toBe(403);
  });
});
