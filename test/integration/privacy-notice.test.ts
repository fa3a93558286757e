// The privacy notice a person consents to: each programme's own (its controller, contact and
// retention, or the programme office's by default), the managers' one, both linked from their
// forms, in Italian and English; and the consent stored with the notice's version and time.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getApplication } from '#shared/data/applications.ts';
import { getManager } from '#shared/data/managers.ts';
import { privacyNoticeTextVersion } from '#shared/domain/privacy.ts';
import { randomVatNumber } from '../support/fixtures.ts';
import { apply, local, newManager, newProgramme, postJson, tableName } from '../support/journey-kit.ts';

const officeEmail = 'ufficio.programmi@percorso-pmi.local';
const page = async (path: string) => {
  const response = await fetch(`${local.site}${path}`, { headers: { Accept: 'text/html' } });
  return { status: response.status, html: await response.text() };
};

describe('the privacy notice', () => {
  it('states the programme office, its address and 24 months by default, linked from the form in both languages', async () => {
    // Prepare
    const programme = await newProgramme([await newManager()]);

    // Act
    const italian = await page(`/privacy/${programme.id}`);
    const english = await page(`/privacy/${programme.id}?lang=en`);
    const form = await page(`/?programme=${programme.id}&lang=en`);

    // Assess
    expect(italian.status).toBe(200);
    expect(italian.html).toContain('<h1>Informativa sulla privacy</h1>');
    expect(italian.html).toContain(`L’ufficio del programma «Programma ${programme.id}».`);
    expect(italian.html).toContain(programme.officeEmail);
    expect(italian.html).toContain('Per 24 mesi dalla conclusione');
    expect(italian.html).toContain(`Versione ${privacyNoticeTextVersion}.`);
    expect(english.html).toContain('<h1>Privacy notice</h1>');
    expect(english.html).toContain('For 24 months after');
    expect(form.html).toContain(`href="/privacy/${programme.id}?lang=en"`);
    expect(form.html).toContain(`Read the privacy notice (version ${privacyNoticeTextVersion})`);
  });

  it('states a programme’s own controller, contact and retention, with its version in the notice’s', async () => {
    // Prepare
    const programme = await newProgramme([await newManager()], {
      privacy: {
        version: '2027-01',
        controller: { it: 'Camera di Commercio di Varese', en: 'Varese Chamber of Commerce' },
        contactEmail: 'dpo@camera.example.it',
      },
      retention: { personalDataMonths: 36 },
    });

    // Act
    const notice = await page(`/privacy/${programme.id}?lang=en`);
    const sme = await apply(programme.id);
    const stored = await getApplication(tableName, sme.applicationId);

    // Assess
    expect(notice.html).toContain('Varese Chamber of Commerce');
    expect(notice.html).toContain('dpo@camera.example.it');
    expect(notice.html).toContain('For 36 months after');
    expect(notice.html).toContain(`Version ${privacyNoticeTextVersion}+2027-01.`);
    // The consent names the version in force when the firm applied, and when.
    expect(stored?.privacyConsent?.noticeVersion).toBe(`${privacyNoticeTextVersion}+2027-01`);
    expect(Date.now() - Date.parse(stored?.privacyConsent?.at ?? '')).toBeLessThan(60_000);
  });

  it('answers 404 for a programme that does not exist, with no stack trace', async () => {
    const missing = await page('/privacy/no-such-programme');
    expect(missing.status).toBe(404);
    expect(missing.html).not.toMatch(/Error:|at .*\.ts/);
  });

  it('gives managers their own notice, linked from the registration form, and stores their consent', async () => {
    // Prepare
    const id = randomUUID().slice(0, 8);

    // Act
    const notice = await page('/privacy?lang=en');
    const form = await page('/managers/register');
    const registered = await postJson(`${local.site}/managers`, {
      name: `Lucia Ferri ${id}`,
      email: `lucia.${id}@example.it`,
      languages: ['it'],
      atecoSections: ['C'],
      atecoDivisions: ['25'],
      competences: ['digital'],
      provinces: ['MI'],
      capacity: 2,
      conflicts: [randomVatNumber()],
      consent: { privacy: true },
    });
    const manager = await getManager(tableName, String(registered.body.managerId));

    // Assess
    expect(registered.status).toBe(201);
    expect(notice.status).toBe(200);
    expect(notice.html).toContain('the managers who join the roster');
    expect(notice.html).toContain(officeEmail);
    expect(form.html).toContain('href="/privacy?lang=it"');
    // The site's notice (every e-mail's foot links it) leads an SME to its programme's notice.
    expect(notice.html).toContain('href="/privacy/sviluppo-pmi?lang=en"');
    expect(manager?.privacyConsent?.noticeVersion).toBe(privacyNoticeTextVersion);
  });
});
