// Manager onboarding through the public API and e-mailed links: registration (JSON), the programme
// office's vetting (approve with merit, or reject), the welcome e-mail with the personal
// availability link, and availability changes (never below the current load).
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '#shared/data/client.ts';
import { getManager, reserveManagerCapacity } from '#shared/data/managers.ts';
import { keys } from '#shared/data/table-design.ts';
import { eventually, randomVatNumber } from '../support/fixtures.ts';
import { emailTo, local, outbox, postJson, tableName } from '../support/journey-kit.ts';

const officeEmail = 'ufficio.programmi@percorso-pmi.local';

function registration(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Lucia Ferri ${id}`,
    email: `lucia.${id}@example.it`,
    phone: '+39 02 1234567',
    languages: ['it', 'en'],
    atecoSections: ['C'],
    atecoDivisions: ['25', '28'],
    competences: ['digital', 'automationAndAi'],
    provinces: ['MI', 'MB'],
    capacity: 3,
    cv: 'Vent’anni in produzione meccanica.',
    conflicts: [randomVatNumber()],
    consent: { privacy: true },
    ...overrides,
  };
}

/** The vetting link the programme office received for that manager. */
async function vettingLinkFor(name: string) {
  const vetting = await eventually(async () =>
    (await outbox()).find((m) => m.to.includes(officeEmail) && m.text.includes(name)),
  );
  const link = vetting.text.match(/https?:\/\/\S+\/tasks\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error('no vetting link');
  return link;
}

describe('manager onboarding', () => {
  it('registers a manager pending vetting, activates them on approval and welcomes them with a personal link', async () => {
    // Prepare
    const body = registration();

    // Act
    const registered = await postJson(`${local.site}/managers`, body);
    const again = await postJson(
      `${local.site}/managers`,
      { ...body, name: 'Altro nome' },
      { 'Accept-Language': 'en' },
    );
    const vettingLink = await vettingLinkFor(body.name);
    const page = await fetch(vettingLink, { headers: { Accept: 'text/html' } });
    const approved = await postJson(vettingLink, {
      decision: 'approve',
      merit: 85,
      notes: 'Ottime referenze',
    });
    const welcome = await emailTo(body.email, /Benvenuto/);
    const availabilityLink =
      welcome.text.match(/https?:\/\/\S+\/managers\/availability\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';

    // Assess
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ status: 'pending_vetting' });
    // A known address gets the same answer as a new one (no enumeration), and an e-mail instead.
    expect(again.status).toBe(201);
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(registered.body).sort());
    expect(again.body.status).toBe('pending_vetting');
    expect(await getManager(tableName, String(again.body.managerId))).toBeUndefined();
    expect((await emailTo(body.email, /già registrato|already in the/)).text).toMatch(
      /in verifica|being reviewed/,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(body.name);
    expect(approved.status).toBe(200);
    const managerId = String(registered.body.managerId);
    const active = await eventually(async () => {
      const manager = await getManager(tableName, managerId);
      return manager?.status === 'active' ? manager : undefined;
    });
    expect(active.merit).toBe(85);
    expect(availabilityLink).not.toBe('');
    expect(welcome.html).toContain(availabilityLink);

    // Act: availability through the personal link, never below the engagements in progress.
    await reserveManagerCapacity(tableName, {
      managerId,
      applicationId: randomUUID(),
      at: new Date().toISOString(),
    });
    const shown = await fetch(availabilityLink, { headers: { Accept: 'text/html' } });
    const belowLoad = await postJson(
      availabilityLink,
      { capacity: 0, status: 'active' },
      { 'Accept-Language': 'en' },
    );
    const paused = await postJson(availabilityLink, { capacity: 2, status: 'inactive' });
    const crossSite = await fetch(availabilityLink, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: 'capacity=0&status=inactive',
    });

    // Assess
    expect(shown.status).toBe(200);
    expect(belowLoad.status).toBe(422);
    expect(String(belowLoad.body.message)).toMatch(/engagements in progress \(1\)/);
    expect(paused.status).toBe(200);
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toMatch(/solo dalle pagine di questo sito/);
    expect(await getManager(tableName, managerId)).toMatchObject({
      capacity: 2,
      status: 'inactive',
      load: 1,
    });
  });

  it('tells a rejected manager why, and never makes them available', async () => {
    const body = registration();
    const registered = await postJson(`${local.site}/managers`, body);
    const rejected = await postJson(await vettingLinkFor(body.name), {
      decision: 'reject',
      reason: 'Esperienza non pertinente',
    });
    const message = await emailTo(body.email, /./);

    expect(rejected.status).toBe(200);
    expect(message.text).toContain('Esperienza non pertinente');
    expect(
      await eventually(async () => {
        const manager = await getManager(tableName, String(registered.body.managerId));
        return manager?.status === 'rejected' ? manager.status : undefined;
      }),
    ).toBe('rejected');
    // …and what they gave to register expires after the retention (24 months by default)
    const expiries = await eventually(async () => {
      const items = await Promise.all(
        [keys.manager(String(registered.body.managerId)), keys.managerEmail(body.email)].map(
          async (key) => (await documentClient.send(new GetCommand({ TableName: tableName, Key: key }))).Item,
        ),
      );
      return items.every((item) => typeof item?.expiresAt === 'number')
        ? items.map((item) => item?.expiresAt)
        : undefined;
    });
    const monthsAway = (Number(expiries[0]) * 1000 - Date.now()) / (30.44 * 24 * 3600 * 1000);
    expect(monthsAway).toBeGreaterThan(23.5);
    expect(monthsAway).toBeLessThan(24.5);
    expect(expiries[1]).toBe(expiries[0]);
  });

  it('names every wrong field of a registration and stores nothing; serves the form in both languages', async () => {
    const bad = registration({ provinces: ['TO'], capacity: -1, consent: { privacy: false } });
    const answer = await postJson(`${local.site}/managers`, bad, { 'Accept-Language': 'en' });
    const italian = await fetch(`${local.site}/managers/register`);
    const english = await fetch(`${local.site}/managers/register?lang=en`);

    expect(answer.status).toBe(422);
    const fields = (answer.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['capacity', 'consent.privacy', 'provinces']);
    expect(italian.status).toBe(200);
    expect(await italian.text()).toContain('<html lang="it"');
    expect(await english.text()).toContain('<html lang="en"');
  });

  it('recognises an address taken by the roster import or the demo roster when someone registers with it', async () => {
    // Prepare: a manager imported from a CSV roster; the demo roster is loaded with the stack.
    const { importManagers } = await import('#shared/use-cases/import-managers.ts');
    const { demoManagers } = await import('#shared/programmes/demo-managers.ts');
    const address = `import.${randomUUID().slice(0, 8)}@example.it`;
    const csv = [
      'name,email,languages,atecoSections,competences,provinces,capacity,merit',
      `Rita Import,${address},it,C,digital,MI,2,80`,
    ].join('\n');
    const imported = await importManagers(tableName, csv);

    // Act
    const afterImport = await postJson(`${local.site}/managers`, registration({ email: address }));
    const afterDemo = await postJson(
      `${local.site}/managers`,
      registration({ email: demoManagers[0]?.email }),
    );

    // Assess
    expect(imported.ok).toBe(true);
    // The same answer as a new address, nothing created, and the address told, with a fresh
    // availability link for the imported (active) manager.
    for (const answer of [afterImport, afterDemo]) {
      expect(answer.status).toBe(201);
      expect(await getManager(tableName, String(answer.body.managerId))).toBeUndefined();
    }
    const told = await emailTo(address, /già registrato/);
    expect(told.text).toMatch(/\/managers\/availability\/[A-Za-z0-9_-]{43}/);
  });
});
