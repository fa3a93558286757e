// An SME contact's data requests from the status page, as the contact makes them: a POST on the
// status link e-mails a confirmation link (once a day per request); the link's page shows what the
// request does (GET) and confirming it does it once (POST): a copy of their data as a JSON download,
// or their erasure, after which neither link opens anything and no item names them.
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '#shared/data/audit.ts';
import { scanItems } from '#shared/data/client.ts';
import { personId } from '#shared/use-cases/privacy-export.ts';
import {
  apply,
  emailTo,
  local,
  newManager,
  newProgramme,
  outbox,
  postJson,
  tableName,
} from '../support/journey-kit.ts';

const confirmationLink = (text: string) => {
  const match = text.match(/https?:\/\/[^\s]+\/privacy-requests\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error('no confirmation link');
  return match[0];
};
const formPost = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: local.site },
    body: new URLSearchParams(fields).toString(),
  });

describe('data requests from the status page', () => {
  it('e-mails a confirmation link, once a day, and the link downloads the copy once', async () => {
    // Prepare
    const programme = await newProgramme([await newManager()]);
    const sme = await apply(programme.id);

    // Act: asked twice
    const first = await postJson(sme.statusUrl, { action: 'privacy-export' });
    const second = await postJson(sme.statusUrl, { action: 'privacy-export' });

    // Assess: one e-mail, to the contact, in their language, with the link
    expect(first).toMatchObject({ status: 202, body: { result: 'sent' } });
    expect(second).toMatchObject({ status: 202, body: { result: 'already_sent' } });
    const email = await emailTo(sme.smeEmail, /Conferma la tua richiesta sui dati personali/);
    expect(
      (await outbox()).filter((m) => m.to.includes(sme.smeEmail) && m.subject === email.subject),
    ).toHaveLength(1);
    const link = confirmationLink(email.text);
    expect(email.html).toContain(link);

    // Act: the page, then the confirmation, then the confirmation again
    const page = await fetch(link, { headers: { Accept: 'text/html' } });
    const pageHtml = await page.text();
    const download = await formPost(link, { lang: 'it' });
    const again = await formPost(link, { lang: 'it' });

    // Assess
    expect(page.status).toBe(200);
    expect(pageHtml).toContain('Scarica i miei dati');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="percorso-pmi-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const document = (await download.json()) as {
      applications: { application: { company: { name: string } } }[];
    };
    expect(document.applications.map((one) => one.application.company.name)).toEqual([sme.companyName]);
    expect(again.status).toBe(404);
    const log = await listAuditEvents(tableName, { kind: 'person', id: personId(sme.smeEmail) });
    expect(log.map((event) => [event.action, event.actor])).toEqual([['privacy.exported', 'link:sme']]);
  });

  it('erases the contact once confirmed: the journey withdrawn, both links dead, no item names them', async () => {
    // Prepare: a journey waiting for its manager's answer
    const manager = await newManager();
    const programme = await newProgramme([manager]);
    const sme = await apply(programme.id, 'en');
    await emailTo(manager.email, /Proposta di incarico|Engagement offer/);
    const asked = await formPost(sme.statusUrl, { action: 'privacy-erase', lang: 'en' });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('We have sent you an e-mail with the link to confirm the request');
    const link = confirmationLink((await emailTo(sme.smeEmail, /Confirm your personal-data request/)).text);
    const page = await (await fetch(link, { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain('Erase my data');

    // Act
    const confirmed = await formPost(link, { lang: 'en' });

    // Assess
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Your data has been erased');
    expect((await fetch(sme.statusUrl)).status).toBe(404);
    expect((await fetch(link)).status).toBe(404);
    const items = await scanItems(tableName, { expression: 'attribute_exists(pk)' });
    expect(JSON.stringify(items)).not.toContain(sme.companyName);
    expect(JSON.stringify(items)).not.toContain(sme.smeEmail);
    // (The local outbox keeps what was delivered, as the contact's mailbox does: SES keeps no copy.
    // The operator's `privacy erase` also clears the local outbox; a Lambda cannot reach it.)
  });

  it('refuses an action the page does not offer, in the contact’s language', async () => {
    const programme = await newProgramme([await newManager()]);
    const sme = await apply(programme.id);
    const response = await postJson(sme.statusUrl, { action: 'privacy-delete-everything' });
    expect(response.status).toBe(422);
    expect(response.body.fields).toEqual([
      { field: 'action', message: 'Richiesta non valida: usa i pulsanti della pagina di stato.' },
    ]);
  });
});
